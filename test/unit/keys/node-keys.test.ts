/**
 * k9s's node keys (c cordon, u uncordon, r drain) coexist with c copy-name, u used-by and r restart:
 * the node actions need 'node-ops', which only nodes have, and come first in the table, so they
 * shadow copy-name there only; used-by and restart never meet a node.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capabilitiesOf } from '../../../src/explorer/capabilities.ts';
import { buildKeymap, defaultKeymap, findClashes, mayMeet, shadows } from '../../../src/keys/keymap.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';

function resource(plural: string, kind: string, group = '', verbs = ['get', 'list', 'watch', 'patch', 'delete']): ResourceInfo {
  return {
    group,
    version: 'v1',
    versions: ['v1'],
    plural,
    singular: kind.toLowerCase(),
    kind,
    shortNames: [],
    categories: [],
    namespaced: plural !== 'nodes',
    verbs,
    subresources: { scale: false, status: false, log: false, exec: plural === 'pods' },
  };
}

const node = capabilitiesOf(resource('nodes', 'Node'), undefined);
const key = (k: string, caps: ReadonlySet<never> | ReturnType<typeof capabilitiesOf>) => defaultKeymap.resolve('table', k, { capabilities: caps })?.id;

test('only nodes (that can be patched) have node-ops', () => {
  assert.equal(node.has('node-ops'), true);
  assert.equal(capabilitiesOf(resource('nodes', 'Node', '', ['get', 'list']), undefined).has('node-ops'), false);
  for (const [plural, kind, group] of [
    ['pods', 'Pod', ''],
    ['deployments', 'Deployment', 'apps'],
    ['configmaps', 'ConfigMap', ''],
  ] as const) {
    assert.equal(capabilitiesOf(resource(plural, kind, group), undefined).has('node-ops'), false, plural);
  }
});

test('on a node c, u and r cordon, uncordon and drain; elsewhere they copy, list users and restart', () => {
  assert.deepEqual([key('c', node), key('u', node), key('r', node)], ['cordon', 'uncordon', 'drain']);
  const pod = capabilitiesOf(resource('pods', 'Pod'), undefined);
  assert.equal(key('c', pod), 'copy-name');
  assert.equal(key('u', capabilitiesOf(resource('configmaps', 'ConfigMap'), undefined)), 'used-by');
  assert.equal(key('r', capabilitiesOf(resource('deployments', 'Deployment', 'apps'), undefined)), 'restart');
  // n still copies a node's name (cluster-scoped: just the name).
  assert.equal(key('n', node), 'copy-namespaced-name');
});

test('a capability-specific action may shadow a capability-free one only when it comes first', () => {
  const cordon = defaultKeymap.action('cordon')!;
  const copy = defaultKeymap.action('copy-name')!;
  assert.equal(shadows(cordon, copy), true);
  assert.equal(shadows(copy, cordon), false);
  assert.equal(mayMeet(cordon, defaultKeymap.action('restart')!), false, 'nodes do not roll out');
  assert.equal(mayMeet(cordon, defaultKeymap.action('used-by')!), false, 'no pod uses a node');
  // tree comes before cordon and needs nothing: on c it would hide cordon on nodes, so that is a clash.
  assert.deepEqual(
    findClashes(buildKeymap({ tree: ['c'] })).filter((c) => c.key === 'c'),
    [
      { key: 'c', scope: 'table', actions: ['tree', 'cordon'] },
      { key: 'c', scope: 'table', actions: ['tree', 'copy-name'] },
    ],
  );
  // Two node actions on one key meet on every node.
  assert.deepEqual(findClashes(buildKeymap({ uncordon: ['c'] })), [{ key: 'c', scope: 'table', actions: ['cordon', 'uncordon'] }]);
});
