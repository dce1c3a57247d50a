import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useState } from 'react';
import { markRanges, plainText, safeLine } from '../../../src/ui/panes/text-pane-ansi.ts';
import { findMatches, firstMatchFrom, stepMatch } from '../../../src/ui/panes/text-pane-search.ts';
import { renderThemed } from '../../support/render-themed.tsx';

// Colours on, so match emphasis can be seen in frames (set before Ink loads).
process.env['FORCE_COLOR'] = '1';
const { TextPane } = await import('../../../src/ui/panes/text-pane.tsx');

const strip = (s: string | undefined) => (s ?? '').replace(/\x1b\[[0-9;]*m/g, '');
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
async function press(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    // Ink holds a lone ESC for 20 ms to tell it from the start of an escape sequence.
    if (k === '\x1b') await new Promise((resolve) => setTimeout(resolve, 40));
    await tick();
    await tick();
  }
}
const lines = Array.from({ length: 200 }, (_, i) => `line ${String(i).padStart(3, '0')}${i % 50 === 7 ? ' needle here' : ''}`);

function Pane(props: { lines?: readonly string[]; height?: number; width?: number; wrap?: boolean; closed?: string[] }) {
  return (
    <TextPane
      title="Describe Pod shop/web"
      status={{ text: 'live', tone: 'ok' }}
      lines={props.lines ?? lines}
      width={props.width ?? 40}
      height={props.height ?? 12}
      active
      wrap={props.wrap ?? false}
      onClose={() => props.closed?.push('closed')}
    />
  );
}

test('only the lines that fit are drawn, with the title and position', () => {
  const { lastFrame, unmount } = renderThemed(<Pane />);
  const frame = strip(lastFrame()).split('\n');
  unmount();
  assert.equal(frame.length, 12, 'title, ten body rows, footer');
  assert.match(frame[0]!, /^Describe Pod shop\/web {2}live\s+1-10\/200$/);
  assert.equal(frame[1], 'line 000');
  assert.equal(frame[10], 'line 009');
  assert.match(frame[11]!, /\/ search · esc close/);
  assert.ok(!frame.some((l) => l.includes('line 010')));
});

test('j/k, page down, G and g scroll; the view never runs past the end', async () => {
  const { lastFrame, stdin, unmount } = renderThemed(<Pane />);
  const first = () => strip(lastFrame()).split('\n')[1];
  await press(stdin, 'j', 'j');
  assert.equal(first(), 'line 002');
  await press(stdin, 'k');
  assert.equal(first(), 'line 001');
  await press(stdin, ' ');
  assert.equal(first(), 'line 011', 'space is one page (ten rows) down');
  await press(stdin, 'G');
  assert.equal(first(), 'line 190');
  assert.match(strip(lastFrame()).split('\n')[0]!, /191-200\/200$/);
  await press(stdin, 'j');
  assert.equal(first(), 'line 190', 'no scrolling past the last line');
  await press(stdin, 'g');
  assert.equal(first(), 'line 000');
  unmount();
});

