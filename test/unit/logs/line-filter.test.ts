import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterLines, linePasses } from '../../../src/logs/line-filter.ts';
import type { LogLine } from '../../../src/logs/log-types.ts';

const origin = { namespace: 'default', pod: 'web-1', container: 'app', kind: 'regular' as const };
const line = (text: string): LogLine => ({ origin, timestamp: '', text });

test('no include and no exclude keeps every line (the same batch)', () => {
  const batch = [line('a'), line('b')];
  assert.equal(filterLines({ include: [], exclude: [] }, batch), batch);
});

test('includes: a line matching any of them is kept; excludes win over includes', () => {
  const filter = { include: [/GET/, /POST/], exclude: [/healthz/] };
  assert.equal(linePasses(filter, 'GET /api'), true);
  assert.equal(linePasses(filter, 'POST /cart'), true);
  assert.equal(linePasses(filter, 'PUT /cart'), false, 'matches no include');
  assert.equal(linePasses(filter, 'GET /healthz'), false, 'an exclude wins');
  assert.deepEqual(
    filterLines(filter, [line('GET /a'), line('PUT /b'), line('GET /healthz'), line('POST /c')]).map((l) => l.text),
    ['GET /a', 'POST /c'],
  );
});

test('excludes alone drop what they match, unanchored like stern', () => {
  assert.deepEqual(
    filterLines({ include: [], exclude: [/^\s*$/, /debug/] }, [line(''), line('level=debug x'), line('level=info y')]).map((l) => l.text),
    ['level=info y'],
  );
});
