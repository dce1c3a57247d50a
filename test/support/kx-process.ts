/** The built kx (bin/kx → dist/: run `npm run build` first) as a process, the way a user runs it. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runProcess, type ProcessResult, type RunOptions } from './run-process.ts';

/** The path of bin/kx. */
export const kxBin = fileURLToPath(new URL('../../bin/kx', import.meta.url));

/** Runs `node bin/kx ARGS` to the end and returns its exit code and output (never throws on a non-zero code). */
export function runKx(args: string[], opts: RunOptions = {}): Promise<ProcessResult> {
  return runProcess(process.execPath, [kxBin, ...args], opts);
}

/** An environment of PATH and HOME only (by default a HOME that does not exist), so no real kubeconfig or kx config leaks in. */
export function bareEnv(home = '/nonexistent'): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '', HOME: home };
}

/** Starts `node bin/kx ARGS` with stdin, stdout and stderr piped, for a test that reads or signals it while it runs. */
export function startKx(args: string[], env: NodeJS.ProcessEnv = bareEnv()): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [kxBin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
}
