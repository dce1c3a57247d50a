/**
 * kx scale and kx rollout beside kubectl 1.32 on the real control plane, on twin namespaces
 * (forms-kx for kx, forms-kc for kubectl, the same objects in each): every form of naming objects,
 * --dry-run, preconditions, pause/resume, history and status must print the same lines, exit the
 * same way and leave the same state.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { getJson, kubectl, kubectlOk } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';
import { waitFor } from '../support/wait-for.ts';

let cp: ControlPlane;
const sides = { kx: 'forms-kx', kc: 'forms-kc' } as const;
const kinds = 'deploy,sts,ds';

function workload(kind: 'Deployment' | 'StatefulSet' | 'DaemonSet', namespace: string, name: string, tier: string): unknown {
  const spec: Record<string, unknown> = {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } },
  };
  if (kind !== 'DaemonSet') spec['replicas'] = 1;
  if (kind === 'StatefulSet') spec['serviceName'] = name;
  return { apiVersion: 'apps/v1', kind, metadata: { name, namespace, labels: { tier } }, spec };
}

/** Revisions (ReplicaSets and ControllerRevisions) in `ns`. */
async function revisionCount(ns: string): Promise<number> {
  const list = await getJson<{ items: unknown[] }>(['rs,controllerrevisions', '-n', ns], cp.kubeconfigPath);
  return list.items.length;
}

before(async () => {
  cp = await startControlPlane();
  for (const ns of Object.values(sides)) {
    await kubectlOk(['create', 'namespace', ns], { kubeconfig: cp.kubeconfigPath });
    const items = [workload('Deployment', ns, 'web', 'front'), workload('Deployment', ns, 'api', 'back'), workload('StatefulSet', ns, 'db', 'back'), workload('DaemonSet', ns, 'agent', 'node')];
    await kubectlOk(['apply', '-f', '-'], { kubeconfig: cp.kubeconfigPath, input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) });
    await waitFor(`revision 1 of everything in ${ns}`, async () => (await revisionCount(ns)) >= 4 || undefined, 60_000, 250);
    // A second revision of each, so undo has somewhere to go.
    await kubectlOk(['set', 'image', 'deploy/web', 'deploy/api', 'sts/db', 'ds/agent', 'c=nginx:1.27', '-n', ns], { kubeconfig: cp.kubeconfigPath });
    await waitFor(`revision 2 of everything in ${ns}`, async () => (await revisionCount(ns)) >= 8 || undefined, 60_000, 250);
  }
});

after(async () => {
  await cp?.stop();
});

/** What a command may change, per object: replicas, paused, image and restart mark. */
async function state(ns: string): Promise<Record<string, unknown>> {
  const list = await getJson<{
    items: {
      kind: string;
      metadata: { name: string };
      spec: Record<string, unknown> & { template: { metadata?: { annotations?: Record<string, string> }; spec: { containers: { image: string }[] } } };
    }[];
  }>([kinds, '-n', ns], cp.kubeconfigPath);
  const out: Record<string, unknown> = {};
  for (const o of list.items) {
    out[`${o.kind}/${o.metadata.name}`] = {
      replicas: o.spec['replicas'],
      paused: o.spec['paused'] ?? false,
      image: o.spec.template.spec.containers[0]!.image,
      restarted: o.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] !== undefined,
    };
  }
  return out;
}

/** What a write would change: each object's generation and spec. */
async function written(ns: string): Promise<string[]> {
  const list = await getJson<{ items: { metadata: { name: string; generation?: number }; spec: unknown }[] }>([kinds, '-n', ns], cp.kubeconfigPath);
  return list.items.map((o) => `${o.metadata.name} ${o.metadata.generation ?? 0} ${JSON.stringify(o.spec)}`);
}

/**
 * Runs the command with kubectl in forms-kc and with kx in forms-kx (`args` may depend on the
 * namespace); asserts the same output (but for what `mask` matches: values each twin has its
 * own of), exit code and end state, and with `unchanged` no write.
 */
