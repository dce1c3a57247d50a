/**
 * A seeded random key fuzzer for kx in tmux: a small PRNG, batches of weighted keys drawn from
 * kx's keymap (src/keys/actions.ts), and what the screen says about the state the keys left
 * (a dialog asking, a shell, a kx frame, text that should never be drawn), and a tmux control
 * client fast enough to drive thousands of keys.
 */
import { execFileSync, spawn } from 'node:child_process';

/** A deterministic random source, so a seed replays the same key plan. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast and good enough to draw keys from a 32-bit seed. */
export function seededRng(seed: number): Rng {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

/** One key: a tmux key name ('j', 'Enter', 'C-d') or text sent literally (`send-keys -l`). */
export type FuzzKey = { name: string } | { literal: string };

/** What the driver does next: send keys as one write, or open a prompt and type into it. */
export type FuzzStep = { kind: 'keys'; keys: FuzzKey[] } | { kind: 'prompt'; key: ':' | '/'; text: string; end: 'Enter' | 'Escape' | 'Tab+Escape' | 'Tab+Enter' };

// Keys that open something asking before it changes the cluster (delete, kill, restart, scale,
// undo, cordon, uncordon, trigger) or that suspend kx into a shell: after each the driver looks at
// the screen and says no.
const opensDialog = new Set(['s', 'r', 'u', 'c', 't', 'C-d', 'C-k', 'a', 'e', 'i', 'F']);
// Keys that would answer or submit a dialog: never sent while one is on screen.
const answersDialog = new Set(['y', 'Enter']);

/** True for a key after which the driver must look for a dialog or shell before going on. */
export function opensDialogKey(k: FuzzKey): boolean {
  return 'name' in k ? opensDialog.has(k.name) : [...k.literal].some((c) => opensDialog.has(c));
}

/** True for a key that must not reach an open dialog (`y` confirms; enter submits the scale dialog). */
export function answersDialogKey(k: FuzzKey): boolean {
  return 'name' in k ? answersDialog.has(k.name) : [...k.literal].some((c) => answersDialog.has(c));
}

/** How a key is shown in a failure message. */
export function keyLabel(k: FuzzKey): string {
  return 'name' in k ? (k.name.length === 1 ? k.name : `<${k.name}>`) : JSON.stringify(k.literal);
}

// Weighted keymap, tmux names. Never q/Q (quit, pane close falls back to esc), never C-c.
const weighted: [string, number][] = [
  ['j', 10],
  ['k', 6],
  ['Down', 3],
  ['Up', 2],
  ['g', 2],
  ['G', 2],
  ['Home', 1],
  ['End', 1],
  ['PageDown', 2],
  ['PageUp', 1],
  ['C-f', 1],
  ['C-b', 1],
  ['Space', 1],
  ['Enter', 6],
  ['Escape', 6],
  ['J', 2],
  ['x', 2],
  ['d', 4],
  ['y', 3],
  ['l', 4],
  ['p', 2],
  ['h', 2],
  ['0', 2],
  ['[', 2],
  [']', 2],
  ['?', 1],
  ['n', 1],
  ['N', 1],
  ['A', 1],
  ['S', 1],
  ['>', 1],
  ['<', 1],
  ['R', 1],
  ['f', 1],
  ['w', 1],
  ['t', 1],
  ['c', 1],
  ['m', 1],
  ['C-s', 1],
  ['BSpace', 1],
  ['s', 2],
  ['r', 1],
  ['u', 1],
  ['C-d', 1],
  ['C-k', 1],
];
const totalWeight = weighted.reduce((n, [, w]) => n + w, 0);

// Printable characters for random typing: no q/Q (quit) and no ':' (command mode is a step of its own).
const printable = 'abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789-_.,;!@#$%^&*()=+[]{}<>?~|/\'"` ';

// Commands for ':'; none of them quits (`:q`, `:quit`, `:Q`).
const commands = [
  'po',
  'deploy',
  'svc',
  'ns default',
  'ns shop',
  'ns payments',
  'xyz',
  'rs',
  'cm',
  'po -A',
  'no',
  'ev',
  'job',
  'cj',
  'ds',
  'sts',
  'crd',
  'ctx',
  'help',
  'secrets',
  'ing',
  'hpa',
  'ns',
  'ct batch',
  'po -n kube-system',
  'deploy -A',
];
// Prefixes for Tab completion; Tab may complete to a builtin, so a Tab step ending with Enter
// only starts from a prefix that cannot complete to quit.
const prefixes = ['de', 'po', 'sv', 'no', 'rs', 'ns ', 'po -', 'cr', 'se'];
const filters = ['web', 'cart', '!web', '-l app=web', '-l app=cart', 'x', 'pay', 'zzz', 'run', '^$'];

function weightedKey(rng: Rng): string {
  let r = rng.next() * totalWeight;
  for (const [k, w] of weighted) {
    r -= w;
    if (r < 0) return k;
  }
  return 'j';
}

/**
 * A batch of about `size` keys: weighted keymap keys, random printable text and prompt steps.
 * Keys in `skip` (tmux names or characters) are dropped from bursts, to look past a known bug.
 */
export function planBatch(rng: Rng, size: number, skip: ReadonlySet<string> = new Set()): FuzzStep[] {
  const steps: FuzzStep[] = [];
  let count = 0;
  while (count < size) {
    const roll = rng.next();
    if (roll < 0.06) {
      const tab = rng.chance(0.3);
      const text = tab ? rng.pick(prefixes) : rng.pick(commands);
      const end = tab ? (rng.chance(0.5) ? 'Tab+Enter' : 'Tab+Escape') : rng.chance(0.85) ? 'Enter' : 'Escape';
      steps.push({ kind: 'prompt', key: ':', text, end });
      count += 2 + text.length;
    } else if (roll < 0.1) {
      const text = rng.chance(0.6) ? rng.pick(filters) : randomText(rng, rng.int(0, 6));
      steps.push({ kind: 'prompt', key: '/', text, end: rng.chance(0.7) ? 'Enter' : rng.chance(0.5) ? 'Escape' : 'Tab+Escape' });
      count += 2 + text.length;
    } else {
      // A burst of 1–8 keys written at once, as a fast typist or a paste would.
      const n = rng.int(1, 8);
      const keys: FuzzKey[] = [];
      for (let i = 0; i < n; i++) keys.push(rng.chance(0.15) ? { literal: randomText(rng, 1) } : { name: weightedKey(rng) });
      steps.push({ kind: 'keys', keys: keys.filter((k) => !skip.has('name' in k ? k.name : k.literal)) });
      count += n;
    }
  }
  return steps;
}

function randomText(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += printable[rng.int(0, printable.length - 1)];
  return s;
}

/** A random terminal size, biased towards the edges (kx's minimum is 40×8). */
export function randomSize(rng: Rng): { columns: number; rows: number } {
  if (rng.chance(0.3)) return { columns: rng.int(30, 48), rows: rng.int(6, 11) };
  return { columns: rng.int(30, 200), rows: rng.int(6, 60) };
}

/** True when a confirmation or the scale dialog is on screen (generous: a false hit only costs an esc). */
export function dialogOnScreen(screen: string): boolean {
  return /y yes · n\/esc no|\(any key closes\)|working…|\bon\s+context\b|Every pod is replaced|New replicas:|Current replicas:|esc cancels|scaling…|Every pod stops/.test(screen);
}

/** True when kx has stepped aside for an attach session (its banner): ctrl-p ctrl-q or ctrl-c detaches. */
export function attachOnScreen(screen: string): boolean {
  // The latest banner decides: a shell opened after a detach prints below the attach's banner.
  return !kxFrameOnScreen(screen) && screen.lastIndexOf('kx: attached to ') > screen.lastIndexOf('kx: shell in ');
}

/** True when kx has stepped aside for a shell in a pod (its banner, or a bare shell prompt). */
export function shellOnScreen(screen: string): boolean {
  // The bottom line decides: after the shell, kx's own output (an error, say) may sit below the banner.
  const last = screen.trimEnd().split('\n').at(-1) ?? '';
  // (trimEnd took the space after a bare prompt such as `/ #`.)
  if (kxFrameOnScreen(screen)) return false;
  if (/^\S* ?[#$]( |$)/.test(last) || /exit to return$/.test(last)) return true;
  // The latest banner, with no error of kx's after it, says the shell has the terminal, whatever
  // keys typed into it before the fuzzer saw it (a loaded machine opens it late) left on its line
  // (` u/ #  uwdSnNkj[kcj]r`).
  const banner = screen.lastIndexOf('kx: shell in ');
  return banner >= 0 && banner > screen.lastIndexOf('kx: attached to ') && kxErrorOnScreen(screen.slice(banner)) === undefined;
}

/** kx's last words when it stops on an error ("error: …" on its own line), if on screen. */
export function kxErrorOnScreen(screen: string): string | undefined {
  return /^error: .*$/m.exec(screen)?.[0];
}

/** True when kx's own frame is drawn: the context header, a pane's or table's hints, or "too small". */
export function kxFrameOnScreen(screen: string): boolean {
  return /Context: kx-demo|too small: \d+×\d+|\? help|<esc> close|● live|esc close/.test(screen);
}

/** What on the screen looks like a leak of JavaScript into the UI: one line each, or none. */
export function screenProblems(screen: string): string[] {
  const problems: string[] = [];
  const checks: [RegExp, string][] = [
    [/\[object /, '"[object" on screen'],
    [/\bundefined\b/, '"undefined" on screen'],
    [/\bNaN\b/, '"NaN" on screen'],
    [/^\s+at \S.*(:\d+:\d+\)?|\(node:|<anonymous>)\s*$/m, 'a stack trace on screen'],
    // The demo's events say "Error: ImagePullBackOff" / "Error: ErrImagePull", as a kubelet does.
    [/\b\w*Error: (?!ImagePullBackOff|ErrImagePull)/, '"Error:" on screen'],
  ];
  for (const [re, what] of checks) if (re.test(screen)) problems.push(what);
  return problems;
}

/**
 * One tmux client in control mode (`tmux -C`) that runs commands over a pipe: a capture or a
 * send costs a line, not a process (which on a loaded machine took ~30 ms and, being synchronous,
 * stalled the demo server that shares this process).
 */
export interface TmuxControl {
  /** Runs one tmux command (arguments without single quotes) and resolves with its output. */
  run(...args: string[]): Promise<string>;
  close(): void;
}

/** Starts a control client on a session of its own (its output notifications stay quiet). */
export function startTmuxControl(): TmuxControl {
  const session = `kx-fuzz-ctl-${process.pid}-${Math.floor(Math.random() * 1e9)}`;
  const child = spawn('tmux', ['-C', 'new-session', '-s', session, 'sleep 3600'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const pending: { resolve: (out: string) => void; reject: (err: Error) => void; command: string }[] = [];
  let block: string[] | undefined;
  let mine = false;
  let rest = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      // Blocks answering this client's commands carry flag 1; others (its own new-session) 0.
      const m = /^%(begin|end|error) \d+ \d+ (\d+)$/.exec(line);
      if (m?.[1] === 'begin') {
        block = [];
        mine = m[2] === '1';
      } else if (m && block) {
        const out = block.join('\n');
        block = undefined;
        if (!mine) continue;
        const p = pending.shift();
        if (m[1] === 'end') p?.resolve(out);
        else p?.reject(new Error(`tmux ${p.command}: ${out}`));
      } else if (block) block.push(line);
    }
  });
  child.on('exit', () => {
    for (const p of pending.splice(0)) p.reject(new Error(`tmux ${p.command}: the control client exited`));
  });
  return {
    run(...args) {
      if (args.some((a) => a.includes("'") || a.includes('\n'))) throw new Error(`tmux argument not quotable: ${args.join(' ')}`);
      const command = args.map((a) => `'${a}'`).join(' ');
      return new Promise((resolve, reject) => {
        pending.push({ resolve, reject, command });
        child.stdin.write(`${command}\n`);
      });
    },
    close() {
      child.stdin.end();
      try {
        execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
      } catch {
        // already gone
      }
      child.kill();
    },
  };
}
