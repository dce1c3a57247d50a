/**
 * Helm release storage decoding: Secrets and ConfigMaps built here the way Helm's driver writes
 * them (JSON, gzip, base64; a Secret base64s that once more) decode to what was stored; corrupt
 * data gives one sentence on its own row while the other revisions still decode.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { KubeObject } from '../../src/kube/object.ts';
import { decodeRelease } from '../../src/kinds/helm/release-codec.ts';
import { groupReleases, historyCells, listCells, releaseRevision } from '../../src/kinds/helm/release-records.ts';
import { coalesceValues, manifestText, notesText, revisionDiff, valuesText } from '../../src/kinds/helm/release-values.ts';

const manifest = '---\n# Source: web/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

function release(version: number, status: string, config: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'web',
    namespace: 'shop',
    version,
    info: {
      first_deployed: '2026-01-01T10:00:00Z',
      last_deployed: `2026-01-0${version}T10:00:00.123456789Z`,
      description: version === 1 ? 'Install complete' : 'Upgrade complete',
      status,
      notes: 'Visit http://web\n',
    },
    chart: { metadata: { name: 'web', version: `1.${version}.0`, appVersion: '2.0' }, values: { replicas: 1, image: { tag: 'latest', pullPolicy: 'Always' }, debug: true } },
    config,
    manifest,
  };
}

/** Helm's encodeRelease, written out independently of the code under test. */
function helmString(rls: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(rls)), { level: 9 }).toString('base64');
}

function secret(name: string, version: number, status: string, releaseData: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'helm.sh/release.v1',
    metadata: { name: `sh.helm.release.v1.${name}.v${version}`, namespace: 'shop', uid: `u${version}`, labels: { owner: 'helm', name, status, version: String(version) } },
    data: { release: Buffer.from(releaseData).toString('base64') },
  };
}

test('a Secret in Helm’s format decodes to the values, manifest and notes that were stored', () => {
  const config = { image: { tag: '2.0.1' }, password: 's3cret' };
  const rev = releaseRevision(secret('web', 2, 'deployed', helmString(release(2, 'deployed', config))));
  assert.equal(rev.error, undefined);
  assert.deepEqual(rev.release?.config, config);
  assert.equal(manifestText(rev.release!), manifest);
  assert.equal(notesText(rev.release!), 'Visit http://web\n');
  assert.deepEqual([rev.name, rev.namespace, rev.revision, rev.status], ['web', 'shop', 2, 'deployed']);
  const values = valuesText(rev.release!);
  assert.match(values, /^USER-SUPPLIED VALUES:\nimage:\n {2}tag: 2\.0\.1\npassword: s3cret\n/);
  // Computed: the chart's defaults under the user's values, as helm get values --all.
  assert.match(values, /COMPUTED VALUES:\ndebug: true\nimage:\n {2}pullPolicy: Always\n {2}tag: 2\.0\.1\npassword: s3cret\nreplicas: 1\n$/);
});

test('a ConfigMap (HELM_DRIVER=configmap) holds Helm’s string without the Secret’s extra base64', () => {
  const cm: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'sh.helm.release.v1.web.v1', namespace: 'shop', uid: 'c1', labels: { owner: 'helm', name: 'web', status: 'deployed', version: '1' } },
    data: { release: helmString(release(1, 'deployed', {})) },
  };
  const rev = releaseRevision(cm);
  assert.equal(rev.error, undefined);
  assert.equal(rev.release?.manifest, manifest);
});

test('data without the gzip magic is read as plain JSON, as Helm does for releases stored before compression', () => {
  const decoded = decodeRelease(Buffer.from(JSON.stringify(release(1, 'deployed', { a: 1 }))).toString('base64'));
  assert.ok('release' in decoded);
  assert.deepEqual(decoded.release.config, { a: 1 });
});

test('corrupt release data: that revision says why in one sentence, the others still decode', () => {
  const good = secret('web', 1, 'superseded', helmString(release(1, 'superseded', {})));
  const truncated = Buffer.from(helmString(release(2, 'deployed', {})), 'base64')
    .subarray(0, 20)
    .toString('base64');
  const badGzip = secret('web', 2, 'deployed', truncated);
  const notBase64 = secret('web', 3, 'failed', '%%% not base64 %%%');
  const revs = groupReleases([notBase64, good, badGzip])[0]!;
  assert.deepEqual(
    revs.map((r) => r.revision),
    [1, 2, 3],
  );
  assert.equal(revs[0]!.error, undefined);
  assert.equal(revs[1]!.error, 'release secret "sh.helm.release.v1.web.v2" cannot be decoded: the release data is not valid gzip.');
  assert.equal(revs[2]!.error, 'release secret "sh.helm.release.v1.web.v3" cannot be decoded: the release data is not base64.');
  // The labels still give the row its status and revision; the sentence is its description.
  assert.deepEqual(historyCells(revs[2]!), ['3', '', 'failed', '', '', revs[2]!.error]);
  assert.deepEqual(historyCells(revs[0]!), ['1', '2026-01-01 10:00:00 +0000 UTC', 'superseded', 'web-1.1.0', '2.0', 'Install complete']);
});

test('helm list shows each release at its newest revision', () => {
  const objs = [secret('web', 1, 'superseded', helmString(release(1, 'superseded', {}))), secret('web', 2, 'deployed', helmString(release(2, 'deployed', {})))];
  assert.deepEqual(groupReleases(objs).map(listCells), [['web', 'shop', '2', '2026-01-02 10:00:00 +0000 UTC', 'deployed', 'web-1.2.0', '2.0']]);
});

test('computed values: user maps merge into the chart’s, a user null removes a default', () => {
  assert.deepEqual(coalesceValues({ a: { b: 1, c: 2 }, d: 3, e: [1] }, { a: { c: 5 }, d: null, e: [2] }), { a: { b: 1, c: 5 }, e: [2] });
});

test('the diff between two revisions shows what changed in values and manifest', () => {
  const a = decodeRelease(helmString(release(1, 'superseded', { image: { tag: '1' } })));
  const b = decodeRelease(helmString(release(2, 'deployed', { image: { tag: '2' } })));
  assert.ok('release' in a && 'release' in b);
  const diff = revisionDiff(a.release, b.release);
  assert.match(diff, /^-  tag: "1"$/m);
  assert.match(diff, /^\+  tag: "2"$/m);
  assert.equal(revisionDiff(a.release, a.release), '');
});
