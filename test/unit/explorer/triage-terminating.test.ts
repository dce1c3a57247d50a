import assert from 'node:assert/strict';
import { test } from 'node:test';
import { terminatingFindings } from '../../../src/explorer/triage/terminating-rules.ts';
import { ago, meta, sourceOf } from '../../support/triage-source.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const min = 60_000;

test('an object deleted over a minute ago and held by finalizers is stuck terminating', () => {
  const cm = (name: string, deletedAgo: number | undefined, finalizers: string[]): unknown => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(name, 'shop', { finalizers, ...(deletedAgo === undefined ? {} : { deletionTimestamp: ago(NOW, deletedAgo) }) }),
    data: {},
  });
  const src = sourceOf(NOW, { configmaps: [cm('held', 5 * min, ['example.com/hold']), cm('just-deleted', 20_000, ['example.com/hold']), cm('alive', undefined, ['example.com/hold'])] });
  const found = terminatingFindings(src, ['configmaps']);
  assert.deepEqual(
    found.map((f) => [f.target.name, f.target.resourceKey, f.target.kind, f.severity, f.reason, f.message, f.since]),
    [['held', 'configmaps', 'ConfigMap', 'warning', 'StuckTerminating', 'deleted, waiting for finalizers example.com/hold', NOW - 5 * min]],
  );
});
