/** The demo cluster's in-memory, etcd-like object store (implements DemoStore). */
import type { KubeObject } from '../../kube/object.ts';
import { DemoApiError, type DemoResourceRef, type DemoStore, type StoreChange } from '../types.ts';
import { ChangeLog, type LoggedChange } from './change-log.ts';
import type { ResourceCatalogue } from './catalogue.ts';
import { alreadyExists, conflict, invalid, notFound, unknownResource } from './errors.ts';
import { ObjectTable, objectKey, type TablePage } from './object-table.ts';
import { clone, contentFingerprint, newUid, randomSuffix, rfc3339, specFingerprint } from './object-meta.ts';
import { refKey, type ResourceDef } from './resource-def.ts';
import { deletionPlan, type DeletionRequest } from './deletion.ts';

/** Options for a paged read. */
export interface PageRequest {
  namespace?: string;
  after?: string;
  limit?: number;
  filter?: (o: KubeObject) => boolean;
}

/** The store, plus what the HTTP layer needs beyond DemoStore (paging, change history, compaction). */
export class MemoryStore implements DemoStore {
  private rv = 0;
  private readonly tables = new Map<string, ObjectTable>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly queue: StoreChange[] = [];
  private notifying = false;
  readonly log: ChangeLog;

  constructor(
    readonly catalogue: ResourceCatalogue,
    compactionWindow = 10_000,
  ) {
    this.log = new ChangeLog(compactionWindow);
  }

  currentResourceVersion(): number {
    return this.rv;
  }

  get(resource: DemoResourceRef, namespace: string | undefined, name: string): KubeObject | undefined {
    const def = this.def(resource);
    return this.table(def).get(objectKey(def.namespaced ? namespace : undefined, name));
  }

  list(resource: DemoResourceRef, namespace?: string): KubeObject[] {
    const def = this.def(resource);
    return this.table(def).list(def.namespaced ? namespace : undefined);
  }

  /** One page of objects in etcd key order (see ObjectTable.page). */
  page(resource: DemoResourceRef, req: PageRequest): TablePage {
    const def = this.def(resource);
    return this.table(def).page({ ...req, namespace: def.namespaced ? req.namespace : undefined });
  }

  /** Number of objects of a resource (in one namespace, or all). */
  count(resource: DemoResourceRef, namespace?: string): number {
    const def = this.def(resource);
    return this.table(def).count(def.namespaced ? namespace : undefined);
  }

  create(resource: DemoResourceRef, input: KubeObject): KubeObject {
    const def = this.def(resource);
    const obj = clone(input);
    const meta = (obj.metadata ??= { name: '', uid: '' });
    if (!meta.name) {
      if (!meta.generateName) throw invalid(def, '', 'metadata.name', 'Required value: name or generateName is required');
      meta.name = `${meta.generateName}${randomSuffix()}`;
    }
    if (def.namespaced && !meta.namespace) throw invalid(def, meta.name, 'metadata.namespace', 'Required value');
    if (!def.namespaced) delete meta.namespace;
    const key = objectKey(meta.namespace, meta.name);
    const table = this.table(def);
    if (table.get(key)) throw alreadyExists(def, meta.name);
    meta.uid = newUid();
    meta.creationTimestamp = rfc3339();
    meta.generation = 1;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    // The namespace registry starts every namespace Active.
    if (def.group === '' && def.plural === 'namespaces') obj.status = { phase: 'Active', ...(obj.status as object | undefined) };
    if (!obj.kind) obj.kind = def.kind;
    if (!obj.apiVersion) obj.apiVersion = def.group ? `${def.group}/${def.versions[0]}` : (def.versions[0] ?? 'v1');
    return this.commit(def, 'ADDED', key, obj);
  }

  /**
   * Stores an object exactly as given (uid, resourceVersion, timestamps), without an event: a
   * snapshot's objects. The store's resourceVersion moves up to the newest one restored.
   */
  restore(resource: DemoResourceRef, input: KubeObject): void {
    const def = this.def(resource);
    const obj = clone(input);
    if (!def.namespaced) delete obj.metadata.namespace;
    this.table(def).set(objectKey(obj.metadata.namespace, obj.metadata.name), obj);
    const rv = Number(obj.metadata.resourceVersion);
    if (Number.isSafeInteger(rv) && rv > this.rv) this.rv = rv;
    // Nothing before the restored state can be resumed from.
    this.log.compact(this.rv);
  }

