/** The one place where an error becomes a message on stderr and an exit code. */
import { UsageError } from './args.ts';

/** Prints `err` as one sentence and exits: 2 for usage mistakes, 1 for everything else. */
export function exitWith(err: unknown): never {
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exit(2);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${/^(error|Error from server|Unable to connect to the server)/.test(message) ? '' : 'error: '}${message}\n`);
  if (process.env['KX_DEBUG'] && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}
