/**
 * Captures real `kubectl get -o json` output (and server-side tables) from the e2e control plane
 * into test/fixtures/real/*.json, for projection and kind tests. Run:
 *   PATH=node_modules/.bin:$PATH node --import tsx test/e2e/capture-fixtures.ts
 * Objects: pods with init containers (done and stuck), crash-looping, never-ready, unschedulable,
 * terminating (held by a finalizer) and completed Job pods; Deployments complete and mid-rollout
 * with their ReplicaSets; Services of every type; nodes; the crontabs CRD and custom objects.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { rawRequest } from './cluster/raw-http.ts';
import { apply, kubectlOk, waitForJson } from '../support/kubectl.ts';
import { CRONTAB_CRD, CRONTABS, FIXTURE_DEPLOYMENTS, FIXTURE_JOB, FIXTURE_NS, FIXTURE_PODS, FIXTURE_SERVICES, STUCK_IMAGE } from './support/fixture-manifests.ts';
import type { ContainerStatusJson, PodJson } from './support/pod-types.ts';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real');
const TABLE = 'application/json;as=Table;g=meta.k8s.io;v=v1';

interface DeploymentJson {
  spec: { replicas: number };
  status: { updatedReplicas?: number; availableReplicas?: number; readyReplicas?: number; unavailableReplicas?: number };
}

function save(cp: ControlPlane, name: string, text: string): void {
  // Nothing secret may land in the repo: the kubeconfig tokens are the only secrets this cluster has.
  if (text.includes(cp.adminToken) || text.includes(cp.aliceToken)) throw new Error(`${name} contains a token.`);
  if (/"kind":\s*"Secret"/.test(text)) throw new Error(`${name} contains a Secret.`);
  const pretty = `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  writeFileSync(join(outDir, name), pretty);
  console.log(`wrote test/fixtures/real/${name} (${pretty.length} bytes)`);
}

async function rawTable(cp: ControlPlane, path: string): Promise<string> {
  const res = await rawRequest(`${cp.server}${path}`, { token: cp.adminToken, headers: { Accept: TABLE } });
  if (res.status !== 200) throw new Error(`GET ${path} as Table: HTTP ${res.status}`);
  return res.body;
}

async function createObjects(cp: ControlPlane): Promise<void> {
  const kubeconfig = cp.kubeconfigPath;
  await kubectlOk(['create', 'namespace', FIXTURE_NS], { kubeconfig });
  await waitForJson<{ secrets?: unknown[] }, true>('service account token', ['sa', 'default', '-n', FIXTURE_NS], kubeconfig, (sa) => (sa.secrets?.length ? true : undefined));
  for (const obj of [...FIXTURE_PODS, FIXTURE_JOB, ...FIXTURE_DEPLOYMENTS, ...FIXTURE_SERVICES, CRONTAB_CRD]) {
    await apply(obj, kubeconfig);
  }
  await kubectlOk(['wait', '--for=condition=Established', 'crd/crontabs.stable.example.com', '--timeout=30s'], { kubeconfig });
  for (const ct of CRONTABS) await apply(ct, kubeconfig);
  await kubectlOk(['-n', FIXTURE_NS, 'rollout', 'status', 'deployment/api', '--timeout=60s'], { kubeconfig });
  await kubectlOk(['-n', FIXTURE_NS, 'set', 'image', 'deployment/api', `api=${STUCK_IMAGE}`], { kubeconfig });
  await kubectlOk(['-n', FIXTURE_NS, 'delete', 'pod', 'held', '--wait=false'], { kubeconfig });
}

async function waitForStates(cp: ControlPlane): Promise<void> {
  const kubeconfig = cp.kubeconfigPath;
  const pod = (name: string, what: string, ok: (p: PodJson) => boolean) =>
    waitForJson<PodJson, true>(`${name}: ${what}`, ['pod', name, '-n', FIXTURE_NS], kubeconfig, (p) => (ok(p) ? true : undefined));
  const first = (p: PodJson): ContainerStatusJson | undefined => p.status.containerStatuses?.[0];
  await pod('with-init', 'Ready', (p) => p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false);
  await pod('stuck-init', 'init running', (p) => !!p.status.initContainerStatuses?.[0]?.state.running);
  await pod('crashloop', 'CrashLoopBackOff', (p) => (first(p)?.restartCount ?? 0) >= 2 && first(p)?.state.waiting?.reason === 'CrashLoopBackOff');
  await pod('never-ready', 'Running', (p) => p.status.phase === 'Running');
  await pod('held', 'terminating', (p) => !!p.metadata.deletionTimestamp);
  await kubectlOk(['-n', FIXTURE_NS, 'wait', '--for=condition=complete', 'job/report', '--timeout=60s'], { kubeconfig });
  await kubectlOk(['-n', FIXTURE_NS, 'rollout', 'status', 'deployment/frontend', '--timeout=60s'], { kubeconfig });
  await waitForJson<DeploymentJson, true>('api mid-rollout', ['deployment', 'api', '-n', FIXTURE_NS], kubeconfig, (d) =>
    (d.status.updatedReplicas ?? 0) >= 1 && (d.status.unavailableReplicas ?? 0) >= 1 ? true : undefined,
  );
  // Let the stuck rollout settle so the capture is not taken between two controller steps.
  await new Promise((r) => setTimeout(r, 2000));
}

async function capture(cp: ControlPlane): Promise<void> {
  const kubeconfig = cp.kubeconfigPath;
  const get = (args: string[]) => kubectlOk(['get', ...args, '-o', 'json'], { kubeconfig });
  mkdirSync(outDir, { recursive: true });
  save(cp, 'pods.json', await get(['pods', '-n', FIXTURE_NS]));
  save(cp, 'pods-table.json', await rawTable(cp, `/api/v1/namespaces/${FIXTURE_NS}/pods`));
  save(cp, 'deployments.json', await get(['deployments', '-n', FIXTURE_NS]));
  save(cp, 'replicasets.json', await get(['replicasets', '-n', FIXTURE_NS]));
  save(cp, 'jobs.json', await get(['jobs', '-n', FIXTURE_NS]));
  save(cp, 'services.json', await get(['services', '-n', FIXTURE_NS]));
  save(cp, 'nodes.json', await get(['nodes']));
  save(cp, 'namespaces.json', await get(['namespaces']));
  save(cp, 'crd-crontabs.json', await get(['crd', 'crontabs.stable.example.com']));
  save(cp, 'crontabs.json', await get(['crontabs', '-n', FIXTURE_NS]));
  save(cp, 'crontabs-table.json', await rawTable(cp, `/apis/stable.example.com/v1/namespaces/${FIXTURE_NS}/crontabs`));
}

const cp = await startControlPlane();
try {
  await createObjects(cp);
  await waitForStates(cp);
  await capture(cp);
  // Release the finalizer so teardown is clean.
  await kubectlOk(['-n', FIXTURE_NS, 'patch', 'pod', 'held', '--type=merge', '-p', '{"metadata":{"finalizers":null}}'], {
    kubeconfig: cp.kubeconfigPath,
  });
} finally {
  await cp.stop();
}
