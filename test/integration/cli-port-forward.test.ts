/**
 * `kx port-forward` against the demo, next to `kubectl port-forward` to the same targets: the
 * same lines, the same pod answering curl, kubectl's sentences for the errors; then what kx does
 * beyond kubectl — a forward to a deployment outlives its pod.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import type { KubeObject } from '../../src/kube/object.ts';
import { kubectl } from '../support/kubectl.ts';
import { bareEnv, kxBin, runKx } from '../support/kx-process.ts';
import { freePort, httpGet, kubectlForward, startForward, type ForwardProcess } from '../support/port-forward.ts';
import { waitFor } from '../support/wait-for.ts';

let cluster: DemoCluster;
let dir: string;
let kc: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-cli-port-forward-'));
  kc = join(dir, 'kubeconfig.yaml');
  cluster = await startDemoCluster({ seed: 11, churn: false, speed: 20, kubeconfigPath: kc });
});

after(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

const pods = { group: '', plural: 'pods' };
const running = (app: string): KubeObject[] =>
  cluster.server.store.list(pods, 'shop').filter((p) => p.metadata.labels?.['app'] === app && (p.status as { phase?: string }).phase === 'Running' && !p.metadata.deletionTimestamp);

const kxForward = (args: string[], lines = 1): Promise<ForwardProcess> => startForward(process.execPath, [kxBin, '--kubeconfig', kc, 'port-forward', ...args], lines, bareEnv());
const kx = (args: string[]) => runKx(['--kubeconfig', kc, ...args], { env: bareEnv() });

async function stop(pf: ForwardProcess): Promise<number | null> {
  pf.child.kill('SIGINT');
  return pf.exited;
}

/** The pod named in the demo's answer. */
const answeredBy = (body: string): string => /^Hello from pod (\S+) /.exec(body)?.[1] ?? `(no pod in ${JSON.stringify(body)})`;

for (const [what, target, remote, app] of [
  ['a pod', 'POD', '80', 'frontend'],
  ['a service (by port name, targetPort mapped)', 'svc/frontend', 'http', 'frontend'],
  ['a deployment', 'deployment/api', '8080', 'api'],
] as const) {
  test(`port-forward to ${what}: kx prints kubectl's lines and curl reaches the same kind of pod; Ctrl-C exits 0`, async () => {
    const name = target === 'POD' ? `pod/${(running(app)[0] as KubeObject).metadata.name}` : target;
    const [kxPort, kubectlPort] = [await freePort(), await freePort()];
    const mine = await kxForward(['-n', 'shop', name, `${kxPort}:${remote}`], 2);
    const theirs = await kubectlForward(kc, ['-n', 'shop', name, `${kubectlPort}:${remote}`], 2);
    try {
      const lines = (out: string, port: number) => out.replaceAll(String(port), 'PORT');
      assert.equal(lines(mine.stdout(), kxPort), lines(theirs.stdout(), kubectlPort));
      const viaKx = await httpGet(kxPort, '/kx');
      const viaKubectl = await httpGet(kubectlPort, '/kubectl');
      assert.equal(viaKx.status, 200);
      assert.equal(viaKubectl.status, 200);
      const names = running(app).map((p) => p.metadata.name);
      assert.ok(names.includes(answeredBy(viaKx.body)), viaKx.body);
      assert.ok(names.includes(answeredBy(viaKubectl.body)), viaKubectl.body);
      if (target === 'POD') assert.equal(answeredBy(viaKx.body), answeredBy(viaKubectl.body));
      await waitFor('both printed the connection', () => mine.stdout().includes(`Handling connection for ${kxPort}\n`) && theirs.stdout().includes(`Handling connection for ${kubectlPort}\n`));
    } finally {
      assert.equal(await stop(mine), 0);
      assert.equal(await stop(theirs), 0);
    }
    assert.equal(mine.stderr(), '');
  });
}

test('--address 127.0.0.1 listens there only, as kubectl prints it', async () => {
  const port = await freePort();
  const mine = await kxForward(['-n', 'shop', 'svc/frontend', `${port}:80`, '--address', '127.0.0.1']);
  try {
    assert.equal(mine.stdout(), `Forwarding from 127.0.0.1:${port} -> 80\n`);
    assert.equal((await httpGet(port)).status, 200);
  } finally {
    await stop(mine);
  }
});

