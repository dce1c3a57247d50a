/** Raw objects projected through the real kind modules into a triage source, for the rule tests. */
import type { TriageSource } from '../../src/explorer/triage/finding.ts';
import { kindFor } from '../../src/kinds/registry.ts';
import type { Row } from '../../src/kinds/types.ts';
import type { KubeObject } from '../../src/kube/object.ts';

/** A source over `objects` by resource key, each projected by its kind module at `now`. */
export function sourceOf(now: number, objects: Readonly<Record<string, readonly unknown[]>>): TriageSource {
  const rows = new Map<string, Row[]>();
  for (const [key, list] of Object.entries(objects)) {
    const kind = kindFor(key);
    if (!kind) throw new Error(`no kind module for ${key}`);
    rows.set(
      key,
      list.map((o) => kind.toRow(o as KubeObject, now)),
    );
  }
  return { now, rows: (key) => rows.get(key) ?? [] };
}

/** Metadata of a crafted object. */
export function meta(name: string, namespace = 'shop', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, namespace, uid: `uid-${namespace}-${name}`, resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z', ...extra };
}

/** An ISO time `ms` before `now`. */
export function ago(now: number, ms: number): string {
  return new Date(now - ms).toISOString();
}
