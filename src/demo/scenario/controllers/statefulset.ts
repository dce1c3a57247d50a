/** The StatefulSet controller: ordered pods NAME-0..N-1, PVCs from claim templates, rolling updates by revision. */
import type { KubeObject } from '../../../kube/object.ts';
import type { ScenarioContext } from '../context.ts';
import { secondsSinceCreated, type LabelSelector } from '../meta.ts';
import { R } from '../refs.ts';
import { canonicalJson } from '../rng.ts';
import { isReady, podFromTemplate, type PodTemplate } from './pod-factory.ts';
import { ensureRevision } from './revisions.ts';
import { slowStartBatch } from './slow-start.ts';

interface StsSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplate;
  serviceName?: string;
  podManagementPolicy?: string;
  revisionHistoryLimit?: number;
  volumeClaimTemplates?: { metadata: { name: string }; spec: Record<string, unknown> }[];
}

const source = { component: 'statefulset-controller' };
const ordinal = (name: string): number => Number(name.slice(name.lastIndexOf('-') + 1));
const hashOf = (p: KubeObject): string | undefined => p.metadata.labels?.['controller-revision-hash'];

/** Syncs one StatefulSet. */
export function syncStatefulSet(ctx: ScenarioContext, namespace: string, name: string): void {
  const sts = ctx.store.get(R.statefulsets, namespace, name);
  if (!sts || sts.metadata.deletionTimestamp) return;
  const spec = (sts.spec ?? {}) as StsSpec;
  const want = spec.replicas ?? 1;
  const revision = ensureRevision(ctx, sts, spec.selector?.matchLabels ?? {}, spec.revisionHistoryLimit ?? 10);
  const update = revision.metadata.name;
  const pods = new Map(ctx.dependents(sts, R.pods).map((p) => [ordinal(p.metadata.name), p]));
  const parallel = spec.podManagementPolicy === 'Parallel';
  const settled = (p: KubeObject | undefined): boolean => !!p && !p.metadata.deletionTimestamp && isReady(p);
  // OrderedReady makes one pod at a time; Parallel a burst of the missing ordinals. The loop stops at
  // the first ordinal it may not create, so 2^31 replicas cost a burst, not 2^31 iterations.
  const missing = want - [...pods.keys()].filter((i) => i < want).length;
  const allowed = parallel ? ctx.bursts.take('StatefulSet', namespace, name, missing) : 1;
  const ordinals: number[] = [];
  let blocked = false;
  for (let i = 0; i < want && !blocked; i++) {
    const pod = pods.get(i);
    if (!pod) {
      if (ordinals.length === allowed) blocked = true;
      else {
        ordinals.push(i);
        blocked = !parallel;
      }
    } else if (!settled(pod)) blocked = !parallel;
  }
  slowStartBatch(ordinals.length, (k) => createPod(ctx, sts, spec, ordinals[k] as number, update));
  const extra = [...pods.keys()].filter((i) => i >= want).sort((a, b) => b - a);
  if (!blocked && extra.length > 0) {
    const top = pods.get(extra[0] as number) as KubeObject;
    if (!top.metadata.deletionTimestamp) {
      ctx.store.delete(R.pods, namespace, top.metadata.name);
      ctx.events.record(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${top.metadata.name} in StatefulSet ${name} successful`, source);
    }
    blocked = true;
  }
  if (!blocked) {
    // Rolling update: replace the highest ordinal still on an old revision, one at a time.
    const stale = [...pods.entries()].filter(([i, p]) => i < want && hashOf(p) !== update).sort(([a], [b]) => b - a)[0];
    if (stale && [...pods.values()].every(settled)) {
      ctx.store.delete(R.pods, namespace, stale[1].metadata.name);
      ctx.events.record(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${stale[1].metadata.name} in StatefulSet ${name} successful`, source);
    }
  }
  const live = ctx.dependents(sts, R.pods);
  const ready = live.filter(isReady).length;
  const updated = live.filter((p) => hashOf(p) === update).length;
  const oldStatus = (sts.status ?? {}) as { currentRevision?: string };
  const allUpdated = updated === want && live.length === want;
  const current = allUpdated ? update : (oldStatus.currentRevision ?? update);
  const next: Record<string, unknown> = {
    observedGeneration: sts.metadata.generation ?? 1,
    replicas: live.length,
    readyReplicas: ready,
    currentReplicas: live.filter((p) => hashOf(p) === current).length,
    updatedReplicas: updated,
    availableReplicas: ready,
    currentRevision: current,
    updateRevision: update,
    collisionCount: 0,
  };
  for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (next[k] === 0) delete next[k];
  if (canonicalJson(sts.status ?? {}) === canonicalJson(next)) return;
  ctx.store.mutate(R.statefulsets, namespace, name, (d) => {
    d.status = next;
  });
}

function createPod(ctx: ScenarioContext, sts: KubeObject, spec: StsSpec, i: number, revision: string): void {
  const podName = `${sts.metadata.name}-${i}`;
  const volumes = [...(((spec.template?.spec ?? {}) as { volumes?: unknown[] }).volumes ?? [])];
  for (const vct of spec.volumeClaimTemplates ?? []) {
    const claim = `${vct.metadata.name}-${podName}`;
    volumes.push({ name: vct.metadata.name, persistentVolumeClaim: { claimName: claim } });
    if (!ctx.store.get(R.pvcs, sts.metadata.namespace, claim)) createClaim(ctx, sts, vct, claim);
  }
  const pod = podFromTemplate(sts, spec.template ?? {}, podName, {
    labels: { 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': podName, 'apps.kubernetes.io/pod-index': String(i) },
    spec: { hostname: podName, ...(spec.serviceName ? { subdomain: spec.serviceName } : {}), ...(volumes.length ? { volumes } : {}) },
  });
  ctx.create(R.pods, pod);
  ctx.events.record(sts, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${sts.metadata.name} successful`, source);
}

function createClaim(ctx: ScenarioContext, sts: KubeObject, vct: { metadata: { name: string }; spec: Record<string, unknown> }, claim: string): void {
  const storage = (vct.spec.resources as { requests?: { storage?: string } } | undefined)?.requests?.storage ?? '1Gi';
  const volumeName = `pvc-${ctx.rng.suffix(8)}-${ctx.rng.suffix(4)}-${ctx.rng.suffix(4)}-${ctx.rng.suffix(12)}`;
  ctx.create(
    R.pvcs,
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claim,
        namespace: sts.metadata.namespace,
        uid: '',
        labels: { ...((sts.spec as StsSpec).selector?.matchLabels ?? {}) },
        annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes', 'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path' },
        finalizers: ['kubernetes.io/pvc-protection'],
      },
      spec: { storageClassName: 'standard', volumeMode: 'Filesystem', ...structuredClone(vct.spec), volumeName },
      status: { phase: 'Bound', accessModes: (vct.spec.accessModes as string[] | undefined) ?? ['ReadWriteOnce'], capacity: { storage } },
    },
    // At boot a claim, which has no owner to date it by, is as old as its StatefulSet.
    secondsSinceCreated(sts),
  );
}
