/** Steady churn: every few seconds something changes, so watches always have something to show; nothing grows over time. */
import type { ScenarioContext } from './context.ts';
import { rfc3339 } from './meta.ts';
import { R } from './refs.ts';

const victims: [string, string][] = [
  ['shop', 'frontend'],
  ['shop', 'cart'],
  ['payments', 'payments-api'],
  ['monitoring', 'grafana'],
  ['kube-system', 'coredns'],
];
const restartable: [string, string][] = [
  ['monitoring', 'grafana'],
  ['payments', 'payments-api'],
  ['shop', 'cart'],
];

/** One random change. */
export function churnOnce(ctx: ScenarioContext): void {
  const roll = ctx.rng.next();
  if (roll < 0.5) {
    // A pod is deleted (evicted, or someone ran kubectl delete): its ReplicaSet replaces it.
    const [ns, app] = ctx.rng.pick(victims);
    const pods = ctx.store.list(R.pods, ns).filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp);
    if (pods.length > 0) ctx.store.delete(R.pods, ns, ctx.rng.pick(pods).metadata.name);
  } else if (roll < 0.85) {
    // The cart team nudges replicas between 2 and 4.
    ctx.store.mutate(R.deployments, 'shop', 'cart', (d) => {
      const s = d.spec as { replicas?: number };
      const cur = s.replicas ?? 2;
      s.replicas = cur <= 2 ? cur + 1 : cur >= 4 ? cur - 1 : cur + (ctx.rng.chance(0.5) ? 1 : -1);
    });
  } else {
    // A rollout restart, as `kubectl rollout restart` does it.
    const [ns, name] = ctx.rng.pick(restartable);
    ctx.store.mutate(R.deployments, ns, name, (d) => {
      const t = (d.spec as { template: { metadata?: { annotations?: Record<string, string> } } }).template;
      t.metadata = { ...(t.metadata ?? {}), annotations: { ...(t.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': rfc3339() } };
    });
  }
}

/** Starts churn; returns stop. */
export function startChurn(ctx: ScenarioContext): () => void {
  return ctx.timers.every(
    2500,
    () => churnOnce(ctx),
    0.5,
    () => ctx.rng.next(),
  );
}
