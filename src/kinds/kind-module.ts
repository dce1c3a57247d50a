/**
 * A kind is one module: everything kx knows about a built-in resource kind in one declaration,
 * found through the registry (registry.ts). Columns are declared with the function that fills
 * them (kubectl's printer pairs), so cells cannot drift from their headings, and tone and sort
 * read cells by column name. Every part is a required key: a kind that forgets one (even to say
 * it has none) does not compile.
 */
import type { RolloutKind } from '../kube/mutations/rollout/rollout-target.ts';
import type { KubeObject } from '../kube/object.ts';
import type { Describer } from './describe/describe-types.ts';
import { timeCellText } from './cells.ts';
import { makeRow, type RowExtras } from './row.ts';
import type { Capabilities, ColumnSpec, KindSpec, Row, SortKind, TimeCell, Tone } from './types.ts';

/** What a column's value function returns: text, or a time the table keeps ticking. */
export type CellValue = string | { age: string | number | undefined } | { restarts: number; at: number };

/** One column with the function that fills it from the object (and what `prepare` computed once). */
export interface ColumnDef<P> {
  name: string;
  /** A width hint in cells (typical content). */
  width: number;
  sort?: SortKind;
  /** Printed only by `kubectl get -o wide`. */
  wide?: boolean;
  /** The NAMESPACE column: shown only across namespaces. */
  allNamespaces?: boolean;
  /** The column `S` sorts by when none is named STATUS, PHASE, STATE or READY. */
  status?: boolean;
  value(o: KubeObject, prepared: P, now: number): CellValue;
}

/** A row's cells by column name, for tone: `cells.STATUS`. */
export type CellsByName = Readonly<Record<string, string>>;

/**
 * What describe needs fetched beside the object (kube/related-objects.ts fetches each): kubectl's
 * describers list the same. Events are always fetched.
 */
export type RelatedNeed = 'replicaSetsBySelector' | 'podsBySelector' | 'serviceEndpoints' | 'nodePodsAndLease' | 'namespaceQuotas' | 'podsInNamespace' | 'ingressBackends';

/** What Enter opens on a row (explorer/drill-down.ts builds the view). */
export type DrillRule =
  /** The objects of `child` it controls (Deployment → ReplicaSets, ReplicaSet → pods). */
  | { kind: 'owned'; child: string; startOn?: 'most-desired' }
  /** The pods of the objects it controls (CronJob → its Jobs' pods). */
  | { kind: 'grandchildren'; via: string }
  /** The pods its selector picks (Service, NetworkPolicy's podSelector). */
  | { kind: 'selected-pods' }
  /** The pods scheduled on it (Node). */
  | { kind: 'node-pods' }
  /** Its pods, and it becomes the current namespace (Namespace). */
  | { kind: 'namespace-pods' }
  /** The custom resources it defines (CRD). */
  | { kind: 'defined-resources' }
  /** Its containers, from its own row (Pod). */
  | { kind: 'containers' };

/** How the pods of an object are found for logs, exec and port-forward. */
export type PodsRule = { kind: 'self' } | { kind: 'workload-selector' } | { kind: 'service-selector' };

/** How an object rolls out (kubectl's rollout flavours; kube/mutations/rollout acts on each). */
export type RolloutFlavour = RolloutKind;

/** Everything kx knows about one kind. `P` is what `prepare` computes once per object for several columns. */
export interface KindModule<P = undefined> {
  /** 'pods', 'deployments.apps': the resource (plural.group) this kind is served as. */
  resourceKey: string;
  /** The API group ('' for core) and Kind, the key describe and owner references use. */
  group: string;
  kind: string;
  namespaced: boolean;
  /** Work several columns share (a pod's status summary), done once per object. */
  prepare: ((o: KubeObject) => P) | undefined;
  columns: readonly ColumnDef<P>[];
  /** Fields indexes and drill-down need beyond the cells (a selector, a node name). */
  extras: ((o: KubeObject, prepared: P) => RowExtras) | undefined;
  /** The row's colour, from its cells by column name. */
  tone(cells: CellsByName, row: Row): Tone;
  /** kubectl describe for this kind, loaded when first used; undefined: the generic describer. */
  describe: (() => Promise<Describer>) | undefined;
  related: readonly RelatedNeed[];
  drill: DrillRule | undefined;
  pods: PodsRule | undefined;
  rollout: RolloutFlavour | undefined;
}

