/**
 * pods/portforward on the demo, with the real kubectl as client (it tunnels SPDY over a WebSocket
 * first) and client-node's PortForward (the kubelet's v4.channel.k8s.io channels).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { KubeConfig } from '@kubernetes/client-node';
import { PortForward } from '@kubernetes/client-node/dist/portforward.js';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import type { KubeObject } from '../../src/kube/object.ts';
import { kubectl } from '../support/kubectl.ts';
import { freePort, httpGet, kubectlForward } from '../support/port-forward.ts';
import { waitFor } from '../support/wait-for.ts';

let cluster: DemoCluster;
let dir: string;
let kc: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-demo-portforward-'));
  kc = join(dir, 'kubeconfig.yaml');
  cluster = await startDemoCluster({ seed: 11, churn: false, speed: 20, kubeconfigPath: kc });
});

after(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

const pods = { group: '', plural: 'pods' };
const podOf = (app: string, phase = 'Running'): string =>
  (cluster.server.store.list(pods, 'shop').find((p) => p.metadata.labels?.['app'] === app && (p.status as { phase?: string }).phase === phase) as KubeObject).metadata.name;

test('kubectl port-forward to a pod: its lines, and curl through it reaches that pod', async () => {
  const pod = podOf('frontend');
  const port = await freePort();
  const pf = await kubectlForward(kc, ['-n', 'shop', `pod/${pod}`, `${port}:80`], 2);
  try {
    assert.equal(pf.stdout(), `Forwarding from 127.0.0.1:${port} -> 80\nForwarding from [::1]:${port} -> 80\n`);
    for (const path of ['/one', '/two']) {
      const res = await httpGet(port, path);
      assert.equal(res.status, 200);
      assert.equal(res.body, `Hello from pod ${pod} in namespace shop (container nginx, port 80): GET ${path}\n`);
    }
    await waitFor('two connections handled', () => pf.stdout().split(`Handling connection for ${port}\n`).length === 3);
    // It went over the WebSocket tunnel, not the SPDY fallback: no fallback warnings, nothing on stderr.
    assert.equal(pf.stderr(), '');
  } finally {
    pf.child.kill('SIGINT');
    await pf.exited;
  }
});

test('a port the pod does not declare: the kubelet refuses it on the error stream and kubectl gives up', async () => {
  const pod = podOf('frontend');
  const port = await freePort();
  const pf = await kubectlForward(kc, ['-n', 'shop', `pod/${pod}`, `${port}:9999`], 2);
  await assert.rejects(httpGet(port, '/'));
  assert.equal(await pf.exited, 1);
  assert.match(
    pf.stderr(),
    new RegExp(`an error occurred forwarding ${port} -> 9999: error forwarding port 9999 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace .*connect: connection refused`),
  );
  assert.match(pf.stderr(), /error: lost connection to pod\n$/);
});

test('a pod that is not running, or not there: kubectl refuses before forwarding, the server validates too', async () => {
  const pending = podOf('legacy-reports', 'Pending');
  const notRunning = await kubectl(['-n', 'shop', 'port-forward', `pod/${pending}`, '18999:80'], { kubeconfig: kc });
  assert.equal(notRunning.code, 1);
  assert.equal(notRunning.stderr, 'error: unable to forward port because pod is not running. Current status=Pending\n');
  const raw = await kubectl(['get', '--raw', `/api/v1/namespaces/shop/pods/${pending}/portforward?ports=80`], { kubeconfig: kc });
  assert.match(raw.stderr, new RegExp(`unable to upgrade connection: pod not found \\("${pending}_shop"\\)`));
  const missing = await kubectl(['-n', 'shop', 'port-forward', 'pod/nope', '18999:80'], { kubeconfig: kc });
  assert.equal(missing.stderr, 'Error from server (NotFound): pods "nope" not found\n');
});

test("client-node's PortForward (v4.channel.k8s.io): the port prefix is stripped and the pod answers", async () => {
  const pod = podOf('frontend');
  const config = new KubeConfig();
  config.loadFromFile(kc);
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) => new Writable({ write: (chunk: Buffer, _enc, cb) => (append(chunk.toString()), cb()) });
  const input = new PassThrough();
  const ws = await new PortForward(config).portForward(
    'shop',
    pod,
    [80],
    sink((s) => (out += s)),
    sink((s) => (err += s)),
    input,
  );
  assert.equal((ws as { protocol?: string }).protocol, 'v4.channel.k8s.io');
  input.write('GET /v4 HTTP/1.1\r\nHost: demo\r\n\r\n');
  await waitFor('the response', () => out.includes('\r\n\r\n') && out.endsWith('\n') && out.includes('GET /v4'));
  assert.match(out, /^HTTP\/1\.1 200 OK\r\n/);
  assert.ok(out.includes(`Hello from pod ${pod} in namespace shop`), out);
  assert.equal(err, '');
  input.end();
});
