/**
 * k9s's namespace favourites: per context, the namespaces used most recently, the current one
 * first, at most nine (keys 1–9 pick them). Immutable, so it can live in React state.
 */

/** How many namespaces a context remembers: one per digit key 1–9. */
export const recentNamespacesLimit = 9;

/** Recent namespaces by context name, most recent first. */
export type RecentNamespaces = Readonly<Record<string, readonly string[]>>;

/** `context`'s recent namespaces, most recent first (empty when it has none). */
export function recentFor(recent: RecentNamespaces, context: string): readonly string[] {
  return Object.hasOwn(recent, context) ? recent[context]! : [];
}

/** `namespace` becomes `context`'s most recent; a repeat moves up, and beyond the limit the oldest goes. */
export function rememberNamespace(recent: RecentNamespaces, context: string, namespace: string): RecentNamespaces {
  const before = recentFor(recent, context);
  if (before[0] === namespace) return recent;
  const list = [namespace, ...before.filter((ns) => ns !== namespace)].slice(0, recentNamespacesLimit);
  return { ...recent, [context]: list };
}

/** The namespace digit `n` (1–9) picks in `context`, if the list is that long. */
export function recentAt(recent: RecentNamespaces, context: string, n: number): string | undefined {
  return n >= 1 ? recentFor(recent, context)[n - 1] : undefined;
}

/**
 * What a stored value means as RecentNamespaces: anything malformed is dropped (the file is kx's
 * own, so a bad one is forgotten rather than reported).
 */
export function recentFromJson(value: unknown): RecentNamespaces {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, readonly string[]> = {};
  for (const [context, list] of Object.entries(value)) {
    if (!Array.isArray(list)) continue;
    const names = [...new Set(list.filter((ns): ns is string => typeof ns === 'string' && ns !== ''))].slice(0, recentNamespacesLimit);
    if (names.length > 0) out[context] = names;
  }
  return out;
}
