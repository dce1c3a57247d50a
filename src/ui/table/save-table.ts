/** Saving a table (ctrl-s) as CSV: a private file in kx's state directory, next to saved logs, since rows name the cluster's objects. */
import { join } from 'node:path';
import { stateDir } from '../../config/paths.ts';
import { fileTimestamp, writePrivateFile } from '../../config/private-file.ts';
import { tableCsv } from '../../explorer/table-csv.ts';

/** Where saved tables go: `$XDG_STATE_HOME/kx/dumps`, else `~/.local/state/kx/dumps`. */
export function savedTablesDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'dumps');
}

/** A context or resource name as a file-name part: cloud context names hold ':' and '/'. */
function namePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** Writes `heading` and `rows` as `<context>-<resource>-<timestamp>.csv` (mode 0600) and returns the file's path. */
export function saveTableCsv(
  table: { context: string; resource: string; heading: readonly string[]; rows: readonly (readonly string[])[] },
  dir: string = savedTablesDir(),
  now: Date = new Date(),
): string {
  return writePrivateFile(dir, `${namePart(table.context)}-${namePart(table.resource)}-${fileTimestamp(now)}.csv`, tableCsv(table.heading, table.rows));
}
