/**
 * :triage on the real 1.20 control plane, kubectl 1.32 as the oracle: a crash-looping container
 * (the fake kubelet crashes containers named `crash`), a pod no node matches (the real scheduler's
 * FailedScheduling words), a Job whose pod runs `exit 1` (the real Job controller's
 * BackoffLimitExceeded) and a ConfigMap held by a finalizer after its deletion each have their
 * row; user alice, who may list only in team-a, gets the rows there and a status line that says so.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { kubectlOk, waitForJson } from '../support/kubectl.ts';
import { killTerminals, openKx, prompt, type TmuxTerminal } from '../support/tmux-terminal.ts';

let cp: ControlPlane;
const admin = (): { kubeconfig: string } => ({ kubeconfig: cp.kubeconfigPath });
const create = (manifest: unknown): Promise<string> => kubectlOk(['create', '-f', '-'], { ...admin(), input: JSON.stringify(manifest) });

before(async () => {
  cp = await startControlPlane();
  const pod = (name: string, namespace: string, container: string, extra: Record<string, unknown> = {}): unknown => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: [{ name: container, image: 'busybox:1.36' }], ...extra },
  });
  await create(pod('crasher', 'default', 'crash'));
  await create(pod('nowhere', 'default', 'main', { nodeSelector: { disktype: 'none-has-this' } }));
  await create(pod('team-crasher', 'team-a', 'crash'));
  await create({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'fails', namespace: 'default' },
    spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] } } },
  });
  await create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'default', finalizers: ['example.com/hold'] }, data: {} });
  await kubectlOk(['delete', 'configmap', 'held', '--wait=false'], admin());
});

after(async () => {
  killTerminals();
  // Let the ConfigMap go, so nothing waits on it at shutdown.
  await kubectlOk(['patch', 'configmap', 'held', '--type=merge', '-p', '{"metadata":{"finalizers":null}}'], admin()).catch(() => '');
  await cp?.stop();
});

function open(args: string, kubeconfig: string): TmuxTerminal {
  return openKx(args, { kubeconfig, columns: 200, rows: 40, env: { XDG_STATE_HOME: join(cp.dir, 'state'), KX_CONFIG_DIR: join(cp.dir, 'kx-config'), K9S_CONFIG_DIR: join(cp.dir, 'k9s') } });
}

async function triage(t: TmuxTerminal, title: RegExp): Promise<void> {
  await t.waitFor(/● live/);
  await prompt(t, ':', 'triage');
  t.send('Enter');
  await t.waitFor(title);
}

type Conditioned = { status: { conditions?: { type: string; status: string; reason?: string }[] } };

test('each problem has its row, with the reason kubectl sees', async () => {
  // The oracle: what kubectl says of each object.
  await waitForJson<Conditioned, true>('the job to fail', ['job', 'fails'], cp.kubeconfigPath, (j) =>
    j.status.conditions?.some((c) => c.type === 'Failed' && c.status === 'True') ? true : undefined,
  );
  const scheduled = await waitForJson<Conditioned, string>(
    'the pod to be unschedulable',
    ['pod', 'nowhere'],
    cp.kubeconfigPath,
    (p) => p.status.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False')?.reason,
  );
  assert.equal(scheduled, 'Unschedulable');
  await waitForJson<{ status: { containerStatuses?: { state: { waiting?: { reason?: string } } }[] } }, true>('the crash loop', ['pod', 'crasher'], cp.kubeconfigPath, (p) =>
    p.status.containerStatuses?.some((c) => c.state.waiting?.reason === 'CrashLoopBackOff') ? true : undefined,
  );
  assert.match(await kubectlOk(['get', 'configmap', 'held', '-o', 'jsonpath={.metadata.deletionTimestamp} {.metadata.finalizers}'], admin()), /Z \["example\.com\/hold"\]$/);

  const t = open('-n default', cp.kubeconfigPath);
  await triage(t, /triage \(all namespaces\)\s+● live/);
  // Both crash loops on one screen (a crash loop's row comes and goes with each restart, and
  // "crasher" alone would also match team-crasher).
  const screen = await t.waitFor(
    (s) =>
      /\sdefault\s+crasher\s+CrashLoopBackOff\s+\S+\s+container crash restarted \d+ times/.test(s) &&
      /\steam-a\s+team-crasher\s+CrashLoopBackOff/.test(s) &&
      /nowhere\s+Unschedulable/.test(s) &&
      /fails\s+BackoffLimitExceeded/.test(s),
    60_000,
  );
  assert.match(screen, /CRITICAL\s+Pod\s+default\s+crasher\s+CrashLoopBackOff\s+\S+\s+container crash restarted \d+ times/);
  assert.match(screen, /CRITICAL\s+Pod\s+team-a\s+team-crasher\s+CrashLoopBackOff/);
  assert.match(screen, /CRITICAL\s+Pod\s+default\s+nowhere\s+Unschedulable\s+\S+\s+0\/3 nodes are available: /);
  assert.match(screen, /CRITICAL\s+Job\s+default\s+fails\s+BackoffLimitExceeded\s+\S+\s+Job has reached the specified backoff limit/);
  // Stuck means held for over a minute after the deletion, which the server dates.
  const stuck = await t.waitFor(/held\s+StuckTerminating/, 120_000);
  assert.match(stuck, /WARNING\s+ConfigMap\s+default\s+held\s+StuckTerminating\s+\S+\s+deleted, waiting for finalizers example\.com\/hold/);
});

test('alice, who may list only in team-a, gets team-a’s rows and a status line that says so', async () => {
  const t = open('-n team-a', cp.aliceKubeconfigPath);
  await triage(t, /triage \(namespace team-a: listing across namespaces is forbidden · may not list nodes\)\s+● live/);
  const screen = await t.waitFor(/team-crasher\s+CrashLoopBackOff/, 60_000);
  assert.doesNotMatch(screen, /\bdefault\b.*CrashLoopBackOff/, 'nothing of the namespaces alice may not list');
});
