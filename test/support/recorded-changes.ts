/** Reading what `kx record -o FILE` wrote: one JSON line per change. */
import { readFileSync } from 'node:fs';

/** One recorded change, as `kx record` writes it. */
export interface RecordedChange {
  kind: string;
  name: string;
  change: string[];
  by: string;
}

/** The file's changes so far (the recorder appends as it sees them). */
export function recordedChanges(file: string): RecordedChange[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RecordedChange);
}

/** The first change of KIND/NAME whose parts include `part`, or undefined (yet). */
export function findChange(file: string, kind: string, name: string, part: string): RecordedChange | undefined {
  return recordedChanges(file).find((l) => l.kind === kind && l.name === name && l.change.includes(part));
}
