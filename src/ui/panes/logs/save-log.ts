/** Saving the logs pane's buffer (ctrl-s): a private file in a private folder, since logs can hold secrets. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LogBuffer } from './log-buffer.ts';

/** Where saved logs go: `$XDG_STATE_HOME/kx/logs`, else `~/.local/state/kx/logs`. */
export function savedLogsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['XDG_STATE_HOME'] || join(homedir(), '.local', 'state'), 'kx', 'logs');
}

/** Writes the buffer to a new file (mode 0600) in the saved-logs folder (mode 0700) and returns the file's path. */
export function saveLogBuffer(buffer: LogBuffer, name: string, dir: string = savedLogsDir(), now: Date = new Date()): string {
  // Folders made here are private from the start; a folder made by an older kx (or by hand) is
  // tightened, since mkdir leaves an existing folder's mode alone.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, `${name}-${now.toISOString().replace(/[:.]/g, '-')}.log`);
  const text: string[] = [];
  for (const line of buffer.lines()) text.push(`${line.origin.pod} ${line.origin.container} ${line.timestamp} ${line.text}`);
  writeFileSync(file, `${text.join('\n')}\n`, { mode: 0o600 });
  // The mode above applies only when the file is created; a file of the same name keeps its own.
  chmodSync(file, 0o600);
  return file;
}
