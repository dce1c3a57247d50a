import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignTabs } from '../../../src/kinds/describe/tabwriter.ts';
import { DescribeWriter, escapeTerminal, nestedWriter } from '../../../src/kinds/describe/describe-writer.ts';
import { addQuantity, compareQuantity, formatQuantity, milliValue, parseQuantity, wholeValue } from '../../../src/kube/quantity.ts';
import { camelSplit, smartLabel } from '../../../src/kinds/describe/describe-generic.ts';
import { eventAge, eventFieldSelector, eventSource } from '../../../src/kinds/describe/events-section.ts';
import { rfc1123z } from '../../../src/kinds/describe/time-format.ts';
import type { KubeObject } from '../../../src/kube/object.ts';

test('tabwriter: consecutive lines with a cell in a column share its width; a line without tabs ends the block', () => {
  const text = 'Name:\tweb\nNamespace:\tshop\nContainers:\n  app:\n    Image:\tnginx\n    Port:\t80/TCP\n';
  assert.equal(alignTabs(text), 'Name:       web\nNamespace:  shop\nContainers:\n  app:\n    Image:  nginx\n    Port:   80/TCP\n');
});

test('tabwriter: nested columns, empty cells, and the last cell of a line outside every column', () => {
  const text = 'Type\tStatus\tReason\n----\t------\t------\nAvailable \tTrue\tMinimumReplicasAvailable\nX\t\n';
  assert.equal(alignTabs(text), 'Type        Status  Reason\n----        ------  ------\nAvailable   True    MinimumReplicasAvailable\nX           \n');
  // Columns are in terminal cells: a wide character takes two.
  assert.equal(alignTabs('名前:\tx\nab:\ty\n'), '名前:  x\nab:    y\n');
});

test('writer: indent levels, flush ends the columns, nested writers indent every write', () => {
  const w = new DescribeWriter();
  w.write(0, 'Long label:\tv\n');
  w.flush();
  w.write(1, 'a:\tb\n');
  const nested = nestedWriter(w, 2);
  nested.write(0, 'c:\td\n');
  nested.writeLine('e');
  // '  a:' and '    c:' are consecutive lines with a cell in column 0: one block, one width.
  assert.deepEqual(w.lines(), ['Long label:  v', '  a:    b', '    c:  d', '    e']);
});

test('writer: terminal control characters in values are shown, not sent', () => {
  assert.equal(escapeTerminal('a\x1b[2Jb\rc\x07'), 'a^[[2Jb\\rc^G');
  assert.equal(escapeTerminal('tab\tnewline\n'), 'tab\tnewline\n');
});

test('quantities print in canonical form like apimachinery', () => {
  const canon = (s: string) => formatQuantity(parseQuantity(s)!);
  assert.equal(canon('1024Mi'), '1Gi');
  assert.equal(canon('1536Mi'), '1536Mi');
  assert.equal(canon('1.5Gi'), '1536Mi');
  assert.equal(canon('1000m'), '1');
  assert.equal(canon('0.5'), '500m');
  assert.equal(canon('1500m'), '1500m');
  assert.equal(canon('2000'), '2k');
  assert.equal(canon('100Ki'), '100Ki');
  assert.equal(canon('0.5Ki'), '512');
  assert.equal(canon('12e6'), '12e6');
  assert.equal(canon('0'), '0');
  assert.equal(canon('102626232Ki'), '102626232Ki');
  assert.equal(canon('1n'), '1n');
  assert.equal(parseQuantity('abc'), undefined);
  assert.equal(parseQuantity('1.2.3'), undefined);
});

test("quantities add in the first one's format and round up for milli and whole values", () => {
  const q = (s: string) => parseQuantity(s)!;
  assert.equal(formatQuantity(addQuantity(q('100m'), q('250m'))), '350m');
  assert.equal(formatQuantity(addQuantity(q('128Mi'), q('256Mi'))), '384Mi');
  assert.equal(formatQuantity(addQuantity(q('0'), q('64Mi'))), '64Mi', 'a zero takes the other format');
  assert.equal(milliValue(q('1.5')), 1500);
  assert.equal(milliValue(q('1n')), 1);
  assert.equal(wholeValue(q('1500m')), 2);
  assert.equal(wholeValue(q('1Gi')), 1073741824);
  assert.equal(compareQuantity(q('1Gi'), q('1024Mi')), 0);
  assert.equal(compareQuantity(q('100m'), q('0.2')), -1);
});

test('generic labels: camel case split like fatih/camelcase, acronyms kept, fields with digits untouched', () => {
  assert.deepEqual(camelSplit('PDFLoader'), ['PDF', 'Loader']);
  assert.deepEqual(camelSplit('labelSelectorPath'), ['label', 'Selector', 'Path']);
  assert.equal(smartLabel('apiVersion'), 'API Version');
  assert.equal(smartLabel('uid'), 'UID');
  assert.equal(smartLabel('jsonPath'), 'Json Path');
  assert.equal(smartLabel('x-kubernetes-preserve-unknown-fields'), 'X - Kubernetes - Preserve - Unknown - Fields');
  assert.equal(smartLabel('openAPIV3Schema'), 'openAPIV3Schema');
  assert.equal(smartLabel('storage_class'), 'storage_class');
});

test('events: age with repeats and series, source, and the field selector kubectl uses', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  const event = (extra: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', uid: 'u' }, ...extra }) as KubeObject;
  assert.equal(eventAge(event({ firstTimestamp: '2026-11-22T11:55:00Z', lastTimestamp: '2026-11-22T11:55:00Z', count: 1 }), now), '5m');
  assert.equal(eventAge(event({ firstTimestamp: '2026-11-19T12:00:00Z', lastTimestamp: '2026-11-22T11:59:30Z', count: 42 }), now), '30s (x42 over 3d)');
  assert.equal(eventAge(event({ eventTime: '2026-11-22T10:00:00.000000Z', series: { count: 3, lastObservedTime: '2026-11-22T11:00:00.000000Z' } }), now), '60m (x3 over 120m)');
  assert.equal(eventAge(event({}), now), '<unknown>');
  assert.equal(eventSource(event({ source: { component: 'kubelet' }, reportingComponent: 'x' })), 'kubelet');
  assert.equal(eventSource(event({ reportingComponent: 'deployment-controller' })), 'deployment-controller');
  assert.equal(eventFieldSelector({ name: 'web', namespace: 'shop', uid: 'u1' }), 'involvedObject.name=web,involvedObject.namespace=shop,involvedObject.uid=u1');
  assert.equal(eventFieldSelector({ kind: 'Node', name: 'a,b=c', namespace: '', uid: 'n' }), 'involvedObject.kind=Node,involvedObject.name=a\\,b\\=c,involvedObject.namespace=,involvedObject.uid=n');
});

test('times: RFC 1123 with a numeric zone, Go zero time for a missing one', () => {
  const tz = process.env['TZ'];
  process.env['TZ'] = 'UTC';
  try {
    assert.equal(rfc1123z('2026-11-22T09:05:49Z'), 'Sun, 22 Nov 2026 09:05:49 +0000');
    assert.equal(rfc1123z(null), 'Mon, 01 Jan 0001 00:00:00 +0000');
  } finally {
    if (tz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = tz;
  }
});
