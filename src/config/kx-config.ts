/**
 * kx's settings file, `config.yaml` in the config directory (next to keys.yaml). Today it holds
 * per-context settings:
 *
 *   contexts:
 *     prod:
 *       readonly: true     # like --readonly whenever kx is on context prod
 *
 * Problems are one sentence each naming the file and line; the rest of the file still applies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { configDir, displayPath } from './paths.ts';

/** What the settings file says. */
export interface KxConfig {
  /** Contexts where kx is read-only. */
  readonlyContexts: ReadonlySet<string>;
  problems: string[];
}

/** Where the settings file is. */
export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'config.yaml');
}

/** Reads the settings file; a missing file is no problem. Never throws. */
export function loadKxConfig(path = configFilePath()): KxConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { readonlyContexts: new Set(), problems: code === 'ENOENT' ? [] : [`${displayPath(path)}: cannot be read (${code ?? 'error'})`] };
  }
  return parseKxConfig(text, path);
}

/** Parses the settings text (see the module comment). */
export function parseKxConfig(text: string, path: string): KxConfig {
  const where = displayPath(path);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (node: Node | null | undefined): number => lines.linePos(node?.range?.[0] ?? 0).line;
  const problems: string[] = [];
  const readonlyContexts = new Set<string>();
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { readonlyContexts, problems: [`${where} line ${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0]}; kx uses its defaults`] };
  }
  const root = doc.contents;
  if (root === null || root === undefined) return { readonlyContexts, problems };
  if (!isMap(root)) return { readonlyContexts, problems: [`${where} line ${lineOf(root as Node)}: expected settings like "contexts:"`] };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'contexts') {
      problems.push(`${where} line ${lineOf(pair.key as Node)}: unknown setting "${key}" (known: contexts)`);
      continue;
    }
    if (!isMap(pair.value)) {
      problems.push(`${where} line ${lineOf(pair.value as Node)}: "contexts" holds one entry per context name`);
      continue;
    }
    for (const ctx of pair.value.items) {
      const name = isScalar(ctx.key) ? String(ctx.key.value) : '';
      if (!isMap(ctx.value)) {
        problems.push(`${where} line ${lineOf(ctx.key as Node)}: context "${name}" needs settings such as "readonly: true"`);
        continue;
      }
      for (const setting of ctx.value.items) {
        const field = isScalar(setting.key) ? String(setting.key.value) : '';
        const value = isScalar(setting.value) ? setting.value.value : undefined;
        if (field !== 'readonly') problems.push(`${where} line ${lineOf(setting.key as Node)}: unknown context setting "${field}" (known: readonly)`);
        else if (typeof value !== 'boolean') problems.push(`${where} line ${lineOf(setting.value as Node)}: readonly is true or false`);
        else if (value) readonlyContexts.add(name);
      }
    }
  }
  return { readonlyContexts, problems };
}
