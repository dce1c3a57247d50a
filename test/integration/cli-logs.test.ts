/**
 * `kx logs` run in-process against the demo API server, with kubectl as the oracle for what a
 * single container prints: flags, prefixes, workloads and services, notices on stderr, errors.
 * (cli-logs-process.test.ts runs the built command as a process: exit codes, pipes, -f.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { UsageError } from '../../src/cli/args.ts';
import { KxError } from '../../src/kube/errors.ts';
import type { KubeObject } from '../../src/kube/object.ts';
import { runLogs } from '../../src/cli/logs/run-logs.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { pod } from '../support/demo-fixtures.ts';
import { kubectlFor } from '../support/kubectl.ts';

const R = {
  pods: { group: '', plural: 'pods' },
  deployments: { group: 'apps', plural: 'deployments' },
  services: { group: '', plural: 'services' },
  jobs: { group: 'batch', plural: 'jobs' },
  configmaps: { group: '', plural: 'configmaps' },
};
let demo: DemoSetup;

before(async () => {
  demo = await startDemoSetup();
  const { store } = demo.server;
  store.create(R.pods, pod('default', 'solo'));
  const solo = demo.runtime.log('default', 'solo', 'app');
  const start = Date.parse('2025-01-01T10:00:00Z');
  ['starting', '', 'naïve café ✓ 日本', '{"level":"info","msg":"ready"}', '\tindented with a tab', 'done'].forEach((text, i) => solo.write(text, new Date(start + i * 1000)));

  store.create(R.pods, podWithInit('default', 'multi'));
  for (const c of ['setup', 'app', 'sidecar']) demo.runtime.log('default', 'multi', c).write(`${c} says hi`);

  store.create(R.deployments, workload('Deployment', 'apps/v1', 'web', { matchLabels: { app: 'web' } }));
  store.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-svc', namespace: 'default', uid: '' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  store.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'external', namespace: 'default', uid: '' }, spec: { type: 'ExternalName', externalName: 'example.com' } });
  for (const name of ['web-1', 'web-2']) {
    store.create(R.pods, pod('default', name, { labels: { app: 'web' } }));
    const log = demo.runtime.log('default', name, 'app');
    for (let i = 1; i <= 3; i++) log.write(`${name} line ${i}`);
  }
  store.create(R.jobs, workload('Job', 'batch/v1', 'migrate', { matchLabels: { 'job-name': 'migrate' } }));
  store.create(R.pods, pod('default', 'migrate-x7k2p', { labels: { 'job-name': 'migrate' } }));
  demo.runtime.log('default', 'migrate-x7k2p', 'app').write('migrated 42 tables');

  const waiting = pod('default', 'pending');
  waiting['status'] = { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] };
  store.create(R.pods, waiting);
  store.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default', uid: '' }, data: {} });
});
after(async () => {
  await demo.close();
});

function workload(kind: string, apiVersion: string, name: string, selector: unknown): KubeObject {
  return { apiVersion, kind, metadata: { name, namespace: 'default', uid: '' }, spec: { selector, template: { metadata: { labels: {} }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } } };
}

function podWithInit(namespace: string, name: string): KubeObject {
  const running = (c: string): unknown => ({ name: c, ready: true, restartCount: 0, state: { running: { startedAt: '2025-01-01T00:00:00Z' } } });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: '', labels: { app: name } },
    spec: {
      initContainers: [{ name: 'setup', image: 'busybox' }],
      containers: [
        { name: 'app', image: 'nginx' },
        { name: 'sidecar', image: 'envoy' },
      ],
    },
    status: {
      phase: 'Running',
      initContainerStatuses: [{ name: 'setup', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2025-01-01T00:00:00Z' } } }],
      containerStatuses: [running('app'), running('sidecar')],
    },
  };
}

interface Result {
  code: number | undefined;
  stdout: string;
  stderr: string;
  error: unknown;
}

/** Runs `kx logs ARGS` in this process with captured output. */
async function kx(args: string[], opts: { tty?: boolean; env?: Record<string, string> } = {}): Promise<Result> {
  const stdout = Object.assign(new PassThrough(), { isTTY: opts.tty === true });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    const code = await runLogs(['--kubeconfig', demo.kubeconfig, ...args], { stdout, stderr, env: opts.env ?? {}, invokedAs: 'kx' });
    return { code, stdout: out, stderr: err, error: undefined };
  } catch (error) {
    return { code: undefined, stdout: out, stderr: err, error };
  }
}

const kubectl = kubectlFor(() => demo.kubeconfig).run;

test('one pod, one container: exactly what kubectl logs prints, with each flag', async () => {
  for (const flags of [[], ['--timestamps'], ['--tail', '2'], ['--tail', '0'], ['--since-time', '2025-01-01T10:00:03Z'], ['-c', 'app']]) {
    const [ours, theirs] = await Promise.all([kx(['solo', ...flags]), kubectl('logs', 'solo', ...flags)]);
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.equal(ours.error, undefined);
    assert.equal(ours.stdout, theirs.stdout, `kx logs solo ${flags.join(' ')}`);
    assert.equal(ours.code, 0);
    assert.equal(ours.stderr, '');
  }
  assert.match((await kx(['solo'])).stdout, /^starting\n\nnaïve café ✓ 日本\n/);
});

