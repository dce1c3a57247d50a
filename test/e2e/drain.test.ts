/**
 * kx drain against kubectl drain on the real 1.20 control plane: two twin worker nodes carry the
 * same pods (pinned Deployment replicas, a DaemonSet's pod, a bare pod, a pod with an emptyDir, a
 * Deployment guarded by a policy/v1beta1 PodDisruptionBudget); kubectl drains one twin, kx the
 * other, and their output is compared with only node and pod names normalised.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { DEFAULT_NODES, type FakeNodeSpec } from './fake-kubelet/node-specs.ts';
import { getJson, kubectlFor, kubectlOk, waitForJson } from '../support/kubectl.ts';
import { kxBin, runKx } from '../support/kx-process.ts';
import { finished, type ProcessResult } from '../support/run-process.ts';
import { waitFor } from '../support/wait-for.ts';

const KX_NODE = 'twin-kx';
const KUBECTL_NODE = 'twin-kubectl';
const TWINS = [KX_NODE, KUBECTL_NODE] as const;
// The twins differ only in name (and so in kubernetes.io/hostname).
const twinSpec = (name: string): FakeNodeSpec => ({ name, role: 'worker', labels: { 'topology.kubernetes.io/zone': 'zone-t' }, cpu: '4', memory: '8Gi' });

let cp: ControlPlane;
const kubectl = kubectlFor(() => cp.kubeconfigPath);
const env = () => ({ ...process.env, KUBECONFIG: '', KX_CONFIG_DIR: join(cp.dir, 'kx-config') });
const create = (obj: unknown) => kubectlOk(['create', '-f', '-'], { kubeconfig: cp.kubeconfigPath, input: JSON.stringify(obj) });
const unschedulable = async (node: string) => (await kubectl.ok('get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}')).trim();

type Pod = {
  metadata: { name: string; generateName?: string; deletionTimestamp?: string; labels?: Record<string, string> };
  spec: { nodeName?: string };
  status: { conditions?: { type: string; status: string }[] };
};
const ready = (p: Pod) => !p.metadata.deletionTimestamp && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** A Deployment of `replicas` nginx pods labelled role=ROLE, pinned to `node` unless node is undefined. */
function deployment(name: string, role: string, node: string | undefined, replicas: number, extra: Record<string, unknown> = {}, labels: Record<string, string> = {}) {
  const podLabels = { app: name, role, ...labels };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: podLabels },
        spec: { ...(node ? { nodeSelector: { 'kubernetes.io/hostname': node } } : {}), terminationGracePeriodSeconds: 0, containers: [{ name: 'main', image: 'nginx:1.25' }], ...extra },
      },
    },
  };
}

/** A policy/v1beta1 PodDisruptionBudget (1.20 serves no policy/v1) over pods labelled guard=GUARD. */
const budget = (name: string, guard: string, spec: Record<string, unknown>) => ({
  apiVersion: 'policy/v1beta1',
  kind: 'PodDisruptionBudget',
  metadata: { name, namespace: 'default' },
  spec: { ...spec, selector: { matchLabels: { guard } } },
});

/** The pods of one twin: two pinned replicas, an emptyDir pod, a bare pod, a PDB-guarded replica and its (scaled-to-0) spare. */
async function seedTwin(node: string): Promise<void> {
  await create(deployment(`web-${node}`, 'web', node, 2));
  await create(deployment(`cache-${node}`, 'cache', node, 1, { volumes: [{ name: 'scratch', emptyDir: {} }] }));
  await create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `bare-${node}`, namespace: 'default', labels: { role: 'bare' } },
    spec: { nodeSelector: { 'kubernetes.io/hostname': node }, terminationGracePeriodSeconds: 0, containers: [{ name: 'main', image: 'nginx:1.25' }] },
  });
  await create(deployment(`guarded-${node}`, 'guarded', node, 1, {}, { guard: node }));
  // No nodeSelector: once the twin is cordoned its replica lands on a worker, Ready a few seconds later.
  const probe = { readinessProbe: { initialDelaySeconds: 3, exec: { command: ['true'] } } };
  const spare = deployment(`spare-${node}`, 'spare', undefined, 0, {}, { guard: node });
  spare.spec.template.spec.containers = [{ ...spare.spec.template.spec.containers[0]!, ...probe }];
  await create(spare);
  await create(budget(`guarded-${node}`, node, { minAvailable: 1 }));
}

