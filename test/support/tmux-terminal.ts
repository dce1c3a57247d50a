/**
 * Drives a program in a real pseudo-terminal with tmux, the way a person sees it: send keys,
 * capture the visible screen, wait until some text appears.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kxBin } from './kx-process.ts';

/** A program running in its own detached tmux session of a fixed size. */
export interface TmuxTerminal {
  readonly session: string;
  /** Sends tmux key names or literal text ('j', 'Enter', 'C-c', ':deploy'). */
  send(...keys: string[]): void;
  /** Sends text literally (no key-name interpretation). */
  type(text: string): void;
  /** The visible screen as plain text lines (no colours). */
  screen(): string;
  /** Polls the screen until `test` matches; throws with the last screen on timeout. */
  waitFor(test: RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  /** True while the pane's shell is still there (it outlives the program until kill()). */
  alive(): boolean;
  resize(columns: number, rows: number): void;
  kill(): void;
}

/** Every terminal started in this process and not yet killed by killTerminals(). */
const started = new Set<TmuxTerminal>();

/** Starts `command` (a shell command line) in a new tmux session with `env` and the given size. */
export function startTmux(command: string, opts: { columns?: number; rows?: number; env?: Record<string, string>; cwd?: string } = {}): TmuxTerminal {
  const session = `kx-test-${randomBytes(4).toString('hex')}`;
  const env = Object.entries(opts.env ?? {})
    .map(([k, v]) => `${k}=${shellQuote(v)}`)
    .join(' ');
  // remain-on-exit keeps the pane after the program ends, so a test can read what it printed.
  // A program that writes before tmux has sized the new pane can lose that output (seen with an
  // error printed in the first milliseconds), so give the pane a moment first.
  // A pane that dies right after its last output sometimes shows nothing of it, so the shell
  // stays (sleeping) after the program ends until kill().
  const script = `sleep 0.3; ${env ? `env ${env} ` : ''}${command}; exec sleep 3600`;
  tmux('new-session', '-d', '-s', session, '-x', String(opts.columns ?? 120), '-y', String(opts.rows ?? 35), ...(opts.cwd ? ['-c', opts.cwd] : []), script);
  tmux('set-option', '-t', session, 'remain-on-exit', 'on');
  const t: TmuxTerminal = {
    session,
    send: (...keys) => tmux('send-keys', '-t', session, ...keys),
    type: (text) => tmux('send-keys', '-t', session, '-l', '--', text),
    screen: () => tmux('capture-pane', '-p', '-t', session),
    async waitFor(test, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = t.screen();
        if (typeof test === 'function' ? test(last) : test.test(last)) {
          // What is drawn takes keys a moment later (a new view's or a closed prompt's key handler
          // attaches after its frame): a key sent right after this returns must not be lost.
          await new Promise((r) => setTimeout(r, 100));
          return last;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${String(test)}; the screen was:\n${last}`);
    },
    alive: () => tmux('display-message', '-p', '-t', session, '#{pane_dead}').trim() === '0',
    resize: (columns, rows) => tmux('resize-window', '-t', session, '-x', String(columns), '-y', String(rows)),
    kill: () => {
      try {
        tmux('kill-session', '-t', session);
      } catch {
        // already gone
      }
    },
  };
  started.add(t);
  return t;
}

/** Options for a kx started in tmux: the kubeconfig (none for `--demo`), the size, and extra environment. */
export interface KxTerminalOptions {
  kubeconfig?: string;
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  cwd?: string;
}

/** Starts the built kx with `args` (shell words) in tmux; when kx ends, the screen says `kx exited with CODE`. */
export function openKx(args: string, opts: KxTerminalOptions = {}): TmuxTerminal {
  const kubeconfig = opts.kubeconfig === undefined ? '' : `--kubeconfig ${opts.kubeconfig} `;
  return startTmux(`${process.execPath} ${kxBin} ${kubeconfig}${args}; echo "kx exited with $?"`, { ...opts, env: isolated(opts.env ?? {}) });
}

let privateHome: string | undefined;

/**
 * `env` with kx's own folders (settings, k9s's files, state such as recent namespaces) in a
 * folder of this test process, unless the test chose them: the machine's files must not change
 * what a test sees (recent namespaces in the header, a user's keys.yaml).
 */
function isolated(env: Record<string, string>): Record<string, string> {
  privateHome ??= mkdtempSync(join(tmpdir(), 'kx-tmux-home-'));
  const out = { ...env };
  const configChosen = 'KX_CONFIG_DIR' in env || 'XDG_CONFIG_HOME' in env;
  if (!configChosen) out['KX_CONFIG_DIR'] = join(privateHome, 'kx');
  if (!configChosen && !('K9S_CONFIG_DIR' in env)) out['K9S_CONFIG_DIR'] = join(privateHome, 'k9s');
  if (!('XDG_STATE_HOME' in env)) out['XDG_STATE_HOME'] = join(privateHome, 'state');
  return out;
}

/** Kills every tmux session this process started (for a test file's after()). */
export function killTerminals(): void {
  for (const t of started) t.kill();
  started.clear();
}

/** The last line of a screen: where kx draws its prompt, filter and key hints. */
export function lastLine(screen: string): string {
  return screen.trimEnd().split('\n').at(-1)!;
}

/** Opens kx's prompt with `key` (':' or '/'), waits for it, and types `text` (no Enter). */
export async function prompt(t: TmuxTerminal, key: ':' | '/', text: string): Promise<void> {
  t.type(key);
  await t.waitFor((s) => lastLine(s).trim() === key);
  // Ink shows the prompt before its input handler is attached: give it a moment.
  await new Promise((r) => setTimeout(r, 200));
  t.type(text);
}

/** Filters the table to rows matching `text` ('/', the text, Enter) and waits for the filter line. */
export async function filterTo(t: TmuxTerminal, text: string): Promise<void> {
  await prompt(t, '/', text);
  t.send('Enter');
  // The filter line replaces the prompt once enter is taken.
  await t.waitFor((s) => lastLine(s).startsWith(`/${text}  (`));
}

/** filterTo, then waits until exactly one row matches. */
export async function filterToOne(t: TmuxTerminal, text: string): Promise<void> {
  await filterTo(t, text);
  await t.waitFor(/● live\s+1(?: of \d+)?\b/);
}

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
