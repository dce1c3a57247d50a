/**
 * Running a cron job now, like `kubectl create job NAME --from=cronjob/X`: a GET of the CronJob,
 * then a POST of the Job kubectl builds from it (the job template's spec, labels and annotations,
 * `cronjob.kubernetes.io/instantiate: manual`, and the CronJob as controller owner), and kubectl's
 * sentence (`job.batch/NAME created`).
 */
import type { ApiClient } from '../api-client.ts';

/** The CronJob to run and the name of the Job to make. */
export interface TriggerTarget {
  namespace: string;
  cronJob: string;
  job: string;
}

/** What the Job's metadata and spec come from. */
interface CronJobSource {
  metadata: { name: string; uid: string };
  spec?: { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown } };
}

const cronJobsPath = (namespace: string, name: string): string => `/apis/batch/v1/namespaces/${encodeURIComponent(namespace)}/cronjobs/${encodeURIComponent(name)}`;
const jobsPath = (namespace: string): string => `/apis/batch/v1/namespaces/${encodeURIComponent(namespace)}/jobs`;

/** The Job kubectl's createJobFromCronJob makes from `cronJob` (kubectl 1.32: the owner reference is the controller). */
export function jobFromCronJob(cronJob: CronJobSource, name: string, namespace: string): Record<string, unknown> {
  const template = cronJob.spec?.jobTemplate ?? {};
  // The template's own annotations win over kubectl's marker, as in kubectl.
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...template.metadata?.annotations };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace,
      annotations,
      ...(template.metadata?.labels ? { labels: template.metadata.labels } : {}),
      // Not blockOwnerDeletion: kubectl leaves it out, since it would need the cronjobs/finalizers permission.
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name, uid: cronJob.metadata.uid, controller: true }],
    },
    spec: template.spec ?? {},
  };
}

// kube's rand.String alphabet: no vowels (no words) and no look-alike characters.
const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** A name for a manual run, as k9s makes it: `<cronjob>-manual-<5 random>`, the cron job's part cut so the whole fits a label value (63). */
export function manualJobName(cronJob: string, random: () => number = Math.random): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += alphabet[Math.floor(random() * alphabet.length)];
  return `${cronJob.slice(0, 63 - '-manual-'.length - suffix.length)}-manual-${suffix}`;
}

/**
 * Creates the Job for `target`; resolves with kubectl's sentence. `dryRun: 'client'` sends nothing
 * after the GET, `'server'` sends the POST with dryRun=All.
 */
export async function triggerCronJob(client: ApiClient, target: TriggerTarget, opts: { dryRun?: 'client' | 'server' | undefined } = {}): Promise<string> {
  const cronJob = await client.get<CronJobSource>(cronJobsPath(target.namespace, target.cronJob));
  const job = jobFromCronJob(cronJob, target.job, target.namespace);
  const said = `job.batch/${target.job} created`;
  if (opts.dryRun === 'client') return `${said} (dry run)`;
  await client.post(jobsPath(target.namespace), job, opts.dryRun === 'server' ? { query: { dryRun: 'All' } } : {});
  return opts.dryRun === 'server' ? `${said} (server dry run)` : said;
}