async function same(args: string[] | ((ns: string) => Promise<string[]>), opts: { unchanged?: boolean; mask?: RegExp } = {}): Promise<void> {
  const argsFor = typeof args === 'function' ? args : () => Promise.resolve(args);
  const before = opts.unchanged ? await written(sides.kx) : [];
  const kcArgs = await argsFor(sides.kc);
  const kxArgs = await argsFor(sides.kx);
  const k = await kubectl([...kcArgs, '-n', sides.kc], { kubeconfig: cp.kubeconfigPath });
  const x = await runKx([...kxArgs, '-n', sides.kx, '--kubeconfig', cp.kubeconfigPath]);
  const masked = (text: string) => (opts.mask ? text.replace(opts.mask, '…') : text);
  const kcAsKx = (text: string) => masked(text.replaceAll(sides.kc, sides.kx));
  const what = `kx ${kxArgs.join(' ')}`;
  assert.deepEqual({ code: x.code, stdout: masked(x.stdout), stderr: masked(x.stderr) }, { code: k.code, stdout: kcAsKx(k.stdout), stderr: kcAsKx(k.stderr) }, what);
  assert.deepEqual(await state(sides.kx), await state(sides.kc), `state after ${what}`);
  if (opts.unchanged) assert.deepEqual(await written(sides.kx), before, `${what} changed nothing`);
}

/** Waits on both sides until every rollout is over, so status and history read settled objects. */
async function settle(): Promise<void> {
  for (const ns of Object.values(sides)) {
    for (const o of ['deploy/web', 'deploy/api', 'sts/db', 'ds/agent']) {
      await kubectlOk(['rollout', 'status', o, '-n', ns, '--timeout=60s'], { kubeconfig: cp.kubeconfigPath });
    }
  }
}

test('scale: every form, dry runs, preconditions', async () => {
  await same(['scale', 'deploy/web', '--replicas', '3', '--dry-run=server'], { unchanged: true });
  await same(['scale', 'deploy/web', '--replicas', '3', '--dry-run=client'], { unchanged: true });
  await same(['scale', 'deploy', 'web', 'api', '--replicas', '3', '--dry-run=server'], { unchanged: true });
  await same(['scale', 'deploy', 'web', 'api', '--replicas', '2']);
  await same(['scale', 'deploy/web', 'sts/db', '--replicas', '3']);
  await same(['scale', 'deploy', '--all', '--replicas', '1']);
  await same(['scale', 'deploy', '-l', 'tier=front', '--replicas', '2']);
  await same(['scale', 'deploy/web', 'deploy/nope', 'deploy/api', '--replicas', '1']);
  await same(['scale', 'deploy', '--replicas', '1']);
  await same(['scale', 'ds/agent', '--replicas', '2']);
  await same(['scale', 'deploy/web', '--current-replicas', '1', '--replicas', '2']);
  await same(['scale', 'deploy/web', '--current-replicas', '5', '--replicas', '3']);
  await same(['scale', 'deploy/web', '--current-replicas', '5', '--replicas', '3', '--dry-run=client'], { unchanged: true });
  await same(['scale', 'deploy/web', '--current-replicas', '5', '--replicas', '3', '--dry-run=server'], { unchanged: true });
  await same(['scale', 'sts/db', '--resource-version', '1', '--replicas', '2'], { mask: /was \d+/g });
  await same(['scale', 'deploy/web', 'deploy/api', '--resource-version', '1', '--replicas', '2']);
  await same(async (ns) => {
    const rv = (await getJson<{ metadata: { resourceVersion: string } }>(['sts/db', '-n', ns], cp.kubeconfigPath)).metadata.resourceVersion;
    return ['scale', 'sts/db', '--resource-version', rv, '--replicas', '1'];
  });
});