test('/ searches: matches counted and emphasised, n and N move between them with wrap-around', async () => {
  const { lastFrame, stdin, unmount } = renderThemed(<Pane width={60} />);
  await press(stdin, '/');
  assert.match(strip(lastFrame()).split('\n').at(-1)!, /^\//, 'the prompt opens in the footer');
  await press(stdin, 'n', 'e', 'e', 'd', 'l', 'e', '\r');
  let frame = strip(lastFrame()).split('\n');
  assert.match(frame.at(-1)!, /\/needle {2}match 1 of 4 · n next · N previous/);
  assert.ok(frame.includes('line 007 needle here'));
  // Ink writes each style as its own sequence.
  assert.ok(lastFrame()!.includes('\x1b[7m\x1b[1m\x1b[4mneedle'), 'the current match is emphasised (inverse, bold, underlined without colour)');
  await press(stdin, 'n');
  frame = strip(lastFrame()).split('\n');
  assert.match(frame.at(-1)!, /match 2 of 4/);
  assert.ok(frame.includes('line 057 needle here'), 'the view moved to the second match');
  await press(stdin, 'N', 'N');
  frame = strip(lastFrame()).split('\n');
  assert.match(frame.at(-1)!, /match 4 of 4/, 'N before the first wraps to the last');
  assert.ok(frame.includes('line 157 needle here'));
  await press(stdin, '/', 'z', 'z', 'z', '\r');
  assert.match(strip(lastFrame()).split('\n').at(-1)!, /\/zzz {2}no match/);
  unmount();
});

test('esc while typing a search cancels it; esc and q close the pane', async () => {
  const closed: string[] = [];
  const { stdin, lastFrame, unmount } = renderThemed(<Pane closed={closed} />);
  await press(stdin, '/', 'q', '\x1b');
  assert.deepEqual(closed, [], 'q typed into the search and esc cancelled it');
  assert.match(strip(lastFrame()).split('\n').at(-1)!, /\/ search · esc close/);
  await press(stdin, 'q');
  assert.deepEqual(closed, ['closed']);
  unmount();
});

test('long lines are cut to the width; wrapping shows them whole', async () => {
  const long = ['x'.repeat(100), 'short'];
  const cut = renderThemed(<Pane lines={long} width={30} />);
  const cutFrame = strip(cut.lastFrame()).split('\n');
  cut.unmount();
  assert.equal(cutFrame[1], 'x'.repeat(29) + '…');
  assert.equal(cutFrame[2], 'short');
  const wrapped = renderThemed(<Pane lines={long} width={30} wrap />);
  const wrapFrame = strip(wrapped.lastFrame()).split('\n');
  wrapped.unmount();
  assert.deepEqual(wrapFrame.slice(1, 6), ['x'.repeat(30), 'x'.repeat(30), 'x'.repeat(30), 'x'.repeat(10), 'short']);
});

test('w wraps and unwraps; h/l (and ←/→) scroll a cut line sideways until all of it has been seen; the footer says where', async () => {
  const value = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(10)).join('');
  const { lastFrame, stdin, unmount } = renderThemed(<Pane lines={[value, 'short']} width={30} />);
  const frame = () => strip(lastFrame()).split('\n');
  assert.match(frame().at(-1)!, /^wrap off · col 1-30 of 100 · /);
  let seen = frame()[1]!.replace(/…$/, '');
  for (let i = 0; i < 6; i++) {
    await press(stdin, 'l');
    const row = frame()[1]!;
    const col = Number(/col (\d+)-/.exec(frame().at(-1)!)![1]);
    // What this window shows, placed at its column, extends what was seen.
    seen = seen.slice(0, col - 1) + row.replace(/…$/, '');
  }
  assert.equal(seen, value, 'every character was on screen at some offset');
  assert.match(frame().at(-1)!, /col 71-100 of 100/, 'never past the end of the widest line');
  assert.equal(frame()[2], '', 'a short line scrolled past its end is empty');
  await press(stdin, 'h', '\x1b[D');
  assert.match(frame().at(-1)!, /col 41-70 of 100/, 'h and ← scroll back half a screen each');
  await press(stdin, 'w');
  assert.match(frame().at(-1)!, /^wrap on · /);
  assert.deepEqual(frame().slice(1, 6), [value.slice(0, 30), value.slice(30, 60), value.slice(60, 90), value.slice(90), 'short']);
  await press(stdin, 'w');
  assert.match(frame().at(-1)!, /col 41-70/, 'unwrapping keeps the offset');
  unmount();
});

