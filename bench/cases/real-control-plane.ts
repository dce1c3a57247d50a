/**
 * The same list figures on the real Kubernetes 1.20 control plane (etcd + kube-apiserver +
 * controller-manager + scheduler from the e2e suite), when its binaries are already cached:
 * kubectl get pods -A against kx's first populated frame and whole list live. Pods are created
 * in one namespace with kubectl create (no kubelet is needed: Pending pods list the same).
 */
import { locate } from '../../test/e2e/cluster/binaries.ts';
import { startControlPlane } from '../../test/e2e/cluster/control-plane.ts';
import { kubectlOk } from '../../test/e2e/support/kubectl.ts';
import { startInPty } from '../lib/pty.ts';
import { kxCommand } from '../lib/kx-command.ts';
import { ratioText, type Figure } from '../lib/report.ts';
import { formatMs, median } from '../lib/stats.ts';
import { spawn } from 'node:child_process';

/** Whether the control plane's binaries are in the cache (building them takes minutes: not here). */
export function controlPlaneCached(): boolean {
  return locate() !== undefined;
}

function podList(count: number, from: number): string {
  const items = Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `bench-${String(from + i).padStart(5, '0')}`, namespace: 'bench', labels: { app: 'bench' } },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
  }));
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}

async function wall(args: string[]): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const child = spawn('kubectl', args, { stdio: ['ignore', 'ignore', 'ignore'] });
    child.once('exit', () => resolve());
  });
  return performance.now() - t0;
}

/** Measures `pods` pods on the real control plane. */
export async function measureRealControlPlane(root: string, pods: number, runs: number): Promise<Figure[]> {
  const cp = await startControlPlane({ fakeKubelet: false });
  try {
    const k = { kubeconfig: cp.kubeconfigPath, timeoutMs: 600_000 };
    await kubectlOk(['create', 'namespace', 'bench'], k);
    for (let from = 0; from < pods; from += 500) await kubectlOk(['create', '-f', '-'], { ...k, input: podList(Math.min(500, pods - from), from) });
    const kubectlTimes: number[] = [];
    for (let i = 0; i < runs; i++) kubectlTimes.push(await wall(['--kubeconfig', cp.kubeconfigPath, 'get', 'pods', '-A']));
    const total = Number((await kubectlOk(['get', 'pods', '-A', '--no-headers'], k)).trim().split('\n').length);
    const first: number[] = [];
    const live: number[] = [];
    for (let i = 0; i < runs; i++) {
      const kx = startInPty(kxCommand(root, ['--kubeconfig', cp.kubeconfigPath, '-A']), { env: { KX_CONFIG_DIR: '/nonexistent' } });
      try {
        first.push(await kx.waitFor(/bench-\d{5}|kube-system/, 120_000));
        live.push(await kx.waitFor(new RegExp(`● live(?:\\s|\\x1b\\[[0-9;]*m)*${total.toLocaleString('en-US')}\\b`), 180_000));
      } finally {
        await kx.stop();
      }
    }
    const kt = median(kubectlTimes);
    const f = median(first);
    const l = median(live);
    return [
      {
        figure: `real control plane: first populated frame, ${total.toLocaleString('en-US')} pods`,
        kx: formatMs(f),
        kubectl: `${formatMs(kt)} (get pods -A)`,
        ratio: ratioText(f, kt),
        budget: '≤ 0.25× kubectl',
        verdict: f <= 0.25 * kt ? 'met' : 'missed',
        raw: { first, kubectlTimes },
      },
      {
        figure: `real control plane: whole list live, ${total.toLocaleString('en-US')} pods`,
        kx: formatMs(l),
        kubectl: formatMs(kt),
        ratio: ratioText(l, kt),
        budget: '≤ 1.0× kubectl',
        verdict: l <= kt ? 'met' : 'missed',
        raw: { live },
      },
    ];
  } finally {
    await cp.stop();
  }
}
