import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WatchManager } from '../../src/store/watch-manager.ts';
import { ObjectCache } from '../../src/store/object-cache.ts';
import { namespace, pod } from '../support/demo-fixtures.ts';
import { openDemo } from '../support/kube-demo.ts';
import { waitFor } from '../support/wait-for.ts';
import { podsResource } from '../support/pods-resource.ts';

const pods = podsResource;
const podsRef = { group: '', plural: 'pods' };
const namespacesRef = { group: '', plural: 'namespaces' };

test("streams of one resource in one namespace and in all namespaces share rows without taking each other's away", async () => {
  const demo = await openDemo();
  const cache = new ObjectCache();
  const watches = new WatchManager(demo.session.client, cache);
  try {
    for (const ns of ['a', 'b']) {
      demo.server.store.create(namespacesRef, namespace(ns));
      demo.server.store.create(podsRef, pod(ns, `${ns}-1`));
      demo.server.store.create(podsRef, pod(ns, `${ns}-2`));
    }
    const count = (ns = ''): number => cache.rows('pods', { namespace: ns, includeDeleted: false }).length;

    const releaseAll = watches.watch({ resource: pods });
    let releaseA = watches.watch({ resource: pods, namespace: 'a' });
    await waitFor('both streams listed', () => count() === 4 && cache.streamState('pods', 'a')?.phase === 'live');

    // Leaving the namespace's view: the all-namespaces stream still delivers a's pods.
    releaseA();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(count('a'), 2, "a's pods stay while the all-namespaces stream runs");
    assert.equal(count(), 4);

    // The other way round: the all-namespaces stream stops; a's stream lists its own pods again.
    releaseA = watches.watch({ resource: pods, namespace: 'a' });
    await waitFor('a live again', () => cache.streamState('pods', 'a')?.phase === 'live');
    releaseAll();
    await waitFor("only a's pods remain", () => count() === 2 && count('a') === 2);
    // And they stay live: a pod created now shows up.
    demo.server.store.create(podsRef, pod('a', 'a-3'));
    await waitFor('the new pod arrives', () => count('a') === 3);
    releaseA();
  } finally {
    watches.stopAll();
    cache.dispose();
    await demo.close();
  }
});
