/**
 * `kx logs` (the built bin/kx) against a real Kubernetes 1.20 control plane and the fake kubelet,
 * with kubectl logs as the oracle for the same pod: same lines, same timestamps, the previous
 * instance, a deployment's pods, a follow that survives an API server restart without losing or
 * repeating a line, and new pods picked up while following.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { apply, getJson, kubectl, kubectlOk, waitForJson } from '../support/kubectl.ts';
import type { PodJson } from './support/pod-types.ts';
import { startKx } from '../support/kx-process.ts';
import { finished, stdoutUntil, type ProcessResult } from '../support/run-process.ts';

let cp: ControlPlane;
const kc = (): string => cp.kubeconfigPath;

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        initContainers: [{ name: 'setup', image: 'busybox', command: ['sh', '-c', 'sleep 1'] }],
        containers: [
          { name: 'app', image: 'shop/app:1.0' },
          { name: 'proxy', image: 'envoyproxy/envoy:v1.17' },
        ],
      },
    },
  },
};

const job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate', namespace: 'default' },
  spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'shop/migrate-complete:1' }] } } },
};

before(async () => {
  cp = await startControlPlane();
  await kubectlOk(['run', 'talker', '--image=nginx'], { kubeconfig: kc() });
  await kubectlOk(['run', 'crashy', '--image=busybox-crash'], { kubeconfig: kc() });
  await apply(deployment, kc());
  await apply(job, kc());
  await kubectlOk(['wait', '--for=condition=Ready', 'pod/talker', '--timeout=60s'], { kubeconfig: kc() });
  await kubectlOk(['wait', '--for=condition=complete', 'job/migrate', '--timeout=60s'], { kubeconfig: kc() });
  await kubectlOk(['rollout', 'status', 'deployment/web', '--timeout=60s'], { kubeconfig: kc() });
});
after(async () => {
  await cp?.stop();
});

/** Starts the built kx with the admin kubeconfig. */
const start = (args: string[]) => startKx(['--kubeconfig', kc(), ...args]);

const kx = (args: string[]) => finished(start(args));

const seqs = (text: string): number[] => [...text.matchAll(/seq=(\d+)/g)].map((m) => Number(m[1]));

