/**
 * Helm's storage objects (Secrets of type helm.sh/release.v1, or ConfigMaps labelled owner=helm)
 * as release revisions, and those as `helm list` and `helm history` rows. A revision whose data
 * cannot be decoded keeps its row, with the sentence saying why. Pure.
 */
import type { KubeObject } from '../../kube/object.ts';
import { decodeRelease, secretReleaseData, type HelmRelease } from './release-codec.ts';

/** One stored revision: decoded, or what the labels and the object's name say with the reason it is not. */
export interface ReleaseRevision {
  /** The storage object's name (sh.helm.release.v1.NAME.vREV). */
  storageName: string;
  storageKind: 'Secret' | 'ConfigMap';
  name: string;
  namespace: string;
  revision: number;
  status: string;
  release?: HelmRelease;
  error?: string;
}

const storageName = /^sh\.helm\.release\.v1\.(.+)\.v(\d+)$/;

/** The revision a storage object holds. */
export function releaseRevision(obj: KubeObject): ReleaseRevision {
  const labels = obj.metadata.labels ?? {};
  const named = storageName.exec(obj.metadata.name);
  const storageKind = obj.kind === 'ConfigMap' ? 'ConfigMap' : 'Secret';
  const base = {
    storageName: obj.metadata.name,
    storageKind,
    name: labels.name ?? named?.[1] ?? obj.metadata.name,
    namespace: obj.metadata.namespace ?? '',
    revision: Number(labels.version ?? named?.[2] ?? 0),
    status: labels.status ?? 'unknown',
  } as const;
  const raw = (obj.data as Record<string, string> | undefined)?.release;
  const what = `${storageKind.toLowerCase()} "${obj.metadata.name}"`;
  if (typeof raw !== 'string') return { ...base, error: `release ${what} has no release data.` };
  const data = storageKind === 'Secret' ? secretReleaseData(raw) : raw;
  const decoded = data === undefined ? { error: 'the secret data is not base64' } : decodeRelease(data);
  if ('error' in decoded) return { ...base, error: `release ${what} cannot be decoded: ${decoded.error}.` };
  const r = decoded.release;
  return { ...base, name: r.name, namespace: r.namespace ?? base.namespace, revision: r.version, status: r.info?.status ?? base.status, release: r };
}

/** Every release's revisions, newest last, releases by namespace then name; `revisionOf` may cache decoding. */
export function groupReleases(objects: readonly KubeObject[], revisionOf: (obj: KubeObject) => ReleaseRevision = releaseRevision): ReleaseRevision[][] {
  const byRelease = new Map<string, ReleaseRevision[]>();
  for (const obj of objects) {
    const rev = revisionOf(obj);
    const key = `${rev.namespace}/${rev.name}`;
    byRelease.set(key, [...(byRelease.get(key) ?? []), rev]);
  }
  return [...byRelease.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, revs]) => revs.sort((x, y) => x.revision - y.revision));
}

/** `helm list`'s columns. */
export const listColumns = ['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION'] as const;

/** `helm history`'s columns. */
export const historyColumns = ['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'] as const;

/** A stored time as Helm prints it, to the second, in UTC. */
export function helmTime(value: string | undefined): string {
  if (!value) return '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

/** name-version, as Helm names a chart. */
export function chartName(r: HelmRelease | undefined): string {
  const meta = r?.chart?.metadata;
  return meta?.name ? `${meta.name}-${meta.version ?? ''}` : '';
}

/** A release's `helm list` row: its newest revision. */
export function listCells(revisions: readonly ReleaseRevision[]): string[] {
  const last = revisions.at(-1)!;
  const r = last.release;
  return [last.name, last.namespace, String(last.revision), helmTime(r?.info?.last_deployed), last.status, chartName(r), r?.chart?.metadata?.appVersion ?? ''];
}

/** A revision's `helm history` row; an undecodable one says why in DESCRIPTION. */
export function historyCells(rev: ReleaseRevision): string[] {
  const r = rev.release;
  return [String(rev.revision), helmTime(r?.info?.last_deployed), rev.status, chartName(r), r?.chart?.metadata?.appVersion ?? '', rev.error ?? r?.info?.description ?? ''];
}
