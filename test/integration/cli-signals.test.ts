/**
 * A kx process ended by a signal reports it as a shell (and kubectl) does: 128 + the signal's
 * number (SIGHUP 129, SIGINT 130, SIGTERM 143), and the explorer gives the terminal back first.
 * The explorer runs in tmux (a real pty); its pid comes from a file the wrapping shell writes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pod } from '../support/demo-fixtures.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { startTmux, type TmuxTerminal } from '../support/tmux-terminal.ts';
import { bareEnv, kxBin, startKx } from '../support/kx-process.ts';

let demo: DemoSetup;
let dir: string;
const terminals: TmuxTerminal[] = [];

before(async () => {
  demo = await startDemoSetup();
  demo.server.store.create({ group: '', plural: 'pods' }, pod('default', 'web-1'));
  demo.runtime.log('default', 'web-1', 'app').write('hello');
  dir = mkdtempSync(join(tmpdir(), 'kx-signals-'));
});
after(async () => {
  for (const t of terminals) t.kill();
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

const signals = [
  ['SIGHUP', 129],
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const;

for (const [signal, code] of signals) {
  test(`the explorer on ${signal}: exit code ${code}, cooked mode, main screen and cursor back`, async () => {
    const pidFile = join(dir, `${signal}.pid`);
    // `exec` keeps the pid the shell wrote; afterwards the shell says what the terminal is like.
    const kx = `sh -c 'echo $$ > ${pidFile}; exec ${process.execPath} ${kxBin} --kubeconfig ${demo.kubeconfig}'`;
    const t = startTmux(`${kx}; echo "kx exited with $?"; stty -a | tr ' ' '\\n' | grep -x -- '-\\{0,1\\}icanon'`, { columns: 120, rows: 12, env: { HOME: dir } });
    terminals.push(t);
    await t.waitFor(/web-1\s+1\/1\s+Running/);
    process.kill(Number(readFileSync(pidFile, 'utf8')), signal);
    const screen = await t.waitFor(/kx exited with \d+\n\S+/);
    assert.match(screen, new RegExp(`kx exited with ${code}\\n`));
    assert.match(screen, /^icanon$/m, 'the terminal is in cooked mode again');
    const [alternate, cursor] = execFileSync('tmux', ['display-message', '-p', '-t', t.session, '#{alternate_on} #{cursor_flag}'], { encoding: 'utf8' }).trim().split(' ');
    assert.deepEqual({ alternate, cursor }, { alternate: '0', cursor: '1' }, 'the main screen with a visible cursor');
  });
}

test('a one-shot command on SIGHUP ends by the signal, which a shell reports as 129', async () => {
  const child = startKx(['--kubeconfig', demo.kubeconfig, 'logs', '-f', 'web-1'], bareEnv(dir));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.kill('SIGHUP');
  const [exitCode, exitSignal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  assert.ok(exitSignal === 'SIGHUP' || exitCode === 129, `ended with code ${exitCode}, signal ${exitSignal}`);
});
