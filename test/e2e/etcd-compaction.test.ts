import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { rawRequest } from './cluster/raw-http.ts';
import { kubectlOk } from '../support/kubectl.ts';
import { collectWatch, type RawWatchEvent } from './support/raw-watch.ts';

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
    // The controller manager publishes kube-root-ca.crt into every namespace on its own schedule, so
    // its ADDED may come before c1's: look for c1 among the events, not at the head.
    const isC1 = (e: RawWatchEvent) => e.object.metadata?.name === 'c1';
    const before = await collectWatch(url, cp.adminToken, (e) => e.some(isC1), 3000);
    assert.equal(before.find(isC1)?.type, 'ADDED');
    await kubectlOk(['create', 'configmap', 'c2'], { kubeconfig: cp.kubeconfigPath });
    const rev = await cp.compactEtcd();
    assert.equal(rev, await cp.etcdRevision());
    const after = await collectWatch(url, cp.adminToken, (e) => e.length > 0, 5000);
    assert.equal(after[0]?.type, 'ERROR');
    assert.equal(after[0]?.object.code, 410);
    assert.equal(after[0]?.object.reason, 'Expired');
  });
});
