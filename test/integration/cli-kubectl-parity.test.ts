/**
 * The built one-shot commands (bin/kx → dist/) on bad input, side by side with kubectl 1.32 as the
 * oracle: the same sentence on stderr and the same exit code where kubectl has one. Children run
 * asynchronously (the demo API server lives in this process).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deployment, pod } from '../support/demo-fixtures.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { bareEnv, runKx } from '../support/kx-process.ts';

let demo: DemoSetup;

before(async () => {
  demo = await startDemoSetup();
  demo.server.store.create({ group: '', plural: 'pods' }, pod('default', 'web-1'));
  demo.server.store.create({ group: 'apps', plural: 'deployments' }, deployment('default', 'web', 1));
  const log = demo.runtime.log('default', 'web-1', 'app');
  for (let i = 1; i <= 3; i++) log.write(`line ${i}`);
});
after(() => demo.close());

/** `kx ARGS` against the demo, with an empty HOME so no real kubeconfig leaks in. */
const kx = (...args: string[]) => runKx(['--kubeconfig', demo.kubeconfig, ...args], { env: bareEnv(), timeoutMs: 20_000 });

const kubectl = kubectlFor(() => demo.kubeconfig).run;

test('names kubectl refuses (".", "..", "%", a second slash) are refused before any request, in kubectl\'s words', async () => {
  const cases = [
    ['logs', '.'],
    ['logs', '..'],
    ['logs', 'deploy/.'],
    ['logs', 'pod/a%b'],
    ['logs', 'pod/a/b'],
    ['rollout', 'restart', 'deploy/.'],
    ['rollout', 'status', 'deploy/..'],
    ['rollout', 'history', 'deploy', '%.'],
    ['rollout', 'status', 'deploy/a/b'],
    ['exec', '.', '--', 'ls'],
    ['exec', 'a%b', '--', 'ls'],
  ];
  for (const args of cases) {
    const [want, got] = await Promise.all([kubectl(...args), kx(...args)]);
    assert.match(want.stderr, /^error: (invalid resource name|arguments in resource\/name form)/, `kubectl ${args.join(' ')}: ${want.stderr}`);
    assert.deepEqual({ code: got.code, stderr: got.stderr, stdout: got.stdout }, { code: want.code, stderr: want.stderr, stdout: '' }, `kx ${args.join(' ')}`);
  }
  // kubectl scale says it with "no objects passed to scale " glued in front; kx says the sentence alone.
  const scale = await kx('scale', 'deploy/..', '--replicas', '1');
  assert.deepEqual([scale.code, scale.stderr], [1, 'error: invalid resource name "..": [may not be \'..\']\n']);
});

test('a flag value that starts with a dash is the value, judged by the flag as kubectl judges it', async () => {
  const all = await kubectl('logs', 'web-1', '--tail', '-1');
  assert.deepEqual([all.code, all.stdout], [0, 'line 1\nline 2\nline 3\n'], 'kubectl: --tail -1 is every line');
  const tail = await kx('logs', 'web-1', '--tail', '-1');
  assert.deepEqual([tail.code, tail.stdout, tail.stderr], [0, all.stdout, '']);
  // kubectl exits 1 for everything; kx keeps 2 for a usage mistake, with kubectl's sentence.
  const cases = [
    ['logs', 'web-1', '--since', '-5m'],
    ['logs', 'web-1', '--tail', '-2'],
    ['rollout', 'history', 'deploy/web', '--revision', '-1'],
  ];
  for (const args of cases) {
    const [want, got] = await Promise.all([kubectl(...args), kx(...args)]);
    assert.equal(want.code, 1, `kubectl ${args.join(' ')}`);
    assert.deepEqual([got.code, got.stderr], [2, want.stderr], `kx ${args.join(' ')}`);
  }
});

test('a type or object that does not exist is exit code 1, as in kubectl', async () => {
  const [want, got] = await Promise.all([kubectl('logs', 'foo/bar'), kx('logs', 'foo/bar')]);
  assert.deepEqual([want.code, want.stderr], [1, 'error: the server doesn\'t have a resource type "foo"\n']);
  assert.deepEqual([got.code, got.stderr], [want.code, want.stderr]);
  for (const args of [
    ['logs', 'nosuch'],
    ['logs', 'deploy/nosuch'],
    ['rollout', 'status', 'deploy/nosuch'],
    ['scale', 'deploy/nosuch', '--replicas', '1'],
  ]) {
    const [k, x] = await Promise.all([kubectl(...args), kx(...args)]);
    assert.equal(k.code, 1, `kubectl ${args.join(' ')}`);
    assert.equal(x.code, 1, `kx ${args.join(' ')}: ${x.stderr}`);
    assert.match(x.stderr, /^Error from server \(NotFound\): \S+ "nosuch" not found\n$/);
  }
});

test("a flag mistake points at the command's own help, as kubectl's does", async () => {
  const cases: [string[], string][] = [
    [['logs', 'web-1', '--bogus'], "error: unknown flag: --bogus (see 'kx logs --help')\n"],
    [['logs', 'web-1', '--tail'], "error: flag needs an argument: --tail (see 'kx logs --help')\n"],
    [['scale', 'deploy/web', '--bogus'], "error: unknown flag: --bogus (see 'kx scale --help')\n"],
    [['rollout', 'status', 'deploy/web', '--bogus'], "error: unknown flag: --bogus (see 'kx rollout --help')\n"],
    [['exec', 'web-1', '--bogus', '--', 'ls'], "error: unknown flag: --bogus (see 'kx exec --help')\n"],
  ];
  for (const [args, stderr] of cases) {
    const k = await kubectl(...args);
    // kubectl names `rollout status --help`; kx has one help for all of rollout.
    assert.match(k.stderr, new RegExp(`See 'kubectl ${args[0]}( status)? --help' for usage`), `kubectl ${args.join(' ')}`);
    const x = await kx(...args);
    assert.deepEqual([x.code, x.stderr], [2, stderr], `kx ${args.join(' ')}`);
  }
});
