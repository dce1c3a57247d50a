/**
 * kx create job NAME --from=cronjob/X against the demo with kubectl as the oracle: the Job kx makes
 * equals the one kubectl builds (its client dry run, created with kubectl create -f: the demo does
 * not speak the protobuf kubectl create job sends), minus name, uids and timestamps; kubectl's
 * sentences for dry runs, a --from that is not a cron job, a missing cron job or name.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor, kubectlOk } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-create-job-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath);
const kx = (...args: string[]) => runKx([...args, '--kubeconfig', demo.kubeconfigPath]);

/** The job as kubectl reads it, with what differs between any two jobs taken out (name, uids, times, nulls). */
async function comparable(name: string): Promise<unknown> {
  const job = JSON.parse(await kubectl.ok('get', 'job', name, '-n', 'batch', '-o', 'json')) as { metadata: Record<string, unknown>; status?: unknown };
  for (const key of ['name', 'uid', 'creationTimestamp', 'resourceVersion', 'managedFields', 'generation']) delete job.metadata[key];
  delete job.status;
  const text = JSON.stringify(job, (_k, v: unknown) => (v === null ? undefined : v))
    .replaceAll(name, 'NAME')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UID');
  return JSON.parse(text);
}

test('kx create job --from=cronjob makes the job kubectl makes, with kubectl’s sentence', async () => {
  const r = await kx('create', 'job', 'manual-1', '--from=cronjob/heartbeat', '-n', 'batch');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'job.batch/manual-1 created\n');
  const built = await kubectl.ok('create', 'job', 'manual-2', '--from=cronjob/heartbeat', '-n', 'batch', '--dry-run=client', '-o', 'json');
  await kubectlOk(['create', '--validate=false', '-f', '-'], { kubeconfig: demo.kubeconfigPath, input: built });
  const [mine, theirs] = [await comparable('manual-1'), await comparable('manual-2')];
  assert.deepEqual(mine, theirs);
  const meta = (mine as { metadata: { annotations: Record<string, string>; ownerReferences: { kind: string; name: string; controller: boolean }[] } }).metadata;
  assert.equal(meta.annotations['cronjob.kubernetes.io/instantiate'], 'manual');
  assert.deepEqual(
    meta.ownerReferences.map((o) => [o.kind, o.name, o.controller]),
    [['CronJob', 'heartbeat', true]],
  );
});

test('dry runs create nothing and say so as kubectl does; -o name prints the name', async () => {
  for (const [mode, suffix] of [
    ['client', ' (dry run)'],
    ['server', ' (server dry run)'],
  ] as const) {
    const r = await kx('create', 'job', `dry-${mode}`, '--from=cronjob/heartbeat', '-n', 'batch', `--dry-run=${mode}`);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `job.batch/dry-${mode} created${suffix}\n`);
    // kubectl's server dry run would POST protobuf, which the demo does not read; its client one sends nothing.
    if (mode === 'client') assert.equal(r.stdout, await kubectl.ok('create', 'job', 'dry-client', '--from=cronjob/heartbeat', '-n', 'batch', '--dry-run=client'));
    assert.equal((await kubectl.run('get', 'job', `dry-${mode}`, '-n', 'batch')).code, 1, 'nothing was created');
  }
  const named = await kx('create', 'job', 'dry-name', '--from=cronjob/heartbeat', '-n', 'batch', '--dry-run=server', '-o', 'name');
  assert.equal(named.stdout, 'job.batch/dry-name\n');
});

test('refusals use kubectl’s words: not a cron job, no such cron job, no name', async () => {
  const cases: [string[], number][] = [
    [['create', 'job', 'x', '--from=deploy/cart', '-n', 'shop'], 1],
    [['create', 'job', 'x', '--from=cronjob/nope', '-n', 'batch'], 1],
    [['create', 'job', '--from=cronjob/heartbeat', '-n', 'batch'], 2],
  ];
  for (const [args, code] of cases) {
    const mine = await kx(...args);
    const theirs = await kubectl.run(...args);
    assert.equal(mine.code, code, mine.stderr);
    assert.equal(mine.stderr.split('\n')[0], theirs.stderr.split('\n')[0], args.join(' '));
  }
});