  update(resource: DemoResourceRef, input: KubeObject): KubeObject {
    const def = this.def(resource);
    const name = input.metadata?.name;
    if (!name) throw invalid(def, '', 'metadata.name', 'Required value: name is required');
    const namespace = def.namespaced ? input.metadata.namespace : undefined;
    const key = objectKey(namespace, name);
    const table = this.table(def);
    const existing = table.get(key);
    if (!existing) throw notFound(def, name);
    const given = input.metadata.resourceVersion;
    if (given !== undefined && given !== '' && given !== existing.metadata.resourceVersion) throw conflict(def, name);
    const obj = clone(input);
    const meta = obj.metadata;
    const old = existing.metadata;
    meta.uid = old.uid;
    meta.creationTimestamp = old.creationTimestamp;
    if (!def.namespaced) delete meta.namespace;
    if (old.deletionTimestamp) {
      meta.deletionTimestamp = old.deletionTimestamp;
      meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    obj.kind ||= existing.kind;
    obj.apiVersion ||= existing.apiVersion;
    meta.generation = (old.generation ?? 1) + (specFingerprint(obj) === specFingerprint(existing) ? 0 : 1);
    meta.resourceVersion = old.resourceVersion;
    if (contentFingerprint(obj) === contentFingerprint(existing)) return existing;
    if (meta.deletionTimestamp && !meta.finalizers?.length && readyToRemove(def, obj)) {
      return this.commit(def, 'DELETED', key, obj);
    }
    return this.commit(def, 'MODIFIED', key, obj);
  }

  mutate(resource: DemoResourceRef, namespace: string | undefined, name: string, fn: (draft: KubeObject) => void): KubeObject | undefined {
    const current = this.get(resource, namespace, name);
    if (!current) return undefined;
    const draft = clone(current);
    fn(draft);
    draft.metadata.resourceVersion = current.metadata.resourceVersion;
    return this.update(resource, draft);
  }

  delete(resource: DemoResourceRef, namespace: string | undefined, name: string, opts: DeletionRequest = {}): KubeObject | undefined {
    const def = this.def(resource);
    const key = objectKey(def.namespaced ? namespace : undefined, name);
    const existing = this.table(def).get(key);
    if (!existing) return undefined;
    const plan = deletionPlan(def, existing, opts, new Date());
    switch (plan.kind) {
      case 'unchanged':
        return existing;
      case 'mark':
        return this.commit(def, 'MODIFIED', key, plan.object);
      case 'remove':
        if (def.group === '' && def.plural === 'namespaces') this.removeNamespaceContents(name);
        return this.commit(def, 'DELETED', key, clone(existing));
      default: {
        const never: never = plan;
        return never;
      }
    }
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes committed after `rv`, or undefined when history from there was compacted away. */
  changesSince(rv: number): LoggedChange[] | undefined {
    return this.log.since(rv);
  }

  /** Forgets all change history (watches and continue tokens from older versions get 410). */
  compact(): void {
    this.log.compact(this.rv);
  }

  /** Drops every object of a resource without events (its CRD is gone, so nobody can watch it). */
  dropResource(def: ResourceDef): void {
    const table = this.tables.get(refKey(def.group, def.plural));
    if (!table) return;
    for (const obj of table.list()) this.commit(def, 'DELETED', objectKey(obj.metadata.namespace, obj.metadata.name), clone(obj));
    this.tables.delete(refKey(def.group, def.plural));
  }

  /** The served resource for a ref; throws 404 for one that is not served. */
  def(resource: DemoResourceRef): ResourceDef {
    const def = this.catalogue.get(resource.group, resource.plural);
    if (!def) throw unknownResource();
    return def;
  }

  private table(def: ResourceDef): ObjectTable {
    const k = refKey(def.group, def.plural);
    let t = this.tables.get(k);
    if (!t) {
      t = new ObjectTable();
      this.tables.set(k, t);
    }
    return t;
  }

  /** A namespace going away takes every namespaced object in it along (the namespace controller's job). */
  private removeNamespaceContents(namespace: string): void {
    for (const def of this.catalogue.all()) {
      if (!def.namespaced) continue;
      const table = this.tables.get(refKey(def.group, def.plural));
      if (!table || table.count(namespace) === 0) continue;
      for (const obj of table.list(namespace)) this.commit(def, 'DELETED', objectKey(namespace, obj.metadata.name), clone(obj));
    }
  }

  private commit(def: ResourceDef, type: StoreChange['type'], key: string, obj: KubeObject): KubeObject {
    const rv = ++this.rv;
    obj.metadata.resourceVersion = String(rv);
    const table = this.table(def);
    if (type === 'DELETED') table.delete(key);
    else table.set(key, obj);
    const change: StoreChange = { type, resource: { group: def.group, plural: def.plural }, object: obj };
    this.log.append({ rv, change });
    this.notify(change);
    return obj;
  }

  /** Delivers changes in commit order even when a listener commits more changes while being told. */
  private notify(change: StoreChange): void {
    this.queue.push(change);
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (let c = this.queue.shift(); c; c = this.queue.shift()) {
        for (const l of [...this.listeners]) {
          try {
            l(c);
          } catch (err) {
            // A broken listener must not break the store or the other listeners.
            queueMicrotask(() => {
              throw err;
            });
          }
        }
      }
    } finally {
      this.notifying = false;
    }
  }
}

function readyToRemove(def: ResourceDef, obj: KubeObject): boolean {
  if (def.group === '' && def.plural === 'pods') return (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0;
  return true;
}

export { DemoApiError };
