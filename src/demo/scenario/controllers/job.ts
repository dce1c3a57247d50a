/** The Job controller: runs pods to completion, counts them, and marks the Job Complete (or Failed past its backoff limit). */
import type { KubeObject } from '../../../kube/object.ts';
import type { ScenarioContext } from '../context.ts';
import { rfc3339 } from '../meta.ts';
import { R } from '../refs.ts';
import { canonicalJson } from '../rng.ts';
import { isActive, isReady, podFromTemplate, type PodTemplate } from './pod-factory.ts';
import { slowStartBatch } from './slow-start.ts';

interface JobSpec {
  completions?: number;
  parallelism?: number;
  suspend?: boolean;
  /** Failed pods allowed before the Job fails (Kubernetes' default is 6). */
  backoffLimit?: number;
  selector?: { matchLabels?: Record<string, string> };
  template?: PodTemplate;
}

const source = { component: 'job-controller' };
const phase = (p: KubeObject): string | undefined => (p.status as { phase?: string } | undefined)?.phase;

/** The labels the API server puts on a Job's pod template and selector. */
export function jobLabels(job: KubeObject): Record<string, string> {
  return {
    'batch.kubernetes.io/controller-uid': job.metadata.uid,
    'batch.kubernetes.io/job-name': job.metadata.name,
    'controller-uid': job.metadata.uid,
    'job-name': job.metadata.name,
  };
}

/** Syncs one Job. */
export function syncJob(ctx: ScenarioContext, namespace: string, name: string): void {
  let job = ctx.store.get(R.jobs, namespace, name);
  if (!job || job.metadata.deletionTimestamp) return;
  if (!(job.spec as JobSpec | undefined)?.selector) {
    // What the API server's defaulting does for a Job created without a selector.
    job =
      ctx.store.mutate(R.jobs, namespace, name, (d) => {
        const s = (d.spec ?? {}) as JobSpec;
        s.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': d.metadata.uid } };
        s.template = { ...(s.template ?? {}), metadata: { ...(s.template?.metadata ?? {}), labels: { ...(s.template?.metadata?.labels ?? {}), ...jobLabels(d) } } };
        d.spec = s;
      }) ?? job;
  }
  const spec = (job.spec ?? {}) as JobSpec;
  const completions = spec.completions ?? 1;
  const parallelism = spec.parallelism ?? 1;
  const pods = ctx.dependents(job, R.pods);
  const succeeded = pods.filter((p) => phase(p) === 'Succeeded').length;
  const failed = pods.filter((p) => phase(p) === 'Failed').length;
  let active = pods.filter(isActive);
  const done = succeeded >= completions;
  // Like the real controller: past the backoff limit the Job fails and starts no more pods.
  const failedOut = !done && failed > (spec.backoffLimit ?? 6);
  if (!done && !failedOut && !spec.suspend) {
    const want = Math.min(parallelism, completions - succeeded) - active.length;
    slowStartBatch(ctx.bursts.take('Job', namespace, name, want), () => {
      const pod = ctx.create(R.pods, podFromTemplate(job, spec.template ?? {}, ctx.generatedName(R.pods, namespace, name), { labels: jobLabels(job) }));
      ctx.events.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, source);
    });
    active = ctx.dependents(job, R.pods).filter(isActive);
  }
  const old = (job.status ?? {}) as { startTime?: string; completionTime?: string; conditions?: { type?: string; lastTransitionTime?: string }[] };
  const finishedAt = done ? latestFinish(pods) : undefined;
  const next: Record<string, unknown> = {
    ...(old.startTime ? { startTime: old.startTime } : { startTime: job.metadata.creationTimestamp ?? rfc3339() }),
    ...(active.length ? { active: active.length } : {}),
    ...(succeeded ? { succeeded } : {}),
    ...(failed ? { failed } : {}),
    ready: active.filter(isReady).length,
    terminating: 0,
    uncountedTerminatedPods: {},
  };
  if (done) {
    const at = old.completionTime ?? finishedAt ?? rfc3339();
    next.completionTime = at;
    const cond = (type: string) => ({ type, status: 'True', lastProbeTime: at, lastTransitionTime: at, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
    next.conditions = [cond('SuccessCriteriaMet'), cond('Complete')];
  }
  const failedBefore = old.conditions?.find((c) => c.type === 'Failed');
  if (failedOut) {
    const at = failedBefore?.lastTransitionTime ?? rfc3339();
    const cond = (type: string) => ({ type, status: 'True', lastProbeTime: at, lastTransitionTime: at, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    next.conditions = [cond('FailureTarget'), cond('Failed')];
  }
  if (canonicalJson(job.status ?? {}) === canonicalJson(next)) return;
  const updated = ctx.store.mutate(R.jobs, namespace, name, (d) => {
    d.status = next;
  });
  if (done && !old.completionTime && updated) ctx.events.record(updated, 'Normal', 'Completed', 'Job completed', source);
  if (failedOut && !failedBefore && updated) ctx.events.record(updated, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', source);
}

function latestFinish(pods: KubeObject[]): string | undefined {
  let best: string | undefined;
  for (const p of pods) {
    for (const c of (p.status as { containerStatuses?: { state?: { terminated?: { finishedAt?: string } } }[] } | undefined)?.containerStatuses ?? []) {
      const t = c.state?.terminated?.finishedAt;
      if (t && (!best || t > best)) best = t;
    }
  }
  return best;
}
