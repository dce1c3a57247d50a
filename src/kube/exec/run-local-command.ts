/**
 * Runs a program on this machine for a plugin, as k9s does (no shell: the command and its
 * arguments as given). In the foreground it has the terminal; in the background its output is
 * kept (the last lines, for the sentence afterwards) and kx carries on.
 */
import { spawn } from 'node:child_process';

/** How the program ended. */
export type LocalOutcome =
  | { kind: 'exited'; code: number; lastOut: string; lastErr: string }
  | { kind: 'signalled'; signal: string }
  /** It could not be started: `reason` completes "command "x" …" ("was not found on PATH"). */
  | { kind: 'not-started'; reason: string };

/** Runs `command` with `args`; `background` gives it no terminal. Never rejects. */
export function runLocalCommand(command: string, args: readonly string[], opts: { background: boolean; env?: NodeJS.ProcessEnv }): Promise<LocalOutcome> {
  return new Promise((resolve) => {
    // The tails of its output: enough for the last line.
    let out = '';
    let err = '';
    const child = spawn(command, [...args], {
      stdio: opts.background ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: opts.env ?? process.env,
      // Its own process group: a background plugin is not ended by keys meant for kx's terminal.
      detached: opts.background,
    });
    const tail = (text: string): string => text.slice(-4096);
    child.stdout?.on('data', (chunk: Buffer) => (out = tail(out + chunk.toString('utf8'))));
    child.stderr?.on('data', (chunk: Buffer) => (err = tail(err + chunk.toString('utf8'))));
    child.on('error', (failure: NodeJS.ErrnoException) => {
      const code = failure.code;
      const reason = code === 'ENOENT' ? 'was not found on PATH' : code === 'EACCES' ? 'cannot be run (permission denied)' : `could not be started (${code ?? failure.message})`;
      resolve({ kind: 'not-started', reason });
    });
    child.on('close', (code, signal) => {
      if (signal) resolve({ kind: 'signalled', signal });
      else if (code !== null) resolve({ kind: 'exited', code, lastOut: lastLine(out), lastErr: lastLine(err) });
    });
  });
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines[lines.length - 1]?.trim() ?? '';
}
