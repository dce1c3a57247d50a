import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fires, parseCron, recentFirings } from '../../src/demo/scenario/controllers/cron.ts';
import { podTemplateHash, surgeAndUnavailable, templateKey } from '../../src/demo/scenario/controllers/deployment-math.ts';
import { tolerates, unfit } from '../../src/demo/scenario/controllers/scheduler.ts';
import { Shell, words } from '../../src/demo/scenario/kubelet/shell.ts';
import { backoffSeconds } from '../../src/demo/scenario/kubelet/transitions.ts';
import { Rng } from '../../src/demo/scenario/rng.ts';
import type { KubeObject } from '../../src/kube/object.ts';

const shell = () => new Shell({ shell: 'sh', hostname: 'web-0', env: { HOME: '/root', GREETING: 'hello' }, files: { '/etc/hostname': 'web-0\n' } });

test('the shell runs builtins, expands variables and reports unknown commands with 127', () => {
  const sh = shell();
  assert.deepEqual(sh.run('echo hi'), { out: 'hi\n', err: '', code: 0 });
  assert.equal(sh.run('echo "$GREETING world" $?').out, 'hello world 0\n');
  assert.equal(sh.run('cat /etc/hostname').out, 'web-0\n');
  const missing = sh.run('frobnicate --now');
  assert.equal(missing.code, 127);
  assert.equal(missing.err, 'sh: frobnicate: command not found\n');
  assert.equal(sh.run('echo $?').out, '127\n');
  assert.equal(sh.run('false && echo no || echo yes').out, 'yes\n');
  assert.equal(sh.run('cd /etc; pwd').out, '/etc\n');
  assert.equal(sh.run('exit 3').exit, 3);
});

test('words honours quotes and escapes', () => {
  assert.deepEqual(words(`echo 'a b' "c $X" d\\ e ''`, { X: 'x' }, 0), ['echo', 'a b', 'c x', 'd e', '']);
});

test('cron schedules fire on the right minutes', () => {
  const every5 = parseCron('*/5 * * * *');
  assert.ok(fires(every5, new Date('2025-01-01T10:15:00Z')));
  assert.ok(!fires(every5, new Date('2025-01-01T10:16:00Z')));
  const weekdays = parseCron('30 7 * * 1-5');
  assert.ok(fires(weekdays, new Date('2025-01-06T07:30:00Z')), 'a Monday');
  assert.ok(!fires(weekdays, new Date('2025-01-05T07:30:00Z')), 'a Sunday');
  const now = Date.parse('2025-01-01T10:17:30Z');
  assert.deepEqual(
    recentFirings(every5, now - 30 * 60_000, now, 2).map((d) => d.toISOString()),
    ['2025-01-01T10:15:00.000Z', '2025-01-01T10:10:00.000Z'],
  );
  assert.throws(() => parseCron('* * *'));
});

test('pod-template-hash ignores the hash label and Go round-trip nulls, but not real changes', () => {
  const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
  const roundTripped = { metadata: { creationTimestamp: null, labels: { app: 'web', 'pod-template-hash': 'abc' } }, spec: { containers: [{ image: 'nginx:1.27', name: 'web' }] } };
  assert.equal(templateKey(t), templateKey(roundTripped as never));
  assert.equal(podTemplateHash(t), podTemplateHash(roundTripped as never));
  assert.match(podTemplateHash(t), /^[bcdfghjklmnpqrstvwxz2456789]+$/);
  const changed = { ...t, spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } };
  assert.notEqual(podTemplateHash(t), podTemplateHash(changed));
  assert.notEqual(podTemplateHash(t, 0), podTemplateHash(t, 1));
});

test('rolling update budgets follow the 25% defaults and never both zero', () => {
  const d = (replicas: number, rollingUpdate?: object): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'x', uid: 'u' },
    spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate } },
  });
  assert.deepEqual(surgeAndUnavailable(d(10)), { surge: 3, unavailable: 2 });
  assert.deepEqual(surgeAndUnavailable(d(2)), { surge: 1, unavailable: 0 });
  assert.deepEqual(surgeAndUnavailable(d(4, { maxSurge: 0, maxUnavailable: 0 })), { surge: 0, unavailable: 1 });
});

test('scheduling respects taints, cordons and node selectors', () => {
  const node = (name: string, spec: object, labels: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name, labels }, spec });
  const gpu = node('gpu', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
  assert.match(unfit(gpu, {}) ?? '', /untolerated taint \{dedicated: gpu\}/);
  assert.equal(unfit(gpu, { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }), undefined);
  assert.equal(unfit(node('c', { unschedulable: true }), {}), 'were unschedulable');
  assert.match(unfit(node('w', {}, { disk: 'ssd' }), { nodeSelector: { disk: 'nvme' } }) ?? '', /node affinity\/selector/);
  assert.ok(tolerates([{ operator: 'Exists' }], { key: 'anything', effect: 'NoExecute' }));
});

test('crash-loop back-off doubles from 10s to a 5 minute cap', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(backoffSeconds), [10, 20, 40, 80, 160, 300, 300]);
});

test('the seeded random source is deterministic', () => {
  const a = new Rng(42);
  const b = new Rng(42);
  const seq = (r: Rng) => [r.suffix(), r.int(1, 100), r.next()];
  assert.deepEqual(seq(a), seq(b));
  assert.notDeepEqual(seq(new Rng(1)), seq(new Rng(2)));
});
