/**
 * kx scale and kx rollout beside kubectl 1.32 on twin namespaces of the demo (forms-kx for kx,
 * forms-kc for kubectl, the same objects in each): every form of naming objects, --dry-run,
 * pause/resume and continue-on-error must print the same lines, exit the same way and leave the
 * same state.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { getJson, kubectl, kubectlOk } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';
import { waitFor } from '../support/wait-for.ts';

let demo: DemoCluster;
let dir: string;

const sides = { kx: 'forms-kx', kc: 'forms-kc' } as const;

function deployment(namespace: string, name: string, tier: string, image: string): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { tier } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } },
    },
  };
}

function statefulSet(namespace: string): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace },
    spec: {
      replicas: 1,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'redis:7' }] } },
    },
  };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-forms-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  for (const ns of Object.values(sides)) {
    await create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    await create(deployment(ns, 'web', 'front', 'nginx:1.25'));
    await create(deployment(ns, 'api', 'back', 'nginx:1.25'));
    await create(statefulSet(ns));
    // A second revision of each deployment, so undo has somewhere to go.
    await waitFor(`web in ${ns} has revision 1`, async () => (await revisionCount(ns)) >= 2 || undefined, 30_000, 200);
    await kubectlOk(['set', 'image', 'deploy/web', 'deploy/api', 'c=nginx:1.27', '-n', ns], { kubeconfig: demo.kubeconfigPath });
    await waitFor(`deployments in ${ns} have revision 2`, async () => (await revisionCount(ns)) >= 4 || undefined, 30_000, 200);
  }
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** kubectl create (the demo serves no OpenAPI document for apply's validation). */
async function create(manifest: unknown): Promise<void> {
  await kubectlOk(['create', '--validate=false', '-f', '-'], { kubeconfig: demo.kubeconfigPath, input: JSON.stringify(manifest) });
}

async function revisionCount(ns: string): Promise<number> {
  const list = await getJson<{ items: unknown[] }>(['rs', '-n', ns], demo.kubeconfigPath);
  return list.items.length;
}

