/**
 * The context and container pickers act on the row the last key moved to, even when the keys
 * come in one chunk ('j' then enter typed faster than a frame, or sent together by tmux).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultKeymap } from '../../../src/keys/keymap.ts';
import { renderThemed } from '../../support/render-themed.tsx';

const { ContextPicker } = await import('../../../src/ui/explorer/context-picker.tsx');
const { ContainerPicker } = await import('../../../src/ui/panes/container-picker.tsx');
const { KeymapProvider } = await import('../../../src/ui/keys/keymap-context.tsx');

const tick = () => new Promise((r) => setTimeout(r, 30));

test("'j' and enter in one chunk switch to the next context, not the current one", async () => {
  const picked: string[] = [];
  const contexts = [
    { name: 'kx-demo', cluster: 'kx-demo', user: 'kx-demo', namespace: undefined, current: true },
    { name: 'second', cluster: 'kx-demo', user: 'kx-demo', namespace: 'payments', current: false },
  ];
  const { stdin, unmount, lastFrame } = renderThemed(
    <KeymapProvider keymap={defaultKeymap}>
      <ContextPicker contexts={contexts as never} width={100} height={10} onPick={(n) => picked.push(n)} onPickSeveral={() => assert.fail('nothing was marked')} onClose={() => undefined} />
    </KeymapProvider>,
  );
  try {
    await tick();
    assert.match(lastFrame() ?? '', /contexts \(2\)/);
    stdin.write('j\r');
    await tick();
    assert.deepEqual(picked, ['second']);
  } finally {
    unmount();
  }
});

test('space marks contexts; enter then shows the view in the marked ones, in the kubeconfig’s order', async () => {
  const picked: string[] = [];
  const several: (readonly string[])[] = [];
  const contexts = ['prod', 'staging', 'dev'].map((name, i) => ({ name, cluster: name, user: 'me', namespace: undefined, current: i === 0 }));
  const { stdin, unmount, lastFrame } = renderThemed(
    <KeymapProvider keymap={defaultKeymap}>
      <ContextPicker contexts={contexts as never} width={120} height={10} onPick={(n) => picked.push(n)} onPickSeveral={(names) => several.push(names)} onClose={() => undefined} />
    </KeymapProvider>,
  );
  try {
    await tick();
    // dev first (cursor to it), then prod: space moves down after marking.
    stdin.write('jj ');
    await tick();
    assert.match(lastFrame() ?? '', /contexts \(3, 1 marked\)/);
    assert.match(lastFrame() ?? '', /✓ dev/);
    stdin.write('g');
    await tick();
    // Space then enter in one chunk: the second mark counts.
    stdin.write(' \r');
    await tick();
    assert.deepEqual(picked, []);
    assert.deepEqual(several, [['prod', 'dev']]);
  } finally {
    unmount();
  }
});

test("'j' and enter in one chunk go into the next container", async () => {
  const picked: string[] = [];
  const { stdin, unmount } = renderThemed(
    <KeymapProvider keymap={defaultKeymap}>
      <ContainerPicker title="shell" containers={['app', 'sidecar', 'debug']} initial={0} width={80} height={8} onPick={(n) => picked.push(n)} onClose={() => undefined} />
    </KeymapProvider>,
  );
  try {
    await tick();
    stdin.write('jj\r');
    await tick();
    assert.deepEqual(picked, ['debug']);
  } finally {
    unmount();
  }
});