/** What the rest of kx reads of a kind module (its columns live on as the kind's specs and toRow). */
export type KindFacts = Pick<KindModule<unknown>, 'resourceKey' | 'group' | 'kind' | 'namespaced' | 'describe' | 'related' | 'drill' | 'pods' | 'rollout'>;

/** A registered kind: the module's facts plus what the table and store use (column specs, toRow, tone). */
export interface RegisteredKind extends KindSpec {
  readonly module: KindFacts;
}

/** Turns a module into the kind the store and table use; columns and cells line up by construction. */
export function defineKind<P>(module: KindModule<P>): RegisteredKind {
  const columns: ColumnSpec[] = module.columns.map((c) => {
    const sort = c.sort ?? 'text';
    return {
      name: c.name,
      width: c.width,
      align: sort === 'number' ? 'right' : 'left',
      wide: c.wide === true,
      sort,
      ...(c.allNamespaces ? { allNamespaces: true } : {}),
      ...(c.status ? { status: true } : {}),
    };
  });
  const names = module.columns.map((c) => c.name);
  const toRow = (o: KubeObject, now: number): Row => {
    const prepared = (module.prepare ? module.prepare(o) : undefined) as P;
    const cells: string[] = new Array<string>(module.columns.length);
    const timeCells: TimeCell[] = [];
    module.columns.forEach((c, column) => {
      const value = c.value(o, prepared, now);
      if (typeof value !== 'object' || value === null) {
        // Text (and, from an object missing a field the column reads, nothing).
        cells[column] = typeof value === 'string' ? value : '';
        return;
      }
      const cell: TimeCell =
        'age' in value ? { column, kind: 'age', at: typeof value.age === 'number' ? value.age : Date.parse(value.age ?? '') } : { column, kind: 'restarts', count: value.restarts, at: value.at };
      // A restart count with no time to tick is plain text.
      if (cell.kind === 'restarts' && (cell.count === 0 || Number.isNaN(cell.at))) {
        cells[column] = String(cell.count);
        return;
      }
      timeCells.push(cell);
      cells[column] = timeCellText(cell, now);
    });
    return makeRow(module.resourceKey, o, cells, timeCells, module.extras ? module.extras(o, prepared) : {});
  };
  const tone = (row: Row): Tone => module.tone(cellsByName(names, row.cells), row);
  const capabilities: Capabilities = {
    scalable: false,
    loggable: module.pods !== undefined,
    execable: module.pods?.kind === 'self',
    rollbackable: module.rollout !== undefined,
    restartable: module.rollout !== undefined,
    deletable: true,
  };
  return { resourceKey: module.resourceKey, kind: module.kind, namespaced: module.namespaced, columns, toRow, tone, capabilities, module };
}

/** A row's cells keyed by column name (cheap: a view over the array, built on demand). */
export function cellsByName(names: readonly string[], cells: readonly string[]): CellsByName {
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    out[name] = cells[i] ?? '';
  });
  return out;
}

/** The NAMESPACE, NAME and AGE columns every kind shares. */
export const namespaceCol: ColumnDef<unknown> = { name: 'NAMESPACE', width: 16, allNamespaces: true, value: (o) => o.metadata.namespace ?? '' };
export const nameCol: ColumnDef<unknown> = { name: 'NAME', width: 40, value: (o) => o.metadata.name };
export const ageCol: ColumnDef<unknown> = { name: 'AGE', width: 5, sort: 'age', value: (o) => ({ age: o.metadata.creationTimestamp }) };
