/** The demo cluster's scenario: controllers, scheduler, simulated kubelet, seed objects, churn and scale. */
import type { DemoStore, PodRuntime } from '../types.ts';
import { startChurn } from './churn.ts';
import { ScenarioContext } from './context.ts';
import { syncCronJob } from './controllers/cronjob.ts';
import { syncDaemonSet } from './controllers/daemonset.ts';
import { syncDeployment } from './controllers/deployment.ts';
import { syncHpa } from './controllers/hpa.ts';
import { syncDisruptionBudget } from './controllers/disruption.ts';
import { syncQuota } from './controllers/quota.ts';
import { syncClaim } from './controllers/volumes.ts';
import { syncJob } from './controllers/job.ts';
import { syncReplicaSet } from './controllers/replicaset.ts';
import { Scheduler } from './controllers/scheduler.ts';
import { ServiceAllocator, syncEndpoints } from './controllers/service.ts';
import { syncStatefulSet } from './controllers/statefulset.ts';
import { dispatch, type Parts } from './dispatch.ts';
import { Kubelet } from './kubelet/kubelet.ts';
import { DemoRuntime } from './kubelet/runtime.ts';
import { addFloodPod, addLoad } from './load.ts';
import { R } from './refs.ts';
import { seedCluster } from './seed/cluster.ts';
import { seedConfig } from './seed/config.ts';
import { seedCrd } from './seed/crd.ts';
import { seedHelm } from './seed/helm.ts';
import { seedNetwork } from './seed/network.ts';
import { seedWorkloads } from './seed/workloads.ts';

/** How the scenario runs. */
export interface ScenarioOptions {
  /** Add this many pods for scale (10,000 and 50,000 must work). */
  extraPods?: number;
  /** Add pod `flood` in namespace default writing this many log lines a second (benchmarks). */
  logRate?: number;
  /** Steady changes over time; default true. */
  churn?: boolean;
  /** Time multiplier for tests; default 1. */
  speed?: number;
  /** Deterministic randomness. */
  seed?: number;
}

/** A running scenario. */
export interface Scenario {
  runtime: PodRuntime;
  stop(): void;
}

/** Seeds the store, converges it, and keeps the cluster alive until stop(). */
export function startScenario(store: DemoStore, opts: ScenarioOptions = {}): Scenario {
  const ctx = new ScenarioContext(store, opts.speed && opts.speed > 0 ? opts.speed : 1, opts.seed ?? Date.now());
  const parts: Parts = {
    ctx,
    scheduler: new Scheduler(ctx),
    kubelet: new Kubelet(ctx),
    runtime: new DemoRuntime(ctx),
    services: new ServiceAllocator(ctx),
  };
  const q = ctx.queue;
  q.register('ReplicaSet', (ns, name) => syncReplicaSet(ctx, ns, name));
  q.register('Deployment', (ns, name) => syncDeployment(ctx, ns, name));
  q.register('StatefulSet', (ns, name) => syncStatefulSet(ctx, ns, name));
  q.register('DaemonSet', (ns, name) => syncDaemonSet(ctx, ns, name));
  q.register('Job', (ns, name) => syncJob(ctx, ns, name));
  q.register('CronJob', (ns, name) => syncCronJob(ctx, ns, name));
  q.register('Endpoints', (ns, name) => syncEndpoints(ctx, ns, name));
  q.register('PodDisruptionBudget', (ns, name) => syncDisruptionBudget(ctx, ns, name));
  q.register('ResourceQuota', (ns, name) => syncQuota(ctx, ns, name));
  q.register('PersistentVolumeClaim', (ns, name) => syncClaim(ctx, ns, name));
  // Objects already in the store (a restarted scenario) join the owner index first.
  for (const ref of [R.pods, R.replicasets, R.controllerrevisions, R.jobs, R.endpointslices]) {
    for (const object of store.list(ref)) ctx.owners.apply({ type: 'ADDED', resource: ref, object });
  }
  const unsubscribe = store.subscribe((change) => dispatch(parts, change));

  // Boot: build the cluster synchronously, replaying its past so ages, restarts and revisions look lived-in.
  ctx.booting = true;
  ctx.events.enabled = false;
  q.hold = true;
  const drain = (): void => {
    q.drain();
  };
  try {
    if (!store.get(R.namespaces, undefined, 'kube-system')) {
      seedCluster(ctx);
      seedConfig(ctx);
      seedHelm(ctx);
      seedNetwork(ctx);
      seedCrd(ctx);
      drain();
      seedWorkloads(ctx, drain);
      drain();
    }
    addLoad(ctx, opts.extraPods ?? 0);
    if (opts.logRate) addFloodPod(ctx, opts.logRate);
    drain();
  } finally {
    ctx.booting = false;
    ctx.events.enabled = true;
    q.hold = false;
    q.resume();
  }

  const stops: (() => void)[] = [];
  const everyCronJob = (): void => {
    for (const cj of store.list(R.cronjobs)) q.add('CronJob', cj.metadata.namespace, cj.metadata.name);
  };
  // Without churn the cluster stays still, as `kx demo --no-churn` promises: the CronJobs' history
  // made at boot stays, no new Jobs start, and the autoscaler holds its boot-time size.
  if (opts.churn !== false) {
    stops.push(ctx.timers.every(10_000, everyCronJob));
    stops.push(
      ctx.timers.every(15_000, () => {
        for (const hpa of store.list(R.hpas)) syncHpa(ctx, hpa);
      }),
    );
  }
  for (const hpa of store.list(R.hpas)) syncHpa(ctx, hpa);
  if (opts.churn !== false) stops.push(startChurn(ctx));

  return {
    runtime: parts.runtime,
    stop: () => {
      for (const s of stops) s();
      unsubscribe();
      q.stop();
      parts.kubelet.stop();
      parts.runtime.stop();
      ctx.timers.stop();
    },
  };
}
