/**
 * The actions that take the terminal at once (shell, attach, edit) ask the write
 * gate themselves at the moment they act, not only through the key that led there: read-only
 * refuses with its sentence, the terminal is never handed over and no request reaches the server.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo, type DemoFixture } from '../support/kube-demo.ts';
import { pod } from '../support/demo-fixtures.ts';
import { WriteGate } from '../../src/kube/access/write-gate.ts';
import { shellInto } from '../../src/ui/explorer/shell-into.ts';
import { attachTo } from '../../src/ui/explorer/attach-to.ts';
import { editInEditor } from '../../src/ui/explorer/edit-in-editor.ts';
import type { Row } from '../../src/kinds/types.ts';

let demo: DemoFixture;
before(async () => {
  demo = await openDemo();
  demo.server.store.create({ group: '', plural: 'pods' }, pod('default', 'web'));
});
after(async () => demo.close());

async function requestCount(): Promise<number> {
  const res = await fetch(`${demo.server.url}/kx-demo/requests`, { headers: { authorization: `Bearer ${demo.server.token}` } });
  const c = (await res.json()) as Record<string, number>;
  return Object.values(c).reduce((a, b) => a + b, 0);
}

test('shell, attach and edit refuse in read-only mode before any request, and never take the terminal', async () => {
  const gate = new WriteGate({ kind: 'flag' });
  let suspended = 0;
  const suspend = async (work: () => Promise<void>): Promise<void> => {
    suspended++;
    await work();
  };
  const row = { uid: 'u', namespace: 'default', name: 'web' } as unknown as Row;
  const before = await requestCount();
  const outcomes = [
    await shellInto(demo.session, gate, { namespace: 'default', pod: 'web' }, suspend),
    await attachTo(demo.session, gate, row, suspend),
    await editInEditor(demo.session, gate, { resource: { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true } as never, namespace: 'default', name: 'web', uid: 'u' }, suspend),
  ];
  for (const [i, op] of ['shell', 'attach', 'edit'].entries()) {
    assert.deepEqual(outcomes[i], { text: `kx is read-only here (--readonly): ${op} is off`, level: 'error' });
  }
  assert.equal(suspended, 0, 'the terminal was never handed over');
  // The counter read itself is not a Kubernetes request.
  assert.equal(await requestCount(), before, 'nothing reached the server');
});