test('rollout undo: dry runs, --to-revision, a missing revision, -l, a bare TYPE, every kind', async () => {
  await same(['rollout', 'undo', 'deploy/web', '--dry-run=server'], { unchanged: true });
  await same(['rollout', 'undo', 'deploy/web', '--dry-run=client'], { unchanged: true });
  await same(['rollout', 'undo', 'sts/db', 'ds/agent', '--dry-run=client'], { unchanged: true });
  await same(['rollout', 'undo', 'sts/db', 'ds/agent', '--dry-run=server'], { unchanged: true });
  await same(['rollout', 'undo', 'sts/db', '--to-revision=1', '--dry-run=client'], { unchanged: true });
  await same(['rollout', 'undo', 'ds/agent', '--to-revision=7', '--dry-run=client'], { unchanged: true });
  await same(['rollout', 'undo', 'deploy/web', '--to-revision=9']);
  await same(['rollout', 'undo', 'deploy/web', '--to-revision=1']);
  await same(['rollout', 'undo', 'deploy', '-l', 'tier=back']);
  await same(['rollout', 'undo', 'deploy']);
  await same(['rollout', 'undo', 'sts/db', 'ds/agent']);
  await same(['rollout', 'undo', 'ds', 'agent', '--to-revision=2']);
});

test('-f DIR -R: the objects a manifest folder names (JSON, YAML in a sub-folder), for scale and rollout', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kx-forms-f-'));
  try {
    // Each side's own manifests, exported from its namespace (as a person keeps them in git).
    const folder = async (ns: string): Promise<string> => {
      const d = join(tmp, ns);
      mkdirSync(join(d, 'sub'), { recursive: true });
      writeFileSync(join(d, 'web.json'), await kubectlOk(['get', 'deploy', 'web', '-n', ns, '-o', 'json'], { kubeconfig: cp.kubeconfigPath }));
      writeFileSync(join(d, 'sub', 'db.yaml'), await kubectlOk(['get', 'sts', 'db', '-n', ns, '-o', 'yaml'], { kubeconfig: cp.kubeconfigPath }));
      return d;
    };
    await same(async (ns) => ['scale', '-f', await folder(ns), '-R', '--replicas', '2', '--dry-run=server'], { unchanged: true });
    await same(async (ns) => ['scale', '-f', await folder(ns), '--replicas', '2', '--dry-run=client'], { unchanged: true });
    await same(async (ns) => ['rollout', 'history', '-f', await folder(ns), '-R']);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('rollout restart, pause and resume: several, a bare TYPE, paused, kinds that cannot pause', async () => {
  await same(['rollout', 'restart', 'deploy/web', 'deploy/nope', 'sts/db', 'ds/agent']);
  // kubectl refuses a second restart within the same second (restartedAt has second precision).
  await new Promise((r) => setTimeout(r, 1100));
  await same(['rollout', 'restart', 'deploy']);
  await same(['rollout', 'pause', 'deploy/web']);
  await same(['rollout', 'pause', 'deploy', 'web', 'api']);
  await same(['rollout', 'restart', 'deploy/web']);
  await same(['rollout', 'undo', 'deploy/web']);
  await same(['rollout', 'pause', 'sts/db']);
  await same(['rollout', 'pause', 'ds', 'agent']);
  await same(['rollout', 'resume', 'deploy', '-l', 'tier=front']);
  await same(['rollout', 'resume', 'deploy/web', 'deploy/api']);
  await same(['rollout', 'resume', 'sts/db']);
});

test('rollout history and status: one object of each kind, several, -l', async () => {
  await settle();
  for (const o of ['deploy/web', 'sts/db', 'ds/agent']) {
    await same(['rollout', 'history', o]);
    await same(['rollout', 'history', o, '--revision=2']);
    await same(['rollout', 'status', o]);
    await same(['rollout', 'status', o, '--watch=false']);
  }
  await same(['rollout', 'history', 'deploy/web', '--revision=9']);
  await same(['rollout', 'history', 'deploy', 'web', 'api']);
  await same(['rollout', 'history', 'deploy', '-l', 'tier=front']);
  await same(['rollout', 'history', 'deploy/web', 'sts/db']);
  await same(['rollout', 'status', 'deploy', 'web', 'api']);
  await same(['rollout', 'status', 'deploy', '-l', 'tier=front']);
  await same(['rollout', 'status', 'deploy/web', 'sts/db']);
});
