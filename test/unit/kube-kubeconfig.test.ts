import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestAuth } from '../../src/kube/auth.ts';
import { KxError } from '../../src/kube/errors.ts';
import { kubeconfigCandidates, loadKubeconfig, noKubeconfig, resolveContext } from '../../src/kube/kubeconfig.ts';

const dir = fileURLToPath(new URL('../fixtures/kubeconfig/', import.meta.url));
const f = (name: string): string => join(dir, name);
const env = (...names: string[]) => ({ KUBECONFIG: names.map(f).join(delimiter) });

function configError(fn: () => unknown, expected: RegExp | string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof KxError, `expected KxError, got ${String(err)}`);
    assert.equal(err.kind, 'config');
    if (typeof expected === 'string') assert.equal(err.message, expected);
    else assert.match(err.message, expected);
    assert.doesNotMatch(err.message, /\n|    at /, 'one sentence, no stack');
    return true;
  });
}

test('KUBECONFIG files merge like kubectl: the first file wins for a name and for current-context', () => {
  const ab = loadKubeconfig({ env: env('a.yaml', 'b.yaml') });
  assert.deepEqual(ab.files, [f('a.yaml'), f('b.yaml')]);
  assert.equal(ab.currentContext, 'alpha');
  assert.deepEqual(
    ab.contexts.map((c) => c.name),
    ['alpha', 'shared', 'beta'],
  );
  const shared = ab.contexts.find((c) => c.name === 'shared')!;
  assert.equal(shared.cluster, 'c1');
  assert.equal(shared.namespace, undefined, 'b.yaml\'s namespace for "shared" must not leak in');
  assert.equal(shared.server, 'https://a.example.test:6443');
  assert.deepEqual(
    ab.contexts.filter((c) => c.current).map((c) => c.name),
    ['alpha'],
  );

  const ba = loadKubeconfig({ env: env('b.yaml', 'a.yaml') });
  assert.equal(ba.currentContext, 'beta');
  assert.equal(ba.contexts.find((c) => c.name === 'shared')!.cluster, 'c2');
  assert.equal(ba.clusters.find((c) => c.name === 'c1')!.server, 'https://b-loses.example.test:6443');
});

test('current-context comes from the first file that sets one', () => {
  const loaded = loadKubeconfig({ env: env('no-current.yaml', 'b.yaml', 'a.yaml') });
  assert.equal(loaded.currentContext, 'beta');
});

test('missing files in KUBECONFIG are skipped; a missing --kubeconfig is an error', () => {
  const loaded = loadKubeconfig({ env: env('does-not-exist.yaml', 'a.yaml') });
  assert.deepEqual(loaded.files, [f('a.yaml')]);
  configError(() => loadKubeconfig({ kubeconfig: f('nope.yaml') }), `kubeconfig file "${f('nope.yaml')}" does not exist`);
});

test('--kubeconfig overrides KUBECONFIG', () => {
  const loaded = loadKubeconfig({ kubeconfig: f('b.yaml'), env: env('a.yaml') });
  assert.deepEqual(loaded.files, [f('b.yaml')]);
  assert.equal(loaded.currentContext, 'beta');
  assert.deepEqual(kubeconfigCandidates({ kubeconfig: f('b.yaml'), env: env('a.yaml') }), { files: [f('b.yaml')], explicit: true });
});

test('namespace: -n wins, then the context default, then "default"', () => {
  const loaded = loadKubeconfig({ env: env('a.yaml', 'b.yaml') });
  const fromContext = resolveContext(loaded);
  assert.equal(fromContext.context.name, 'alpha');
  assert.equal(fromContext.namespace, 'team-a');
  assert.equal(fromContext.namespaceSource, 'context');
  const flagged = resolveContext(loaded, { namespace: 'override' });
  assert.equal(flagged.namespace, 'override');
  assert.equal(flagged.namespaceSource, 'flag');
  const plain = resolveContext(loaded, { context: 'beta' });
  assert.equal(plain.namespace, 'default');
  assert.equal(plain.namespaceSource, 'default');
  assert.equal(plain.kubeConfig.getCurrentContext(), 'beta');
  assert.equal(plain.kubeConfig.getCurrentCluster()?.server, 'http://127.0.0.1:1');
});

