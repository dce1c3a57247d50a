/**
 * `kx logs`: the one-shot log command. Loads only the log core and kube/ (never Ink or React);
 * the work is in src/cli/logs/run-logs.ts.
 */
import { runLogs } from '../logs/run-logs.ts';
import type { SubcommandContext } from '../subcommands.ts';

/** Runs `kx logs ARGS` on the process's stdout/stderr; Ctrl-C ends a follow after writing what was read. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const interrupted = new AbortController();
  const onSigint = (): void => {
    // A second Ctrl-C does not wait for the streams to wind down.
    if (interrupted.signal.aborted) process.exit(130);
    interrupted.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    return await runLogs(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, invokedAs: ctx.invokedAs, signal: interrupted.signal });
  } finally {
    process.off('SIGINT', onSigint);
  }
}
