/** The status line: one message at a time, cut only between words. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StreamState } from '../../../src/kube/stream-types.ts';
import { truncateWords } from '../../../src/ui/status-text.ts';
import { cellWidth } from '../../../src/ui/text-fit.ts';
import { renderThemed } from '../../support/render-themed.tsx';

const { StatusLine } = await import('../../../src/ui/components/status-line.tsx');

const reason = 'Unable to connect to the server: dial tcp 127.0.0.1:6443: connect: connection refused';
const discovery = `Discovery failed: ${reason}`;
const failed: StreamState = { phase: 'failed', reason };

function line(props: { state: StreamState; flash?: string; width?: number }): string {
  const { lastFrame, unmount } = renderThemed(
    <StatusLine state={props.state} shown={0} total={0} now={0} title="pods (default)" width={props.width ?? 100} flash={props.flash ? { text: props.flash, level: 'error' } : undefined} />,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

/** Every word on the line, ellipsis aside, is a whole word of one of the texts it came from. */
function assertWholeWords(frame: string, ...sources: string[]): void {
  const words = new Set(sources.join(' ').split(' '));
  for (const token of frame.split(/\s+/).filter(Boolean)) {
    const word = token.replace(/…$/, '');
    if (word === '' || word === '●' || /^[\d,]+$/.test(word) || ['pods', '(default)'].includes(word)) continue;
    assert.ok(
      [...words].some((w) => w === word || (w.startsWith(word) && /^[:;,.(-]+$/.test(w.slice(word.length)))),
      `"${token}" is a cut word in:\n${frame}`,
    );
  }
}

test('with the server unreachable, the flash and the stream reason do not run together', () => {
  const frame = line({ state: failed, flash: discovery });
  assert.equal(frame.split('\n').length, 1);
  assert.ok(cellWidth(frame) <= 100, frame);
  assert.doesNotMatch(frame, /…\S/, `an ellipsis glued to the next message:\n${frame}`);
  // One message: the flash; the stream says only that it failed.
  assert.match(frame, /● failed\s/);
  assert.equal(frame.split('Unable to connect').length - 1, 1, `one message at a time:\n${frame}`);
  assert.match(frame, /Discovery failed: Unable to connect/);
  assertWholeWords(frame, `failed: ${reason}`, discovery);
});

test('without a flash the stream reason is shown, cut after a whole word', () => {
  const frame = line({ state: failed, width: 60 });
  assert.ok(cellWidth(frame) <= 60, frame);
  assert.match(frame, /● failed: Unable to connect to the…\s+0$/);
  assertWholeWords(frame, `failed: ${reason}`);
});

test('a narrow line cuts the flash at a word boundary too', () => {
  const frame = line({ state: { phase: 'live', since: 0 }, flash: discovery, width: 56 });
  assert.ok(cellWidth(frame) <= 56, frame);
  assert.match(frame, /● live\s+0\s+Discovery failed: Unable to…$/);
  assertWholeWords(frame, 'live', discovery);
});

test('truncateWords keeps whole words and drops trailing punctuation before the ellipsis', () => {
  assert.equal(truncateWords('short', 10), 'short');
  assert.equal(truncateWords('Unable to connect to the server: refused', 34), 'Unable to connect to the server…');
  assert.equal(truncateWords('Unable to connect', 9), 'Unable…');
  assert.equal(truncateWords('Supercalifragilistic word', 8), '…');
  assert.equal(truncateWords('anything', 0), '');
});
