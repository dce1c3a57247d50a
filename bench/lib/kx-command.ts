/**
 * How the benchmarks start kx: this Node (the one the project pins, not whatever `node` is first
 * on PATH) with the V8 flags of bin/kx's own shebang line, so the figures are those of the
 * installed command and a flag changed there is measured here too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** argv for running bin/kx with `args`. */
export function kxCommand(root: string, args: string[]): string[] {
  const bin = join(root, 'bin', 'kx');
  const shebang = readFileSync(bin, 'utf8').split('\n', 1)[0] ?? '';
  const flags = shebang.split(/\s+/).filter((word) => word.startsWith('--'));
  return [process.execPath, ...flags, bin, ...args];
}
