/** The Job a manual run makes (kubectl's createJobFromCronJob) and the name k9s gives it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jobFromCronJob, manualJobName } from '../../src/kube/mutations/trigger-cronjob.ts';
import { questionFor } from '../../src/kube/access/access-review.ts';
import type { ResourceInfo } from '../../src/kube/resource-info.ts';

test('the job copies the template, marks itself manual and names the cron job as controller', () => {
  const template = { metadata: { labels: { team: 'ops' }, annotations: { note: 'x' } }, spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'Never' } } } };
  const job = jobFromCronJob({ metadata: { name: 'nightly', uid: 'u1' }, spec: { jobTemplate: template } }, 'nightly-manual-abcde', 'batch');
  assert.deepEqual(job, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: 'nightly-manual-abcde',
      namespace: 'batch',
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', note: 'x' },
      labels: { team: 'ops' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'u1', controller: true }],
    },
    spec: template.spec,
  });
});

test('manual names are <cronjob>-manual-<5>, cut to fit a label value', () => {
  assert.match(manualJobName('heartbeat'), /^heartbeat-manual-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  const long = manualJobName('a'.repeat(80), () => 0);
  assert.equal(long.length, 63);
  assert.match(long, /^a+-manual-bbbbb$/);
});

test('a trigger asks RBAC about creating batch jobs, not about the cron jobs', () => {
  const cronjobs = { group: 'batch', plural: 'cronjobs' } as ResourceInfo;
  assert.deepEqual(questionFor({ verb: 'create', resource: 'jobs' }, cronjobs, 'batch'), { verb: 'create', resource: { group: 'batch', plural: 'jobs' }, namespace: 'batch' });
});
