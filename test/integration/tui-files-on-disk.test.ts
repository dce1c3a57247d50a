/**
 * What kx leaves on disk: the built-in demo's kubeconfig (it holds a token) is gone however kx
 * ends, and a log saved with ctrl-s is private. Runs the built bin/kx in tmux with its own HOME.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killTerminals, openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';

let root: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'kx-files-'));
});

after(() => {
  killTerminals();
  rmSync(root, { recursive: true, force: true });
});

/** Starts `kx --demo <args>` with a fresh HOME; returns the terminal and that HOME. */
function demo(name: string, args = ''): { t: TmuxTerminal; home: string; demoDir: string } {
  const home = join(root, name);
  mkdirSync(home);
  const t = openKx(`--demo ${args}`, {
    columns: 140,
    rows: 30,
    env: { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') },
  });
  return { t, home, demoDir: join(home, 'cache', 'kx', 'demo') };
}

function kubeconfigs(demoDir: string): string[] {
  return existsSync(demoDir) ? readdirSync(demoDir).filter((f) => /^kubeconfig-\d+\.yaml$/.test(f)) : [];
}

/** Waits for the demo to be up and returns kx's pid, read from its kubeconfig's name. */
async function running(t: TmuxTerminal, demoDir: string): Promise<number> {
  await t.waitFor(/● live/);
  const [file] = kubeconfigs(demoDir);
  assert.ok(file, 'the demo kubeconfig exists while kx runs');
  return Number(/\d+/.exec(file)![0]);
}

test('quitting with q removes the demo kubeconfig', async () => {
  const { t, demoDir } = demo('quit');
  await running(t, demoDir);
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
  assert.deepEqual(kubeconfigs(demoDir), []);
});

test('SIGTERM and SIGHUP remove the demo kubeconfig', async () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    const { t, demoDir } = demo(signal);
    const pid = await running(t, demoDir);
    process.kill(pid, signal);
    await t.waitFor(/kx exited with \d+/);
    assert.deepEqual(kubeconfigs(demoDir), [], signal);
  }
});

test('an error after the demo started removes its kubeconfig too', async () => {
  const { t, demoDir } = demo('error', 'nosuchresource');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 1/);
  assert.deepEqual(kubeconfigs(demoDir), []);
});

test('ctrl-s in the logs pane saves a 0600 file and tightens the logs folder to 0700', { skip: process.platform === 'win32' }, async () => {
  const { t, home, demoDir } = demo('logs');
  const logsDir = join(home, 'state', 'kx', 'logs');
  mkdirSync(logsDir, { recursive: true });
  chmodSync(logsDir, 0o755);
  await running(t, demoDir);
  t.send('l');
  await t.waitFor(/logs pod\//);
  t.send('C-s');
  await t.waitFor(/Saved [\d,]+ lines to/);
  const [file] = readdirSync(logsDir);
  assert.ok(file, 'a log file was saved');
  assert.equal((statSync(logsDir).mode & 0o777).toString(8), '700');
  assert.equal((statSync(join(logsDir, file)).mode & 0o777).toString(8), '600');
  t.send('Escape');
  // A q right behind the escape would read as alt-q.
  await t.waitFor((s) => !s.includes('logs pod/'));
  t.send('q');
  await t.waitFor(/kx exited with \d+/);
});
