import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A control plane process started in its own process group, logging to a file. */
export interface ManagedProcess {
  name: string;
  pid: number;
  logPath: string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Sends SIGTERM to the whole group, then SIGKILL after `graceMs`; resolves when it exited. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<ManagedProcess>();
const SETPRIV = existsSync('/usr/bin/setpriv') ? '/usr/bin/setpriv' : undefined;
let hooksInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills every live managed process group at once; synchronous so it works in 'exit' handlers. */
export function killAllManaged(): void {
  for (const proc of live) killGroup(proc.pid, 'SIGKILL');
  live.clear();
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // 'exit' covers normal ends, uncaught errors and failed tests whose after() hooks never ran.
  process.on('exit', killAllManaged);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`kx e2e: ${signal} received; stopping the control plane processes\n`);
      killAllManaged();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Starts `command args` detached (own process group) with stdout+stderr appended to `logPath`. */
export function startProcess(name: string, command: string, args: string[], opts: { cwd: string; logPath: string; env?: NodeJS.ProcessEnv }): ManagedProcess {
  installExitHooks();
  const log = createWriteStream(opts.logPath, { flags: 'a' });
  // setpriv --pdeathsig makes the kernel kill the child if this process dies without running any
  // handler (SIGKILL, OOM); the exit hooks and the stale-run sweep cover the rest.
  const [file, argv] = SETPRIV ? [SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args]] : [command, args];
  const child: ChildProcess = spawn(file, argv, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  // Keep the test process from waiting on these pipes and children when it wants to exit.
  child.unref();
  (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  if (child.pid === undefined) throw new Error(`Could not start ${name} (${command}).`);
  const pid = child.pid;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(proc);
      log.end();
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', () => resolve('spawn-error'));
  });
  const proc: ManagedProcess = {
    name,
    pid,
    logPath: opts.logPath,
    exited,
    async stop(graceMs = 5000) {
      killGroup(pid, 'SIGTERM');
      const timer = sleep(graceMs).then(() => 'timeout' as const);
      if ((await Promise.race([exited, timer])) === 'timeout') {
        killGroup(pid, 'SIGKILL');
        await exited;
      }
      // Children that left the group's leader behind still share the group id.
      killGroup(pid, 'SIGKILL');
    },
  };
  live.add(proc);
  return proc;
}

/** The last `lines` lines of a process log, for error messages when something fails to start. */
export function logTail(path: string, lines = 20): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
