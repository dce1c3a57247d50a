/** Files kx writes for the user that may hold cluster data (saved logs, saved tables): private from the start. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `now` as a file-name part: ISO 8601 with ':' and '.' replaced, so it sorts and is valid everywhere. */
export function fileTimestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Writes `text` to `dir/name` (mode 0600) in `dir` (made or tightened to mode 0700) and returns the file's path. */
export function writePrivateFile(dir: string, name: string, text: string): string {
  // Folders made here are private from the start; a folder made by an older kx (or by hand) is
  // tightened, since mkdir leaves an existing folder's mode alone.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, name);
  writeFileSync(file, text, { mode: 0o600 });
  // The mode above applies only when the file is created; a file of the same name keeps its own.
  chmodSync(file, 0o600);
  return file;
}
