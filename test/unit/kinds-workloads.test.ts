import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindFor } from '../../src/kinds/registry.ts';
import { deploymentsKind } from '../../src/kinds/deployments.ts';
import { FIXTURE_NOW, project } from '../support/fixture-projection.ts';

test('deployments: READY r/d, UP-TO-DATE, AVAILABLE, wide containers/images/selector', () => {
  const d = project('deployments', 'deployments.apps');
  const web = d.get('web')!;
  assert.deepEqual([web['READY'], web['UP-TO-DATE'], web['AVAILABLE'], web['AGE']], ['3/3', '3', '3', '3d4h']);
  assert.equal(web['SELECTOR'], 'app=web,tier in (edge,frontend)');
  const api = d.get('api')!; // mid-rollout: 2 of 4 updated, 5 pods exist during the surge
  assert.deepEqual([api['READY'], api['UP-TO-DATE'], api['AVAILABLE']], ['3/4', '2', '3']);
  assert.equal(api['CONTAINERS'], 'app,metrics-proxy');
  assert.equal(api['IMAGES'], 'ghcr.io/acme/api:2.4.1,envoyproxy/envoy:v1.29.1');
  assert.deepEqual([d.get('payments')!['READY'], d.get('payments')!['AVAILABLE']], ['0/1', '0']);
  assert.equal(d.get('idle')!['READY'], '0/0');
  assert.deepEqual(web.row.selector?.matchExpressions?.[0], { key: 'tier', operator: 'In', values: ['frontend', 'edge'] });
  const kind = kindFor('deployments.apps')!;
  assert.deepEqual([kind.tone(web.row), kind.tone(api.row), kind.tone(d.get('payments')!.row)], ['normal', 'warn', 'error']);
  assert.equal(deploymentsKind.module.rollout, 'Deployment', 'rolls out like a deployment');
  assert.deepEqual(deploymentsKind.module.drill, { kind: 'owned', child: 'replicasets.apps', startOn: 'most-desired' });
});

test('replicasets: DESIRED CURRENT READY and an owner reference to their deployment', () => {
  const r = project('replicasets', 'replicasets.apps');
  const rs = r.get('api-5c8d7b9f6')!;
  assert.deepEqual([rs['DESIRED'], rs['CURRENT'], rs['READY'], rs['AGE']], ['2', '2', '0', '2m']);
  assert.equal(rs['SELECTOR'], 'app=api,pod-template-hash=5c8d7b9f6');
  assert.deepEqual(
    rs.row.ownerRefs.map((o) => `${o.kind}/${o.name}`),
    ['Deployment/api'],
  );
  assert.deepEqual([r.get('api-6f5e4d3c2')!['DESIRED'], r.get('api-6f5e4d3c2')!['READY']], ['0', '0']);
});

test('statefulsets and daemonsets', () => {
  const s = project('statefulsets', 'statefulsets.apps').get('cache')!;
  assert.deepEqual([s['READY'], s['AGE'], s['CONTAINERS'], s['IMAGES']], ['2/3', '20d', 'redis', 'redis:7.2.4']);
  const ds = project('daemonsets', 'daemonsets.apps').get('node-exporter')!;
  assert.deepEqual(
    [ds['DESIRED'], ds['CURRENT'], ds['READY'], ds['UP-TO-DATE'], ds['AVAILABLE'], ds['NODE SELECTOR'], ds['AGE'], ds['SELECTOR']],
    ['3', '3', '2', '3', '2', 'kubernetes.io/os=linux', '30d', 'app=node-exporter'],
  );
});

test('jobs: STATUS, COMPLETIONS (incl. parallel "0/1 of 3"), DURATION fixed or ticking', () => {
  const j = project('jobs', 'jobs.batch');
  const done = j.get('backup-28597140')!;
  assert.deepEqual([done['STATUS'], done['COMPLETIONS'], done['DURATION'], done['AGE']], ['Complete', '1/1', '53s', '30m']);
  const running = j.get('reindex')!;
  assert.deepEqual([running['STATUS'], running['COMPLETIONS'], running['DURATION']], ['Running', '0/1 of 3', '6m20s']);
  const failed = j.get('flaky-import')!;
  assert.deepEqual([failed['STATUS'], failed['COMPLETIONS']], ['Failed', '2/5']);
  const later = project('jobs', 'jobs.batch', FIXTURE_NOW + 60_000);
  assert.equal(later.get('reindex')!['DURATION'], '7m20s', 'a running job keeps counting');
  assert.equal(later.get('backup-28597140')!['DURATION'], '53s', 'a finished job does not');
  assert.deepEqual(
    done.row.ownerRefs.map((o) => `${o.kind}/${o.name}`),
    ['CronJob/backup'],
  );
});

test('cronjobs: SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE', () => {
  const c = project('cronjobs', 'cronjobs.batch');
  const b = c.get('backup')!;
  assert.deepEqual([b['SCHEDULE'], b['TIMEZONE'], b['SUSPEND'], b['ACTIVE'], b['LAST SCHEDULE'], b['AGE']], ['0 * * * *', '<none>', 'False', '0', '30m', '45d']);
  const s = c.get('cleanup')!;
  assert.deepEqual([s['TIMEZONE'], s['SUSPEND'], s['LAST SCHEDULE']], ['Europe/Berlin', 'True', '<none>']);
});
