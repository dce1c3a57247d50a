/** The captured object lists in test/fixtures/objects, and what a kind's table makes of them. */
import { readFileSync } from 'node:fs';
import { cellsAt } from '../../src/kinds/cells.ts';
import { kindFor } from '../../src/kinds/registry.ts';
import type { Row } from '../../src/kinds/types.ts';
import type { KubeList } from '../../src/kube/object.ts';

/** The moment the fixtures' ages are read at (they were captured shortly before). */
export const FIXTURE_NOW = Date.parse('2024-05-14T10:30:00Z');

/** test/fixtures/objects/FILE.json, a list as `kubectl get -o json` prints it. */
export function readFixtureList(file: string): KubeList {
  return JSON.parse(readFileSync(new URL(`../fixtures/objects/${file}.json`, import.meta.url), 'utf8')) as KubeList;
}

/** One object's cells by column name, with the row they came from. */
export type ProjectedRow = Record<string, string> & { row: Row };

/** Each object of a fixture list as kind `key` shows it (rows made at FIXTURE_NOW, cells aged at `now`), by object name. */
export function project(file: string, key: string, now = FIXTURE_NOW): Map<string, ProjectedRow> {
  const kind = kindFor(key);
  if (!kind) throw new Error(`no kind for ${key}`);
  const out = new Map<string, ProjectedRow>();
  for (const o of readFixtureList(file).items) {
    const row = kind.toRow(o, FIXTURE_NOW);
    const text = cellsAt(row, now);
    // Cells are matched to columns by position: a missing or extra cell would shift every name.
    if (text.length !== kind.columns.length) throw new Error(`${key} ${o.metadata.name}: ${text.length} cells for ${kind.columns.length} columns`);
    out.set(o.metadata.name, Object.assign(Object.fromEntries(kind.columns.map((c, i) => [c.name, text[i]!])), { row }));
  }
  return out;
}
