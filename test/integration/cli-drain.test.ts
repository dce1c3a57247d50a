/**
 * kx cordon|uncordon|drain against the demo with kubectl as the oracle: the same refusals and
 * lines as kubectl drain, the same pods evicted, a PodDisruptionBudget that holds an eviction
 * (kubectl's retry line) until another replica is ready, and kubectl's sentence for a missing node.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor, kubectlOk } from '../support/kubectl.ts';
import { runKx, startKx, bareEnv } from '../support/kx-process.ts';
import { finished } from '../support/run-process.ts';
import { waitFor } from '../support/wait-for.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-drain-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kx = (...args: string[]) => runKx(['--kubeconfig', demo.kubeconfigPath, ...args], { env: { ...process.env, KX_CONFIG_DIR: join(dir, 'empty') } });
const kubectl = kubectlFor(() => demo.kubeconfigPath);
const create = (obj: unknown) => kubectlOk(['create', '--validate=false', '-f', '-'], { kubeconfig: demo.kubeconfigPath, input: JSON.stringify(obj) });
const unschedulable = async (node: string) => (await kubectl.ok('get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}')).trim();

/** kubectl prints its filter errors and warnings in Go map order: compare them as sets. */
function normalised(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => {
      const m = /^(error: unable to drain node "[^"]+" due to error: )\[(.*)\](, continuing command\.\.\.)$/.exec(line);
      // kubectl's refusals come from a Go map (random order): split them whole, each with its own
      // "cannot delete", before sorting.
      if (m)
        return [
          `${m[1]}${m[2]!
            .split(/, (?=cannot delete )/)
            .sort()
            .join(' | ')}${m[3]}`,
        ];
      if (line.startsWith('Warning: ')) return [`Warning: ${line.slice(9).split('; ').sort().join('; ')}`];
      return [line];
    })
    .sort();
}

test('cordon and uncordon say what kubectl says, and kubectl sees spec.unschedulable', async () => {
  const first = await kx('cordon', 'kx-worker');
  assert.deepEqual([first.code, first.stdout], [0, 'node/kx-worker cordoned\n'], first.stderr);
  assert.equal(await unschedulable('kx-worker'), 'true');
  const again = await kx('cordon', 'kx-worker');
  assert.equal(again.stdout, (await kubectl.run('cordon', 'kx-worker')).stdout);
  assert.equal(again.stdout, 'node/kx-worker already cordoned\n');
  const un = await kx('uncordon', 'kx-worker');
  assert.deepEqual([un.code, un.stdout], [0, 'node/kx-worker uncordoned\n'], un.stderr);
  assert.equal(await unschedulable('kx-worker'), '');
  const dry = await kx('cordon', 'kx-worker', '--dry-run=server');
  assert.equal(dry.stdout, 'node/kx-worker cordoned (server dry run)\n');
  assert.equal(await unschedulable('kx-worker'), '');
});

test('drain without flags refuses DaemonSet and unmanaged pods exactly as kubectl drain does, and leaves the node cordoned', async () => {
  for (const node of ['kx-worker', 'kx-worker2']) {
    const theirs = await kubectl.run('drain', node);
    await kubectl.ok('uncordon', node);
    const ours = await kx('drain', node);
    assert.equal(ours.code, theirs.code, ours.stderr);
    assert.equal(ours.code, 1);
    assert.equal(ours.stdout, theirs.stdout);
    assert.deepEqual(normalised(ours.stderr), normalised(theirs.stderr));
    assert.match(ours.stderr, /cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\)/);
    assert.equal(await unschedulable(node), 'true');
    await kubectl.ok('uncordon', node);
  }
});

