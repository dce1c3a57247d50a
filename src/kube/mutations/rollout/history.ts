/**
 * Rollout history as kubectl reads it: a Deployment's ReplicaSets (selected by its selector and
 * controlled by it) with their `deployment.kubernetes.io/revision`; a StatefulSet's or DaemonSet's
 * ControllerRevisions ordered by `.revision`. Each revision keeps its pod template, so a diff
 * against the current one and an undo need no second fetch.
 */
import type { ApiClient } from '../../api-client.ts';
import type { KubeList, KubeObject } from '../../object.ts';
import { resourcePath } from '../../resource-info.ts';
import type { LabelSelector } from '../../label-selector.ts';
import { selectorString as labelSelectorText } from '../../label-selector.ts';
import { type RolloutTarget } from './rollout-target.ts';

/** One revision of a workload. */
export interface Revision {
  revision: number;
  /** `kubernetes.io/change-cause`, or '<none>' like kubectl. */
  changeCause: string;
  images: string[];
  createdAt: string;
  /** The revision the workload runs now. */
  current: boolean;
  /** The pod template of this revision. */
  template: PodTemplate;
  /** The ReplicaSet or ControllerRevision it comes from. */
  source: KubeObject;
}

/** A pod template as the API holds it. */
export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { containers?: { name: string; image?: string }[]; initContainers?: { name: string; image?: string }[] } & Record<string, unknown>;
}

/** A workload and its revisions, oldest first. */
export interface History {
  object: KubeObject;
  revisions: Revision[];
}

const controlledBy = (owner: KubeObject) => (o: KubeObject) =>
  (o.metadata.ownerReferences ?? []).some((r: { uid: string; controller?: boolean }) => r.uid === owner.metadata.uid && r.controller === true);

function imagesOf(template: PodTemplate | undefined): string[] {
  return (template?.spec?.containers ?? []).map((c) => c.image ?? '');
}

/** Reads the workload and its revisions. */
export async function rolloutHistory(client: ApiClient, target: RolloutTarget): Promise<History> {
  const kind = target.flavour;
  const object = await client.get<KubeObject>(resourcePath(target.resource, target.namespace, target.name));
  const spec = object['spec'] as { selector?: LabelSelector; template?: PodTemplate };
  const selector = spec.selector ? labelSelectorText(spec.selector) : '';
  const ns = encodeURIComponent(target.namespace);
  let revisions: Revision[];
  if (kind === 'Deployment') {
    const list = await client.get<KubeList>(`/apis/apps/v1/namespaces/${ns}/replicasets`, { query: { labelSelector: selector || undefined } });
    const current = object.metadata.annotations?.['deployment.kubernetes.io/revision'];
    revisions = list.items.filter(controlledBy(object)).flatMap((rs) => {
      const n = Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision']);
      if (!Number.isInteger(n)) return [];
      const template = (rs['spec'] as { template?: PodTemplate }).template ?? {};
      return [
        {
          revision: n,
          changeCause: rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>',
          images: imagesOf(template),
          createdAt: rs.metadata.creationTimestamp ?? '',
          current: String(n) === current,
          template,
          source: rs,
        },
      ];
    });
  } else {
    const list = await client.get<KubeList>(`/apis/apps/v1/namespaces/${ns}/controllerrevisions`, { query: { labelSelector: selector || undefined } });
    const status = object['status'] as { updateRevision?: string; currentRevision?: string } | undefined;
    revisions = list.items.filter(controlledBy(object)).map((cr) => {
      const template = ((cr['data'] as { spec?: { template?: PodTemplate } } | undefined)?.spec?.template ?? {}) as PodTemplate;
      return {
        revision: Number(cr['revision'] ?? 0),
        changeCause: cr.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>',
        images: imagesOf(template),
        createdAt: cr.metadata.creationTimestamp ?? '',
        current: kind === 'StatefulSet' ? cr.metadata.name === (status?.updateRevision ?? status?.currentRevision) : false,
        template,
        source: cr,
      };
    });
    // A DaemonSet's current revision is its newest ControllerRevision.
    if (kind === 'DaemonSet' && revisions.length > 0) {
      const newest = Math.max(...revisions.map((r) => r.revision));
      for (const r of revisions) r.current = r.revision === newest;
    }
  }
  revisions.sort((a, b) => a.revision - b.revision);
  return { object, revisions };
}

/** kubectl rollout history's table. */
export function historyText(name: string, history: History): string {
  const rows = history.revisions.map((r) => [String(r.revision), r.changeCause]);
  const width = Math.max('REVISION'.length, ...rows.map((r) => r[0]!.length)) + 2;
  // kubectl ends the table with an empty line.
  return `${name} \n${'REVISION'.padEnd(width)}CHANGE-CAUSE\n${rows.map(([rev, cause]) => `${rev!.padEnd(width)}${cause}`).join('\n')}\n\n`;
}
