/** The registry the TUI will use: start a forward to a deployment, watch it re-resolve in its state, stop it. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { openSession, type KubeSession } from '../../src/kube/session.ts';
import { PortForwardRegistry, parseTarget } from '../../src/kube/port-forward/index.ts';
import { httpGet } from '../support/port-forward.ts';
import { waitFor } from '../support/wait-for.ts';

let cluster: DemoCluster;
let dir: string;
let session: KubeSession;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-pf-registry-'));
  const kc = join(dir, 'kubeconfig.yaml');
  cluster = await startDemoCluster({ seed: 11, churn: false, speed: 20, kubeconfigPath: kc });
  session = await openSession(loadKubeconfig({ kubeconfig: kc }));
});

after(async () => {
  await session.close();
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a forward in the registry counts connections and bytes, re-resolves when its pod is deleted, and stops', async () => {
  const registry = new PortForwardRegistry();
  const id = await registry.start({ session, namespace: 'shop', target: parseTarget('deployment/frontend', 'shop'), remotePort: 'http', localPort: 0, address: ['127.0.0.1'], checkEveryMs: 100 });
  const [entry] = registry.list();
  assert.ok(entry);
  assert.equal(entry.id, id);
  assert.equal(entry.state, 'forwarding');
  assert.equal(entry.target, 'deployment/frontend');
  assert.equal(entry.remotePort, 80);
  const first = await httpGet(entry.localPort, '/x');
  assert.ok(first.body.includes(entry.pod), first.body);
  const counted = registry.list()[0]!;
  assert.equal(counted.connections, 1);
  assert.ok(counted.bytesIn > 0 && counted.bytesOut >= first.body.length, JSON.stringify(counted));
  cluster.server.store.delete({ group: '', plural: 'pods' }, 'shop', entry.pod);
  const moved = await waitFor('the forward moved to another pod', () => registry.list().find((e) => e.reresolved === 1 && e.pod !== entry.pod));
  assert.ok((await httpGet(entry.localPort, '/y')).body.includes(moved.pod));
  assert.equal(await registry.stop(id), true);
  assert.deepEqual(registry.list(), []);
  await assert.rejects(httpGet(entry.localPort));
});
