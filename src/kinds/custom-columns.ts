/**
 * A kind as views.yaml reshapes it: the listed columns in their order (built-in ones by heading,
 * JSONPath ones evaluated when the object arrives, so rows stay slim), the rest hidden, and the
 * first sort. The hidden columns keep their cells, so tone and filters read what they always did.
 */
import { isSecret, maskSecret } from './secret-mask.ts';
import { cellText } from './table-kind.ts';
import { timeCellText } from './cells.ts';
import { builtinKinds } from './registry.ts';
import { customColumnCell, JsonPathEvalError } from './jsonpath/jsonpath-eval.ts';
import type { Template } from './jsonpath/jsonpath-parse.ts';
import type { ColumnSpec, KindSpec, Row, TimeCell } from './types.ts';
import type { ViewColumn, ViewSetting, ViewsFile } from './views-file.ts';
import type { KubeObject } from '../kube/object.ts';
import { displayPath } from '../config/paths.ts';

/** What a view key is matched against: the resource key, its Kind and the server's short names. */
export interface ResourceNames {
  /** 'pods', 'deployments.apps'. */
  resourceKey: string;
  kind: string;
  shortNames?: readonly string[] | undefined;
}

/** The cell of a path that kubectl refuses on this object (kubectl stops with an error there). */
export const errorCell = '<error>';

const versionRe = /^v\d+((alpha|beta)\d+)?$/;

/**
 * Whether a views.yaml key names this resource: k9s's `v1/pods` and `apps/v1/deployments`, or
 * what kubectl accepts: `deployments.apps`, `deployments`, `deployment`, `Deployment`, `deploy`.
 */
export function viewKeyMatches(key: string, names: ResourceNames): boolean {
  const dot = names.resourceKey.indexOf('.');
  const plural = dot < 0 ? names.resourceKey : names.resourceKey.slice(0, dot);
  const group = dot < 0 ? '' : names.resourceKey.slice(dot + 1);
  const parts = key.split('/');
  if (parts.length === 3) return parts[0] === group && parts[2] === plural;
  if (parts.length === 2) return versionRe.test(parts[0]!) ? group === '' && parts[1] === plural : parts[0] === group && parts[1] === plural;
  if (key === names.resourceKey) return true;
  const k = key.toLowerCase();
  return k === plural || k === names.kind.toLowerCase() || (names.shortNames ?? []).includes(k);
}

/** The view set for a resource (the last matching entry wins, like a YAML key written twice). */
export function viewFor(views: readonly ViewSetting[], names: ResourceNames): ViewSetting | undefined {
  let found: ViewSetting | undefined;
  for (const view of views) if (viewKeyMatches(view.key, names)) found = view;
  return found;
}

type Slot = { base: number } | { path: Template; time: boolean };

function pathColumn(c: ViewColumn): ColumnSpec {
  const sort = c.flags.number ? 'number' : c.flags.time ? 'age' : 'text';
  return {
    name: c.name,
    width: Math.max(c.name.length, 10),
    align: c.flags.align ?? (sort === 'number' ? 'right' : 'left'),
    wide: c.flags.wide,
    sort,
    ...(c.flags.hidden ? { hidden: true } : {}),
  };
}

function withFlags(spec: ColumnSpec, c: ViewColumn): ColumnSpec {
  // A column the user lists is one they asked to see: a kind's -o wide column (a pod's NODE) is
  // not dropped first on a narrow screen unless views.yaml says |W.
  const out: ColumnSpec = { ...spec, wide: false };
  if (c.flags.align) out.align = c.flags.align;
  if (c.flags.number) out.sort = 'number';
  if (c.flags.wide) out.wide = true;
  if (c.flags.hidden) out.hidden = true;
  return out;
}

/** A path's cell as the table shows it: kubectl's text, cut at a line break, `<error>` where kubectl stops. */
function pathCell(path: Template, o: KubeObject): string {
  try {
    return cellText(customColumnCell(path, o));
  } catch (err) {
    if (err instanceof JsonPathEvalError) return errorCell;
    throw err;
  }
}