/** What a command may change, per object: replicas, paused, image, restart mark and resourceVersion. */
async function state(ns: string): Promise<Record<string, unknown>> {
  const list = await getJson<{
    items: {
      kind: string;
      metadata: { name: string; resourceVersion: string };
      spec: Record<string, unknown> & { template: { metadata?: { annotations?: Record<string, string> }; spec: { containers: { image: string }[] } } };
    }[];
  }>(['deploy,sts', '-n', ns], demo.kubeconfigPath);
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

/**
 * What a write would change: each object's generation and spec. (Not the resourceVersion: the
 * demo's controllers still write status while the second revision rolls out, which bumps it.)
 */
async function resourceVersions(ns: string): Promise<string[]> {
  const list = await getJson<{ items: { metadata: { name: string; generation?: number }; spec: unknown }[] }>(['deploy,sts', '-n', ns], demo.kubeconfigPath);
  return list.items.map((o) => `${o.metadata.name} ${o.metadata.generation ?? 0} ${JSON.stringify(o.spec)}`);
}

/**
 * Runs `args` with kubectl in forms-kc and with kx in forms-kx; asserts the same output (but for
 * what `mask` matches: values each twin has its own of), exit code and end state.
 */
async function same(args: string[], opts: { unchanged?: boolean; mask?: RegExp } = {}): Promise<void> {
  const before = opts.unchanged ? await resourceVersions(sides.kx) : [];
  const k = await kubectl([...args, '-n', sides.kc], { kubeconfig: demo.kubeconfigPath });
  const x = await runKx([...args, '-n', sides.kx, '--kubeconfig', demo.kubeconfigPath]);
  const masked = (text: string) => (opts.mask ? text.replace(opts.mask, '…') : text);
  const kcAsKx = (text: string) => masked(text.replaceAll(sides.kc, sides.kx));
  assert.deepEqual({ code: x.code, stdout: masked(x.stdout), stderr: masked(x.stderr) }, { code: k.code, stdout: kcAsKx(k.stdout), stderr: kcAsKx(k.stderr) }, `kx ${args.join(' ')}`);
  assert.deepEqual(await state(sides.kx), await state(sides.kc), `state after ${args.join(' ')}`);
  if (opts.unchanged) assert.deepEqual(await resourceVersions(sides.kx), before, `${args.join(' ')} changed nothing`);
}

test('scale --dry-run=client|server prints kubectl’s lines and changes nothing', async () => {
  await same(['scale', 'deploy/web', '--replicas', '3', '--dry-run=server'], { unchanged: true });
  await same(['scale', 'deploy/web', '--replicas', '3', '--dry-run=client'], { unchanged: true });
  await same(['scale', 'deploy', 'web', 'api', '--replicas', '3', '--dry-run=server'], { unchanged: true });
});

test('scale several objects: TYPE NAME…, TYPE/NAME…, --all, -l, and a missing one among them', async () => {
  await same(['scale', 'deploy', 'web', 'api', '--replicas', '2']);
  await same(['scale', 'deploy/web', 'deploy/api', '--replicas', '3']);
  await same(['scale', 'deploy', '--all', '--replicas', '1']);
  await same(['scale', 'deploy', '-l', 'tier=front', '--replicas', '4']);
  await same(['scale', '--selector=tier=back', 'deploy', '--replicas=2']);
  await same(['scale', 'deploy/web', 'deploy/nope', 'deploy/api', '--replicas', '1']);
  await same(['scale', 'deploy', '--replicas', '1']);
  await same(['scale', 'deploy/web', '-l', 'tier=front', '--replicas', '1']);
});

test('rollout pause and resume: kubectl’s lines, already paused, not paused, kinds that cannot pause', async () => {
  await same(['rollout', 'pause', 'deploy', 'web', 'api']);
  await same(['rollout', 'pause', 'deploy/web']);
  await same(['rollout', 'pause', 'sts/db']);
  await same(['rollout', 'pause', 'deploy/nope', 'deploy/api']);
  // Paused: restart and undo refuse, with kubectl's sentences.
  await same(['rollout', 'restart', 'deploy/web']);
  await same(['rollout', 'undo', 'deploy/web']);
  await same(['rollout', 'undo', 'deploy/web', 'deploy/api', '--dry-run=server']);
  await same(['rollout', 'resume', 'deploy', '-l', 'tier=front']);
  await same(['rollout', 'resume', 'deploy']);
  await same(['rollout', 'resume', 'sts/db']);
  await same(['rollout', 'resume', 'deploy', '-l', 'tier=nothing']);
});

test('rollout undo --dry-run=server and restart over several objects and a bare TYPE', async () => {
  await same(['rollout', 'undo', 'deploy/web', '--dry-run=server'], { unchanged: true });
  await same(['rollout', 'undo', 'deploy', '-l', 'tier=back', '--dry-run=server'], { unchanged: true });
  await same(['rollout', 'restart', 'deploy/web', 'deploy/nope', 'sts/db']);
  // kubectl refuses a second restart within the same second (restartedAt has second precision):
  // let a second pass so both sides restart, whatever the machine's speed.
  await new Promise((r) => setTimeout(r, 1100));
  await same(['rollout', 'restart', 'deploy']);
  await same(['rollout', 'undo', 'deploy', 'web']);
  await same(['rollout', 'undo', 'deploy', '-l', 'tier=nothing']);
});

test('pflag’s rules: flags anywhere, --flag=value, attached shorthand values', async () => {
  await same(['scale', '--replicas=2', 'deploy', '-ltier=front']);
  await same(['scale', '--all=true', 'deploy', '--replicas', '1']);
  await same(['rollout', 'pause', '--selector', 'tier=back', 'deploy']);
  await same(['rollout', 'resume', 'deploy', '--selector=tier=back']);
});

test('undo --dry-run=client draws the pod template; history and status over several objects; scale --resource-version', async () => {
  // Each twin was restarted on its own, maybe a second apart: its restartedAt and hash are its own.
  await same(['rollout', 'undo', 'deploy/web', '--dry-run=client'], { unchanged: true, mask: /pod-template-hash=\w+|restartedAt: \S+/g });
  await same(['rollout', 'undo', 'sts/db', '--dry-run=client'], { unchanged: true });
  await same(['rollout', 'history', 'deploy', 'web', 'api']);
  await same(['rollout', 'history', 'deploy/web', 'deploy/nope', '--revision=1']);
  await same(['rollout', 'history', 'deploy', '-l', 'tier=nothing']);
  await same(['rollout', 'status', 'deploy', '-l', 'tier=nothing']);
  await same(['rollout', 'status', 'deploy/nope', 'sts/db', '--watch=false']);
  await same(['scale', 'deploy/web', '--resource-version', '1', '--replicas', '2'], { unchanged: true, mask: /was \d+/g });
  await same(['scale', 'deploy', '--all', '--resource-version', '1', '--replicas', '2'], { unchanged: true });
});
