/** The default table has no clashes, and the clash rule knows which capabilities meet. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionSpecs, keyGroups } from '../../../src/keys/actions.ts';
import { normaliseKeyName } from '../../../src/keys/key-name.ts';
import { buildKeymap, defaultKeymap, findClashes, mayMeet } from '../../../src/keys/keymap.ts';

test('findClashes(defaultKeymap) is empty', () => {
  assert.deepEqual(findClashes(defaultKeymap), []);
});

test('every default key is canonical, every id unique, every group known', () => {
  const ids = new Set<string>();
  for (const spec of actionSpecs) {
    assert.ok(!ids.has(spec.id), `duplicate id ${spec.id}`);
    ids.add(spec.id);
    assert.ok(spec.keys.length > 0, `${spec.id} has a key`);
    for (const key of spec.keys) assert.equal(normaliseKeyName(key), key, `${spec.id}: ${key}`);
    assert.ok((keyGroups as readonly string[]).includes(spec.group));
  }
});

test('a key shared by two actions of one scope is a clash unless no object offers both', () => {
  const clashes = findClashes(buildKeymap({ logs: ['s'] }));
  // Pods have logs and a shell, deployments logs and scale; shell and scale never meet.
  assert.deepEqual(clashes, [
    { key: 's', scope: 'table', actions: ['logs', 'shell'] },
    { key: 's', scope: 'table', actions: ['logs', 'scale'] },
  ]);
  const shell = defaultKeymap.action('shell')!;
  assert.equal(mayMeet(shell, defaultKeymap.action('scale')!), false, 'pods cannot be scaled');
  assert.equal(mayMeet(shell, defaultKeymap.action('logs')!), true, 'pods have logs and a shell');
  assert.equal(mayMeet(defaultKeymap.action('scale')!, defaultKeymap.action('restart')!), true, 'deployments scale and roll out');
});

test('s suspends cron jobs beside shell and scale: no object offers two of them', () => {
  const suspend = defaultKeymap.action('suspend-cronjob')!;
  assert.deepEqual(suspend.keys, ['s']);
  assert.equal(mayMeet(suspend, defaultKeymap.action('shell')!), false, 'cron jobs have no shell');
  assert.equal(mayMeet(suspend, defaultKeymap.action('scale')!), false, 'cron jobs have no scale subresource');
  assert.equal(mayMeet(suspend, defaultKeymap.action('trigger-cronjob')!), true, 'both act on cron jobs');
  assert.equal(defaultKeymap.resolve('table', 's', { capabilities: new Set(['cronjob', 'delete']) })?.id, 'suspend-cronjob');
  assert.equal(defaultKeymap.resolve('table', 't', { capabilities: new Set(['cronjob']) })?.id, 'trigger-cronjob');
  assert.equal(defaultKeymap.resolve('table', 't', { capabilities: new Set(['scale']) }), undefined, 't is nothing elsewhere');
});