test('drain --dry-run=client lists the same pods and warnings as kubectl, and a real drain evicts exactly those', async () => {
  const flags = ['--ignore-daemonsets', '--delete-emptydir-data', '--force'];
  const node = 'kx-worker2';
  const theirs = await kubectl.run('drain', node, ...flags, '--dry-run=client');
  const ours = await kx('drain', node, ...flags, '--dry-run=client');
  assert.equal(ours.code, 0, ours.stderr);
  assert.equal(ours.stdout, theirs.stdout);
  assert.deepEqual(normalised(ours.stderr), normalised(theirs.stderr));
  assert.match(ours.stderr, /^Warning: .*ignoring DaemonSet-managed Pods: /);
  assert.equal(await unschedulable(node), '', 'a client dry run changes nothing');

  const planned = [...ours.stdout.matchAll(/^evicting pod (\S+) \(dry run\)$/gm)].map((m) => m[1]!).sort();
  const real = await kx('drain', node, ...flags, '--grace-period=0');
  assert.equal(real.code, 0, real.stderr);
  const lines = real.stdout.trim().split('\n');
  assert.equal(lines[0], `node/${node} cordoned`);
  assert.equal(lines.at(-1), `node/${node} drained`);
  assert.deepEqual([...real.stdout.matchAll(/^evicting pod (\S+)$/gm)].map((m) => m[1]!).sort(), planned);
  const evicted = [...real.stdout.matchAll(/^pod\/(\S+) evicted$/gm)].map((m) => m[1]!).sort();
  assert.deepEqual(evicted, planned.map((p) => p.split('/')[1]!).sort());
  // What is left on the node is what drain leaves: DaemonSet pods.
  const left = JSON.parse(await kubectl.ok('get', 'pods', '-A', '--field-selector', `spec.nodeName=${node}`, '-o', 'json')) as {
    items: { metadata: { ownerReferences?: { kind: string }[]; deletionTimestamp?: string } }[];
  };
  for (const pod of left.items.filter((p) => !p.metadata.deletionTimestamp)) assert.equal(pod.metadata.ownerReferences?.[0]?.kind, 'DaemonSet');
  await kubectl.ok('uncordon', node);
});

test('drain of a node that does not exist: kubectl’s sentence, exit 1', async () => {
  const theirs = await kubectl.run('drain', 'no-such-node');
  const ours = await kx('drain', 'no-such-node');
  assert.deepEqual([ours.code, ours.stdout, ours.stderr], [1, '', 'Error from server (NotFound): nodes "no-such-node" not found\n']);
  assert.deepEqual([theirs.code, theirs.stderr], [ours.code, ours.stderr]);
});

const guarded = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'guarded', namespace: 'default' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'guarded' } },
    template: {
      metadata: { labels: { app: 'guarded' } },
      spec: {
        nodeSelector: { 'kubernetes.io/hostname': 'kx-gpu' },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }],
        containers: [{ name: 'web', image: 'nginx:1.27' }],
      },
    },
  },
};
const budget = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'guarded', namespace: 'default' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'guarded' } } } };

test('a PodDisruptionBudget holds the eviction (kubectl’s retry line, kubectl’s timeout block) until another replica is ready', async () => {
  await create(guarded);
  await create(budget);
  const pod = await waitFor(
    'the guarded pod to be ready on kx-gpu',
    async () => {
      const out = await kubectl.ok('get', 'pods', '-l', 'app=guarded', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.spec.nodeName} {.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}');
      const ready = out.split('\n').find((l) => l.endsWith(' kx-gpu True'));
      return ready?.split(' ')[0];
    },
    60_000,
    500,
  );
  const flags = ['--ignore-daemonsets', '--pod-selector', 'app=guarded', '--timeout', '2s'];
  const theirs = await kubectl.run('drain', 'kx-gpu', ...flags);
  await kubectl.ok('uncordon', 'kx-gpu');
  const ours = await kx('drain', 'kx-gpu', ...flags);
  assert.equal(ours.code, 1);
  assert.equal(theirs.code, 1);
  assert.equal(ours.stdout, theirs.stdout);
  assert.equal(ours.stderr, theirs.stderr);
  assert.match(ours.stderr, new RegExp(`^error when evicting pods/"${pod}" -n "default" \\(will retry after 5s\\): Cannot evict pod as it would violate the pod's disruption budget\\.$`, 'm'));
  assert.match(ours.stderr, /global timeout reached: 2s/);
  assert.equal(await unschedulable('kx-gpu'), 'true', 'kubectl leaves the node cordoned on timeout');

  // Without a timeout the drain waits; a second ready replica elsewhere lets the eviction through.
  const child = startKx(['--kubeconfig', demo.kubeconfigPath, 'drain', 'kx-gpu', '--ignore-daemonsets', '--pod-selector', 'app=guarded'], { ...bareEnv(), KX_CONFIG_DIR: join(dir, 'empty') });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const done = finished(child);
  await waitFor('the retry line', () => (stderr.includes('(will retry after 5s)') ? true : undefined), 30_000, 100);
  await create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'guarded-spare', namespace: 'default', labels: { app: 'guarded' } },
    spec: { nodeName: 'kx-worker', containers: [{ name: 'web', image: 'nginx:1.27' }] },
  });
  const result = await done;
  assert.equal(result.code, 0, stderr);
  assert.match(stdout, new RegExp(`^pod/${pod} evicted$`, 'm'));
  assert.match(stdout, /^node\/kx-gpu drained$/m);
  await kubectl.ok('uncordon', 'kx-gpu');
});
