/** Saving the logs pane's buffer (ctrl-s): a private file in a private folder, since logs can hold secrets. */
import { join } from 'node:path';
import { stateDir } from '../../../config/paths.ts';
import { fileTimestamp, writePrivateFile } from '../../../config/private-file.ts';
import type { LogBuffer } from './log-buffer.ts';

/** Where saved logs go: `$XDG_STATE_HOME/kx/logs`, else `~/.local/state/kx/logs`. */
export function savedLogsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'logs');
}

/** Writes the buffer to a new file (mode 0600) in the saved-logs folder (mode 0700) and returns the file's path. */
export function saveLogBuffer(buffer: LogBuffer, name: string, dir: string = savedLogsDir(), now: Date = new Date()): string {
  const text: string[] = [];
  for (const line of buffer.lines()) text.push(`${line.origin.pod} ${line.origin.container} ${line.timestamp} ${line.text}`);
  return writePrivateFile(dir, `${name}-${fileTimestamp(now)}.log`, `${text.join('\n')}\n`);
}