test('the pod of a deployment is deleted: the kx forward answers from the replacement, the kubectl forward dies', async () => {
  const manifest = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'solo', namespace: 'shop' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'solo' } },
      template: { metadata: { labels: { app: 'solo' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }] } },
    },
  };
  const created = await kubectl(['create', '--validate=false', '-f', '-'], { kubeconfig: kc, input: JSON.stringify(manifest) });
  assert.equal(created.code, 0, created.stderr);
  const first = await waitFor('a running solo pod', () => running('solo')[0]?.metadata.name);
  const [kxPort, kubectlPort] = [await freePort(), await freePort()];
  const mine = await kxForward(['-n', 'shop', 'deployment/solo', `${kxPort}:http`], 2);
  const theirs = await kubectlForward(kc, ['-n', 'shop', 'deployment/solo', `${kubectlPort}:http`], 2);
  try {
    assert.equal(answeredBy((await httpGet(kxPort)).body), first);
    assert.equal(answeredBy((await httpGet(kubectlPort)).body), first);
    const del = await kubectl(['-n', 'shop', 'delete', 'pod', first], { kubeconfig: kc });
    assert.equal(del.code, 0, del.stderr);
    const second = await waitFor('the replacement pod', () => running('solo').find((p) => p.metadata.name !== first)?.metadata.name);
    // kubectl's forward stays on the deleted pod: its next connection fails and it exits.
    await assert.rejects(httpGet(kubectlPort));
    assert.equal(await theirs.exited, 1);
    assert.match(theirs.stderr(), /error forwarding port 80 to pod [0-9a-f]{64}, uid : failed to find sandbox/);
    assert.match(theirs.stderr(), /error: lost connection to pod\n$/);
    // kx's moves to the replacement (on the refused upgrade or its periodic check of the pod).
    const res = await httpGet(kxPort, '/still-there');
    assert.equal(res.status, 200);
    assert.equal(answeredBy(res.body), second);
    assert.match(mine.stderr(), new RegExp(`Forwarding to pod ${second} \\(port 80\\) now: the previous pod went away\\n`));
  } finally {
    await stop(mine);
    if (theirs.child.exitCode === null) await stop(theirs);
    await kubectl(['-n', 'shop', 'delete', 'deployment', 'solo'], { kubeconfig: kc });
  }
});

test("--readonly: kx refuses to port-forward in the gate's sentence, exit 1", async () => {
  const pod = (running('frontend')[0] as KubeObject).metadata.name;
  const r = await kx(['--readonly', '-n', 'shop', 'port-forward', `pod/${pod}`, '18777:80']);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'error: kx is read-only here (--readonly): port-forward is off\n');
  assert.equal(r.stdout, '');
});

test('a local port in use: one sentence, exit 1 (kubectl says the same in two lines)', async () => {
  const port = await freePort();
  const busy: Server = createServer();
  await new Promise<void>((r) => busy.listen(port, '127.0.0.1', () => r()));
  try {
    const mine = await kx(['-n', 'shop', 'port-forward', 'svc/frontend', `${port}:80`, '--address', '127.0.0.1']);
    const theirs = await kubectl(['-n', 'shop', 'port-forward', 'svc/frontend', `${port}:80`, '--address', '127.0.0.1'], { kubeconfig: kc });
    assert.equal(mine.code, 1);
    assert.equal(mine.stderr, `error: unable to listen on port ${port}: listen tcp4 127.0.0.1:${port}: bind: address already in use\n`);
    assert.equal(theirs.code, 1);
    assert.match(theirs.stderr, new RegExp(`Unable to listen on port ${port}: .*listen tcp4 127.0.0.1:${port}: bind: address already in use`));
  } finally {
    busy.close();
  }
});

test("a named port that does not exist: kubectl's sentence, for a pod and for a service", async () => {
  const pod = (running('frontend')[0] as KubeObject).metadata.name;
  for (const target of [`pod/${pod}`, 'svc/frontend']) {
    const mine = await kx(['-n', 'shop', 'port-forward', target, '18778:nope']);
    const theirs = await kubectl(['-n', 'shop', 'port-forward', target, '18778:nope'], { kubeconfig: kc });
    assert.equal(theirs.code, 1);
    assert.equal(mine.code, 1);
    assert.equal(mine.stderr, theirs.stderr);
  }
  const noPort = await kx(['-n', 'shop', 'port-forward', 'svc/frontend', '18778:81']);
  const kubectlNoPort = await kubectl(['-n', 'shop', 'port-forward', 'svc/frontend', '18778:81'], { kubeconfig: kc });
  assert.equal(noPort.stderr, kubectlNoPort.stderr);
});
