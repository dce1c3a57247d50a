/** The recent namespaces (keys 1–9) kept between runs: `recent-namespaces.json` in kx's state directory. */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { stateDir } from './paths.ts';
import { writePrivateFile } from './private-file.ts';

/** Where the recent namespaces are kept. */
export function recentNamespacesPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'recent-namespaces.json');
}

/** The stored value (a context → namespaces object), or undefined when there is none or it is not JSON. Never throws. */
export function readRecentNamespaces(path: string = recentNamespacesPath()): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    // Missing, unreadable or half-written: kx starts with an empty list rather than stop.
    return undefined;
  }
}

/** Stores `value`; a failure (read-only home) is ignored, since the list is a convenience. */
export function writeRecentNamespaces(value: unknown, path: string = recentNamespacesPath()): void {
  try {
    writePrivateFile(dirname(path), basename(path), `${JSON.stringify(value, null, 2)}\n`);
  } catch {
    // Nothing to tell the user mid-session: the keys still work from memory.
  }
}
