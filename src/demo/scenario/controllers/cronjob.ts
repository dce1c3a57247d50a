/** The CronJob controller: creates Jobs when the schedule fires, tracks active/last times, trims history. */
import type { KubeObject } from '../../../kube/object.ts';
import type { ScenarioContext } from '../context.ts';
import { ownerRef, rfc3339 } from '../meta.ts';
import { R } from '../refs.ts';
import { parseCron, recentFirings } from './cron.ts';

interface CronSpec {
  schedule?: string;
  suspend?: boolean;
  concurrencyPolicy?: string;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
}

const source = { component: 'cronjob-controller' };

const finished = (job: KubeObject): 'Complete' | 'Failed' | undefined => {
  const conds = (job.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  if (conds.some((c) => c.type === 'Complete' && c.status === 'True')) return 'Complete';
  if (conds.some((c) => c.type === 'Failed' && c.status === 'True')) return 'Failed';
  return undefined;
};

/** Syncs one CronJob at scenario time ctx.virtualNow(); while booting it backfills recent runs. */
export function syncCronJob(ctx: ScenarioContext, namespace: string, name: string): void {
  const cj = ctx.store.get(R.cronjobs, namespace, name);
  if (!cj || cj.metadata.deletionTimestamp) return;
  const spec = (cj.spec ?? {}) as CronSpec;
  const status = (cj.status ?? {}) as { lastScheduleTime?: string; lastSuccessfulTime?: string };
  let jobs = ctx.dependents(cj, R.jobs).filter((j) => !j.metadata.deletionTimestamp);
  const now = ctx.virtualNow();
  let lastSchedule = status.lastScheduleTime;
  if (!spec.suspend && spec.schedule) {
    let schedule;
    try {
      schedule = parseCron(spec.schedule);
    } catch {
      return; // The real controller records an event and waits for a fix; the demo just waits.
    }
    const after = lastSchedule ? Date.parse(lastSchedule) : ctx.booting ? now - 7 * 86_400_000 : Date.parse(cj.metadata.creationTimestamp ?? '') || now;
    const due = recentFirings(schedule, after, now, ctx.booting ? 3 : 1).reverse();
    for (const at of due) {
      const running = jobs.some((j) => !finished(j));
      if (running && spec.concurrencyPolicy === 'Forbid') break;
      const jobName = `${name}-${Math.floor(at.getTime() / 60_000)}`;
      if (!ctx.store.get(R.jobs, namespace, jobName)) {
        const job = ctx.create(
          R.jobs,
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            metadata: {
              name: jobName,
              namespace,
              uid: '',
              labels: { ...(spec.jobTemplate?.metadata?.labels ?? {}) },
              annotations: { ...(spec.jobTemplate?.metadata?.annotations ?? {}), 'batch.kubernetes.io/cronjob-scheduled-timestamp': rfc3339(at) },
              ownerReferences: [ownerRef(cj)],
            },
            spec: structuredClone(spec.jobTemplate?.spec ?? {}),
          },
          ctx.booting ? Math.max(0, (Date.now() - at.getTime()) / 1000) : undefined,
        );
        ctx.events.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`, source);
        jobs = [...jobs, job];
      }
      lastSchedule = rfc3339(at);
    }
  }
  // History limits: oldest finished Jobs beyond the limits go (their pods follow via the garbage collector).
  const byAge = (a: KubeObject, b: KubeObject): number => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name);
  const ok = jobs.filter((j) => finished(j) === 'Complete').sort(byAge);
  const bad = jobs.filter((j) => finished(j) === 'Failed').sort(byAge);
  const trim = (list: KubeObject[], limit: number): void => {
    for (const j of list.slice(0, Math.max(0, list.length - limit))) {
      ctx.store.delete(R.jobs, namespace, j.metadata.name);
      ctx.events.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, source);
    }
  };
  trim(ok, spec.successfulJobsHistoryLimit ?? 3);
  trim(bad, spec.failedJobsHistoryLimit ?? 1);
  const live = ctx.dependents(cj, R.jobs).filter((j) => !j.metadata.deletionTimestamp);
  const active = live
    .filter((j) => !finished(j))
    .map((j) => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace, uid: j.metadata.uid, resourceVersion: j.metadata.resourceVersion }));
  const lastOk = live
    .filter((j) => finished(j) === 'Complete')
    .map((j) => (j.status as { completionTime?: string }).completionTime ?? '')
    .sort()
    .pop();
  const next: Record<string, unknown> = {
    ...(active.length ? { active } : {}),
    ...(lastSchedule ? { lastScheduleTime: lastSchedule } : {}),
    ...(lastOk || status.lastSuccessfulTime ? { lastSuccessfulTime: [lastOk ?? '', status.lastSuccessfulTime ?? ''].sort().pop() } : {}),
  };
  const oldActive = ((cj.status as { active?: { uid: string }[] } | undefined)?.active ?? []).map((x) => x.uid);
  const sameActive = JSON.stringify(active.map((x) => x.uid)) === JSON.stringify(oldActive);
  if (sameActive && next.lastScheduleTime === status.lastScheduleTime && next.lastSuccessfulTime === status.lastSuccessfulTime) return;
  ctx.store.mutate(R.cronjobs, namespace, name, (d) => {
    d.status = next;
  });
}
