/**
 * A bounded, seeded key fuzzer: random keys from kx's keymap, prompts and terminal resizes against
 * the churning demo cluster. After every batch kx must be running, drawing its frame, showing no
 * JavaScript leaks (undefined, NaN, [object, stack traces), and it must not have written to the
 * cluster: every dialog is answered no. Replay a failure with the seed it prints:
 *   KX_FUZZ_SEED=123 node --import tsx --test test/integration/tui-fuzz.test.ts
 */
import { after, before, test } from 'node:test';
import { execFile } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';
import { kxBin } from '../support/kx-process.ts';
import {
  answersDialogKey,
  dialogOnScreen,
  keyLabel,
  kxErrorOnScreen,
  kxFrameOnScreen,
  opensDialogKey,
  planBatch,
  randomSize,
  screenProblems,
  seededRng,
  attachOnScreen,
  shellOnScreen,
  startTmuxControl,
  type FuzzKey,
  type FuzzStep,
  type TmuxControl,
} from '../support/key-fuzzer.ts';

const seed = process.env.KX_FUZZ_SEED ? Number(process.env.KX_FUZZ_SEED) >>> 0 : Math.floor(Math.random() * 2 ** 32);
// Keys to leave out while a bug they trigger is open, e.g. KX_FUZZ_SKIP_KEYS=f,C-s (comma-separated).
const skipKeys = new Set((process.env.KX_FUZZ_SKIP_KEYS ?? '').split(',').filter(Boolean));
const batches = Number(process.env.KX_FUZZ_BATCHES ?? 40);
const keysPerBatch = 60;
// Wall-clock bound for the batches (kx start-up and teardown come on top): a slow machine runs fewer.
const budgetMs = 50_000;
const run = promisify(execFile);

let demo: DemoCluster;
let dir: string;
let term: TmuxTerminal | undefined;
let tmux: TmuxControl | undefined;

// The demo counts every non-GET request it answers over HTTP (GET /kx-demo/requests → writes);
// its controllers and churn write to the store in-process, so any HTTP write came from kx. kx also
// POSTs SelfSubjectAccessReviews, which change nothing, so each request is seen here to tell them apart.
type Seen = { method: string; path: string };
const nonGets: Seen[] = [];
let demoPort = 0;
const onRequest = (message: unknown): void => {
  const req = (message as { request: IncomingMessage }).request;
  // By Host: a TLS socket the demo hands to its HTTPS server knows no local port.
  if (req.headers.host?.endsWith(`:${demoPort}`) !== true || req.method === 'GET') return;
  nonGets.push({ method: req.method ?? '?', path: req.url ?? '' });
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-fuzz-'));
  // Churn stays on (the demo's default): rows come and go under the keys.
  demo = await startDemoCluster({ kubeconfigPath: join(dir, 'config') });
  demoPort = Number(new URL(demo.server.url).port);
  subscribe('http.server.request.start', onRequest);
});