/** `base` reshaped by `view` (see the module comment). */
export function customKind(base: KindSpec, view: ViewSetting): KindSpec {
  const slots: Slot[] = [];
  const columns: ColumnSpec[] = [];
  // Where each base column went, so tone can read the cells in the kind's own order.
  const at: number[] = base.columns.map(() => -1);
  for (const c of view.columns) {
    if (c.path) {
      slots.push({ path: c.path, time: c.flags.time });
      columns.push(pathColumn(c));
      continue;
    }
    const i = base.columns.findIndex((b) => b.name === c.name);
    if (i < 0) continue;
    if (at[i] === -1) at[i] = slots.length;
    slots.push({ base: i });
    columns.push(withFlags(base.columns[i]!, c));
  }
  // No columns listed (only a sortColumn): the kind's own columns.
  const hideRest = view.columns.length > 0;
  base.columns.forEach((spec, i) => {
    if (at[i] !== -1) return;
    at[i] = slots.length;
    slots.push({ base: i });
    columns.push(hideRest ? { ...spec, hidden: true } : spec);
  });
  const sortColumn = view.sort ? columns.findIndex((c) => c.name === view.sort!.column) : -1;
  const defaultSort = sortColumn >= 0 ? { column: sortColumn, descending: view.sort!.descending } : base.defaultSort;

  const toRow = (o: KubeObject, now: number): Row => {
    const row = base.toRow(o, now);
    const cells = new Array<string>(slots.length);
    const timeCells: TimeCell[] = [];
    // A JSONPath column reads a Secret as the YAML pane shows it: values masked until revealed.
    const seen = isSecret(o) ? maskSecret(o) : o;
    slots.forEach((slot, column) => {
      if ('base' in slot) {
        cells[column] = row.cells[slot.base] ?? '';
        const t = row.timeCells.find((c) => c.column === slot.base);
        if (t) timeCells.push({ ...t, column });
        return;
      }
      const text = pathCell(slot.path, seen);
      const time = slot.time ? Date.parse(text) : Number.NaN;
      if (Number.isNaN(time)) {
        cells[column] = text;
        return;
      }
      // |T: a timestamp shown as an age that keeps ticking, like AGE.
      const cell: TimeCell = { column, kind: 'age', at: time };
      timeCells.push(cell);
      cells[column] = timeCellText(cell, now);
    });
    return { ...row, cells, timeCells };
  };
  const tone: KindSpec['tone'] = (row) => base.tone({ ...row, cells: at.map((i) => row.cells[i] ?? '') });
  return { ...base, columns, toRow, tone, defaultSort };
}

/** The cache's hook: each kind reshaped by the view views.yaml sets for it, if any. */
export function viewCustomizer(views: readonly ViewSetting[]): (kind: KindSpec, shortNames?: readonly string[]) => KindSpec {
  return (kind, shortNames) => {
    // A label-selector stream's kind is keyed 'pods|app=web'; its view is the resource's.
    const view = viewFor(views, { resourceKey: kind.resourceKey.split('|')[0]!, kind: kind.kind, shortNames });
    return view ? customKind(kind, view) : kind;
  };
}

/**
 * Problems views.yaml has with kx's built-in kinds, which kx can check before any object
 * arrives: a column or sortColumn heading the kind does not have. One sentence each.
 */
export function builtinViewProblems(file: ViewsFile): string[] {
  if (file.path === undefined) return [];
  const where = displayPath(file.path);
  const problems: Array<{ line: number; text: string }> = [];
  for (const view of file.views) {
    const kind = builtinKinds().find((k) => viewKeyMatches(view.key, { resourceKey: k.resourceKey, kind: k.kind }));
    if (!kind) continue;
    const names = kind.columns.map((c) => c.name);
    const listed = new Set(view.columns.map((c) => c.name));
    for (const c of view.columns) {
      if (c.path || names.includes(c.name)) continue;
      problems.push({ line: c.line, text: `${view.key} has no column "${c.name}" (its columns: ${names.join(', ')}), so it is left out.` });
    }
    if (view.sort && !listed.has(view.sort.column) && !(view.columns.length === 0 && names.includes(view.sort.column))) {
      problems.push({ line: view.line, text: `sortColumn ${view.sort.column} of ${view.key} is not one of its columns, so kx sorts ${view.key} by name.` });
    }
  }
  return problems.sort((a, b) => a.line - b.line).map((p) => `${where} line ${p.line}: ${p.text}`);
}