test('--prefix is kubectl\'s "[pod/POD/CONTAINER] " before each line, also before the timestamp; no colour when not a terminal', async () => {
  for (const flags of [['--tail', '2'], ['--timestamps', '--tail', '1'], ['--all-containers']]) {
    const [ours, theirs] = await Promise.all([kx(['solo', '--prefix', ...flags]), kubectl('logs', 'solo', '--prefix', ...flags)]);
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.equal(ours.stdout, theirs.stdout, `kx logs solo --prefix ${flags.join(' ')}`);
  }
  assert.equal((await kx(['solo', '--prefix', '--tail', '2'])).stdout, '[pod/solo/app] \tindented with a tab\n[pod/solo/app] done\n');
});

test('colour on a terminal, none with NO_COLOR', async () => {
  const coloured = await kx(['solo', '--prefix', '--tail', '1'], { tty: true });
  assert.match(coloured.stdout, /^\[pod\/\x1b\[\d+msolo\x1b\[0m\/\x1b\[\d+mapp\x1b\[0m\] done\n$/);
  const plain = await kx(['solo', '--prefix', '--tail', '1'], { tty: true, env: { NO_COLOR: '1' } });
  assert.equal(plain.stdout, '[pod/solo/app] done\n');
});

test('several containers and no -c: all of them, prefixed, and one line on stderr saying so', async () => {
  const r = await kx(['multi']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'multi setup setup says hi\nmulti app app says hi\nmulti sidecar sidecar says hi\n');
  assert.equal(r.stderr, 'pod multi has 3 containers (setup, app, sidecar): showing all of them; use -c NAME for one\n');
  const one = await kx(['multi', '-c', 'sidecar']);
  assert.equal(one.stdout, 'sidecar says hi\n');
  assert.equal(one.stderr, '');
  assert.equal((await kx(['multi', 'setup'])).stdout, 'setup says hi\n', 'POD CONTAINER form, init container');
});

test('a deployment, a service, a job and a selector show every matching pod, prefixed, pod by pod', async () => {
  const web = 'web-1 app web-1 line 1\nweb-1 app web-1 line 2\nweb-1 app web-1 line 3\nweb-2 app web-2 line 1\nweb-2 app web-2 line 2\nweb-2 app web-2 line 3\n';
  for (const target of ['deploy/web', 'deployment.apps/web', 'svc/web-svc', 'services/web-svc']) {
    const r = await kx([target]);
    assert.equal(r.error, undefined, target);
    assert.equal(r.stdout, web, target);
  }
  assert.equal((await kx(['-l', 'app=web', '--tail', '1'])).stdout, 'web-1 app web-1 line 3\nweb-2 app web-2 line 3\n');
  assert.equal((await kx(['-l', 'app=web'])).stdout, web, 'kubectl shows 10 lines per pod with -l');
  assert.equal((await kx(['job/migrate'])).stdout, 'migrate-x7k2p app migrated 42 tables\n');
});

test('not found, in kubectl words, also for an unknown type; a log-less type is a usage error', async () => {
  const missingPod = await kx(['ghost']);
  // kubectl 1.32 adds 'in namespace "default"'; kx keeps the API server's own sentence.
  assert.equal((missingPod.error as Error).message, 'Error from server (NotFound): pods "ghost" not found');
  assert.equal(((await kx(['deploy/ghost'])).error as Error).message, 'Error from server (NotFound): deployments.apps "ghost" not found');
  const unknown = (await kx(['frobnicators/x'])).error;
  assert.ok(unknown instanceof KxError, 'exit 1, as kubectl');
  assert.equal(unknown.message, 'the server doesn\'t have a resource type "frobnicators"');
  const logless = (await kx(['configmap/settings'])).error;
  assert.ok(logless instanceof UsageError);
  assert.match(logless.message, /^cannot show logs of configmaps: name a pod, deployment/);
  assert.match(((await kx(['svc/external'])).error as Error).message, /service "external" has no selector/);
});

test("a container that has not started, a missing previous instance or container: kubectl's sentence, exit 1", async () => {
  const pending = await kx(['pending']);
  assert.equal(pending.code, 1);
  const kubectlSays = (await kubectl('logs', 'pending')).stderr.trim();
  assert.equal(pending.stderr.trim(), kubectlSays);
  assert.equal(kubectlSays, 'Error from server (BadRequest): container "app" in pod "pending" is waiting to start: ContainerCreating');

  const previous = await kx(['solo', '--previous']);
  assert.equal(previous.code, 1);
  assert.equal(previous.stderr.trim(), (await kubectl('logs', 'solo', '--previous')).stderr.trim());
  assert.match(previous.stderr, /previous terminated container "app" in pod "solo" not found/);

  const noSuchContainer = await kx(['solo', '-c', 'nope']);
  assert.equal(`error: ${(noSuchContainer.error as Error).message}`, (await kubectl('logs', 'solo', '-c', 'nope')).stderr.trim());
  assert.equal((noSuchContainer.error as Error).message, 'container nope is not valid for pod solo');
});

test('-l with -A reads every namespace and names it in the prefix', async () => {
  demo.server.store.create(R.pods, pod('kube-system', 'web-9', { labels: { app: 'web' } }));
  demo.runtime.log('kube-system', 'web-9', 'app').write('web-9 in kube-system');
  const r = await kx(['-l', 'app=web', '-A', '--tail', '1']);
  assert.equal(r.stdout, 'default/web-1 app web-1 line 3\ndefault/web-2 app web-2 line 3\nkube-system/web-9 app web-9 in kube-system\n');
});

test('--help prints usage with examples and needs no cluster', async () => {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  assert.equal(await runLogs(['--help'], { stdout, stderr: new PassThrough(), env: {}, invokedAs: 'kubectl kx' }), 0);
  assert.match(out, /Usage:\n {2}kubectl kx logs POD \[CONTAINER\]/);
  assert.match(out, /Examples:\n/);
});
