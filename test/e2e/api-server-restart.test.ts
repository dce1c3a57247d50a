import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { rawRequest } from './cluster/raw-http.ts';
import { kubectl, kubectlOk } from '../support/kubectl.ts';
import { collectWatch } from './support/raw-watch.ts';

let cp: ControlPlane;
const kc = () => cp.kubeconfigPath;

before(async () => {
  cp = await startControlPlane();
});
after(async () => {
  await cp?.stop();
});

async function listRv(path: string): Promise<string> {
  const res = await rawRequest(`${cp.server}${path}`, { token: cp.adminToken });
  assert.equal(res.status, 200, res.body);
  return (JSON.parse(res.body) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
}

describe('API server restarts and etcd compaction', () => {
  it('kills the API server mid-watch and brings it back on the same port', async () => {
    const rv = await listRv('/api/v1/namespaces/default/configmaps');
    const watching = collectWatch(`${cp.server}/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${rv}`, cp.adminToken, () => false, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    await cp.stopApiServer();
    // The open watch ends when its server dies, and clients cannot connect.
    await watching;
    const down = await kubectl(['get', 'ns', '--request-timeout=3s'], { kubeconfig: kc() });
    assert.notEqual(down.code, 0);
    // kubectl words a refused connection two ways, depending on where it meets it (discovery or
    // the request): "dial tcp …: connection refused" or "The connection to the server … was refused".
    const refused = /connection refused|The connection to the server \S+ was refused/.test(down.stderr);
    // Bring the server back before asserting, so the next tests of this file have one either way.
    await cp.startApiServer();
    assert.ok(refused, down.stderr);
    const nsList = await kubectlOk(['get', 'ns'], { kubeconfig: kc() });
    assert.match(nsList, /team-a/);
    // Controllers, scheduler and the fake kubelet reconnect by themselves.
    await kubectlOk(['run', 'after-restart', '--image=nginx'], { kubeconfig: kc() });
    await kubectlOk(['wait', '--for=condition=Ready', 'pod/after-restart', '--timeout=60s'], { kubeconfig: kc() });
  });

  it('gives 410 Expired to a watch from before an etcd compaction (events: not watch-cached on 1.20)', async () => {
    const old = await listRv('/api/v1/namespaces/default/events');
    await kubectlOk(['create', 'configmap', 'bump-1'], { kubeconfig: kc() });
    await kubectlOk(['run', 'makes-events', '--image=nginx'], { kubeconfig: kc() });
    await kubectlOk(['wait', '--for=condition=Ready', 'pod/makes-events', '--timeout=60s'], { kubeconfig: kc() });
    const before = await collectWatch(`${cp.server}/api/v1/namespaces/default/events?watch=1&resourceVersion=${old}`, cp.adminToken, (e) => e.length > 0, 3000);
    assert.ok(before.length > 0 && before.every((e) => e.type !== 'ERROR'), 'the watch works before compaction');
    const rev = await cp.compactEtcd();
    assert.ok(rev > Number(old));
    const events = await collectWatch(`${cp.server}/api/v1/namespaces/default/events?watch=1&resourceVersion=${old}`, cp.adminToken, (e) => e.length > 0, 5000);
    assert.equal(events[0]?.type, 'ERROR');
    assert.equal(events[0]?.object.code, 410);
    assert.equal(events[0]?.object.reason, 'Expired');
  });

  it('gives 410 to a watch older than the restarted API server watch cache', async () => {
    const old = await listRv('/api/v1/namespaces/default/configmaps');
    await kubectlOk(['create', 'configmap', 'bump-2'], { kubeconfig: kc() });
    await cp.compactEtcd();
    await cp.stopApiServer();
    await cp.startApiServer();
    await kubectlOk(['create', 'configmap', 'bump-3'], { kubeconfig: kc() });
    const events = await collectWatch(`${cp.server}/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${old}`, cp.adminToken, (e) => e.length > 0, 5000);
    assert.equal(events[0]?.type, 'ERROR');
    assert.equal(events[0]?.object.code, 410);
  });
});
