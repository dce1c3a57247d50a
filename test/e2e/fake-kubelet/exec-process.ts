import { spawn, type ChildProcess } from 'node:child_process';

/** Where and how to run an exec'd command. */
export interface ExecProcessOptions {
  command: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: boolean;
  tty: boolean;
  /** Initial terminal size for tty sessions (from the client's first resize message). */
  size?: { cols: number; rows: number };
}

function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/**
 * Spawns the real process behind an exec session in its own process group. With a tty it runs
 * under util-linux `script`, which gives the command a real pseudo-terminal (node-pty is not a
 * dependency); the initial size is applied with stty, later resizes are not forwarded.
 */
export function spawnExecProcess(opts: ExecProcessOptions): ChildProcess {
  const stdio: ['pipe' | 'ignore', 'pipe', 'pipe'] = [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'];
  if (!opts.tty) {
    const [file = 'true', ...args] = opts.command;
    return spawn(file, args, { cwd: opts.cwd, env: opts.env, stdio, detached: true });
  }
  const sizing = opts.size ? `stty cols ${opts.size.cols} rows ${opts.size.rows} 2>/dev/null; ` : '';
  const line = `${sizing}exec ${opts.command.map(shellQuote).join(' ')}`;
  return spawn('script', ['-qfec', line, '/dev/null'], {
    cwd: opts.cwd,
    env: { ...opts.env, SHELL: '/bin/sh', TERM: opts.env.TERM ?? 'xterm' },
    stdio,
    detached: true,
  });
}

/** Kills an exec'd process and everything it started. */
export function killExecProcess(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
