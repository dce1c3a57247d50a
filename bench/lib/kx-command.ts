/**
 * How the benchmarks start kx: this Node (the one the project pins, not whatever `node` is first
 * on PATH) with the V8 flags and environment of bin/kx's own shebang line, so the figures are
 * those of the installed command and a flag changed there is measured here too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** argv for running bin/kx with `args`. */
export function kxCommand(root: string, args: string[]): string[] {
  const bin = join(root, 'bin', 'kx');
  const shebang = readFileSync(bin, 'utf8').split('\n', 1)[0] ?? '';
  const words = shebang.split(/\s+/);
  const flags = words.filter((word) => word.startsWith('--'));
  // `env -S NAME=VALUE node …`: the same variables, set by env, which then runs this Node.
  const assignments = words.filter((word) => /^[A-Z_][A-Z0-9_]*=/.test(word));
  return [...(assignments.length > 0 ? ['env', ...assignments] : []), process.execPath, ...flags, bin, ...args];
}
