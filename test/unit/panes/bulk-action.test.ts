/** Bulk actions: each object in turn, a failure is that object's result and the rest go on; what the question and the summary say. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KxError } from '../../../src/kube/errors.ts';
import { forEachObject } from '../../../src/kube/mutations/for-each-object.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';
import { bulkProgress, bulkQuestion, bulkSummary, resultLine } from '../../../src/ui/panes/bulk-text.ts';
import type { ObjectTarget } from '../../../src/ui/panes/pane-types.ts';

const deployments: ResourceInfo = {
  group: 'apps',
  version: 'v1',
  versions: ['v1'],
  plural: 'deployments',
  singular: 'deployment',
  kind: 'Deployment',
  shortNames: ['deploy'],
  categories: ['all'],
  namespaced: true,
  verbs: ['delete', 'patch'],
  subresources: { scale: true, status: true, log: false, exec: false },
};
const target = (name: string, namespace = 'shop'): ObjectTarget => ({ resource: deployments, namespace, name });

test('forEachObject: one failure is reported with its sentence and the others still run, in order', async () => {
  const seen: string[] = [];
  const results = await forEachObject(
    [target('a'), target('b'), target('c')],
    async (t) => {
      if (t.name === 'b') throw new KxError('notFound', 'Error from server (NotFound): deployments.apps "b" not found');
      return `deployment.apps "${t.name}" deleted`;
    },
    (r, i) => seen.push(`${i}:${r.ok}`),
  );
  assert.deepEqual(seen, ['0:true', '1:false', '2:true']);
  assert.deepEqual(
    results.map((r) => r.text),
    ['deployment.apps "a" deleted', 'Error from server (NotFound): deployments.apps "b" not found', 'deployment.apps "c" deleted'],
  );
  assert.equal(resultLine(target('b'), results[1]), '✗ deployment.apps/b: Error from server (NotFound): deployments.apps "b" not found');
  assert.equal(resultLine(target('c'), results[2]), '✓ deployment.apps "c" deleted');
  assert.equal(resultLine(target('d'), undefined), '· deployment.apps/d');
  assert.deepEqual(bulkSummary('delete', results), { text: '2 deployments deleted, 1 failed: b', level: 'error' });
});

test('the question names the count, the first three objects, the namespaces and the context', () => {
  assert.equal(bulkQuestion('delete', [target('a')], 'prod'), 'Delete 1 deployment (a) in namespace shop on context prod?');
  assert.equal(
    bulkQuestion(
      'kill',
      ['a', 'b', 'c', 'd', 'e'].map((n) => target(n)),
      'prod',
    ),
    'Force delete 5 deployments (a, b, c and 2 more) in namespace shop on context prod?',
  );
  assert.equal(bulkQuestion('restart', [target('a', 'shop'), target('b', 'web')], 'prod'), 'Restart 2 deployments (shop/a, web/b) in namespaces shop, web on context prod?');
  assert.equal(bulkProgress('restart', [target('a'), target('b')], 1, 'prod'), 'Restarting 2 deployments on context prod: 1 of 2 done');
  assert.deepEqual(bulkSummary('restart', [{ target: target('a'), ok: true, text: 'deployment.apps/a restarted' }]), { text: '1 deployment restarted', level: 'info' });
});
