/** The Deployment controller: ReplicaSets per template, rolling updates in steps, revisions, history and status. */
import type { KubeObject } from '../../../kube/object.ts';
import type { ScenarioContext } from '../context.ts';
import { ownerRef, type LabelSelector } from '../meta.ts';
import { R } from '../refs.ts';
import { DESIRED, MAX, REVISION, REVISION_HISTORY, copiedAnnotations, podTemplateHash, revisionOf, specReplicas, statusCount, surgeAndUnavailable, templateKey } from './deployment-math.ts';
import type { PodTemplate } from './pod-factory.ts';
import { deploymentStatus } from './deployment-status.ts';

interface DeploySpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplate;
  strategy?: { type?: string };
  revisionHistoryLimit?: number;
  paused?: boolean;
}

const source = { component: 'deployment-controller' };

/** Syncs one Deployment. */
export function syncDeployment(ctx: ScenarioContext, namespace: string, name: string): void {
  const d = ctx.store.get(R.deployments, namespace, name);
  if (!d || d.metadata.deletionTimestamp) return;
  const spec = (d.spec ?? {}) as DeploySpec;
  const replicas = spec.replicas ?? 1;
  let all = ctx.dependents(d, R.replicasets).filter((rs) => !rs.metadata.deletionTimestamp);
  const key = templateKey(spec.template);
  let newRS = all.find((rs) => templateKey((rs.spec as { template?: PodTemplate }).template) === key);
  if (spec.paused) {
    writeStatus(ctx, d, newRS, all);
    return;
  }
  const { surge, unavailable } = surgeAndUnavailable(d);
  const maxRev = Math.max(0, ...all.filter((rs) => rs !== newRS).map(revisionOf));
  if (!newRS) {
    newRS = createReplicaSet(ctx, d, maxRev + 1, all.length === 0 ? replicas : 0, replicas + surge);
    all = [...all, newRS];
  } else {
    newRS = refreshAnnotations(ctx, d, newRS, maxRev, replicas, replicas + surge);
    all = all.map((rs) => (rs.metadata.uid === newRS?.metadata.uid ? (newRS as KubeObject) : rs));
  }
  const rev = newRS.metadata.annotations?.[REVISION];
  if (rev && d.metadata.annotations?.[REVISION] !== rev) {
    ctx.store.mutate(R.deployments, namespace, name, (draft) => {
      draft.metadata.annotations = { ...(draft.metadata.annotations ?? {}), [REVISION]: rev };
    });
  }
  const olds = all.filter((rs) => rs !== newRS).sort((a, b) => revisionOf(a) - revisionOf(b));
  if (spec.strategy?.type === 'Recreate') {
    const oldActive = olds.some((rs) => specReplicas(rs) > 0 || statusCount(rs, 'replicas') > 0);
    for (const rs of olds) if (specReplicas(rs) > 0) scale(ctx, d, rs, 0, replicas, replicas);
    if (!oldActive && specReplicas(newRS) !== replicas) scale(ctx, d, newRS, replicas, replicas, replicas);
  } else {
    // Scale up the new ReplicaSet within maxSurge.
    const total = all.reduce((n, rs) => n + specReplicas(rs), 0);
    const cur = specReplicas(newRS);
    if (cur > replicas) scale(ctx, d, newRS, replicas, replicas, replicas + surge);
    else if (cur < replicas && total < replicas + surge) scale(ctx, d, newRS, Math.min(replicas, cur + replicas + surge - total), replicas, replicas + surge);
    // Scale down old ReplicaSets within maxUnavailable, unhealthy replicas first.
    const fresh = all.map((rs) => ctx.store.get(R.replicasets, namespace, rs.metadata.name) ?? rs);
    const allPods = fresh.reduce((n, rs) => n + specReplicas(rs), 0);
    const available = fresh.reduce((n, rs) => n + statusCount(rs, 'availableReplicas'), 0);
    const newNow = fresh.find((rs) => rs.metadata.uid === newRS?.metadata.uid) ?? newRS;
    const newUnavailable = Math.max(0, specReplicas(newNow) - statusCount(newNow, 'availableReplicas'));
    const minAvailable = replicas - unavailable;
    let budget = allPods - minAvailable - newUnavailable;
    const oldsNow = fresh.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid).sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of oldsNow) {
      if (budget <= 0) break;
      const unhealthy = specReplicas(rs) - statusCount(rs, 'availableReplicas');
      if (unhealthy <= 0) continue;
      const dec = Math.min(budget, unhealthy);
      scale(ctx, d, rs, specReplicas(rs) - dec, replicas, replicas + surge);
      budget -= dec;
    }
    let healthyBudget = Math.min(budget, available - minAvailable);
    for (const rs of oldsNow) {
      if (healthyBudget <= 0) break;
      const current = specReplicas(ctx.store.get(R.replicasets, namespace, rs.metadata.name) ?? rs);
      const dec = Math.min(current, healthyBudget);
      if (dec <= 0) continue;
      scale(ctx, d, rs, current - dec, replicas, replicas + surge);
      healthyBudget -= dec;
    }
  }
  cleanupHistory(ctx, d, spec.revisionHistoryLimit ?? 10);
  const latest = ctx.dependents(d, R.replicasets).filter((rs) => !rs.metadata.deletionTimestamp);
  writeStatus(
    ctx,
    d,
    latest.find((rs) => rs.metadata.uid === newRS?.metadata.uid),
    latest,
  );
}

