/**
 * The owner tree of an object, from the cache's owner index: its chain of owners up to the top
 * (a Deployment over a ReplicaSet over a Pod), then everything the top owns, depth first. Owners
 * kx has not loaded still appear, by the kind and name their reference gives.
 */
import type { Row } from '../../kinds/types.ts';
import type { ObjectCache } from '../../store/object-cache.ts';

/** One line of the tree. */
export interface TreeLine {
  depth: number;
  kind: string;
  name: string;
  uid: string;
  /** A short status (the row's STATUS/READY cell), '' when unknown. */
  status: string;
  /** The object the tree was opened on. */
  focus: boolean;
  /** Known only from an owner reference. */
  missing: boolean;
}

const maxDepth = 12;

/** The tree around `uid`, top owner first. */
export function ownerTree(cache: ObjectCache, uid: string, kindOfRow: (row: Row) => string): TreeLine[] {
  // Walk up through controller references (the first owner when none is the controller).
  let top: { uid: string; kind: string; name: string } = { uid, kind: '', name: '' };
  const seen = new Set<string>([uid]);
  let row = cache.row(uid);
  while (row) {
    const ref = row.ownerRefs.find((o) => o.controller) ?? row.ownerRefs[0];
    if (!ref || seen.has(ref.uid)) break;
    seen.add(ref.uid);
    top = { uid: ref.uid, kind: ref.kind, name: ref.name };
    row = cache.row(ref.uid);
  }
  const lines: TreeLine[] = [];
  const visit = (id: string, depth: number, fallback: { kind: string; name: string }): void => {
    const r = cache.row(id);
    lines.push({
      depth,
      kind: r ? kindOfRow(r) : fallback.kind,
      name: r ? r.name : fallback.name,
      uid: id,
      status: r ? statusOf(cache, r) : '',
      focus: id === uid,
      missing: !r,
    });
    if (depth >= maxDepth) return;
    for (const child of cache.childrenOf(id)) visit(child.uid, depth + 1, { kind: '', name: child.name });
  };
  visit(top.uid, 0, { kind: top.kind, name: top.name });
  return lines;
}

function statusOf(cache: ObjectCache, row: Row): string {
  const columns = cache.columnsOf(row.resourceKey);
  for (const name of ['STATUS', 'READY', 'PHASE']) {
    const i = columns.findIndex((c) => c.name === name);
    if (i >= 0 && row.cells[i]) return `${name.toLowerCase()} ${row.cells[i]}`;
  }
  return '';
}
