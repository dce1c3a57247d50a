/** Running a child process to the end and collecting what it printed, without blocking this process. */
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** What a process printed and how it ended (code null: ended by a signal, e.g. after `timeoutMs`). */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options for one run. */
export interface RunOptions {
  /** The whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to stdin, which is then closed; without it stdin is /dev/null. */
  input?: string;
  /** SIGTERM after this long (for -f / -w runs); the result is what it printed so far. */
  timeoutMs?: number;
}

/** Collects a started child's stdout and stderr (both pipes) until it exits; rejects only when it could not start. */
export function finished(child: ChildProcess): Promise<ProcessResult & { signal: NodeJS.Signals | null }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * Runs `command` with `args` and resolves when it has exited, whatever its exit code; rejects only
 * when it cannot start. Asynchronous on purpose: a demo server in this process must keep answering.
 */
export async function runProcess(command: string, args: readonly string[], opts: RunOptions = {}): Promise<ProcessResult> {
  const child = spawn(command, args, {
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: opts.env ?? process.env,
    cwd: opts.cwd,
  });
  if (opts.input !== undefined) child.stdin?.end(opts.input);
  const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs ?? 60_000);
  try {
    const { code, stdout, stderr } = await finished(child);
    return { code, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves with what a running child printed since the call once `ready` holds for it (the guard only keeps a broken run from hanging). */
export function stdoutUntil(child: ChildProcessWithoutNullStreams, ready: (text: string) => boolean, guardMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const guard = setTimeout(() => reject(new Error(`stdout never got there; it has:\n${text.slice(-800)}`)), guardMs);
    const onData = (d: Buffer): void => {
      text += d.toString();
      if (!ready(text)) return;
      clearTimeout(guard);
      child.stdout.off('data', onData);
      resolve(text);
    };
    child.stdout.on('data', onData);
  });
}