test('an unknown context names the known ones', () => {
  const loaded = loadKubeconfig({ env: env('a.yaml', 'b.yaml') });
  configError(() => resolveContext(loaded, { context: 'x' }), 'context "x" not found in kubeconfig; known contexts: alpha, shared, beta');
});

test('a current-context that does not exist is reported like an unknown context', () => {
  const loaded = loadKubeconfig({ env: env('dangling-current.yaml') });
  configError(() => resolveContext(loaded), 'context "ghost" not found in kubeconfig; known contexts: gamma');
});

test('no current context asks for --context', () => {
  const loaded = loadKubeconfig({ env: env('no-current.yaml') });
  configError(() => resolveContext(loaded), 'no current context is set in the kubeconfig; choose one with --context (known contexts: gamma, delta)');
  assert.equal(resolveContext(loaded, { context: 'delta' }).context.name, 'delta');
});

test('a context whose cluster is missing says so', () => {
  const loaded = loadKubeconfig({ env: env('missing-cluster.yaml') });
  configError(() => resolveContext(loaded), 'cluster "nowhere" of context "orphan" not found in kubeconfig');
});

test('garbled YAML, a non-mapping document and an invalid entry each give one sentence naming the file', () => {
  configError(() => loadKubeconfig({ kubeconfig: f('garbled.yaml') }), new RegExp(`^kubeconfig "${f('garbled.yaml')}" is not valid YAML \\(line \\d+\\): .+`));
  configError(() => loadKubeconfig({ kubeconfig: f('not-a-map.yaml') }), /is not a kubeconfig \(expected a YAML mapping\)$/);
  configError(() => loadKubeconfig({ kubeconfig: f('bad-entry.yaml') }), /bad-entry\.yaml" is invalid: contexts\[0\]\.context\.cluster is missing$/);
});

test('an empty file is an empty kubeconfig', () => {
  const loaded = loadKubeconfig({ kubeconfig: f('empty.yaml') });
  assert.deepEqual(loaded.contexts, []);
  configError(() => resolveContext(loaded), 'no current context is set in the kubeconfig; choose one with --context (known contexts: none)');
});

test('relative certificate paths are resolved against the file that holds them', () => {
  const loaded = loadKubeconfig({ env: env('a.yaml') });
  assert.equal(loaded.clusters.find((c) => c.name === 'c1')!.caFile, join(dir, 'certs/ca.crt'));
});

test('noKubeconfig is true only when no file exists at all', () => {
  const home = mkdtempSync(join(tmpdir(), 'kx-home-'));
  try {
    assert.equal(noKubeconfig({ env: {}, home }), true);
    assert.equal(noKubeconfig({ env: env('a.yaml'), home }), false);
    assert.equal(noKubeconfig({ env: env('missing.yaml'), home }), true);
    assert.equal(noKubeconfig({ kubeconfig: f('missing.yaml'), env: {}, home }), false, "an explicit file is the user's choice: report it missing instead");
    configError(() => resolveContext(loadKubeconfig({ env: {}, home })), /^no kubeconfig found \(looked in .*\.kube\/config\)$/);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test("the session auth sends the chosen user's token (and only that one)", async () => {
  const loaded = loadKubeconfig({ env: env('a.yaml', 'b.yaml') });
  const auth = await createRequestAuth(resolveContext(loaded, { context: 'beta' }).kubeConfig);
  try {
    assert.equal(auth.server, 'http://127.0.0.1:1');
    const headers = await auth.headers();
    assert.equal(headers['Authorization'], 'Bearer token-u2-abcdefghijkl');
  } finally {
    await auth.close();
  }
  // The merged config must not have been changed by the session (http:// relaxation is per session).
  assert.equal(loaded.clusters.find((c) => c.name === 'c2')!.skipTLSVerify, false);
});
