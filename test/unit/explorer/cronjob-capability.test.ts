/** t and s on cron jobs: the 'cronjob' capability is offered for batch's CronJobs and nothing else. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capabilitiesOf } from '../../../src/explorer/capabilities.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';

function resource(plural: string, kind: string, group: string): ResourceInfo {
  return {
    group,
    version: 'v1',
    versions: ['v1'],
    plural,
    singular: kind.toLowerCase(),
    kind,
    shortNames: [],
    categories: [],
    namespaced: true,
    verbs: ['get', 'list', 'watch', 'patch', 'delete'],
    subresources: { scale: false, status: true, log: false, exec: false },
  };
}

test('cron jobs have the cronjob capability; jobs and a CronJob of another group do not', () => {
  const caps = capabilitiesOf(resource('cronjobs', 'CronJob', 'batch'), undefined);
  assert.equal(caps.has('cronjob'), true);
  // What s would also mean elsewhere must not apply to a cron job.
  assert.equal(caps.has('exec') || caps.has('scale') || caps.has('logs'), false);
  assert.equal(capabilitiesOf(resource('jobs', 'Job', 'batch'), undefined).has('cronjob'), false);
  assert.equal(capabilitiesOf(resource('cronjobs', 'CronJob', 'example.com'), undefined).has('cronjob'), false);
});
