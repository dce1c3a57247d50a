/** The objects of one resource, keyed by "namespace/name" (or "name"), readable in etcd order. */
import type { KubeObject } from '../../kube/object.ts';
import { SortedKeys } from './sorted-keys.ts';

/** The storage key of an object: "namespace/name" for namespaced resources, "name" otherwise. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** One page of a scan: the items and the key to continue after, if more remain. */
export interface TablePage {
  items: KubeObject[];
  /** Key of the last returned item when the scan stopped early (the next page starts after it). */
  lastKey?: string;
  /** How many live objects in the scanned range were not returned. */
  remaining: number;
}

/** Per-resource object storage with a per-namespace count, so lists and pages avoid full sorts. */
export class ObjectTable {
  private readonly objects = new Map<string, KubeObject>();
  private readonly keys = new SortedKeys((k) => this.objects.has(k));
  private readonly perNamespace = new Map<string, number>();

  get size(): number {
    return this.objects.size;
  }

  get(key: string): KubeObject | undefined {
    return this.objects.get(key);
  }

  /** Stores an object under its key; returns true if the key is new. */
  set(key: string, obj: KubeObject): boolean {
    const isNew = !this.objects.has(key);
    this.objects.set(key, obj);
    if (isNew) {
      this.keys.add(key);
      const ns = obj.metadata.namespace;
      if (ns) this.perNamespace.set(ns, (this.perNamespace.get(ns) ?? 0) + 1);
    }
    return isNew;
  }

  /** Removes an object; returns what was stored. */
  delete(key: string): KubeObject | undefined {
    const obj = this.objects.get(key);
    if (!obj) return undefined;
    this.objects.delete(key);
    this.keys.remove(key);
    const ns = obj.metadata.namespace;
    if (ns) {
      const n = (this.perNamespace.get(ns) ?? 1) - 1;
      if (n <= 0) this.perNamespace.delete(ns);
      else this.perNamespace.set(ns, n);
    }
    return obj;
  }

  /** Number of objects in one namespace, or all. */
  count(namespace?: string): number {
    return namespace ? (this.perNamespace.get(namespace) ?? 0) : this.objects.size;
  }

  /** Every object (in one namespace, or all) in key order. */
  list(namespace?: string): KubeObject[] {
    return this.page({ namespace }).items;
  }

  /**
   * Objects in key order, starting after `after`, stopping after `limit` matches of `filter`.
   * `remaining` is only exact when there is no filter (the real server omits it with selectors too).
   */
  page(opts: { namespace?: string; after?: string; limit?: number; filter?: (o: KubeObject) => boolean }): TablePage {
    const prefix = opts.namespace ? `${opts.namespace}/` : '';
    const from = opts.after !== undefined ? `${opts.after}\u0000` : prefix || undefined;
    const items: KubeObject[] = [];
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    let lastKey: string | undefined;
    let stoppedEarly = false;
    let scanned = 0;
    this.keys.scan(from, (key) => {
      if (prefix && !key.startsWith(prefix)) return false;
      const obj = this.objects.get(key) as KubeObject;
      if (items.length >= limit) {
        stoppedEarly = true;
        return false;
      }
      scanned++;
      if (opts.filter && !opts.filter(obj)) return true;
      items.push(obj);
      lastKey = key;
      return true;
    });
    if (!stoppedEarly) return { items, remaining: 0 };
    const before = opts.after === undefined ? 0 : this.countBefore(opts);
    const total = this.count(opts.namespace);
    return { items, remaining: Math.max(0, total - before - scanned), ...(lastKey !== undefined ? { lastKey } : {}) };
  }

  /** Live keys up to and including `after` in the page's range (only used to compute remainingItemCount). */
  private countBefore(opts: { namespace?: string; after?: string }): number {
    const prefix = opts.namespace ? `${opts.namespace}/` : '';
    let n = 0;
    const after = opts.after as string;
    this.keys.scan(prefix || undefined, (key) => {
      if (prefix && !key.startsWith(prefix)) return false;
      if (key > after) return false;
      n++;
      return true;
    });
    return n;
  }
}
