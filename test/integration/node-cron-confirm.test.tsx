/**
 * Cordon, uncordon and trigger ask first (as k9s does), naming the object and the context; `y`
 * writes through the real client to a demo API server, `n` writes nothing, and the write gate is
 * asked again at the moment of the write.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo, type DemoFixture } from '../support/kube-demo.ts';
import { renderThemed } from '../support/render-themed.tsx';
import { defaultKeymap } from '../../src/keys/keymap.ts';
import { WriteGate } from '../../src/kube/access/write-gate.ts';
import type { ResourceInfo } from '../../src/kube/resource-info.ts';
import type { PaneFlash } from '../../src/ui/panes/pane-types.ts';

const { KeymapProvider } = await import('../../src/ui/keys/keymap-context.tsx');
const { NodeCronConfirmPane } = await import('../../src/ui/panes/node-cron-confirm-pane.tsx');

let demo: DemoFixture;
const nodes = { group: '', plural: 'nodes' };
before(async () => {
  demo = await openDemo();
  demo.server.store.create(nodes, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' }, spec: {}, status: {} } as never);
});
after(async () => demo.close());

const nodeResource = { group: '', version: 'v1', plural: 'nodes', kind: 'Node', namespaced: false } as ResourceInfo;
const tick = (ms = 150) => new Promise((r) => setTimeout(r, ms));
const unschedulable = (): unknown => (demo.server.store.get(nodes, '', 'worker-1')?.spec as { unschedulable?: boolean } | undefined)?.unschedulable;

async function writes(): Promise<number> {
  const res = await fetch(`${demo.server.url}/kx-demo/requests`, { headers: { authorization: `Bearer ${demo.server.token}` } });
  return ((await res.json()) as { writes: number }).writes;
}

function open(action: 'cordon' | 'uncordon', gate: WriteGate) {
  const flashes: PaneFlash[] = [];
  let closed = 0;
  const view = renderThemed(
    <KeymapProvider keymap={defaultKeymap}>
      <NodeCronConfirmPane
        action={action}
        client={demo.session.client}
        target={{ resource: nodeResource, namespace: '', name: 'worker-1', uid: 'u' }}
        contextName="prod"
        width={120}
        height={20}
        active={true}
        gate={gate}
        onClose={() => closed++}
        onFlash={(f) => flashes.push(f)}
      />
    </KeymapProvider>,
  );
  return { view, flashes, closed: () => closed };
}

test('c asks naming the node and the context; n changes nothing, y cordons like kubectl', async () => {
  const no = open('cordon', new WriteGate(undefined));
  try {
    await tick();
    assert.match(no.view.lastFrame() ?? '', /Cordon node\/worker-1 on context prod\?/);
    no.view.stdin.write('n');
    await tick();
    assert.equal(no.closed(), 1);
    assert.equal(unschedulable(), undefined);
  } finally {
    no.view.unmount();
  }
  const yes = open('cordon', new WriteGate(undefined));
  try {
    await tick();
    yes.view.stdin.write('y');
    for (let i = 0; i < 40 && yes.closed() === 0; i++) await tick(50);
    assert.deepEqual(yes.flashes, [{ text: 'node/worker-1 cordoned', level: 'info' }]);
    assert.equal(unschedulable(), true);
  } finally {
    yes.view.unmount();
  }
});

test('read-only at the moment of y: the gate’s sentence, and no request reaches the server', async () => {
  const before = await writes();
  const pane = open('uncordon', new WriteGate({ kind: 'flag' }));
  try {
    await tick();
    assert.match(pane.view.lastFrame() ?? '', /Uncordon node\/worker-1 on context prod\?/);
    pane.view.stdin.write('y');
    await tick(300);
    assert.match(pane.view.lastFrame() ?? '', /kx is read-only here \(--readonly\): uncordon is off/);
    assert.equal(await writes(), before);
    assert.equal(unschedulable(), true, 'still cordoned');
  } finally {
    pane.view.unmount();
  }
});
