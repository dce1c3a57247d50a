/**
 * Suspending and resuming a cron job, like `kubectl patch cronjob X -p '{"spec":{"suspend":true}}'`:
 * a merge patch of spec.suspend, and kubectl's sentence (`cronjob.batch/X patched`).
 */
import type { ApiClient } from '../api-client.ts';

/** The CronJob to change. */
export interface CronJobTarget {
  namespace: string;
  name: string;
}

const path = (t: CronJobTarget): string => `/apis/batch/v1/namespaces/${encodeURIComponent(t.namespace)}/cronjobs/${encodeURIComponent(t.name)}`;

/** Whether the cron job is suspended now (spec.suspend; unset reads as false, as the controller reads it). */
export async function isSuspended(client: ApiClient, target: CronJobTarget): Promise<boolean> {
  const cronJob = await client.get<{ spec?: { suspend?: boolean } }>(path(target));
  return cronJob.spec?.suspend === true;
}

/** Sets spec.suspend; resolves with kubectl patch's sentence. */
export async function setSuspended(client: ApiClient, target: CronJobTarget, suspend: boolean): Promise<string> {
  await client.patch(path(target), 'merge', { spec: { suspend } });
  return `cronjob.batch/${target.name} patched`;
}
