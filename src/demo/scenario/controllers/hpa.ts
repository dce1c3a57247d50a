/** A HorizontalPodAutoscaler (autoscaling/v2) that watches a made-up CPU figure and scales its Deployment. */
import type { KubeObject } from '../../../kube/object.ts';
import type { ScenarioContext } from '../context.ts';
import { rfc3339 } from '../meta.ts';
import { R } from '../refs.ts';

interface HpaSpec {
  scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string };
  minReplicas?: number;
  maxReplicas?: number;
  metrics?: { type: string; resource?: { name: string; target?: { type?: string; averageUtilization?: number } } }[];
}

const utilization = new Map<string, number>();

/** One evaluation of an HPA (the real controller runs every 15 seconds). */
export function syncHpa(ctx: ScenarioContext, hpa: KubeObject): void {
  const spec = (hpa.spec ?? {}) as HpaSpec;
  const ref = spec.scaleTargetRef;
  if (ref?.kind !== 'Deployment' || !ref.name) return;
  const target = ctx.store.get(R.deployments, hpa.metadata.namespace, ref.name);
  if (!target) return;
  const key = hpa.metadata.uid;
  const goal = spec.metrics?.find((m) => m.resource?.name === 'cpu')?.resource?.target?.averageUtilization ?? 80;
  // A bounded random walk around the target, so the HPA sometimes scales and mostly holds.
  const prev = utilization.get(key) ?? goal - 10;
  const cpu = Math.max(5, Math.min(180, Math.round(prev + ctx.rng.int(-12, 12) + (goal - prev) * 0.2)));
  utilization.set(key, cpu);
  const current = (target.spec as { replicas?: number }).replicas ?? 1;
  const min = spec.minReplicas ?? 1;
  const max = spec.maxReplicas ?? current;
  const ratio = cpu / goal;
  let desired = Math.abs(ratio - 1) <= 0.1 ? current : Math.ceil(current * ratio);
  desired = Math.max(min, Math.min(max, desired));
  const status = (hpa.status ?? {}) as { lastScaleTime?: string };
  const now = Date.now();
  const sinceLast = status.lastScaleTime ? (now - Date.parse(status.lastScaleTime)) * ctx.speed : Infinity;
  // Scale down only after a stabilisation window, like the real controller's 5-minute default (shortened here).
  const canScale = desired > current ? sinceLast > 15_000 : sinceLast > 60_000;
  let lastScaleTime = status.lastScaleTime;
  if (desired !== current && canScale) {
    ctx.store.mutate(R.deployments, target.metadata.namespace, target.metadata.name, (d) => {
      (d.spec as { replicas?: number }).replicas = desired;
    });
    ctx.events.record(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: cpu resource utilization (percentage of request) ${desired > current ? 'above' : 'below'} target`, {
      component: 'horizontal-pod-autoscaler',
    });
    lastScaleTime = rfc3339();
  }
  const replicas = desired !== current && canScale ? desired : current;
  const t = rfc3339();
  const cond = (type: string, st: string, reason: string, message: string) => ({ type, status: st, lastTransitionTime: t, reason, message });
  ctx.store.mutate(R.hpas, hpa.metadata.namespace, hpa.metadata.name, (d) => {
    const old = (d.status ?? {}) as { conditions?: { type: string; status: string; lastTransitionTime: string }[] };
    const keep = (c: { type: string; status: string; lastTransitionTime: string }) => {
      const o = old.conditions?.find((x) => x.type === c.type);
      return o && o.status === c.status ? { ...c, lastTransitionTime: o.lastTransitionTime } : c;
    };
    const limited = replicas === max || replicas === min;
    d.status = {
      ...(lastScaleTime ? { lastScaleTime } : {}),
      currentReplicas: current,
      desiredReplicas: replicas,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cpu, averageValue: `${Math.round(cpu * 2.5)}m` } } }],
      conditions: [
        keep(cond('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size')),
        keep(cond('ScalingActive', 'True', 'ValidMetricFound', 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)')),
        keep(
          limited
            ? cond(
                'ScalingLimited',
                'True',
                replicas === max ? 'TooManyReplicas' : 'TooFewReplicas',
                `the desired replica count is ${replicas === max ? 'more' : 'less'} than the ${replicas === max ? 'maximum' : 'minimum'} replica count`,
              )
            : cond('ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range'),
        ),
      ],
    };
  });
}
