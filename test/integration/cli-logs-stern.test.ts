/**
 * `kx logs` with stern's flags (and kubectl's where kubectl has them) against the demo API server:
 * each flag's effect on the lines, kubectl as the oracle for the flags it shares.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/cli/args.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { pod } from '../support/demo-fixtures.ts';
import { kxLogs } from '../support/kx-logs-in-process.ts';
import { kubectlFor } from '../support/kubectl.ts';

const pods = { group: '', plural: 'pods' };
let demo: DemoSetup;

before(async () => {
  demo = await startDemoSetup();
  const { store } = demo.server;
  store.create(pods, pod('default', 'api-1', { labels: { app: 'api' }, containers: ['api', 'envoy'], node: 'node-1' }));
  store.create(pods, pod('default', 'api-2', { labels: { app: 'api' }, containers: ['api', 'envoy'], node: 'node-2' }));
  store.create(pods, pod('default', 'web-1', { labels: { app: 'web' }, node: 'node-1' }));
  const start = Date.parse('2025-01-01T10:00:00Z');
  for (const name of ['api-1', 'api-2']) {
    ['GET /healthz 200', 'POST /cart 201', 'GET /api 500'].forEach((t, i) => demo.runtime.log('default', name, 'api').write(`${name} ${t}`, new Date(start + i * 1000)));
    demo.runtime.log('default', name, 'envoy').write(`${name} envoy ready`, new Date(start + 5000));
  }
  demo.runtime.log('default', 'web-1', 'app').write('web-1 serving', new Date(start));

  // One container in each state: running, terminated (it ran and wrote), waiting (never started).
  const mixed = pod('default', 'mixed', { containers: ['run', 'done', 'wait'] });
  mixed['status'] = {
    phase: 'Running',
    containerStatuses: [
      { name: 'run', ready: true, restartCount: 0, state: { running: { startedAt: '2025-01-01T00:00:00Z' } } },
      { name: 'done', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2025-01-01T00:00:00Z' } } },
      { name: 'wait', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
    ],
  };
  store.create(pods, mixed);
  demo.runtime.log('default', 'mixed', 'run').write('run is running', new Date(start));
  demo.runtime.log('default', 'mixed', 'done').write('done has finished', new Date(start));
});
after(async () => {
  await demo.close();
});

const kx = (args: string[], opts?: { tty?: boolean; env?: Record<string, string> }) => kxLogs(demo.kubeconfig, args, opts);

test('--include keeps the lines matching any include, --exclude drops what it matches', async () => {
  const included = await kx(['api-1', '-c', 'api', '-i', 'POST', '--include', '500$']);
  assert.equal(included.stdout, 'api-1 POST /cart 201\napi-1 GET /api 500\n');
  const excluded = await kx(['api-1', '-c', 'api', '-e', 'healthz']);
  assert.equal(excluded.stdout, 'api-1 POST /cart 201\napi-1 GET /api 500\n');
  const both = await kx(['api-1', '-c', 'api', '-i', '^api-1 GET', '-e', 'healthz']);
  assert.equal(both.stdout, 'api-1 GET /api 500\n');
});

test('a regex that does not compile: one sentence, a usage error', async () => {
  const r = await kx(['api-1', '-i', '(']);
  assert.ok(r.error instanceof UsageError);
  assert.equal(r.error.message, 'invalid argument "(" for "--include" flag: not a regular expression: Unterminated group');
});

test('a pod query is a regex over pod names; a plain name is still one pod; -l narrows a query', async () => {
  const all = await kx(['api-.*', '-c', 'api', '-i', 'POST']);
  assert.equal(all.error, undefined);
  assert.equal(all.stdout, 'api-1 api api-1 POST /cart 201\napi-2 api api-2 POST /cart 201\n');
  const second = await kx(['^api-[2-9]$', '-c', 'api', '--tail', '1']);
  assert.equal(second.stdout, 'api-2 api api-2 GET /api 500\n');
  assert.equal((await kx(['web-1'])).stdout, 'web-1 serving\n', 'a pod name, unprefixed as kubectl prints it');
  const narrowed = await kx(['1$', '-l', 'app=web']);
  assert.equal(narrowed.stdout, 'web-1 app web-1 serving\n');
  const none = await kx(['^nothing-.*']);
  assert.equal(none.stdout, '');
  assert.equal(none.stderr, 'no pods match "^nothing-.*" in default namespace\n');
});

test('-c as a regex picks the containers it matches, -E leaves containers out', async () => {
  const envoys = await kx(['api-.*', '-c', 'env.*']);
  assert.equal(envoys.stdout, 'api-1 envoy api-1 envoy ready\napi-2 envoy api-2 envoy ready\n');
  const notEnvoy = await kx(['api-1', '-E', 'envoy', '-e', 'healthz']);
  assert.equal(notEnvoy.stdout, 'api-1 POST /cart 201\napi-1 GET /api 500\n', 'one container left: printed as kubectl would');
  const byPattern = await kx(['api-1', '-c', '^(api|envoy)$', '-E', '^api$']);
  assert.equal(byPattern.stdout, 'api-1 envoy ready\n');
});

test('--container-state reads only the containers in the given states', async () => {
  const running = await kx(['mixed', '--container-state', 'running']);
  // The pod has several containers, so its lines are prefixed whichever of them are read.
  assert.equal(running.stdout, 'mixed run run is running\n');
  const terminated = await kx(['mixed', '--container-state', 'terminated']);
  assert.equal(terminated.stdout, 'mixed done done has finished\n');
  const both = await kx(['mixed', '--container-state', 'running,terminated']);
  assert.equal(both.stdout, 'mixed run run is running\nmixed done done has finished\n');
  assert.equal(both.code, 0, 'the waiting container is not read, so it is no error');
  const all = await kx(['mixed', '--container-state', 'all']);
  assert.equal(all.code, 1, 'all: the waiting one too, which kubectl cannot read');
  const bad = await kx(['mixed', '--container-state', 'sleeping']);
  assert.ok(bad.error instanceof UsageError);
  assert.equal(bad.error.message, 'invalid argument "sleeping" for "--container-state" flag: must be running, waiting, terminated or all');
});

test('--node and --field-selector narrow the pods on the server', async () => {
  const onNode2 = await kx(['api-.*', '-c', 'api', '--tail', '1', '--node', 'node-2']);
  assert.equal(onNode2.stdout, 'api-2 api api-2 GET /api 500\n');
  const byField = await kx(['-l', 'app=api', '-c', 'envoy', '--field-selector', 'spec.nodeName=node-1']);
  assert.equal(byField.stdout, 'api-1 envoy api-1 envoy ready\n');
  const named = await kx(['api-1', '--node', 'node-1']);
  assert.ok(named.error instanceof UsageError);
  assert.match(named.error.message, /^--field-selector and --node go with a pod query, TYPE\/NAME or -l, not a pod name/);
});

test('-o raw prints the message only; -o json one stern Log object a line', async () => {
  const raw = await kx(['api-.*', '-c', 'api', '-i', 'POST', '-o', 'raw']);
  assert.equal(raw.stdout, 'api-1 POST /cart 201\napi-2 POST /cart 201\n');
  const json = await kx(['api-.*', '-c', 'envoy', '-o', 'json']);
  assert.deepEqual(
    json.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown),
    [
      { message: 'api-1 envoy ready', nodeName: 'node-1', namespace: 'default', podName: 'api-1', containerName: 'envoy' },
      { message: 'api-2 envoy ready', nodeName: 'node-2', namespace: 'default', podName: 'api-2', containerName: 'envoy' },
    ],
  );
  const stamped = await kx(['api-1', '-c', 'envoy', '-o', 'json', '--timestamps'], { tty: true });
  assert.equal(
    stamped.stdout,
    '{"message":"2025-01-01T10:00:05Z api-1 envoy ready","nodeName":"node-1","namespace":"default","podName":"api-1","containerName":"envoy"}\n',
    'no colour in json, even on a terminal',
  );
  const bad = await kx(['api-1', '-o', 'yaml']);
  assert.ok(bad.error instanceof UsageError);
  assert.equal(bad.error.message, 'invalid argument "yaml" for "--output" flag: must be one of default, raw, json');
});

test('--no-prefix leaves the prefix off several pods; --prefix and --no-prefix together is a usage error', async () => {
  assert.equal((await kx(['api-.*', '-c', 'envoy', '--no-prefix'])).stdout, 'api-1 envoy ready\napi-2 envoy ready\n');
  assert.equal((await kx(['api-.*', '-c', 'envoy', '--prefix'])).stdout, '[pod/api-1/envoy] api-1 envoy ready\n[pod/api-2/envoy] api-2 envoy ready\n');
  assert.ok((await kx(['api-1', '--prefix', '--no-prefix'])).error instanceof UsageError);
});

test("--color: a pod's colour depends only on its name; always colours a pipe, never not a terminal", async () => {
  const always = await kx(['api-.*', '-c', 'envoy', '--color', 'always']);
  const [first, second] = always.stdout.trimEnd().split('\n');
  const podColour = (line: string | undefined): string => /^\x1b\[(\d+)m/.exec(line ?? '')?.[1] ?? 'none';
  assert.match(first!, /^\x1b\[\d+mapi-1\x1b\[0m \x1b\[\d+menvoy\x1b\[0m api-1 envoy ready$/);
  const again = await kx(['^api-1$', '-c', 'envoy', '--color', 'always']);
  assert.equal(podColour(again.stdout), podColour(first), 'the same pod, the same colour in another run');
  assert.ok(podColour(second) !== 'none');
  assert.equal((await kx(['api-.*', '-c', 'envoy', '--color', 'never'], { tty: true })).stdout, 'api-1 envoy api-1 envoy ready\napi-2 envoy api-2 envoy ready\n');
  assert.match((await kx(['api-.*', '-c', 'envoy'], { tty: true })).stdout, /^\x1b\[/, 'auto: a terminal is coloured');
  assert.doesNotMatch((await kx(['api-.*', '-c', 'envoy'], { tty: true, env: { NO_COLOR: '1' } })).stdout, /\x1b/, 'auto: NO_COLOR');
});

const kubectl = kubectlFor(() => demo.kubeconfig).run;

test('--limit-bytes, --since-time and --prefix print what kubectl logs prints', async () => {
  for (const flags of [
    ['--limit-bytes', '20'],
    ['--limit-bytes', '1'],
    ['--since-time', '2025-01-01T10:00:01Z'],
    ['--prefix', '--since-time', '2025-01-01T10:00:02Z'],
    ['--all-containers', '--prefix', '--limit-bytes', '30'],
  ]) {
    const [ours, theirs] = await Promise.all([
      kx(['api-1', '-c', 'api', ...flags.filter((f) => f !== '--all-containers')]),
      kubectl('logs', 'api-1', '-c', 'api', ...flags.filter((f) => f !== '--all-containers')),
    ]);
    assert.equal(theirs.code, 0, theirs.stderr);
    // kx writes whole lines: a line cut by the limit still ends with a newline, where kubectl's does not.
    assert.equal(ours.stdout, theirs.stdout.endsWith('\n') || theirs.stdout === '' ? theirs.stdout : `${theirs.stdout}\n`, `kx logs api-1 -c api ${flags.join(' ')}`);
  }
  const [ours, theirs] = await Promise.all([kx(['api-1', '--all-containers', '--prefix', '--limit-bytes', '30']), kubectl('logs', 'api-1', '--all-containers', '--prefix', '--limit-bytes', '30')]);
  // kubectl reads the containers' logs from a Go map, so their order changes from run to run; kx
  // keeps the pod's order. Compared container by container: each is cut on its own.
  const byContainer = (text: string): string[] => {
    const blocks = new Map<string, string[]>();
    for (const line of text.split('\n').filter(Boolean)) {
      const who = /^\[pod\/[^/]+\/([^\]]+)\]/.exec(line)?.[1] ?? '';
      blocks.set(who, [...(blocks.get(who) ?? []), line]);
    }
    return [...blocks.entries()].map(([who, lines]) => `${who}: ${lines.join(' | ')}`).sort();
  };
  assert.deepEqual(byContainer(ours.stdout), byContainer(theirs.stdout.replace(/([^\n])(\[pod\/)/g, '$1\n$2')), 'each container is cut on its own');
  assert.match(ours.stdout, /^\[pod\/api-1\/api\][\s\S]*\[pod\/api-1\/envoy\]/, "kx keeps the pod's container order");
  assert.ok((await kx(['api-1', '--limit-bytes=-1'])).error instanceof UsageError);
});

test("following more streams than --max-log-requests: kubectl's sentence, before any line", async () => {
  const ours = await kx(['-l', 'app=api', '--all-containers', '-f', '--max-log-requests', '3']);
  const theirs = await kubectl('logs', '-l', 'app=api', '--all-containers', '-f', '--max-log-requests', '3');
  assert.equal(theirs.code, 1);
  assert.equal(`error: ${(ours.error as Error).message}`, theirs.stderr.trim());
  assert.equal(ours.stdout, '');
  assert.equal((await kx(['-l', 'app=api', '--all-containers', '--max-log-requests', '3'])).error, undefined, 'without -f streams are read one by one: no limit, as kubectl');
});

test('--ignore-errors: a container that cannot be read is said on stderr but the exit code is 0', async () => {
  const failing = await kx(['mixed', '-c', 'wait']);
  assert.equal(failing.code, 1);
  const ignored = await kx(['mixed', '-c', 'wait', '--ignore-errors']);
  assert.equal(ignored.code, 0);
  assert.match(ignored.stderr, /container "wait" in pod "mixed" is waiting to start/);
});

test('--pod-running-timeout: following, no log started by then is an error; a bad value is a usage error', async () => {
  const r = await kx(['mixed', '-c', 'wait', '-f', '--pod-running-timeout', '300ms']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: timed out waiting for the condition\n$/);
  const zero = await kx(['mixed', '--pod-running-timeout', '0s']);
  assert.ok(zero.error instanceof UsageError);
  assert.equal(zero.error.message, '--pod-running-timeout must be higher than zero');
});