test('a search match off to the side scrolls into view, marked; copy takes whole lines however they are shown', async () => {
  const long = 'a'.repeat(80) + 'needle' + 'b'.repeat(40);
  const { lastFrame, stdin, unmount } = renderThemed(<Pane lines={[long]} width={30} />);
  await press(stdin, '/', ...'needle', '\r');
  const frame = lastFrame()!.split('\n');
  assert.match(strip(frame[1]), /needle/);
  assert.match(frame[1]!, /\x1b\[7m(\x1b\[[0-9;]*m)*needle/, 'the current match is marked');
  assert.match(strip(frame.at(-1)), /match 1 of 1/);
  unmount();
  const copied: string[] = [];
  const pane = renderThemed(<TextPane title="t" lines={[long]} width={30} height={5} active onClose={() => {}} onCopy={(text) => copied.push(text)} />);
  await press(pane.stdin, 'l', 'c', 'w', 'c');
  pane.unmount();
  assert.deepEqual(copied, [long, long]);
});

test('lines that change keep the view; a shorter text pulls it back in range', async () => {
  function Changing() {
    const [n, setN] = useState(200);
    (globalThis as { setLineCount?: (n: number) => void }).setLineCount = setN;
    return <Pane lines={lines.slice(0, n)} />;
  }
  const { stdin, lastFrame, unmount } = renderThemed(<Changing />);
  await press(stdin, 'j', 'j', 'j');
  (globalThis as { setLineCount?: (n: number) => void }).setLineCount!(150);
  await tick();
  assert.equal(strip(lastFrame()).split('\n')[1], 'line 003');
  (globalThis as { setLineCount?: (n: number) => void }).setLineCount!(5);
  await tick();
  assert.equal(strip(lastFrame()).split('\n')[1], 'line 000');
  unmount();
});

test('after G a growing text keeps its last lines in view, until the user scrolls up', async () => {
  function Growing() {
    const [n, setN] = useState(100);
    (globalThis as { growTo?: (n: number) => void }).growTo = setN;
    return <Pane lines={lines.slice(0, n)} />;
  }
  const grow = async (n: number) => {
    (globalThis as { growTo?: (n: number) => void }).growTo!(n);
    await tick();
    await tick();
  };
  const { stdin, lastFrame, unmount } = renderThemed(<Growing />);
  const body = () => strip(lastFrame()).split('\n');
  await press(stdin, 'G');
  assert.equal(body()[10], 'line 099');
  await grow(103);
  assert.equal(body()[10], 'line 102', 'the new last line is shown');
  assert.match(body()[0]!, /94-103\/103$/);
  await press(stdin, 'k');
  assert.equal(body()[10], 'line 101');
  await grow(110);
  assert.equal(body()[10], 'line 101', 'scrolled up: the view stays where the user put it');
  unmount();
});

test('ANSI lines: only colour survives, tabs expand, matches are marked by plain-text position', () => {
  assert.equal(safeLine('a\tb'), 'a       b');
  assert.equal(safeLine('\x1b[31mred\x1b[0m\x1b[2J\x1b]0;title\x07!'), '\x1b[31mred\x1b[0m!');
  assert.equal(safeLine('bell\x07'), 'bell^G');
  assert.equal(plainText('\x1b[33mkey\x1b[39m: value'), 'key: value');
  const marked = markRanges('\x1b[33mkey\x1b[39m: value', [{ start: 1, end: 5, current: false }], true);
  assert.equal(plainText(marked), 'key: value');
  assert.equal(marked, '\x1b[33mk\x1b[7mey\x1b[39m\x1b[7m: \x1b[27;22;24;39m\x1b[39mvalue');
});

test('search helpers: smart case, every occurrence, stepping wraps', () => {
  const text = ['Foo foo FOO', 'bar'];
  assert.equal(findMatches(text, 'foo').length, 3, 'lower case matches any case');
  assert.deepEqual(findMatches(text, 'Foo'), [{ line: 0, start: 0, end: 3 }], 'a capital makes it exact');
  assert.deepEqual(
    findMatches(['aaaa'], 'aa').map((m) => m.start),
    [0, 2],
  );
  assert.equal(firstMatchFrom(findMatches(['x', 'a', 'x', 'a'], 'a'), 2), 1);
  assert.equal(firstMatchFrom(findMatches(['a', 'x'], 'a'), 1), 0, 'wraps to the first');
  assert.equal(stepMatch(3, 2, 1), 0);
  assert.equal(stepMatch(3, 0, -1), 2);
  assert.equal(stepMatch(0, -1, 1), -1);
});
