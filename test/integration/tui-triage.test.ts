/**
 * :triage on the demo: the crash-looping fraud-scorer and the cordoned kx-worker3 it ships with,
 * plus what the test breaks (a pod no node matches, an image that cannot be pulled, a Job past its
 * backoff limit, a ConfigMap held by a finalizer) each appear as a row with its reason, kubectl
 * agreeing on the state; Enter on a row opens the object's view with the cursor on it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor, kubectlOk, waitForJson } from '../support/kubectl.ts';
import { filterToOne, killTerminals, openKx, prompt, type TmuxTerminal } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;
const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

/** kubectl create of one object (the demo serves no OpenAPI for kubectl's validation). */
const create = (manifest: unknown): Promise<string> => kubectlOk(['create', '--validate=false', '-f', '-'], { kubeconfig: demo.kubeconfigPath, input: JSON.stringify(manifest) });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-triage-tui-'));
  demo = await startDemoCluster({ churn: false, speed: 20, kubeconfigPath: join(dir, 'config') });
  const pod = (name: string, image: string, extra: Record<string, unknown> = {}): unknown => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop' },
    spec: { containers: [{ name: 'app', image }], ...extra },
  });
  await create(pod('stuck-pod', 'busybox:1.36', { nodeSelector: { disktype: 'none-has-this' } }));
  await create(pod('bad-image', 'ghcr.io/acme/does-not-exist:1.0'));
  await create({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'nightly-fail', namespace: 'shop' },
    spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'crashy:1' }] } } },
  });
  await create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'shop', finalizers: ['example.com/hold'] }, data: {} });
  await kubectl('delete', 'configmap', 'held', '-n', 'shop', '--wait=false');
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const open = (): TmuxTerminal =>
  openKx('pods -A', { kubeconfig: demo.kubeconfigPath, columns: 200, rows: 50, env: { XDG_STATE_HOME: join(dir, 'state'), KX_CONFIG_DIR: join(dir, 'config-dir'), K9S_CONFIG_DIR: join(dir, 'k9s') } });

async function openTriage(): Promise<TmuxTerminal> {
  const t = open();
  await t.waitFor(/pods \(all namespaces\)\s+● live/);
  await prompt(t, ':', 'triage');
  t.send('Enter');
  await t.waitFor(/triage \(all namespaces\)\s+● live/);
  return t;
}

test(':triage shows each problem with its reason, as kubectl sees it', async () => {
  // kubectl agrees on the states the rows report.
  await waitForJson<{ status: { conditions?: { type: string; status: string }[] } }, true>('the job to fail', ['job', 'nightly-fail', '-n', 'shop'], demo.kubeconfigPath, (j) =>
    j.status.conditions?.some((c) => c.type === 'Failed' && c.status === 'True') ? true : undefined,
  );
  assert.equal(await kubectl('get', 'node', 'kx-worker3', '-o', 'jsonpath={.spec.unschedulable}'), 'true');
  assert.match(await kubectl('get', 'configmap', 'held', '-n', 'shop', '-o', 'jsonpath={.metadata.deletionTimestamp} {.metadata.finalizers}'), /Z \["example\.com\/hold"\]$/);
  assert.equal(await kubectl('get', 'pod', 'stuck-pod', '-n', 'shop', '-o', 'jsonpath={.status.conditions[?(@.type=="PodScheduled")].reason}'), 'Unschedulable');
  const t = await openTriage();
  const screen = await t.waitFor(
    // Stuck means held by its finalizer for over a minute (the server dates the deletion, so the test waits).
    (s) => /nightly-fail/.test(s) && /ErrImagePull|ImagePullBackOff/.test(s) && /StuckTerminating/.test(s) && /fraud-scorer\S*\s+CrashLoopBackOff/.test(s),
    120_000,
  );
  assert.match(screen, /SEVERITY\s+KIND\s+NAMESPACE\s+NAME\s+REASON\s+SINCE\s+MESSAGE/);
  assert.match(screen, /CRITICAL\s+Pod\s+payments\s+fraud-scorer-\S+\s+CrashLoopBackOff\s+\S+\s+container scorer restarted \d+ times, last Error/);
  assert.match(screen, /CRITICAL\s+Pod\s+shop\s+stuck-pod\s+Unschedulable\s+\S+\s+0\/\d+ nodes are available: \d+ node\(s\) didn't match/);
  assert.match(screen, /CRITICAL\s+Pod\s+shop\s+bad-image\s+(ErrImagePull|ImagePullBackOff)\s+\S+\s+container app: /);
  assert.match(screen, /CRITICAL\s+Job\s+shop\s+nightly-fail\s+BackoffLimitExceeded\s+\S+\s+Job has reached the specified backoff limit/);
  assert.match(screen, /WARNING\s+ConfigMap\s+shop\s+held\s+StuckTerminating\s+\S+\s+deleted, waiting for finalizers example\.com\/hold/);
  assert.match(screen, /NOTICE\s+Node\s+kx-worker3\s+Cordoned\s+/);
  // Worst first: no CRITICAL row after a WARNING or NOTICE one.
  const severities = screen.split('\n').flatMap((line) => /^\s*(CRITICAL|WARNING|NOTICE)\s/.exec(line)?.[1] ?? []);
  assert.deepEqual(
    severities,
    [...severities].sort((a, b) => ['CRITICAL', 'WARNING', 'NOTICE'].indexOf(a) - ['CRITICAL', 'WARNING', 'NOTICE'].indexOf(b)),
  );
});

/** Filters the triage to the one row `text` names, presses Enter and describes where the cursor landed. */
async function jump(t: TmuxTerminal, text: string, view: RegExp, describe: RegExp): Promise<void> {
  await filterToOne(t, text);
  t.send('Enter');
  await t.waitFor(view);
  t.send('d');
  await t.waitFor(describe);
  t.send('Escape');
  await t.waitFor(view);
}

test('Enter on a triage row opens the object’s view with the cursor on it', async () => {
  const t = await openTriage();
  await t.waitFor(/stuck-pod/);
  await jump(t, 'stuck-pod', /pods \(shop\)\s+● live/, /Describe Pod shop\/stuck-pod\b/);
  t.send('Escape');
  await t.waitFor(/triage \(all namespaces\)/);
  t.send('Escape'); // clears the filter
  await t.waitFor(/kx-worker3/);
  await jump(t, 'kx-worker3', /nodes\s+● live/, /Describe Node kx-worker3\b/);
  t.send('Escape');
  await t.waitFor(/triage \(all namespaces\)/);
  t.send('Escape');
  await t.waitFor(/nightly-fail/, 60_000);
  await jump(t, 'BackoffLimitExceeded', /jobs \(shop\)\s+● live/, /Describe Job shop\/nightly-fail\b/);
});
