/** `c` in a text pane: the visible lines, or the current match's line while searching, over OSC 52. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { captureOsc52 } from '../../support/osc52-capture.ts';
import { renderThemed } from '../../support/render-themed.tsx';
import { copyPaneText, paneCopyText } from '../../../src/ui/panes/pane-copy.ts';
import type { PaneFlash } from '../../../src/ui/panes/pane-types.ts';
import { namespacedName, osc52 } from '../../../src/ui/clipboard.ts';

process.env['FORCE_COLOR'] = '1';
const { TextPane } = await import('../../../src/ui/panes/text-pane.tsx');

const clipboard = captureOsc52();
after(() => clipboard.restore());

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
async function press(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    await tick();
    await tick();
  }
}
const seq = (text: string): string => `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
const lines = Array.from({ length: 200 }, (_, i) => `line ${String(i).padStart(3, '0')}${i % 50 === 7 ? ' needle here' : ''}`);

function Pane(props: { lines: readonly string[]; flashes: PaneFlash[] }) {
  return (
    <TextPane
      title="Describe Pod shop/web"
      lines={props.lines}
      width={60}
      height={12}
      active
      onClose={() => undefined}
      onCopy={(text, fromMatch) => copyPaneText(text, fromMatch, (f) => props.flashes.push(f))}
    />
  );
}

test('osc52 is ESC ] 52 ; c ; base64 of exactly the text, BEL', () => {
  assert.equal(osc52('shop/web-1'), '\x1b]52;c;c2hvcC93ZWItMQ==\x07');
  assert.equal(osc52('ünï\ncode'), seq('ünï\ncode'));
  assert.equal(namespacedName({ namespace: 'shop', name: 'web-1' }), 'shop/web-1');
  assert.equal(namespacedName({ namespace: '', name: 'node-a' }), 'node-a', 'cluster-scoped: the name alone');
  assert.equal(paneCopyText(['a', 'b'], undefined), 'a\nb');
  assert.equal(paneCopyText(['a', 'b'], 'b'), 'b');
});

test('c copies the lines on screen, j moves what is copied, C is the same action', async () => {
  clipboard.sequences.length = 0;
  const flashes: PaneFlash[] = [];
  const { stdin, unmount } = renderThemed(<Pane lines={lines} flashes={flashes} />);
  await press(stdin, 'c');
  assert.deepEqual(clipboard.sequences, [seq(lines.slice(0, 10).join('\n'))]);
  assert.deepEqual(flashes.at(-1), { text: 'Copied 10 lines to the clipboard', level: 'info' });
  await press(stdin, 'j', 'j', 'C');
  assert.equal(clipboard.sequences[1], seq(lines.slice(2, 12).join('\n')));
  unmount();
});

test('while searching, c copies the current match’s line; n moves to the next match', async () => {
  clipboard.sequences.length = 0;
  const flashes: PaneFlash[] = [];
  const { stdin, unmount } = renderThemed(<Pane lines={lines} flashes={flashes} />);
  await press(stdin, '/');
  await press(stdin, ...'needle', '\r', 'c');
  assert.deepEqual(clipboard.texts(), ['line 007 needle here']);
  assert.deepEqual(flashes.at(-1), { text: 'Copied the matching line to the clipboard', level: 'info' });
  await press(stdin, 'n', 'c');
  assert.equal(clipboard.sequences[1], seq('line 057 needle here'));
  unmount();
});

test('colours are not copied: the text is what the screen shows, plain', async () => {
  clipboard.sequences.length = 0;
  const { stdin, unmount } = renderThemed(<Pane lines={['\x1b[1mName:\x1b[22m  web', '\x1b[33mStatus:\x1b[39m Running']} flashes={[]} />);
  await press(stdin, 'c');
  assert.deepEqual(clipboard.texts(), ['Name:  web\nStatus: Running']);
  unmount();
});
