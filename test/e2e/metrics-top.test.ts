/**
 * kx top and the explorer's CPU/MEM columns on the real 1.20 control plane, metrics.k8s.io served
 * through an APIService (test/e2e/metrics-server/), with kubectl top as the oracle: the same bytes
 * and exit code for pods and nodes tables, and the same errors for a missing pod, RBAC (alice) and
 * a metrics server that is down (503 through the aggregator).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { apply, kubectl, kubectlOk } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';
import { killTerminals, openKx } from '../support/tmux-terminal.ts';
import { waitFor } from '../support/wait-for.ts';

let cp: ControlPlane;

const resources = { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } };
const container = (name: string) => ({ name, image: 'nginx:1.25', resources });

function deployment(name: string, namespace: string, replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [container('main')] } } },
  };
}

interface Outcome {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** `kx top ARGS` and `kubectl top ARGS` with the same kubeconfig. */
async function both(args: string[], kubeconfig = cp.kubeconfigPath): Promise<{ kx: Outcome; kubectl: Outcome }> {
  const ours = await runKx(['top', ...args, '--kubeconfig', kubeconfig], { env: { ...process.env, KUBECONFIG: '', KX_CONFIG_DIR: join(cp.dir, 'kx-config') } });
  const theirs = await kubectl(['top', ...args], { kubeconfig });
  return { kx: { stdout: ours.stdout, stderr: ours.stderr, code: ours.code }, kubectl: { stdout: theirs.stdout, stderr: theirs.stderr, code: theirs.code } };
}

/** The number of Running pods in the cluster (each gets metrics). */
async function runningPods(): Promise<number> {
  const out = await kubectlOk(['get', 'pods', '-A', '--field-selector=status.phase=Running', '--no-headers'], { kubeconfig: cp.kubeconfigPath });
  return out.split('\n').filter(Boolean).length;
}

before(async () => {
  cp = await startControlPlane({ metricsServer: true });
  for (const ns of ['shop', 'payments']) await kubectlOk(['create', 'namespace', ns], { kubeconfig: cp.kubeconfigPath });
  await apply(deployment('web', 'shop', 3), cp.kubeconfigPath);
  await apply(deployment('api', 'shop', 1), cp.kubeconfigPath);
  await apply(deployment('ledger', 'payments', 2), cp.kubeconfigPath);
  await apply(deployment('mine', 'team-a', 1), cp.kubeconfigPath);
  await apply(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'multi', namespace: 'shop', labels: { app: 'multi' } },
      spec: { containers: [container('app'), container('sidecar'), container('proxy')] },
    },
    cp.kubeconfigPath,
  );
  // 8 pods in all; kubectl top lists them once they run.
  await waitFor(
    'metrics for every running pod',
    async () => {
      if ((await runningPods()) !== 8) return false;
      const top = await kubectl(['top', 'pods', '-A', '--no-headers'], { kubeconfig: cp.kubeconfigPath });
      return top.code === 0 && top.stdout.trim().split('\n').length === 8;
    },
    90_000,
    500,
  );
});

after(async () => {
  killTerminals();
  await cp?.stop();
});

for (const args of [
  ['pods', '-A'],
  ['pods', '-n', 'shop'],
  ['pods', '-l', 'app=web', '-n', 'shop'],
  ['pods', '--containers', '-n', 'shop'],
  ['pods', '-A', '--sort-by=cpu'],
  ['pods', '-A', '--sort-by=memory'],
  ['pods', '-A', '--no-headers'],
  ['pods', '-A', '--sum'],
  ['pods', '-A', '--containers', '--sum', '--sort-by=memory'],
  ['nodes'],
  ['nodes', '--sort-by=memory'],
  ['nodes', '--sort-by=cpu'],
  ['nodes', '--no-headers'],
  ['nodes', 'kx-worker-1'],
  ['nodes', '-l', 'topology.kubernetes.io/zone=zone-b'],
  ['pods', '-A', '-l', 'app in (web,ledger)', '--sort-by=cpu'],
  ['pods', 'multi', '-n', 'shop'],
  ['pods', 'multi', '-n', 'shop', '--containers'],
]) {
  test(`kx top ${args.join(' ')} prints what kubectl top prints`, async () => {
    const r = await both(args);
    assert.deepEqual(r.kx, r.kubectl);
    assert.equal(r.kx.code, 0, r.kx.stderr);
    assert.notEqual(r.kx.stdout, '');
  });
}