/** Every pod on the twins is Ready and each budget has seen its pods. */
async function settled(roles: string[], budgets: string[]): Promise<void> {
  for (const node of TWINS) {
    await waitForJson<{ items: Pod[] }, true>(`${roles.join(',')} pods ready on ${node}`, ['pods', '--field-selector', `spec.nodeName=${node}`], cp.kubeconfigPath, (list) => {
      const live = list.items.filter(ready);
      return roles.every((r) => live.some((p) => (p.metadata.labels?.role ?? 'ds') === r)) || undefined;
    });
  }
  for (const name of budgets) {
    type Pdb = { metadata: { generation: number }; status?: { observedGeneration?: number; currentHealthy?: number } };
    await waitForJson<Pdb, true>(
      `budget ${name} observed`,
      ['pdb', name],
      cp.kubeconfigPath,
      (p) => ((p.status?.observedGeneration ?? 0) >= p.metadata.generation && p.status?.currentHealthy === 1) || undefined,
    );
  }
}

/** Pod name → the same name with its generated parts as POD, for every pod now on a twin (pod names are remembered across calls). */
const podNames = new Map<string, string>();
async function learnPodNames(): Promise<void> {
  const list = await getJson<{ items: Pod[] }>(['pods', '-A'], cp.kubeconfigPath);
  for (const p of list.items) {
    if (!p.spec.nodeName || !(TWINS as readonly string[]).includes(p.spec.nodeName)) continue;
    // A ReplicaSet's pods are named after its template's hash, which differs with the twin's nodeSelector.
    const hash = p.metadata.labels?.['pod-template-hash'];
    const stem = p.metadata.generateName ? `${hash ? p.metadata.generateName.replace(`-${hash}-`, '-') : p.metadata.generateName}POD` : p.metadata.name;
    podNames.set(p.metadata.name, stem);
  }
}

/** Output lines with node names and pod names normalised (nothing else). */
function normalised(text: string): string[] {
  let out = text;
  for (const [name, stem] of [...podNames].sort((a, b) => b[0].length - a[0].length)) out = out.replaceAll(name, stem);
  for (const node of TWINS) out = out.replaceAll(node, 'NODE');
  return out.split('\n');
}

/**
 * Stderr lines in order, normalised, with what is not kubectl's to order put in order: a retry line
 * repeated once (how often it repeats is timing), and the filter errors and warnings sorted
 * (kubectl groups them in a Go map, so their order is random).
 */
function errLines(text: string): string[] {
  const lines = normalised(text)
    .filter((l, i, all) => l !== all[i - 1])
    .map((line) => {
      const m = /^(error: unable to drain node "NODE" due to error: )\[(.*)\](, continuing command\.\.\.)$/.exec(line);
      if (m)
        return `${m[1]}[${m[2]!
          .split(/, (?=cannot delete )/)
          .sort()
          .join(', ')}]${m[3]}`;
      if (line.startsWith('Warning: ')) return `Warning: ${line.slice(9).split('; ').sort().join('; ')}`;
      return line;
    });
  const sorted: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('cannot delete ')) sorted.push(line);
    else {
      let i = sorted.length;
      while (i > 0 && sorted[i - 1]!.startsWith('cannot delete ') && sorted[i - 1]! > line) i--;
      sorted.splice(i, 0, line);
    }
  }
  return sorted;
}

/** Stdout lines as a sorted list (evictions run in parallel, so their lines interleave in any order); an `evicting` line once (it repeats per retry). */
const outLines = (text: string): string[] =>
  normalised(text)
    .filter((l, i, all) => !l.startsWith('evicting pod ') || all.indexOf(l) === i)
    .sort();

