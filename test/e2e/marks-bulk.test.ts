/**
 * Marks and a bulk delete on the real 1.20 control plane, kubectl 1.32 the oracle: three of four
 * config maps marked (space, then ctrl-space for a range), one of them deleted by kubectl while
 * the question is open; kx reports that one with the server's NotFound sentence, deletes the other
 * two, and kubectl sees exactly the unmarked one left.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { kubectlOk } from '../support/kubectl.ts';
import { filterTo, killTerminals, openKx } from '../support/tmux-terminal.ts';

let cp: ControlPlane;
const admin = () => ({ kubeconfig: cp.kubeconfigPath });

before(async () => {
  cp = await startControlPlane({ fakeKubelet: false });
  await kubectlOk(['create', 'namespace', 'marks'], admin());
  for (const name of ['mk-1', 'mk-2', 'mk-3', 'mk-4']) await kubectlOk(['create', 'configmap', name, '-n', 'marks', '--from-literal=a=b'], admin());
});

after(async () => {
  killTerminals();
  await cp?.stop();
});

test('a bulk delete of marked config maps: the one kubectl deleted meanwhile is named with NotFound, the others go', async () => {
  const t = openKx('cm -n marks', { kubeconfig: cp.kubeconfigPath, columns: 150, rows: 30 });
  await t.waitFor(/configmaps \(marks\)\s+● live/);
  await filterTo(t, 'mk-');
  await t.waitFor(/● live\s+4 of/);
  t.send('N');
  await t.waitFor(/NAME↑/);
  // mk-1 marked, then the range down to mk-3.
  t.send('Space');
  await t.waitFor(/1 marked/);
  t.send('j');
  t.send('j');
  t.send('C-Space');
  await t.waitFor(/3 marked/);
  t.send('C-d');
  await t.waitFor(/Delete 3 configmaps \(mk-1, mk-2, mk-3\) in namespace marks on context \S+\?/);
  await kubectlOk(['delete', 'configmap', 'mk-2', '-n', 'marks'], admin());
  t.send('y');
  const screen = await t.waitFor(/2 configmaps deleted, 1 failed: mk-2 \(any key closes\)/);
  assert.match(screen, /✓ configmap "mk-1" deleted/);
  assert.match(screen, /✓ configmap "mk-3" deleted/);
  assert.match(screen, /✗ configmap\/mk-2: Error from server \(NotFound\): configmaps "mk-2" not found/);
  const left = await kubectlOk(['get', 'configmaps', '-n', 'marks', '-o', 'name'], admin());
  assert.deepEqual(
    left
      .split('\n')
      .filter((line) => line.startsWith('configmap/mk-'))
      .sort(),
    ['configmap/mk-4'],
  );
});
