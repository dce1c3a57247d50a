/** Whether a program can be started by name, as spawn would find it: a path, or a file on PATH. */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** True when `command` names an executable file (with a slash: that path; else one on PATH). */
export function isOnPath(command: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const candidates =
    command.includes('/') || isAbsolute(command)
      ? [command]
      : (env['PATH'] ?? '')
          .split(delimiter)
          .filter((d) => d !== '')
          .map((dir) => join(dir, command));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}
