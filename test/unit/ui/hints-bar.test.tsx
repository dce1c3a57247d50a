/** The hints bar: built from the keymap in use, for the scope and selection, one line always. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Capability, KeyScope } from '../../../src/keys/actions.ts';
import { parseKeysFile } from '../../../src/keys/keys-file.ts';
import { defaultKeymap, type Keymap } from '../../../src/keys/keymap.ts';
import { cellWidth } from '../../../src/ui/text-fit.ts';
import { renderThemed } from '../../support/render-themed.tsx';

const { HintsBar, fitHints, hintsFor } = await import('../../../src/ui/components/hints-bar.tsx');
const { KeymapProvider } = await import('../../../src/ui/keys/keymap-context.tsx');

const pod = new Set<Capability>(['logs', 'exec', 'delete', 'owner']);
const deployment = new Set<Capability>(['logs', 'scale', 'rollout', 'delete', 'drill']);

function bar(props: { scope: KeyScope; capabilities?: ReadonlySet<Capability>; readonly?: boolean; width?: number; keymap?: Keymap }): string {
  const { lastFrame, unmount } = renderThemed(
    <KeymapProvider keymap={props.keymap ?? defaultKeymap}>
      <HintsBar scope={props.scope} capabilities={props.capabilities} readonly={props.readonly ?? false} width={props.width ?? 100} />
    </KeymapProvider>,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

test('a pod row offers its actions first, then the global ones, each as key and label', () => {
  const line = bar({ scope: 'table', capabilities: pod });
  for (const hint of ['d describe', 'y yaml', 'l logs', 's shell', '<ctrl-d> delete', '/ filter', '? help', 'q quit']) {
    assert.ok(line.includes(hint), `${hint} in ${line}`);
  }
  assert.ok(!line.includes('scale'), 'pods cannot be scaled');
  assert.ok(!line.includes('open'), 'pods have nothing to drill into');
  assert.ok(line.indexOf('d describe') < line.indexOf('? help'), 'the table hints come before the global ones');
});

test('a deployment offers scale and open, not shell', () => {
  const line = bar({ scope: 'table', capabilities: deployment });
  assert.ok(line.includes('<enter> open') && line.includes('s scale'), line);
  assert.ok(!line.includes('shell'), line);
});

test('an override from keys.yaml shows its new key', () => {
  const { keymap, problems } = parseKeysFile('keys:\n  describe: D\n  help: [H, "?"]\n', '/tmp/keys.yaml');
  assert.deepEqual(problems, []);
  const line = bar({ scope: 'table', capabilities: pod, keymap });
  assert.ok(line.includes('D describe') && line.includes('H help'), line);
  assert.ok(!line.includes('d describe') && !line.includes('? help'), 'the first key of the list is the one shown');
});

test('--readonly hides the actions that change the cluster', () => {
  const line = bar({ scope: 'table', capabilities: pod, readonly: true });
  assert.ok(line.includes('d describe'), line);
  for (const gone of ['shell', 'delete']) assert.ok(!line.includes(gone), `${gone} hidden: ${line}`);
});

test('in a pane, q closes: the hint says so and quit is not offered on a key it does not have', () => {
  const line = bar({ scope: 'logs' });
  assert.ok(line.includes('<esc> close'), line);
  assert.ok(line.includes('w wrap'), line);
  assert.ok(!line.includes('quit'), line);
});

test('a narrow terminal drops whole hints, help last, and never wraps', () => {
  for (const width of [60, 30, 14]) {
    const frame = bar({ scope: 'table', capabilities: pod, width });
    const lines = frame.split('\n');
    assert.equal(lines.length, 1, `one line at ${width}`);
    assert.ok(cellWidth(lines[0]!) <= width, `${JSON.stringify(lines[0])} fits ${width}`);
    assert.ok(frame.includes('? help'), `help survives at ${width}: ${frame}`);
    assert.ok(!frame.includes('…'), 'hints are dropped whole, not cut');
  }
  assert.ok(!bar({ scope: 'table', capabilities: pod, width: 30 }).includes('describe'));
  assert.equal(bar({ scope: 'table', capabilities: pod, width: 12 }), 'q quit', 'quit is the first row of the table');
});

test('fitHints keeps the highest-priority hints that fit, in display order', () => {
  const hints = hintsFor(defaultKeymap, { scope: 'table', capabilities: pod, readonly: false });
  const order = defaultKeymap.actions.map((a) => a.id);
  assert.deepEqual(fitHints(hints, order, 1000), hints);
  assert.deepEqual(fitHints(hints, order, 3), []);
  const kept = fitHints(hints, order, 20).map((h) => h.id);
  assert.deepEqual(kept, ['quit', 'help'], 'the first rows of the action table (q quit  ? help is 14 cells)');
});
