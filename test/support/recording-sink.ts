/** A StreamSink for tests: keeps the synced picture like the cache would, plus a log of every call. */
import type { KubeObject, TableColumn } from '../../src/kube/object.ts';
import type { StreamSink, StreamState } from '../../src/kube/stream-types.ts';

/** One call the stream made, in order. */
export type SinkCall =
  { call: 'beginSync' } | { call: 'endSync' } | { call: 'upsert'; key: string } | { call: 'remove'; key: string } | { call: 'columns'; names: string[] } | { call: 'state'; state: StreamState };

/** Records what a list+watch stream delivers and keeps objects by namespace/name with beginSync/endSync semantics. */
export class RecordingSink implements StreamSink {
  readonly objects = new Map<string, KubeObject>();
  readonly calls: SinkCall[] = [];
  readonly states: StreamState[] = [];
  columnDefs: TableColumn[] | undefined;
  syncs = 0;
  private seen: Set<string> | undefined;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  static keyOf(obj: KubeObject): string {
    return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
  }

  beginSync(): void {
    this.seen = new Set();
    this.calls.push({ call: 'beginSync' });
    this.poke();
  }

  upsert(obj: KubeObject): void {
    const key = RecordingSink.keyOf(obj);
    this.seen?.add(key);
    this.objects.set(key, obj);
    this.calls.push({ call: 'upsert', key });
    this.poke();
  }

  remove(obj: KubeObject): void {
    const key = RecordingSink.keyOf(obj);
    this.objects.delete(key);
    this.calls.push({ call: 'remove', key });
    this.poke();
  }

  endSync(): void {
    for (const key of [...this.objects.keys()]) if (this.seen && !this.seen.has(key)) this.objects.delete(key);
    this.seen = undefined;
    this.syncs++;
    this.calls.push({ call: 'endSync' });
    this.poke();
  }

  columns(defs: TableColumn[]): void {
    this.columnDefs = defs;
    this.calls.push({ call: 'columns', names: defs.map((d) => d.name) });
    this.poke();
  }

  state(s: StreamState): void {
    this.states.push(s);
    this.calls.push({ call: 'state', state: s });
    this.poke();
  }

  /** The last state the stream reported. */
  get last(): StreamState | undefined {
    return this.states[this.states.length - 1];
  }

  /** Resolves when `check` holds (checked after every call); rejects after `timeoutMs` naming `what`. */
  until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; last state ${JSON.stringify(this.last)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private poke(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }
}