/** kubectl's and kx's runs, each on its twin, started together; `during` runs once both have printed what `ready` waits for. */
async function bothDrain(args: string[], ready?: (stderr: string) => boolean, during?: () => Promise<void>): Promise<{ kx: ProcessResult; kubectl: ProcessResult }> {
  await learnPodNames();
  const theirs = spawn('kubectl', [`--kubeconfig=${cp.kubeconfigPath}`, 'drain', KUBECTL_NODE, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  const ours = spawn(process.execPath, [kxBin, '--kubeconfig', cp.kubeconfigPath, 'drain', KX_NODE, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  const errs = ['', ''];
  theirs.stderr.on('data', (d: Buffer) => (errs[0] += d.toString()));
  ours.stderr.on('data', (d: Buffer) => (errs[1] += d.toString()));
  const done = Promise.all([finished(theirs), finished(ours)]);
  if (ready && during) {
    await waitFor('both drains to get there', () => errs.every(ready), 60_000, 100);
    await during();
  }
  const [k, x] = await done;
  return { kubectl: k, kx: x };
}

/** Asserts kx printed what kubectl printed, modulo node and pod names, and exited the same. */
function assertSame(r: { kx: ProcessResult; kubectl: ProcessResult }): void {
  const detail = `kx:\n${r.kx.stdout}${r.kx.stderr}\nkubectl:\n${r.kubectl.stdout}${r.kubectl.stderr}`;
  assert.equal(r.kx.code, r.kubectl.code, detail);
  assert.deepEqual(outLines(r.kx.stdout), outLines(r.kubectl.stdout), detail);
  assert.deepEqual(errLines(r.kx.stderr), errLines(r.kubectl.stderr), detail);
}

before(async () => {
  cp = await startControlPlane({ fakeKubelet: { nodes: [...DEFAULT_NODES, twinSpec(KX_NODE), twinSpec(KUBECTL_NODE)] } });
  await create({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'ds', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'ds' } }, template: { metadata: { labels: { app: 'ds' } }, spec: { containers: [{ name: 'agent', image: 'fluentd:1.16' }] } } },
  });
  for (const node of TWINS) await seedTwin(node);
  await settled(
    ['web', 'cache', 'bare', 'guarded', 'ds'],
    TWINS.map((n) => `guarded-${n}`),
  );
});

after(async () => {
  await cp?.stop();
});

test('(1) drain with no flags: the same refusals (DaemonSet, unmanaged, emptyDir), exit code, and the node left cordoned', async () => {
  const r = await bothDrain([]);
  assertSame(r);
  assert.equal(r.kx.code, 1);
  assert.equal(r.kx.stdout, `node/${KX_NODE} cordoned\n`);
  for (const refusal of ['DaemonSet-managed Pods', 'Pods that declare no controller', 'Pods with local storage']) assert.match(r.kx.stderr, new RegExp(`cannot delete ${refusal}`));
  assert.deepEqual([await unschedulable(KX_NODE), await unschedulable(KUBECTL_NODE)], ['true', 'true']);
  for (const node of TWINS) await kubectl.ok('uncordon', node);
});

const all = ['--ignore-daemonsets', '--delete-emptydir-data', '--force'];

test('(5) --dry-run=client and --pod-selector: the same pods listed, the same refusals, nothing cordoned', async () => {
  for (const node of TWINS) await kubectl.ok('uncordon', node);
  for (const args of [
    [...all, '--dry-run=client'],
    ['--pod-selector', 'role=web', '--dry-run=client'],
    ['--pod-selector', 'role in (bare,cache)', '--dry-run=client'],
    ['--pod-selector', 'role=bare', '--force', '--dry-run=client'],
    ['--pod-selector', 'role=none', '--dry-run=client'],
  ]) {
    const r = await bothDrain(args);
    assertSame(r);
    assert.deepEqual([await unschedulable(KX_NODE), await unschedulable(KUBECTL_NODE)], ['', ''], `a client dry run changes nothing (${args.join(' ')})`);
  }
  const full = await bothDrain([...all, '--dry-run=client']);
  const planned = normalised(full.kx.stdout).filter((l) => l.startsWith('evicting pod'));
  assert.deepEqual(planned.sort(), [
    'evicting pod default/bare-NODE (dry run)',
    'evicting pod default/cache-NODE-POD (dry run)',
    'evicting pod default/guarded-NODE-POD (dry run)',
    'evicting pod default/web-NODE-POD (dry run)',
    'evicting pod default/web-NODE-POD (dry run)',
  ]);
  const web = await bothDrain(['--pod-selector', 'role=web', '--dry-run=client']);
  assert.deepEqual(normalised(web.kx.stdout), [
    'node/NODE cordoned (dry run)',
    'evicting pod default/web-NODE-POD (dry run)',
    'evicting pod default/web-NODE-POD (dry run)',
    'node/NODE drained (dry run)',
    '',
  ]);
});

test('(2) --ignore-daemonsets --delete-emptydir-data --force: the same pods evicted, the budget’s 429 retried until the spare replica is ready', async () => {
  const retry = /\(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.$/m;
  // Both twins are cordoned by now, so each spare replica lands on a worker and turns Ready 3 s later.
  const r = await bothDrain(
    all,
    (stderr) => retry.test(stderr),
    async () => {
      for (const node of TWINS) await kubectl.ok('scale', `deployment/spare-${node}`, '--replicas=1');
    },
  );
  assertSame(r);
  assert.equal(r.kx.code, 0);
  const out = normalised(r.kx.stdout);
  assert.equal(out[0], 'node/NODE cordoned');
  assert.equal(out.at(-2), 'node/NODE drained');
  assert.deepEqual(out.filter((l) => l.endsWith(' evicted')).sort(), [
    'pod/bare-NODE evicted',
    'pod/cache-NODE-POD evicted',
    'pod/guarded-NODE-POD evicted',
    'pod/web-NODE-POD evicted',
    'pod/web-NODE-POD evicted',
  ]);
  assert.match(r.kx.stderr, /^Warning: /);
  assert.match(
    errLines(r.kx.stderr).join('\n'),
    /^error when evicting pods\/"guarded-NODE-POD" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.$/m,
  );
  // What drain leaves on each twin: its DaemonSet pod.
  for (const node of TWINS) {
    const left = await getJson<{ items: Pod[] }>(['pods', '--field-selector', `spec.nodeName=${node}`], cp.kubeconfigPath);
    assert.deepEqual(
      left.items.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.labels?.app),
      ['ds'],
      node,
    );
  }
  assert.deepEqual([await unschedulable(KX_NODE), await unschedulable(KUBECTL_NODE)], ['true', 'true']);
});

test('(3) a budget that never allows an eviction, --timeout=10s: the same sentence and exit code, the node left cordoned', async () => {
  for (const node of TWINS) {
    await kubectl.ok('uncordon', node);
    await create(deployment(`stuck-${node}`, 'stuck', node, 1, {}, { guard: `stuck-${node}` }));
    await create(budget(`stuck-${node}`, `stuck-${node}`, { maxUnavailable: 0 }));
  }
  await settled(
    ['stuck'],
    TWINS.map((n) => `stuck-${n}`),
  );
  const r = await bothDrain(['--ignore-daemonsets', '--pod-selector', 'role=stuck', '--timeout=10s']);
  assertSame(r);
  assert.equal(r.kx.code, 1);
  assert.match(errLines(r.kx.stderr).at(-2) ?? '', /^error when evicting pods\/"stuck-NODE-POD" -n "default": global timeout reached: 10s$/);
  assert.deepEqual([await unschedulable(KX_NODE), await unschedulable(KUBECTL_NODE)], ['true', 'true']);
});

test('(4) drain of a node that does not exist: the same stderr and exit code', async () => {
  const theirs = await kubectl.run('drain', 'no-such-node');
  const ours = await runKx(['--kubeconfig', cp.kubeconfigPath, 'drain', 'no-such-node'], { env: env() });
  assert.deepEqual([ours.code, ours.stdout, ours.stderr], [theirs.code, theirs.stdout, theirs.stderr]);
  assert.deepEqual([ours.code, ours.stderr], [1, 'Error from server (NotFound): nodes "no-such-node" not found\n']);
});
