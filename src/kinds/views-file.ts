/**
 * views.yaml, k9s's custom columns per resource, read from kx's config directory (it wins) or
 * else k9s's, so a k9s user's file works unchanged:
 *
 * ```yaml
 * views:
 *   v1/pods:                  # group/version/resource; also pods, po, deployments.apps, …
 *     sortColumn: AGE:asc     # COLUMN:asc|desc, the view's first sort
 *     columns:
 *       - AGE                 # a built-in column, by its heading: listed ones in this order
 *       - NAMESPACE
 *       - NAME
 *       - "ZONE:.metadata.labels.topology\.kubernetes\.io/zone"   # NAME:JSONPath, as kubectl custom-columns
 *       - "IMAGE:.spec.containers[0].image|WR"                     # |N number, T age, W wide, R/L align, H hidden
 * ```
 *
 * Columns left out are hidden (k9s shows them only in its wide mode). Nothing here throws: each
 * problem is one sentence naming the file and line, and the rest of the file applies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { configDir, displayPath, k9sConfigDir } from '../config/paths.ts';
import { JsonPathSyntaxError, parseColumnPath, type Template } from './jsonpath/jsonpath-parse.ts';

/** The file's name in either config directory. */
export const viewsFileName = 'views.yaml';

/** k9s's column attributes (`|NW`). */
export interface ColumnFlags {
  /** N: a number (sorts as one, aligned right). */
  number: boolean;
  /** T: a time, shown as an age that keeps ticking. */
  time: boolean;
  /** W: dropped first when the terminal is narrow (k9s: only in wide mode). */
  wide: boolean;
  /** H: not shown. */
  hidden: boolean;
  align: 'left' | 'right' | undefined;
}

/** One entry of `columns:`: a built-in column by heading, or a heading with a JSONPath. */
export interface ViewColumn {
  name: string;
  /** The expression as written (for messages); undefined for a built-in column. */
  expression: string | undefined;
  path: Template | undefined;
  flags: ColumnFlags;
  line: number;
}

/** One resource's view: its key as written, its columns and its first sort. */
export interface ViewSetting {
  key: string;
  columns: readonly ViewColumn[];
  sort: { column: string; descending: boolean } | undefined;
  line: number;
}

/** The views a file sets and what was wrong with it. */
export interface ViewsFile {
  /** The file read, or undefined when there is none. */
  path: string | undefined;
  views: readonly ViewSetting[];
  problems: string[];
}

