/**
 * Cron jobs from the explorer's keys against the demo, kubectl reading the result: t runs one now
 * (a Job kubectl sees, marked manual and owned by the cron job); s asks, naming object and context,
 * then suspends, and again resumes; --readonly refuses both with the gate's sentence.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { filterToOne, killTerminals, openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';
import { kubectlFor } from '../support/kubectl.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-cronjob-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

async function openOnHeartbeat(flags = ''): Promise<TmuxTerminal> {
  const t = openKx(`${flags} cronjobs -n batch`, { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 26 });
  await t.waitFor(/cronjobs \(batch\)\s+● live/);
  await filterToOne(t, 'heartbeat');
  return t;
}

const suspended = async () => kubectl('get', 'cronjob', 'heartbeat', '-n', 'batch', '-o', 'jsonpath={.spec.suspend}');

test('t asks, then runs the cron job now: kubectl sees a manual job owned by it', async () => {
  const t = await openOnHeartbeat();
  t.send('t');
  await t.waitFor(/Trigger cronjob\.batch\/heartbeat in namespace batch on context kx-demo\?/);
  t.send('y');
  const screen = await t.waitFor(/job\.batch\/heartbeat-manual-\w{5} created/);
  const name = /job\.batch\/(heartbeat-manual-\w{5}) created/.exec(screen)![1]!;
  const job = JSON.parse(await kubectl('get', 'job', name, '-n', 'batch', '-o', 'json')) as {
    metadata: { annotations: Record<string, string>; ownerReferences: { kind: string; name: string; controller: boolean }[] };
  };
  assert.equal(job.metadata.annotations['cronjob.kubernetes.io/instantiate'], 'manual');
  assert.deepEqual(
    job.metadata.ownerReferences.map((o) => [o.kind, o.name, o.controller]),
    [['CronJob', 'heartbeat', true]],
  );
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('s asks naming object and context; y suspends, and again resumes; n changes nothing', async () => {
  const t = await openOnHeartbeat();
  assert.equal(await suspended(), 'false');
  t.send('s');
  await t.waitFor(/Suspend cronjob\.batch\/heartbeat in namespace batch on context kx-demo\?/);
  t.send('n');
  await t.waitFor((s) => !/Suspend cronjob/.test(s));
  assert.equal(await suspended(), 'false', 'n does not suspend');
  t.send('s');
  await t.waitFor(/Suspend cronjob\.batch\/heartbeat/);
  t.send('y');
  await t.waitFor(/cronjob\.batch\/heartbeat patched/);
  assert.equal(await suspended(), 'true');
  t.send('s');
  await t.waitFor(/Resume cronjob\.batch\/heartbeat in namespace batch on context kx-demo\?/);
  t.send('y');
  await t.waitFor((s) => /cronjob\.batch\/heartbeat patched/.test(s) && !/Resume cronjob/.test(s));
  assert.equal(await suspended(), 'false');
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('--readonly refuses t and s with the gate’s sentence and changes nothing', async () => {
  const jobsBefore = await kubectl('get', 'jobs', '-n', 'batch', '-o', 'name');
  const t = await openOnHeartbeat('--readonly');
  t.send('t');
  await t.waitFor(/kx is read-only here \(--readonly\): trigger is off/);
  t.send('s');
  await t.waitFor(/kx is read-only here \(--readonly\): suspend is off/);
  assert.equal(await suspended(), 'false');
  const jobsAfter = await kubectl('get', 'jobs', '-n', 'batch', '-o', 'name');
  // The demo's own controller may have started a scheduled run meanwhile: only manual ones count.
  assert.deepEqual(
    jobsAfter.split('\n').filter((j) => j.includes('-manual-')),
    jobsBefore.split('\n').filter((j) => j.includes('-manual-')),
  );
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});