describe('kx logs against the real control plane, kubectl as the oracle', () => {
  it('a finished pod: the same bytes as kubectl logs, with and without --timestamps and --tail', async () => {
    const [pod] = (await getJson<{ items: PodJson[] }>(['pods', '-l', 'job-name=migrate'], kc())).items;
    assert.ok(pod, 'the job has a pod');
    for (const flags of [[], ['--timestamps'], ['--tail', '2'], ['--tail', '1', '--timestamps']]) {
      const ours: ProcessResult = await kx(['logs', pod.metadata.name, ...flags]);
      const theirs: string = await kubectlOk(['logs', pod.metadata.name, ...flags], { kubeconfig: kc() });
      assert.equal(ours.code, 0, ours.stderr);
      assert.ok(theirs.length > 0);
      assert.equal(ours.stdout, theirs, flags.join(' '));
    }
    const jobLogs = await kx(['logs', 'job/migrate']);
    const plain = await kubectlOk(['logs', pod.metadata.name], { kubeconfig: kc() });
    const prefixed = plain
      .trimEnd()
      .split('\n')
      .map((l) => `${pod.metadata.name} migrate ${l}\n`)
      .join('');
    assert.equal(jobLogs.stdout, prefixed, "a job is a selection: its pod's lines, prefixed");
  });

  it('a running pod: kx prints every line kubectl printed a moment before, in the same order', async () => {
    const theirs = await kubectlOk(['logs', 'talker'], { kubeconfig: kc() });
    const ours = await kx(['logs', 'talker']);
    assert.equal(ours.code, 0);
    assert.ok(ours.stdout.startsWith(theirs), 'kubectl output is a prefix of kx output');
  });

  it('--previous: the crashed instance, as kubectl shows it', async () => {
    await waitForJson<PodJson, true>('crashy to restart', ['pod', 'crashy'], kc(), (p) => ((p.status.containerStatuses?.[0]?.restartCount ?? 0) >= 1 ? true : undefined));
    // The previous instance changes at each crash: kx must match kubectl just before or just after.
    const before = await kubectlOk(['logs', 'crashy', '--previous'], { kubeconfig: kc() });
    const ours = await kx(['logs', 'crashy', '--previous']);
    const afterwards = await kubectlOk(['logs', 'crashy', '--previous'], { kubeconfig: kc() });
    assert.ok(ours.stdout === before || ours.stdout === afterwards, `kx printed:\n${ours.stdout}`);
    assert.match(ours.stdout, /simulated crash, exiting with code 1/);
    const none = await kx(['logs', 'talker', '--previous']);
    assert.equal(none.code, 1);
    assert.equal(none.stderr.trim(), (await kubectl(['logs', 'talker', '--previous'], { kubeconfig: kc() })).stderr.trim());
  });

  it('a deployment: every pod, every container, prefixed; one stderr line about the containers', async () => {
    const pods = (await getJson<{ items: PodJson[] }>(['pods', '-l', 'app=web'], kc())).items.map((p) => p.metadata.name).sort();
    assert.equal(pods.length, 2);
    const ours = await kx(['logs', 'deploy/web', '--tail', '1']);
    assert.equal(ours.code, 0, ours.stderr);
    assert.equal(ours.stderr, `pod ${pods[0]} has 3 containers (setup, app, proxy): showing all containers of every pod; use -c NAME for one\n`);
    const lines = ours.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(' ').slice(0, 2).join(' ')),
      pods.flatMap((p) => [`${p} setup`, `${p} app`, `${p} proxy`]),
    );
    for (const line of lines) {
      const [pod = '', container = '', ...text] = line.split(' ');
      const theirs = await kubectlOk(['logs', pod, '-c', container], { kubeconfig: kc() });
      assert.ok(theirs.split('\n').includes(text.join(' ')), `${pod}/${container}: "${text.join(' ')}" is one of kubectl's lines`);
    }
  });

  it('-f survives an API server restart: no line lost, none twice', async () => {
    const child = start(['logs', '-f', 'talker', '--tail', '1']);
    const done = finished(child);
    await stdoutUntil(child, (t) => seqs(t).length >= 3);
    await cp.stopApiServer();
    await new Promise((r) => setTimeout(r, 1500)); // lines keep being written while the server is down
    await cp.startApiServer();
    const text = await stdoutUntil(child, (t) => seqs(t).length >= 14);
    child.kill('SIGINT');
    const r = await done;
    const got = seqs(text);
    const first = got[0] ?? 0;
    assert.deepEqual(
      got,
      got.map((_, i) => first + i),
      `consecutive, no gap and no repeat: ${got.join(',')}`,
    );
    assert.match(r.stderr, /the log of container "talker" in pod "talker" broke off .*; resuming after the last line/);
  });

  it('-f on a selector follows a crash-looping container into its next run, each line once', async () => {
    const child = start(['logs', '-f', '-l', 'run=crashy', '--tail=-1']);
    const done = finished(child);
    const runsIn = (t: string): number[] => [...new Set([...t.matchAll(/run=(\d+)/g)].map((m) => Number(m[1])))];
    // Wait for a run that started after kx did: its first line (seq=0) arrives while following.
    const firstRuns = runsIn(await stdoutUntil(child, (t) => runsIn(t).length > 0));
    const newest = Math.max(...firstRuns);
    const text = await stdoutUntil(child, (t) => new RegExp(`run=${newest + 1} seq=0 `).test(t), 90_000);
    child.kill('SIGINT');
    await done;
    const pairs = [...text.matchAll(/run=(\d+) seq=(\d+)/g)].map((m) => `${m[1]}/${m[2]}`);
    assert.equal(new Set(pairs).size, pairs.length, 'no line twice');
    assert.ok(
      text
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('crashy crashy ')),
      'prefixed: a selector',
    );
  });

  it('-f on a deployment picks up the pod a scale-up adds', async () => {
    const child = start(['logs', '-f', 'deploy/web', '-c', 'app', '--tail', '0']);
    const done = finished(child);
    const before = new Set((await getJson<{ items: PodJson[] }>(['pods', '-l', 'app=web'], kc())).items.map((p) => p.metadata.name));
    await stdoutUntil(child, (t) => [...before].every((p) => t.includes(`${p} app `)));
    await kubectlOk(['scale', 'deployment/web', '--replicas=3'], { kubeconfig: kc() });
    const text = await stdoutUntil(child, (t) => t.split('\n').some((l) => /^web-\S+ app /.test(l) && !before.has(l.split(' ')[0] ?? '')));
    child.kill('SIGINT');
    await done;
    const fresh = text.split('\n').find((l) => /^web-\S+ app /.test(l) && !before.has(l.split(' ')[0] ?? ''));
    assert.match(fresh ?? '', /^web-\S+ app level=\w+ pod=web-\S+ container=app run=0 seq=0 /, 'a new pod starts at its first line');
  });
});
