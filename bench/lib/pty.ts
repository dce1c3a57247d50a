/**
 * A program in a real pseudo-terminal (util-linux `script`), its output bytes timestamped as
 * they arrive: what a person's terminal would receive. Keys are written to the pty's input.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** A running program in a pty. */
export interface PtyProgram {
  /** Everything written so far (ANSI included). */
  output(): string;
  /** Resolves with the time (ms since start) when `test` first matches the output; rejects after timeoutMs. */
  waitFor(test: RegExp, timeoutMs?: number, since?: number): Promise<number>;
  send(keys: string): void;
  /** Calls `listener` with each chunk of output as it arrives (ms since start); returns unsubscribe. */
  onChunk(listener: (text: string, at: number) => void): () => void;
  /** The pid of the program itself (not of `script`). */
  pid(): number | undefined;
  readonly started: number;
  stop(): Promise<void>;
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Starts `argv` in a pty of `columns`×`rows` with `env` added. */
export function startInPty(argv: string[], opts: { columns?: number; rows?: number; env?: Record<string, string> } = {}): PtyProgram {
  const command = `stty cols ${opts.columns ?? 160} rows ${opts.rows ?? 40}; exec ${argv.map(shellQuote).join(' ')}`;
  const child: ChildProcess = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { ...process.env, TERM: 'xterm-256color', ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const started = performance.now();
  const chunks: { at: number; text: string }[] = [];
  let text = '';
  const waiters = new Set<() => void>();
  const chunkListeners = new Set<(text: string, at: number) => void>();
  child.stdout!.on('data', (b: Buffer) => {
    const s = b.toString('utf8');
    const at = performance.now() - started;
    chunks.push({ at, text: s });
    text += s;
    for (const w of waiters) w();
    for (const l of chunkListeners) l(s, at);
  });
  child.stderr!.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    started,
    output: () => text,
    waitFor(test, timeoutMs = 60_000, since = 0) {
      return new Promise<number>((resolve, reject) => {
        // Matched against each new chunk with the end of what came before it (a match may span
        // chunks), not against everything so far: a minute of churn is megabytes of frames, and
        // re-testing all of it on every chunk made the benchmark itself the bottleneck.
        let tail = '';
        let next = 0;
        const check = (): boolean => {
          for (; next < chunks.length; next++) {
            const c = chunks[next]!;
            if (c.at < since) continue;
            const window = tail + c.text;
            if (test.test(window)) {
              resolve(c.at);
              return true;
            }
            tail = window.slice(-8192);
          }
          return false;
        };
        if (check()) return;
        const timer = setTimeout(() => {
          waiters.delete(onData);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(test)}`));
        }, timeoutMs);
        const onData = (): void => {
          if (check()) {
            clearTimeout(timer);
            waiters.delete(onData);
          }
        };
        waiters.add(onData);
      });
    },
    send(keys) {
      child.stdin!.write(keys);
    },
    onChunk(listener) {
      chunkListeners.add(listener);
      return () => chunkListeners.delete(listener);
    },
    pid() {
      return child.pid === undefined ? undefined : descendant(child.pid);
    },
    async stop() {
      const pid = child.pid === undefined ? undefined : descendant(child.pid);
      if (pid) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // gone already
        }
      }
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    },
  };
}

/** The deepest single-child descendant of `pid` (script → the program). */
function descendant(pid: number): number {
  let current = pid;
  for (let depth = 0; depth < 5; depth++) {
    const kids = childrenOf(current);
    if (kids.length === 0) return current;
    current = kids[0]!;
  }
  return current;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident memory of a process in MB (VmRSS). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** CPU time (user + system) a process has used, in ms. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / clockTicks();
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  // getconf CLK_TCK is 100 on Linux in practice; /proc/self/auxv would say for sure.
  ticksPerSecond ??= 100;
  return ticksPerSecond;
}

/** Whether /proc is there (Linux): the memory and CPU figures need it. */
export function hasProc(): boolean {
  try {
    readdirSync('/proc/self');
    return true;
  } catch {
    return false;
  }
}
