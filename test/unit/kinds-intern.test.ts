/** Rows share one copy of the strings they repeat, and unique strings do not pile up in the table. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intern, internAll } from '../../src/kinds/intern.ts';
import { containerFigures, podFigures } from '../../src/kinds/resource-figures.ts';

test('interning gives back the same text, through generations of unique strings', () => {
  const repeated = ['1/1', 'Running', '80/TCP', '- - -', 'ghcr.io/acme/shop-migrate:2.4.1'];
  for (let i = 0; i < 20_000; i++) {
    const unique = `10.244.${i >> 8}.${i & 255}`;
    assert.equal(intern(unique), unique);
    const text = repeated[i % repeated.length]!;
    assert.equal(intern(`${text}`), text);
  }
  // Longer than the table keeps: returned as is.
  const long = 'x'.repeat(100);
  assert.equal(intern(long), long);
  assert.deepEqual(internAll(['a', 'b', 'a']), ['a', 'b', 'a']);
});

test('containers and pods without requests or limits share one frozen figures object', () => {
  const none = containerFigures({ name: 'web' });
  assert.equal(containerFigures({ name: 'other', resources: {} }), none);
  assert.equal(podFigures({ containers: [{ name: 'a' }, { name: 'b' }] }), none);
  assert.ok(Object.isFrozen(none));
  const some = containerFigures({ resources: { requests: { cpu: '100m' } } });
  assert.notEqual(some, none);
  assert.equal(some.cpuRequest, 100);
});
