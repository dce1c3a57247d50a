/** Routes each store change to the controllers that care, by resource (one subscription for the whole scenario). */
import type { StoreChange } from '../types.ts';
import type { ScenarioContext } from './context.ts';
import type { Scheduler } from './controllers/scheduler.ts';
import type { ServiceAllocator } from './controllers/service.ts';
import type { Kubelet } from './kubelet/kubelet.ts';
import type { DemoRuntime } from './kubelet/runtime.ts';
import { matchesMap } from './meta.ts';
import { budgetsOf } from './controllers/disruption.ts';
import { claimsOf, releaseVolume } from './controllers/volumes.ts';
import { controllerOf } from './owner-index.ts';
import { R } from './refs.ts';

/** The parts a change may be routed to. */
export interface Parts {
  ctx: ScenarioContext;
  scheduler: Scheduler;
  kubelet: Kubelet;
  runtime: DemoRuntime;
  services: ServiceAllocator;
}

const ownerKinds = new Set(['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Deployment', 'CronJob']);

/** Handles one committed change. */
export function dispatch(p: Parts, change: StoreChange): void {
  const { ctx } = p;
  const obj = change.object;
  const { group, plural } = change.resource;
  // Dependents of a deleted owner are the API server's garbage collector's job (server/garbage-collector.ts).
  ctx.owners.apply(change);
  const ns = obj.metadata.namespace;
  const name = obj.metadata.name;
  const owner = controllerOf(obj);
  if (owner && ownerKinds.has(owner.kind)) ctx.queue.add(owner.kind, ns, owner.name);
  const own = change.type !== 'DELETED';
  // What a namespace holds is what its quotas count (events aside: no quota counts them).
  if (ns !== undefined && plural !== 'events') for (const quota of ctx.store.list(R.quotas, ns)) ctx.queue.add('ResourceQuota', ns, quota.metadata.name);
  switch (`${group}/${plural}`) {
    case '/pods': {
      p.scheduler.onPod(change);
      p.kubelet.onPod(change);
      p.runtime.onPod(change);
      for (const svc of ctx.store.list(R.services, ns)) {
        if (matchesMap((svc.spec as { selector?: Record<string, string> } | undefined)?.selector, obj.metadata.labels)) ctx.queue.add('Endpoints', ns, svc.metadata.name);
      }
      for (const pdb of budgetsOf(ctx, obj)) ctx.queue.add('PodDisruptionBudget', ns, pdb.metadata.name);
      // A WaitForFirstConsumer claim is provisioned once a pod that mounts it is scheduled.
      if (own && (obj.spec as { nodeName?: string } | undefined)?.nodeName) for (const claim of claimsOf(obj)) ctx.queue.add('PersistentVolumeClaim', ns, claim);
      break;
    }
    case '/persistentvolumeclaims':
      if (own) ctx.queue.add('PersistentVolumeClaim', ns, name);
      else releaseVolume(ctx, obj);
      break;
    case 'policy/poddisruptionbudgets':
      if (own) ctx.queue.add('PodDisruptionBudget', ns, name);
      break;
    case 'apps/replicasets':
      if (own) ctx.queue.add('ReplicaSet', ns, name);
      break;
    case 'apps/deployments':
      if (own) ctx.queue.add('Deployment', ns, name);
      break;
    case 'apps/statefulsets':
      if (own) ctx.queue.add('StatefulSet', ns, name);
      break;
    case 'apps/daemonsets':
      if (own) ctx.queue.add('DaemonSet', ns, name);
      break;
    case 'batch/jobs':
      if (own) ctx.queue.add('Job', ns, name);
      break;
    case 'batch/cronjobs':
      if (own) ctx.queue.add('CronJob', ns, name);
      break;
    case '/services':
      if (own) {
        p.services.allocate(obj);
        ctx.queue.add('Endpoints', ns, name);
      } else if (ctx.store.get(R.endpoints, ns, name)) {
        ctx.store.delete(R.endpoints, ns, name);
      }
      break;
    case '/nodes':
      for (const ds of ctx.store.list(R.daemonsets)) ctx.queue.add('DaemonSet', ds.metadata.namespace, ds.metadata.name);
      break;
    default:
      break;
  }
}