/** views.yaml from kx's config directory, else from k9s's; none is no problem. Never throws. */
export function loadViewsFile(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ViewsFile {
  const candidates = [join(configDir(env, platform), viewsFileName), join(k9sConfigDir(env, platform), viewsFileName)];
  const path = candidates.find((p) => existsSync(p));
  if (path === undefined) return { path: undefined, views: [], problems: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { path, views: [], problems: [`${displayPath(path)} cannot be read (${code ?? 'unknown error'}), so kx shows its own columns.`] };
  }
  return parseViewsFile(text, path);
}

// k9s's column grammar (render/cust_col.go): a heading, an optional `:path`, optional `|flags`.
// Unlike k9s, flags need their `|`, so a path ending in a capital letter stays whole.
const columnRe = /^([\w\s%/-]+)(?::([\s\S]*?))?(?:\|([NTWRLH]{0,3}))?$/;

/** Parses one column entry, or says why it cannot be used. */
export function parseViewColumn(text: string, line = 0): ViewColumn | { problem: string } {
  const m = columnRe.exec(text);
  if (!m) return { problem: `"${text}" is not a column (expected NAME, NAME:JSONPath or NAME:JSONPath|FLAGS)` };
  const name = m[1]!.trim();
  const expression = m[2] === undefined || m[2] === '' ? undefined : m[2];
  let path: Template | undefined;
  if (expression !== undefined) {
    try {
      path = parseColumnPath(expression);
    } catch (err) {
      if (!(err instanceof JsonPathSyntaxError)) throw err;
      return { problem: `the column "${name}" has a JSONPath kubectl cannot parse (${err.message}): ${expression}` };
    }
  }
  return { name, expression, path, flags: flagsOf(m[3] ?? ''), line };
}

function flagsOf(text: string): ColumnFlags {
  const flags: ColumnFlags = { number: false, time: false, wide: false, hidden: false, align: undefined };
  for (const c of text) {
    if (c === 'N') {
      flags.number = true;
      flags.align = 'right';
    } else if (c === 'T') flags.time = true;
    else if (c === 'W') flags.wide = true;
    else if (c === 'H') flags.hidden = true;
    else if (c === 'R') flags.align = 'right';
    else if (c === 'L') flags.align = 'left';
  }
  return flags;
}

/** Parses the text of views.yaml (`path` names the file in messages). */
export function parseViewsFile(text: string, path: string): ViewsFile {
  const where = displayPath(path);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const lineOf = (node: Node | null | undefined): number => lines.linePos(node?.range?.[0] ?? 0).line;
  const problems: Array<{ line: number; text: string }> = [];
  const done = (views: ViewSetting[]): ViewsFile => ({
    path,
    views,
    problems: problems.sort((a, b) => a.line - b.line).map((p) => `${where} line ${p.line}: ${p.text}`),
  });

  const syntax = doc.errors[0];
  if (syntax) {
    const what = (syntax.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    problems.push({ line: syntax.linePos?.[0]?.line ?? 1, text: `the YAML is not valid (${what.charAt(0).toLowerCase()}${what.slice(1)}), so kx shows its own columns.` });
    return done([]);
  }
  const top = doc.contents;
  if (top === null || (isScalar(top) && top.value === null)) return done([]);
  const viewsNode = isMap(top) ? (top.items.find((p) => isScalar(p.key) && p.key.value === 'views')?.value as Node | null | undefined) : undefined;
  if (!isMap(top) || viewsNode === undefined) {
    problems.push({ line: lineOf(top), text: 'expected "views:" with resources under it (like v1/pods), so kx shows its own columns.' });
    return done([]);
  }
  for (const pair of top.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'views') problems.push({ line: lineOf(pair.key as Node), text: `unknown setting "${key}" (views.yaml has only "views"), so it is ignored.` });
  }
  if (viewsNode === null || (isScalar(viewsNode) && viewsNode.value === null)) return done([]);
  if (!isMap(viewsNode)) {
    problems.push({ line: lineOf(viewsNode), text: '"views" must map resources (like v1/pods) to their columns, so kx shows its own columns.' });
    return done([]);
  }

  const views: ViewSetting[] = [];
  for (const entry of viewsNode.items) {
    const keyNode = entry.key as Node | null;
    const line = lineOf(keyNode);
    const key = isScalar(keyNode) && keyNode.value !== null ? String(keyNode.value) : '';
    const body = entry.value as Node | null;
    if (key === '' || !isMap(body)) {
      problems.push({ line, text: `${key === '' ? 'a view has no resource' : `the view of ${key} must have "columns:"`}, so it is ignored.` });
      continue;
    }
    let columns: ViewColumn[] = [];
    let sort: ViewSetting['sort'];
    for (const setting of body.items) {
      const name = isScalar(setting.key) ? String(setting.key.value) : '';
      const value = setting.value as Node | null;
      if (name === 'columns') {
        if (!isSeq(value)) {
          problems.push({ line: lineOf(value ?? (setting.key as Node)), text: `the columns of ${key} must be a list of column names, so kx shows its own columns for ${key}.` });
          continue;
        }
        columns = [];
        for (const item of value.items as Array<Node | null>) {
          const itemLine = lineOf(item);
          const written = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
          if (written === undefined) {
            problems.push({ line: itemLine, text: `a column of ${key} is not text (quote it), so it is left out.` });
            continue;
          }
          const column = parseViewColumn(written, itemLine);
          if ('problem' in column) problems.push({ line: itemLine, text: `${column.problem}, so kx shows ${key} without it.` });
          else columns.push(column);
        }
      } else if (name === 'sortColumn') {
        const text = isScalar(value) && value.value !== null ? String(value.value) : '';
        const [column = '', direction = 'asc'] = text.split(':');
        if (column === '' || (direction !== 'asc' && direction !== 'desc')) {
          problems.push({ line: lineOf(value ?? (setting.key as Node)), text: `sortColumn of ${key} must be COLUMN:asc or COLUMN:desc, so kx sorts ${key} by name.` });
          continue;
        }
        sort = { column, descending: direction === 'desc' };
      } else {
        problems.push({ line: lineOf(setting.key as Node), text: `unknown setting "${name}" in the view of ${key} (known: columns, sortColumn), so it is ignored.` });
      }
    }
    views.push({ key, columns, sort, line });
  }
  return done(views);
}