function createReplicaSet(ctx: ScenarioContext, d: KubeObject, revision: number, replicas: number, maxReplicas: number): KubeObject {
  const spec = (d.spec ?? {}) as DeploySpec;
  const collision = ((d.status ?? {}) as { collisionCount?: number }).collisionCount ?? 0;
  const hash = podTemplateHash(spec.template, collision);
  const template = structuredClone(spec.template ?? {});
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash } };
  const rsName = `${d.metadata.name}-${hash}`;
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rsName,
      namespace: d.metadata.namespace,
      uid: '',
      labels: { ...(spec.template?.metadata?.labels ?? {}), 'pod-template-hash': hash },
      annotations: { ...copiedAnnotations(d), [DESIRED]: String(spec.replicas ?? 1), [MAX]: String(maxReplicas), [REVISION]: String(revision) },
      ownerReferences: [ownerRef(d)],
    },
    spec: {
      replicas,
      selector: { ...(spec.selector ?? {}), matchLabels: { ...(spec.selector?.matchLabels ?? {}), 'pod-template-hash': hash } },
      template,
    },
  };
  let created: KubeObject;
  try {
    created = ctx.create(R.replicasets, rs);
  } catch {
    // A ReplicaSet of that name exists but is not ours: a hash collision, so bump collisionCount and retry.
    ctx.store.mutate(R.deployments, d.metadata.namespace, d.metadata.name, (draft) => {
      draft.status = { ...((draft.status ?? {}) as object), collisionCount: collision + 1 };
    });
    throw new Error(`replica set ${rsName} already exists`);
  }
  if (replicas > 0) ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rsName} from 0 to ${replicas}`, source);
  return created;
}

/** Keeps the new ReplicaSet's revision the highest (reusing an old template bumps it) and its annotations current. */
function refreshAnnotations(ctx: ScenarioContext, d: KubeObject, rs: KubeObject, maxOldRev: number, desired: number, max: number): KubeObject {
  const have = rs.metadata.annotations ?? {};
  const next: Record<string, string> = { ...have, ...copiedAnnotations(d), [DESIRED]: String(desired), [MAX]: String(max) };
  const rev = revisionOf(rs);
  if (rev <= maxOldRev) {
    next[REVISION] = String(maxOldRev + 1);
    if (rev > 0) next[REVISION_HISTORY] = have[REVISION_HISTORY] ? `${have[REVISION_HISTORY]},${rev}` : String(rev);
  }
  if (JSON.stringify(next) === JSON.stringify(have)) return rs;
  return (
    ctx.store.mutate(R.replicasets, rs.metadata.namespace, rs.metadata.name, (draft) => {
      draft.metadata.annotations = next;
    }) ?? rs
  );
}

function scale(ctx: ScenarioContext, d: KubeObject, rs: KubeObject, to: number, desired: number, max: number): void {
  const from = specReplicas(rs);
  if (from === to) return;
  ctx.store.mutate(R.replicasets, rs.metadata.namespace, rs.metadata.name, (draft) => {
    (draft.spec as { replicas?: number }).replicas = to;
    draft.metadata.annotations = { ...(draft.metadata.annotations ?? {}), [DESIRED]: String(desired), [MAX]: String(max) };
  });
  const verb = to > from ? 'up' : 'down';
  ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${to}`, source);
}

/** Deletes the oldest idle ReplicaSets beyond revisionHistoryLimit. */
function cleanupHistory(ctx: ScenarioContext, d: KubeObject, limit: number): void {
  const idle = ctx
    .dependents(d, R.replicasets)
    .filter((rs) => !rs.metadata.deletionTimestamp && specReplicas(rs) === 0 && statusCount(rs, 'replicas') === 0)
    .filter((rs) => templateKey((rs.spec as { template?: PodTemplate }).template) !== templateKey((d.spec as DeploySpec).template))
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) ctx.store.delete(R.replicasets, rs.metadata.namespace, rs.metadata.name);
}

function writeStatus(ctx: ScenarioContext, d: KubeObject, newRS: KubeObject | undefined, all: KubeObject[]): void {
  const next = deploymentStatus(d, newRS, all);
  ctx.store.mutate(R.deployments, d.metadata.namespace, d.metadata.name, (draft) => {
    draft.status = next(draft.status as Record<string, unknown> | undefined);
  });
}
