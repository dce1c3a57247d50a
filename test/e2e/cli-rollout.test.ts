/**
 * kx scale, rollout undo and rollout restart against the real control plane, with kubectl as the
 * oracle: the same change made by kubectl on one twin and by kx on the other must leave identical
 * specs. Also `kubectl kx …` through the real kubectl with bin/ on PATH.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { kubectl, kubectlOk } from './support/kubectl.ts';

const kxBin = fileURLToPath(new URL('../../bin/kx', import.meta.url));
const binDir = dirname(kxBin);
const run = promisify(execFile);
let cp: ControlPlane;
const k = () => ({ kubeconfig: cp.kubeconfigPath });

async function kx(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [kxBin, ...args, '--kubeconfig', cp.kubeconfigPath]);
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A workload's spec and annotations with the twin's name and volatile values normalised away. */
/**
 * The object's spec and annotations with the twin's name blanked, read once its controller has
 * seen the latest change (the revision annotation is the controller's, written after the client's
 * call returns: reading at once raced it when kx answered in 80 ms).
 */
async function comparable(kind: string, name: string): Promise<unknown> {
  type Obj = { spec: unknown; metadata: { generation?: number; annotations?: Record<string, string> }; status?: { observedGeneration?: number } };
  let obj: Obj;
  const deadline = Date.now() + 30_000;
  for (;;) {
    obj = JSON.parse(await kubectlOk(['get', kind, name, '-o', 'json'], k())) as Obj;
    if ((obj.status?.observedGeneration ?? 0) >= (obj.metadata.generation ?? 0) || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const text = JSON.stringify({ spec: obj.spec, annotations: obj.metadata.annotations ?? {} })
    .replaceAll(name, 'TWIN')
    .replace(/"kubectl\.kubernetes\.io\/restartedAt":"[^"]+"/g, '"kubectl.kubernetes.io/restartedAt":"T"')
    .replace(/"kubectl\.kubernetes\.io\/last-applied-configuration":"(?:[^"\\]|\\.)*"/g, '"last-applied":"X"');
  return JSON.parse(text);
}

async function waitRevisions(kind: string, name: string, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const out = await kubectl(['rollout', 'history', `${kind}/${name}`], k());
    if (out.code === 0 && out.stdout.trim().split('\n').length - 2 >= count) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${kind}/${name} never had ${count} revisions`);
}

function manifest(kind: 'Deployment' | 'StatefulSet' | 'DaemonSet', name: string, image: string): string {
  const template = { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } };
  const spec: Record<string, unknown> = { selector: { matchLabels: { app: name } }, template };
  if (kind !== 'DaemonSet') spec['replicas'] = 1;
  if (kind === 'StatefulSet') spec['serviceName'] = name;
  return JSON.stringify({ apiVersion: 'apps/v1', kind, metadata: { name, namespace: 'default' }, spec });
}

before(async () => {
  cp = await startControlPlane({ fakeKubelet: true });
  for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet'] as const) {
    for (const twin of ['a', 'b']) {
      const name = `${kind.toLowerCase()}-${twin}`;
      await kubectlOk(['apply', '-f', '-'], { ...k(), input: manifest(kind, name, 'nginx:1.25') });
      await waitRevisions(kind.toLowerCase(), name, 1);
      await kubectlOk(['apply', '-f', '-'], { ...k(), input: manifest(kind, name, 'nginx:1.26') });
      await waitRevisions(kind.toLowerCase(), name, 2);
    }
  }
});

after(async () => {
  await cp?.stop();
});

describe('kx one-shot commands leave the state kubectl leaves', () => {
  it('scale: kubectl scale on one twin, kx scale on the other, identical specs', async () => {
    await kubectlOk(['scale', 'deployment/deployment-a', '--replicas=3'], k());
    const mine = await kx('scale', 'deployment/deployment-b', '--replicas', '3');
    assert.equal(mine.stdout, 'deployment.apps/deployment-b scaled\n', mine.stderr);
    assert.deepEqual(await comparable('deployment', 'deployment-b'), await comparable('deployment', 'deployment-a'));
  });

  for (const kind of ['deployment', 'statefulset', 'daemonset']) {
    it(`rollout undo of a ${kind}: identical specs and annotations, kubectl's message`, async () => {
      const theirs = await kubectlOk(['rollout', 'undo', `${kind}/${kind}-a`], k());
      const mine = await kx('rollout', 'undo', `${kind}/${kind}-b`);
      assert.equal(mine.code, 0, mine.stderr);
      assert.equal(mine.stdout, theirs.replaceAll(`${kind}-a`, `${kind}-b`));
      assert.deepEqual(await comparable(kind, `${kind}-b`), await comparable(kind, `${kind}-a`));
    });
  }

  it('rollout restart: the same template annotation, kubectl’s message', async () => {
    const theirs = await kubectlOk(['rollout', 'restart', 'deployment/deployment-a'], k());
    const mine = await kx('rollout', 'restart', 'deployment/deployment-b');
    assert.equal(mine.stdout, theirs.replaceAll('deployment-a', 'deployment-b'));
    assert.deepEqual(await comparable('deployment', 'deployment-b'), await comparable('deployment', 'deployment-a'));
  });

  it('rollout history matches kubectl, and undo with one revision says there is none', async () => {
    const theirs = await kubectlOk(['rollout', 'history', 'deployment/deployment-a'], k());
    const mine = await kx('rollout', 'history', 'deployment/deployment-a');
    assert.equal(mine.stdout, theirs);
    await kubectlOk(['create', 'deployment', 'single', '--image=nginx'], k());
    await waitRevisions('deployment', 'single', 1);
    const none = await kx('rollout', 'undo', 'deployment/single');
    const oracle = await kubectl(['rollout', 'undo', 'deployment/single'], k());
    assert.equal(none.code, 1);
    assert.equal(oracle.code, 1);
    assert.match(none.stderr, /no rollout history found for deployment "single"/);
    assert.match(oracle.stderr, /no rollout history found for deployment "single"/);
  });

  it('rollout status says what kubectl says, and kubectl kx rollout history is kx’s', async () => {
    await kubectlOk(['rollout', 'status', 'deployment/deployment-a', '--timeout=60s'], k());
    const theirs = await kubectlOk(['rollout', 'status', 'deployment/deployment-a', '--watch=false'], k());
    const mine = await kx('rollout', 'status', 'deployment/deployment-a', '--watch=false');
    assert.equal(mine.stdout, theirs);
    const sts = await kx('rollout', 'status', 'statefulset/statefulset-a', '--timeout', '60s');
    assert.equal(sts.code, 0, sts.stderr);
    assert.match(sts.stdout, /statefulset rolling update complete|partitioned roll out complete/);
  });

  it('kubectl finds the plugin: kubectl kx version and kubectl kx scale run through the real kubectl', async () => {
    const env = { ...process.env, PATH: `${binDir}:${dirname(process.execPath)}:${process.env['PATH']}` };
    const version = await run('kubectl', ['kx', '--version'], { env });
    assert.match(version.stdout, /^kx \d+\.\d+\.\d+/);
    const history = await run('kubectl', ['kx', 'rollout', 'history', 'deployment/deployment-a', '--kubeconfig', cp.kubeconfigPath], { env });
    assert.equal(history.stdout, await kubectlOk(['rollout', 'history', 'deployment/deployment-a'], k()));
    const scaled = await run('kubectl', ['kx', 'scale', 'deployment/deployment-b', '--replicas', '2', '--kubeconfig', cp.kubeconfigPath], { env });
    assert.equal(scaled.stdout, 'deployment.apps/deployment-b scaled\n');
    assert.equal(await kubectlOk(['get', 'deployment', 'deployment-b', '-o', 'jsonpath={.spec.replicas}'], k()), '2');
  });
});
