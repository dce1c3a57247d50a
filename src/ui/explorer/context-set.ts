/**
 * The contexts of a multi-context view (`:po @prod,staging`): for each, a session of its own from
 * the same kubeconfig, its own cache and watch manager, so rows never mix and one context that
 * cannot connect does not stop the others. Lives while views of the same contexts are shown.
 */
import { labelSelectorOf } from '../../explorer/view-rows.ts';
import { memberEntry, type ContextMember } from '../../explorer/multi-context.ts';
import type { ViewEntry } from '../../explorer/view-entry.ts';
import { toKxError } from '../../kube/errors.ts';
import { resourceKey } from '../../kube/resource-info.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import { WatchManager } from '../../store/watch-manager.ts';
import { startViewWatches } from './use-view-watches.ts';

/** One context: its cache from the start, its session and watches once open, or why not. */
export interface ContextSetMember extends ContextMember {
  cache: ObjectCache;
  session?: KubeSession | undefined;
  watches?: WatchManager | undefined;
}

/** Sessions, caches and streams of several contexts, shown as one view. */
export class ContextSet {
  readonly names: readonly string[];
  readonly #members: ContextSetMember[];
  readonly #releases = new Map<string, () => void>();
  readonly #listeners = new Set<() => void>();
  readonly #unsubscribe: (() => void)[] = [];
  #entry: ViewEntry | undefined;
  #entryKey = '';
  #version = 0;
  #list: readonly ContextMember[] = [];
  #closed = false;

  constructor(names: readonly string[], open: (name: string) => Promise<KubeSession>, newCache: () => ObjectCache) {
    this.names = names;
    this.#members = names.map((context) => ({ context, cache: newCache() }));
    this.#list = [...this.#members];
    for (const member of this.#members) {
      this.#unsubscribe.push(member.cache.subscribe(() => this.#changed()));
      open(member.context).then(
        (session) => {
          if (this.#closed) return void session.close().catch(() => undefined);
          member.session = session;
          member.watches = new WatchManager(session.client, member.cache);
          this.#start(member);
          this.#changed();
        },
        (err: unknown) => {
          member.failure = toKxError(err).message.replace(/\.$/, '');
          this.#changed();
        },
      );
    }
  }

  /** The members as the view's model reads them; a new array after every change. */
  members(): readonly ContextMember[] {
    return this.#list;
  }

  /** The member for `context`, or undefined. */
  member(context: string): ContextSetMember | undefined {
    return this.#members.find((m) => m.context === context);
  }

  /** Runs the streams `entry` needs in every context (the previous view's go once the new ones run). */
  show(entry: ViewEntry): void {
    const inner = memberEntry(entry);
    const via = inner.scope?.kind === 'grandchildren' ? resourceKey(inner.scope.via) : '';
    const key = [resourceKey(inner.resource), inner.namespace ?? '*', inner.namespaces?.join() ?? '', labelSelectorOf(inner) ?? '', via].join('|');
    if (key === this.#entryKey) return;
    this.#entryKey = key;
    this.#entry = inner;
    for (const member of this.#members) this.#start(member);
  }

  /** useSyncExternalStore's subscribe: any context's frame, or a session opening. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** useSyncExternalStore's getSnapshot: changes with every frame of any context. */
  getSnapshot = (): number => this.#version;

  /** Stops every stream and closes the sessions. */
  close(): void {
    this.#closed = true;
    for (const release of this.#releases.values()) release();
    this.#releases.clear();
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    for (const member of this.#members) {
      member.watches?.stopAll();
      member.cache.dispose();
      void member.session?.close().catch(() => undefined);
    }
    this.#listeners.clear();
  }

  #start(member: ContextSetMember): void {
    if (!member.watches || !this.#entry || this.#closed) return;
    const previous = this.#releases.get(member.context);
    this.#releases.set(member.context, startViewWatches(member.watches, this.#entry));
    previous?.();
  }

  #changed(): void {
    this.#version++;
    this.#list = [...this.#members];
    for (const listener of [...this.#listeners]) listener();
  }
}