after(async () => {
  tmux?.close();
  term?.kill();
  unsubscribe('http.server.request.start', onRequest);
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function demoWrites(): Promise<number> {
  const res = await fetch(`${demo.server.url}/kx-demo/requests`, { headers: { authorization: `Bearer ${demo.server.token}` } });
  return ((await res.json()) as { writes: number }).writes;
}

/** Requests that change nothing though they are not GETs (kx's RBAC questions). */
function harmless(r: Seen): boolean {
  return r.method === 'POST' && /^\/apis\/authorization\.k8s\.io\/v1\/self(subject)?(access|rules)reviews(\?|$)/.test(r.path);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test(`random keys, prompts and resizes leave kx running, drawing, and the cluster untouched (KX_FUZZ_SEED=${seed})`, { timeout: 120_000 }, async (t) => {
  const rng = seededRng(seed);
  let size = { columns: 120, rows: 30 };
  const pane = openKx('-n shop', {
    kubeconfig: demo.kubeconfigPath,
    ...size,
    cwd: dir,
    // e opens the editor: one that changes nothing (kx says the edit was cancelled).
    env: { KX_CONFIG_DIR: join(dir, 'no-config'), XDG_STATE_HOME: join(dir, 'state'), KUBE_EDITOR: 'true' },
  });
  term = pane;
  const ctl = (tmux = startTmuxControl());
  const target = pane.session;
  const screen = (): Promise<string> => ctl.run('capture-pane', '-p', '-t', target);
  await pane.waitFor(/pods \(shop\)\s+● live/);

  const sent: string[] = [];
  const note = (label: string): void => {
    sent.push(label);
    if (sent.length > 120) sent.splice(0, sent.length - 120);
  };
  let batch = 0;
  let keyCount = 0;
  const fail = (reason: string, shown: string): never => {
    throw new Error(
      `kx fuzz: ${reason}\n` +
        `seed ${seed}, batch ${batch} of ${batches}, terminal ${size.columns}×${size.rows}, ${keyCount} keys sent\n` +
        `replay: ${skipKeys.size ? `KX_FUZZ_SKIP_KEYS=${[...skipKeys].join(',')} ` : ''}KX_FUZZ_SEED=${seed} node --import tsx --test test/integration/tui-fuzz.test.ts\n` +
        `last keys (oldest first): ${sent.join(' ')}\n` +
        `screen:\n${shown}`,
    );
  };

  const sendKeys = async (keys: FuzzKey[]): Promise<void> => {
    // Names go in one send-keys, text as hex bytes (-H): nothing for tmux's parser to misread.
    let names: string[] = [];
    const flush = async (): Promise<void> => {
      if (names.length) await ctl.run('send-keys', '-t', target, ...names);
      names = [];
    };
    for (const k of keys) {
      if ('name' in k) names.push(k.name);
      else {
        await flush();
        await ctl.run('send-keys', '-t', target, '-H', ...[...Buffer.from(k.literal)].map((b) => b.toString(16)));
      }
      note(keyLabel(k));
      keyCount++;
    }
    await flush();
  };

  /** Says no to whatever asks and leaves a shell, until kx's frame is back with nothing asking. */
  const calm = async (): Promise<string> => {
    const deadline = Date.now() + 10_000;
    let shown = await screen();
    while (Date.now() < deadline) {
      if (/kx exited with \d+/.test(shown)) fail('kx exited', shown);
      if (attachOnScreen(shown)) {
        // Detach (docker's keys; output-only sessions also take ctrl-c, which goes to the session, not kx).
        await ctl.run('send-keys', '-t', target, 'C-p', 'C-q');
        await sleep(200);
        if (attachOnScreen(await screen())) await ctl.run('send-keys', '-t', target, 'C-c');
        note('[attach: detach]');
        await sleep(400);
      } else if (shellOnScreen(shown)) {
        // Whatever random text sits on the shell's line runs first (the demo's shell only reads files).
        await ctl.run('send-keys', '-t', target, 'Enter', 'e', 'x', 'i', 't', 'Enter');
        note('[shell: exit]');
        await sleep(400);
      } else if (dialogOnScreen(shown)) {
        // n and esc both say no; esc also closes the scale dialog and a dialog showing its outcome.
        const key = shown.includes('y yes · n/esc no') && rng.chance(0.5) ? 'n' : 'Escape';
        await ctl.run('send-keys', '-t', target, key);
        note(`[dialog: ${keyLabel({ name: key })}]`);
        await sleep(200);
      } else if (kxFrameOnScreen(shown)) {
        return shown;
      } else if (kxErrorOnScreen(shown) !== undefined) {
        fail(`kx stopped on an error (${(await kxRunning(pane)) ? 'its process is still running' : 'its process is gone'})`, shown);
      } else {
        await sleep(100);
      }
      shown = await screen();
    }
    const proc = await kxProcess(pane);
    return fail(`no kx frame on screen (or a dialog that does not close) for 10 s; kx process: ${proc ? `pid, state, %cpu, elapsed: ${proc}` : 'gone'}`, shown);
  };

  /** After a key that may open a dialog or a shell: watch a moment, and say no to what opens. */
  const answerNo = async (): Promise<void> => {
    // Delete, kill, restart and scale open on the key, the shell after a GET of the pod; a
    // loaded machine draws late, so look for a while before letting y or enter go out again.
    for (let waited = 0; waited < 300; waited += 30) {
      await sleep(30);
      const shown = await screen();
      if (dialogOnScreen(shown) || shellOnScreen(shown) || attachOnScreen(shown)) {
        await calm();
        return;
      }
    }
  };

  // A table draws its prompt on the last line, a pane above its hints bar (which may start "/ ").
  const promptLine = async (key: string): Promise<string | undefined> =>
    (await screen())
      .trimEnd()
      .split('\n')
      .slice(-2)
      .map((l) => l.trim())
      .find((l) => l === key || (l.startsWith(key) && !l.startsWith(`${key} `)));

  const runStep = async (step: FuzzStep): Promise<void> => {
    if (step.kind === 'prompt') {
      await calm();
      await sendKeys([{ literal: step.key }]);
      // Ink draws the prompt before its input handler is attached: wait for it, then a moment.
      const deadline = Date.now() + 600;
      let line = await promptLine(step.key);
      while (line === undefined && Date.now() < deadline) {
        await sleep(40);
        line = await promptLine(step.key);
      }
      if (line === undefined) note(`[no ${step.key} prompt]`);
      else await sleep(100);
      if (step.text) await sendKeys([{ literal: step.text }]);
      let end = step.end;
      if (end === 'Tab+Enter') {
        // Tab on an empty ':' may complete to a builtin such as quit: submit only a prefix seen typed.
        await sleep(100);
        if (line === undefined || (await promptLine(step.key))?.startsWith(`${step.key}${step.text}`) !== true) end = 'Tab+Escape';
      }
      const keys: FuzzKey[] =
        end === 'Enter' ? [{ name: 'Enter' }] : end === 'Escape' ? [{ name: 'Escape' }] : end === 'Tab+Escape' ? [{ name: 'Tab' }, { name: 'Escape' }] : [{ name: 'Tab' }, { name: 'Enter' }];
      // A prompt that did not open leaves the keys to a view: enter there must not meet a dialog.
      if (keys.some(answersDialogKey) && dialogOnScreen(await screen())) await calm();
      await sendKeys(keys);
      await sleep(rng.int(0, 50));
      return;
    }
    // y and enter answer dialogs: a burst never carries them past a key that may open one.
    let chunk: FuzzKey[] = [];
    for (const k of step.keys) {
      if (answersDialogKey(k) && dialogOnScreen(await screen())) {
        await sendKeys(chunk);
        chunk = [];
        await calm();
      }
      chunk.push(k);
      if (opensDialogKey(k)) {
        await sendKeys(chunk);
        chunk = [];
        await answerNo();
      }
    }
    await sendKeys(chunk);
    await sleep(rng.int(0, 40));
  };

  const started = Date.now();
  let writesBefore = await demoWrites();
  let seenBefore = nonGets.length;
  for (batch = 1; batch <= batches; batch++) {
    if (Date.now() - started > budgetMs) {
      t.diagnostic(`time budget reached after ${batch - 1} batches`);
      break;
    }
    if (batch > 1 && rng.chance(0.3)) {
      size = randomSize(rng);
      await ctl.run('resize-window', '-t', target, '-x', String(size.columns), '-y', String(size.rows));
      note(`[resize ${size.columns}×${size.rows}]`);
      await sleep(150);
      // A dialog hidden while the terminal was too small comes back now.
      await calm();
    }
    for (const step of planBatch(rng, keysPerBatch, skipKeys)) await runStep(step);

    await sleep(250);
    const shown = await calm();
    if (!(await kxRunning(pane))) fail('kx is not running', shown);
    const problems = screenProblems(shown);
    if (problems.length) fail(problems.join('; '), shown);
    const writes = await demoWrites();
    const seen = nonGets.slice(seenBefore);
    const changes = seen.filter((r) => !harmless(r));
    if (changes.length) fail(`kx wrote to the cluster: ${changes.map((r) => `${r.method} ${r.path}`).join(', ')}`, shown);
    // The demo's own counter must agree with what was seen, or the check above sees too little.
    if (writes - writesBefore !== seen.length) fail(`the demo counted ${writes - writesBefore} non-GET requests but ${seen.length} were seen`, shown);
    writesBefore = writes;
    seenBefore = nonGets.length;
  }
  t.diagnostic(`seed ${seed}: ${batch - 1} batches, ${keyCount} keys in ${((Date.now() - started) / 1000).toFixed(1)} s; ${nonGets.length} non-GET requests, all RBAC reviews`);
});

/** kx is running: the pane's shell still has bin/kx as a child (it runs `kx …; echo …`). */
async function kxRunning(t: TmuxTerminal): Promise<boolean> {
  return (await kxProcess(t)) !== undefined;
}

/** kx's process as ps shows it (pid, state, CPU), or undefined when it is gone. */
async function kxProcess(t: TmuxTerminal): Promise<string | undefined> {
  const panePid = (await run('tmux', ['display-message', '-p', '-t', t.session, '#{pane_pid}'])).stdout.trim();
  try {
    const children = (await run('ps', ['-o', 'pid=,stat=,pcpu=,etime=,args=', '--ppid', panePid])).stdout;
    return children
      .split('\n')
      .find((line) => line.includes(kxBin))
      ?.trim()
      .replace(/\s+\S*node\S*.*$/, '');
  } catch {
    // ps exits 1 when the pane's shell has no children left.
    return undefined;
  }
}

// Found by the fuzzer (seed 3, timing-dependent there): pausing the logs pane remembers how many
// lines it showed; a new query (p previous, c container, s since) empties the buffer, and the pane
// then reads lines that are gone. Kept here, exact, until the logs pane is fixed.
test('logs pane: f (pause) then p (previous instance) does not crash kx', { timeout: 60_000 }, async () => {
  const pane = openKx('-n default', {
    kubeconfig: demo.kubeconfigPath,
    columns: 100,
    rows: 12,
    cwd: dir,
    // e opens the editor: one that changes nothing (kx says the edit was cancelled).
    env: { KX_CONFIG_DIR: join(dir, 'no-config'), XDG_STATE_HOME: join(dir, 'state'), KUBE_EDITOR: 'true' },
  });
  try {
    await pane.waitFor(/pods \(default\)\s+● live\s+1\b/);
    pane.send('l');
    await pane.waitFor(/logs pod\/debug-shell \(default\)\s+following .* [1-9][\d,]* lines/);
    pane.send('f');
    await pane.waitFor(/paused \(f resumes\)/);
    pane.send('p');
    // The previous instance's log replaces the buffer; kx must still be there to show it.
    await sleep(1_500);
    const shown = pane.screen();
    if (/kx exited with \d+/.test(shown) || !(await kxRunning(pane))) throw new Error(`kx exited after f, p in the logs pane; the screen was:\n${shown}`);
  } finally {
    pane.kill();
  }
});
