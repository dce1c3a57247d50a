/** The ? help screen: generated from the keymap in use, fitted, scrollable, closable. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionSpecs, keyGroups } from '../../../src/keys/actions.ts';
import { parseKeysFile } from '../../../src/keys/keys-file.ts';
import { defaultKeymap, type Keymap } from '../../../src/keys/keymap.ts';
import { cellWidth } from '../../../src/ui/text-fit.ts';
import { waitFor } from '../../support/wait-for.ts';
import { renderThemed } from '../../support/render-themed.tsx';

const { HelpScreen, helpLines } = await import('../../../src/ui/components/help-screen.tsx');
const { KeymapProvider } = await import('../../../src/ui/keys/keymap-context.tsx');

const configPath = '/etc/kx-test/keys.yaml';
// Long enough for a key that waits for the previous key's render (key-dispatch.tsx) to be drawn too.
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 20));
const plain = (lines: ReturnType<typeof helpLines>) => lines.map((l) => l.map((s) => s.text).join(''));

function open(props: { keymap?: Keymap; width?: number; height?: number; readonly?: boolean; problems?: string[]; onClose?: () => void }) {
  return renderThemed(
    <KeymapProvider keymap={props.keymap ?? defaultKeymap}>
      <HelpScreen
        width={props.width ?? 100}
        height={props.height ?? 500}
        readonly={props.readonly ?? false}
        problems={props.problems ?? []}
        configPath={configPath}
        onClose={props.onClose ?? (() => undefined)}
      />
    </KeymapProvider>,
  );
}

test('every action is listed under its group, groups in keyGroups order, with keys and id', () => {
  const lines = plain(helpLines(defaultKeymap, { width: 200, readonly: false, problems: [], configPath }));
  const headings = lines.filter((l) => (keyGroups as readonly string[]).includes(l));
  assert.deepEqual(
    headings,
    keyGroups.filter((g) => actionSpecs.some((a) => a.group === g)),
  );
  const escape = (t: string) => t.replace(/[?[\]/<>.*+()|{}^$\\]/g, '\\$&');
  for (const a of actionSpecs) {
    const keys = a.keys.map((k) => (k.length === 1 ? k : `<${k}>`)).join(' / ');
    const at = lines.findIndex((l) => new RegExp(`^[! ] ${escape(keys)}\\s+${escape(a.id)}\\s+${escape(a.description)}$`).test(l));
    assert.ok(at >= 0, `${a.id}: its keys, id and description on one line`);
    const heading = lines.lastIndexOf(a.group, at);
    assert.ok(heading >= 0 && !lines.slice(heading + 1, at).some((l) => (keyGroups as readonly string[]).includes(l)), `${a.id} under ${a.group}`);
  }
  assert.ok(
    lines.some((l) => l.includes(configPath)),
    'names the keys.yaml path',
  );
});

test('an override from keys.yaml shows in the help screen', () => {
  const { keymap } = parseKeysFile('keys:\n  describe: D\n  delete: [ctrl-x]\n', configPath);
  const { lastFrame, unmount } = open({ keymap });
  const frame = lastFrame() ?? '';
  unmount();
  const describe = frame.split('\n').find((l) => l.includes('Describe the object'))!;
  assert.match(describe, /^ {2}D\s+describe\s/);
  assert.match(frame, /^! <ctrl-x>\s+delete\s+Delete the object/m);
  assert.ok(!/<ctrl-d>\s+delete/.test(frame));
});

test('actions that change the cluster are marked, and hidden with readonly', () => {
  const all = open({});
  const frame = all.lastFrame() ?? '';
  all.unmount();
  const mutating = actionSpecs.filter((a) => a.mutates);
  assert.ok(mutating.length > 0);
  for (const a of mutating) assert.match(frame, new RegExp(`^! .*${a.description.slice(0, 20).replace(/[().$]/g, '\\$&')}`, 'm'), a.id);
  assert.match(frame, /^ {2}d\s+describe/m, 'others are not marked');

  const ro = open({ readonly: true });
  const roFrame = ro.lastFrame() ?? '';
  ro.unmount();
  for (const a of mutating) assert.ok(!roFrame.includes(a.description.slice(0, 20)), `${a.id} hidden`);
  assert.ok(roFrame.includes('Describe the object'));
  assert.ok(roFrame.includes('Read-only'));
});

test('problems from keys.yaml are listed at the top', () => {
  const problems = parseKeysFile('keys:\n  desribe: D\n  describe: y\n', configPath).problems;
  assert.equal(problems.length, 2);
  const { lastFrame, unmount } = open({ problems, width: 80 });
  const lines = (lastFrame() ?? '').split('\n');
  unmount();
  const first = lines.findIndex((l) => l.includes('no action "desribe"'));
  const second = lines.findIndex((l) => l.includes('would both answer'));
  const general = lines.indexOf('General');
  assert.ok(first > 0 && second > first && general > second, 'problems come before the keys');
  assert.match(lines.slice(0, first).join('\n'), /2 problems/);
});

test('a narrow terminal: every line fits the width, descriptions wrap instead of vanishing', () => {
  for (const width of [80, 50, 30]) {
    const { lastFrame, unmount } = open({ width, problems: ['/etc/kx-test/keys.yaml line 9: a long problem sentence that has to wrap onto further lines.'] });
    const lines = (lastFrame() ?? '').split('\n');
    unmount();
    for (const l of lines) assert.ok(cellWidth(l) <= width, `${JSON.stringify(l)} fits ${width}`);
    const text = lines.map((l) => l.trim()).join(' ');
    assert.ok(text.includes('CRD → its resources'), `the end of the longest description is still there at ${width}`);
  }
});

test('taller than the pane: scrolls with j, pgdn and G, and says where it is', async () => {
  const { lastFrame, stdin, unmount } = open({ height: 10 });
  try {
    const lines = () => (lastFrame() ?? '').split('\n');
    assert.equal(lines().length, 10);
    assert.match(lines()[0]!, /^Keys/);
    assert.match(lines()[9]!, /^lines 1–9 of \d+ · j k <pgdn> <pgup> scroll · <esc> closes$/);
    stdin.write('j');
    await tick();
    assert.match(lines()[9]!, /^lines 2–10 of/);
    assert.doesNotMatch(lines()[0]!, /^Keys/);
    stdin.write('G');
    await tick();
    const total = Number(/of (\d+)/.exec(lines()[9]!)![1]);
    assert.match(lines()[9]!, new RegExp(`^lines ${total - 8}–${total} of ${total}`));
    assert.match(lines()[8]!, /Cancel\.$/, 'the last action is on screen');
    stdin.write('j');
    await tick();
    assert.match(lines()[9]!, new RegExp(`^lines ${total - 8}–${total}`), 'no scrolling past the end');
    stdin.write('g');
    await tick();
    stdin.write('\x1b[6~'); // page down
    await tick();
    assert.match(lines()[9]!, /^lines 9–17 of/);
  } finally {
    unmount();
  }
});

test('closes on esc, q and ?, and on the keys an override gives pane-close', async () => {
  for (const key of ['\x1b', 'q', '?']) {
    let closed = 0;
    const { stdin, unmount } = open({ onClose: () => closed++ });
    await tick();
    stdin.write(key);
    // A lone esc is held back briefly in case more of an escape sequence follows.
    await waitFor('the help to close', () => closed > 0, 2000, 5);
    unmount();
    assert.equal(closed, 1, JSON.stringify(key));
  }
  const { keymap, problems } = parseKeysFile('keys:\n  pane-close: Q\n', configPath);
  assert.deepEqual(problems, []);
  let closed = 0;
  const { stdin, unmount } = open({ keymap, onClose: () => closed++ });
  await tick();
  stdin.write('q');
  await tick();
  assert.equal(closed, 0, 'q is no longer a pane key');
  stdin.write('Q');
  await tick();
  unmount();
  assert.equal(closed, 1);
});

test('help lists the : commands, so ":help lists the commands" is true', () => {
  const text = helpLines(defaultKeymap, { width: 120, readonly: false, problems: [], configPath: '/x/keys.yaml' })
    .map((l) => l.map((s) => s.text).join(''))
    .join('\n');
  assert.match(text, /^Commands \(:\)$/m);
  for (const usage of [':ns NAME', ':ctx \\[NAME\\]', ':help', ':q', ':RESOURCE NS']) assert.match(text, new RegExp(`^\\s+${usage}\\s{2,}\\S`, 'm'));
});
