import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countSince, eventFindings } from '../../../src/explorer/triage/event-rules.ts';
import { ago, meta, sourceOf } from '../../support/triage-source.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const min = 60_000;

function warning(name: string, reason: string, object: string, count: number, firstAgo: number, lastAgo: number, type = 'Warning'): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(name),
    type,
    reason,
    message: `${reason} happened`,
    involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: object, uid: `uid-${object}` },
    count,
    firstTimestamp: ago(NOW, firstAgo),
    lastTimestamp: ago(NOW, lastAgo),
  };
}

test('warning events are counted per reason and object over the last 10 minutes', () => {
  const events = [
    // 40 over 20 minutes, evenly: about 20 in the window.
    warning('a', 'BackOff', 'api', 40, 20 * min, 0),
    // Two records of one reason and object add up.
    warning('b1', 'FailedCreate', 'web', 2, 3 * min, 2 * min),
    warning('b2', 'FailedCreate', 'web', 1, 1 * min, 1 * min),
    // Out of the window, and not a warning.
    warning('c', 'FailedMount', 'db', 9, 30 * min, 15 * min),
    warning('d', 'Scheduled', 'db', 1, 1 * min, 1 * min, 'Normal'),
  ];
  const found = eventFindings(sourceOf(NOW, { events }));
  assert.deepEqual(
    found.map((f) => [f.reason, f.target.name, f.target.resourceKey, f.severity, f.message]),
    [
      ['BackOff', 'api', 'deployments.apps', 'warning', '20× in 10m: BackOff happened'],
      ['FailedCreate', 'web', 'deployments.apps', 'notice', '3× in 10m: FailedCreate happened'],
    ],
  );
});

test('countSince: all of a burst inside the window, at least one when the last is inside', () => {
  const w = { reason: 'r', message: '', group: '', kind: 'Pod', namespace: 'n', name: 'p', uid: 'u', count: 3, first: NOW - 60 * min, last: NOW - min };
  assert.equal(countSince({ ...w, first: NOW - 2 * min }, NOW - 10 * min), 3);
  assert.equal(countSince(w, NOW - 10 * min), 1);
  assert.equal(countSince({ ...w, last: NOW - 11 * min }, NOW - 10 * min), 0);
});