test("a pod with no metrics: kubectl top's NotFound sentence and exit code", async () => {
  const r = await both(['pods', 'no-such-pod', '-n', 'shop']);
  assert.equal(r.kx.stderr.split('\n')[0], r.kubectl.stderr.split('\n')[0]);
  assert.equal(r.kx.code, r.kubectl.code);
  assert.equal(r.kubectl.stderr.split('\n')[0], 'Error from server (NotFound): podmetrics.metrics.k8s.io "shop/no-such-pod" not found');
});

test('alice sees her namespace and is forbidden the cluster: the same output as kubectl top', async () => {
  const own = await both(['pods'], cp.aliceKubeconfigPath);
  assert.deepEqual(own.kx, own.kubectl);
  assert.match(own.kx.stdout, /^mine-/m);
  const all = await both(['pods', '-A'], cp.aliceKubeconfigPath);
  assert.deepEqual(all.kx, all.kubectl);
  assert.match(all.kubectl.stderr, /^Error from server \(Forbidden\): .*User "alice" cannot list resource "pods" in API group "metrics.k8s.io" at the cluster scope/);
});

const words = (line: string): string[] => line.trim().split(/\s+/);

/** The cell of `row` under the right-aligned column titled `title` in `header`. */
function cellUnder(header: string, row: string, title: string): string {
  const at = new RegExp(`\\b${title}\\b`).exec(header);
  assert.ok(at, `no ${title} column in ${header}`);
  return (
    row
      .slice(0, at.index + title.length)
      .trimEnd()
      .split(/\s+/)
      .at(-1) ?? ''
  );
}

test("the explorer's pods view shows each pod's CPU and MEM as kubectl top does", async () => {
  const top = (await kubectlOk(['top', 'pods', '-n', 'shop', '--no-headers'], { kubeconfig: cp.kubeconfigPath }))
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/));
  assert.equal(top.length, 5);
  const t = openKx('pods -n shop', { kubeconfig: cp.kubeconfigPath, columns: 200, rows: 20, env: { KX_CONFIG_DIR: join(cp.dir, 'kx-config') } });
  try {
    // Usage comes with the first metrics poll, after the pods are listed.
    const screen = await t.waitFor((s) => top.every(([name, cpu]) => s.split('\n').some((l) => words(l).includes(name ?? '') && words(l).includes(cpu ?? ''))));
    const lines = screen.split('\n');
    const header = lines.find((l) => /\bNAME\b/.test(l) && /\bCPU\b/.test(l) && /\bMEM\b/.test(l));
    assert.ok(header, screen);
    for (const [name = '', cpu, mem] of top) {
      const row = lines.find((l) => words(l)[0] === name);
      assert.ok(row, `no row for ${name} in\n${screen}`);
      assert.deepEqual([cellUnder(header, row, 'CPU'), cellUnder(header, row, 'MEM')], [cpu, mem], `${name} in\n${screen}`);
    }
  } finally {
    t.kill();
  }
});

test("the metrics server down (503 through the aggregator): kubectl top's sentence and exit code, before and after the APIService turns unavailable", async () => {
  await cp.metricsServer?.stop();
  const compare = async (): Promise<void> => {
    for (const args of [['pods', '-A'], ['pods', 'multi', '-n', 'shop'], ['nodes']]) {
      const r = await both(args);
      assert.deepEqual(r.kx, r.kubectl);
      assert.equal(r.kx.code, 1);
      assert.match(r.kubectl.stderr, /^Error from server \(ServiceUnavailable\): the server is currently unable to handle the request \(get (pods|nodes)\.metrics\.k8s\.io( multi)?\)\n$/);
    }
  };
  // First the aggregator cannot reach the server (its text: "error trying to reach service"), then
  // its availability check marks the APIService unavailable (its text: "service unavailable").
  await compare();
  await waitFor(
    'v1beta1.metrics.k8s.io to turn unavailable',
    async () => (await kubectlOk(['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'jsonpath={.status.conditions[?(@.type=="Available")].status}'], { kubeconfig: cp.kubeconfigPath })) === 'False',
    120_000,
    1000,
  );
  await compare();
});
