import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advancePod, newPodRun } from './pod-runtime.ts';
import { buildPodStatus } from './pod-status.ts';
import { instanceLines, selectLines } from './log-lines.ts';

const meta = { uid: 'u1', namespace: 'ns', name: 'p', nodeName: 'n1', podIP: '10.244.1.2' };
const T0 = 1_000_000;

describe('fake kubelet pod runtime (pure parts)', () => {
  it('runs init containers one after the other before the app, then reports Running/Ready', () => {
    const pod = newPodRun(
      meta,
      {
        initContainers: [
          { name: 'a', image: 'busybox' },
          { name: 'b', image: 'busybox' },
        ],
        containers: [{ name: 'app', image: 'nginx' }],
      },
      T0,
    );
    advancePod(pod, T0 + 400);
    assert.ok(pod.inits[0]?.current && !pod.inits[1]?.current && !pod.containers[0]?.current);
    assert.equal(buildPodStatus(pod, undefined, T0 + 400).phase, 'Pending');
    advancePod(pod, T0 + 900);
    assert.ok(pod.inits[1]?.current && !pod.containers[0]?.current, 'b starts only after a exited');
    advancePod(pod, T0 + 1400);
    advancePod(pod, T0 + 1500);
    const status = buildPodStatus(pod, undefined, T0 + 1500) as { phase: string; conditions: { type: string; status: string }[] };
    assert.equal(status.phase, 'Running');
    assert.deepEqual(
      status.conditions.map((c) => `${c.type}=${c.status}`),
      ['Initialized=True', 'Ready=True', 'ContainersReady=True'],
    );
  });

  it('crash-loops a crash container and keeps the previous instance', () => {
    const pod = newPodRun(meta, { containers: [{ name: 'crash', image: 'x' }] }, T0);
    for (let t = T0; t <= T0 + 6000; t += 250) advancePod(pod, t);
    const run = pod.containers[0];
    assert.equal(run?.restartCount, 1);
    assert.equal(run?.previous?.exitCode, 1);
    const lines = instanceLines({ pod: 'p', container: 'crash' }, run!.previous!, T0 + 6000);
    assert.match(lines.at(-1)?.text ?? '', /exiting with code 1/);
  });

  it('completes a Never-restart pod with exit 0 as Succeeded and a failing one as Failed', () => {
    const ok = newPodRun(meta, { restartPolicy: 'Never', containers: [{ name: 'j', image: 'job-complete' }] }, T0);
    const bad = newPodRun(meta, { restartPolicy: 'Never', containers: [{ name: 'j', image: 'b', command: ['sh', '-c', 'exit 4'] }] }, T0);
    for (const pod of [ok, bad]) for (let t = T0; t <= T0 + 3000; t += 250) advancePod(pod, t);
    assert.equal(buildPodStatus(ok, undefined, T0 + 3000).phase, 'Succeeded');
    assert.equal(buildPodStatus(bad, undefined, T0 + 3000).phase, 'Failed');
  });

  it('selects log lines by tail and since', () => {
    const lines = instanceLines({ pod: 'p', container: 'c' }, { index: 0, startedAt: T0 }, T0 + 4999);
    assert.equal(lines.length, 10);
    assert.equal(selectLines(lines, { tailLines: 3, timestamps: false }, T0 + 5000).length, 3);
    assert.equal(selectLines(lines, { sinceSeconds: 1, timestamps: false }, T0 + 5000).length, 2);
  });
});
