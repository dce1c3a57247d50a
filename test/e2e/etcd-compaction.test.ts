import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { rawRequest } from './cluster/raw-http.ts';
import { kubectlOk } from '../support/kubectl.ts';
import { collectWatch } from './support/raw-watch.ts';

let cp: ControlPlane;

before(async () => {
  // Without the watch cache every watch is served by etcd, so compaction expires any old resourceVersion.
  cp = await startControlPlane({ watchCache: false, fakeKubelet: false });
});
after(async () => {
  await cp?.stop();
});

describe('etcd compaction without the API server watch cache', () => {
  it('answers a configmap watch from a compacted resourceVersion with an ERROR 410 event', async () => {
    const list = await rawRequest(`${cp.server}/api/v1/namespaces/default/configmaps`, { token: cp.adminToken });
    const old = (JSON.parse(list.body) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
    await kubectlOk(['create', 'configmap', 'c1'], { kubeconfig: cp.kubeconfigPath });
    const url = `${cp.server}/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${old}`;
    const before = await collectWatch(url, cp.adminToken, (e) => e.length > 0, 3000);
    assert.equal(before[0]?.type, 'ADDED');
    assert.equal(before[0]?.object.metadata?.name, 'c1');
    await kubectlOk(['create', 'configmap', 'c2'], { kubeconfig: cp.kubeconfigPath });
    const rev = await cp.compactEtcd();
    assert.equal(rev, await cp.etcdRevision());
    const after = await collectWatch(url, cp.adminToken, (e) => e.length > 0, 5000);
    assert.equal(after[0]?.type, 'ERROR');
    assert.equal(after[0]?.object.code, 410);
    assert.equal(after[0]?.object.reason, 'Expired');
  });
});
