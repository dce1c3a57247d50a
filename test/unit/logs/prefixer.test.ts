import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colorIndexes, LineFormatter, useColor } from '../../../src/logs/prefixer.ts';
import type { LogLine, LogOrigin } from '../../../src/logs/log-types.ts';

const origin = (pod: string, container: string): LogOrigin => ({ namespace: 'shop', pod, container, kind: 'regular' });
const line = (o: LogOrigin, text: string): LogLine => ({ origin: o, timestamp: '2024-05-01T10:00:00.5Z', text });

test('plain lines without prefix are the text itself', () => {
  const f = new LineFormatter({ prefix: false, color: false, timestamps: false });
  const o = origin('web-1', 'app');
  assert.equal(f.formatBatch([line(o, 'one'), line(o, ''), line(o, 'three')]), 'one\n\nthree\n');
  assert.equal(f.formatBatch([]), '');
});

test('stern-like prefix, timestamps after it, namespace when asked', () => {
  const o = origin('web-1', 'app');
  assert.equal(new LineFormatter({ prefix: true, color: false, timestamps: false }).format(line(o, 'hi')), 'web-1 app hi\n');
  assert.equal(new LineFormatter({ prefix: true, color: false, timestamps: true }).formatBatch([line(o, 'hi')]), 'web-1 app 2024-05-01T10:00:00.5Z hi\n');
  assert.equal(new LineFormatter({ prefix: true, color: false, timestamps: false, namespace: true }).format(line(o, 'hi')), 'shop/web-1 app hi\n');
  assert.equal(new LineFormatter({ prefix: false, color: false, timestamps: true }).format(line(o, 'hi')), '2024-05-01T10:00:00.5Z hi\n');
});

test('colours are stable per name, and a pod and its container never share one', () => {
  const f = new LineFormatter({ prefix: true, color: true, timestamps: false });
  const text = f.format(line(origin('web-1', 'app'), 'hi'));
  assert.match(text, /^\x1b\[(\d+)mweb-1\x1b\[0m \x1b\[(\d+)mapp\x1b\[0m hi\n$/);
  assert.equal(new LineFormatter({ prefix: true, color: true, timestamps: false }).format(line(origin('web-1', 'app'), 'hi')), text, 'same colours in a new run');
  for (const pod of ['a', 'b', 'web-7d9f8-x2x4q', 'db-0', 'db-1']) {
    for (const container of ['app', 'envoy', 'init']) {
      const c = colorIndexes(pod, container);
      assert.notEqual(c.pod, c.container, `${pod}/${container}`);
    }
  }
  const pods = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((p) => colorIndexes(`web-${p}`, 'app').pod));
  assert.ok(pods.size > 2, 'different pods get different colours');
});

test('colour only on a terminal and without NO_COLOR', () => {
  assert.equal(useColor({ isTTY: true }, {}), true);
  assert.equal(useColor({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(useColor({ isTTY: true }, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
  assert.equal(useColor({ isTTY: false }, {}), false);
  assert.equal(useColor({}, {}), false);
});

test("stern's -o raw and -o json, kubectl's --prefix style, --color always and never", () => {
  const o = { namespace: 'shop', pod: 'web-1', container: 'app', kind: 'regular' as const, node: 'n1' };
  const l = { origin: o, timestamp: '2024-05-01T10:00:00.5Z', text: 'hi "there"' };
  assert.equal(new LineFormatter({ prefix: true, color: true, timestamps: true, output: 'raw' }).format(l), '2024-05-01T10:00:00.5Z hi "there"\n');
  assert.equal(
    new LineFormatter({ prefix: true, color: true, timestamps: false, output: 'json' }).formatBatch([l]),
    '{"message":"hi \\"there\\"","nodeName":"n1","namespace":"shop","podName":"web-1","containerName":"app"}\n',
  );
  assert.equal(new LineFormatter({ prefix: true, color: false, timestamps: false, prefixStyle: 'kubectl' }).formatBatch([l]), '[pod/web-1/app] hi "there"\n');
  assert.equal(useColor({ isTTY: false }, {}, 'always'), true);
  assert.equal(useColor({ isTTY: true }, {}, 'never'), false);
  assert.equal(useColor({ isTTY: true }, { NO_COLOR: '1' }, 'auto'), false);
});
