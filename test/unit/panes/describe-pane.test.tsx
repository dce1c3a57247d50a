/** The describe pane against the demo API server: opens, scrolls, searches, and follows changes live. */
import { WriteGate } from '../../../src/kube/access/write-gate.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoSetup, type DemoSetup } from '../../support/demo-server-setup.ts';
import { discover, type DiscoveryResult } from '../../../src/kube/discovery.ts';
import { loadKubeconfig } from '../../../src/kube/kubeconfig.ts';
import { resolveResource } from '../../../src/kube/resource-resolver.ts';
import { openSession, type KubeSession } from '../../../src/kube/session.ts';
import type { KubeObject } from '../../../src/kube/object.ts';
import type { PaneProps } from '../../../src/ui/panes/pane-types.ts';
import { craftedObjects, loadObjects } from '../describe/crafted-objects.ts';
import { waitForFrame } from '../../support/ink-frame.ts';
import { renderThemed } from '../../support/render-themed.tsx';

process.env['FORCE_COLOR'] = '1';
const { DescribePane } = await import('../../../src/ui/panes/describe-pane.tsx');

let demo: DemoSetup;
let session: KubeSession;
let discovery: DiscoveryResult;
const deployments = { group: 'apps', plural: 'deployments' };

before(async () => {
  demo = await startDemoSetup();
  loadObjects(demo.server.store, craftedObjects(Date.now()));
  session = await openSession(loadKubeconfig({ kubeconfig: demo.kubeconfig }));
  discovery = await discover(session.client);
});
after(async () => {
  await session?.close();
  await demo?.close();
});

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Renders a pane and always unmounts it, so a failed test leaves no watches behind. */
async function withPane(paneProps: PaneProps, body: (pane: ReturnType<typeof renderThemed>) => Promise<void>): Promise<void> {
  const pane = renderThemed(<DescribePane {...paneProps} />);
  try {
    await body(pane);
  } finally {
    pane.unmount();
  }
}

function props(kind: string, namespace: string, name: string, extra: Partial<PaneProps> = {}): PaneProps {
  return {
    client: session.client,
    target: { resource: resolveResource(discovery, kind), namespace, name },
    contextName: 'kx-demo',
    width: 120,
    height: 80,
    active: true,
    gate: new WriteGate(undefined),
    onClose: () => undefined,
    onFlash: () => undefined,
    ...extra,
  };
}

test('describe a deployment: title, live status, kubectl sections, ReplicaSets and events', async () => {
  await withPane(props('deploy', 'crafted', 'web'), async ({ lastFrame }) => {
    const frame = await waitForFrame(lastFrame, (t) => t.includes('NewReplicaSet:') && t.includes('ScalingReplicaSet'), 'the full describe');
    const lines = frame.split('\n');
    assert.match(lines[0]!, /^Describe Deployment crafted\/web {2}live\s+1-\d+\/\d+$/);
    assert.match(lines[1]!, /^Name:\s+web$/);
    assert.ok(lines.some((l) => /^Replicas:\s+3 desired \| 2 updated \| 4 total \| 3 available \| 1 unavailable$/.test(l)));
    assert.ok(lines.some((l) => /^NewReplicaSet:\s+web-new \(2\/2 replicas created\)$/.test(l)));
  });
});

test('scrolls, searches with a match count, and closes on esc', async () => {
  const closed: string[] = [];
  await withPane(props('pod', 'crafted', 'full', { height: 20, onClose: () => closed.push('x') }), async ({ lastFrame, stdin }) => {
    await waitForFrame(lastFrame, (t) => t.includes('Name:') && t.includes('live'), 'the pod');
    stdin.write('j');
    await waitForFrame(lastFrame, (t) => /^Namespace:/.test(t.split('\n')[1]!), 'one line down');
    stdin.write('/');
    await tick();
    for (const ch of 'Image:') stdin.write(ch);
    stdin.write('\r');
    const found = await waitForFrame(lastFrame, (t) => /match 1 of 3/.test(t), 'three Image: matches (init, sidecar, app)');
    assert.ok(
      found
        .split('\n')
        .slice(1, -1)
        .some((l) => l.includes('Image:')),
      'the first match is in view',
    );
    stdin.write('n');
    await waitForFrame(lastFrame, (t) => /match 2 of 3/.test(t), 'the second match');
    stdin.write('\x1b');
    await waitForFrame(
      () => String(closed.length),
      (t) => t === '1',
      'the pane to close',
    );
  });
});

test('stays live: a change to the object, a new event, and deletion all show', async () => {
  await withPane(props('deploy', 'crafted', 'web'), async ({ lastFrame }) => {
    await waitForFrame(lastFrame, (t) => /Replicas:\s+3 desired/.test(t), 'the deployment');
    demo.server.store.mutate(deployments, 'crafted', 'web', (d) => {
      (d['spec'] as { replicas: number }).replicas = 7;
    });
    await waitForFrame(lastFrame, (t) => /Replicas:\s+7 desired/.test(t), 'the new replica count');
    const web = demo.server.store.get(deployments, 'crafted', 'web') as KubeObject;
    demo.server.store.create({ group: '', plural: 'events' }, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.live', namespace: 'crafted', uid: '' },
      involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'crafted', uid: web.metadata.uid },
      type: 'Warning',
      reason: 'LiveCheck',
      message: 'seen while the pane was open',
      source: { component: 'kx-test' },
      count: 1,
      firstTimestamp: new Date().toISOString(),
      lastTimestamp: new Date().toISOString(),
    } as KubeObject);
    await waitForFrame(lastFrame, (t) => /Warning\s+LiveCheck\s+\S+\s+kx-test\s+seen while the pane was open/.test(t), 'the new event');
    demo.server.store.delete(deployments, 'crafted', 'web');
    const gone = await waitForFrame(lastFrame, (t) => t.includes('deleted'), 'the deletion');
    assert.match(gone.split('\n')[0]!, /deleted · showing its last state/);
    assert.ok(/Replicas:\s+7 desired/.test(gone), 'the last state stays on screen');
  });
});

test('a dropped connection shows reconnecting, then the pane resumes and sees changes again', async () => {
  // kx reaches the demo through a TCP relay the test can cut: while it is cut, reconnecting fails.
  const relay = await startRelay(new URL(demo.server.url).port);
  const dir = mkdtempSync(join(tmpdir(), 'kx-describe-relay-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, readFileSync(demo.kubeconfig, 'utf8').replace(/(server: https?:\/\/127\.0\.0\.1:)\d+/, `$1${relay.port}`));
  const relayed = await openSession(loadKubeconfig({ kubeconfig }));
  try {
    await withPane(props('sts', 'crafted', 'db', { client: relayed.client }), async ({ lastFrame }) => {
      await waitForFrame(lastFrame, (t) => /Replicas:\s+2 desired/.test(t) && t.includes('live'), 'the statefulset');
      await relay.cut();
      await waitForFrame(lastFrame, (t) => t.split('\n')[0]!.includes('reconnecting'), 'reconnecting', 20_000);
      demo.server.store.mutate({ group: 'apps', plural: 'statefulsets' }, 'crafted', 'db', (s) => {
        (s['spec'] as { replicas: number }).replicas = 5;
      });
      await relay.restore();
      await waitForFrame(lastFrame, (t) => t.split('\n')[0]!.includes('live') && /Replicas:\s+5 desired/.test(t), 'live again with the change', 30_000);
    });
  } finally {
    await relayed.close();
    await relay.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A TCP relay to the demo server on a port of its own; cut() drops every connection and refuses new ones. */
async function startRelay(targetPort: string): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(targetPort), '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return { port, cut: stop, restore: () => listen(port), close: () => (server.listening ? stop() : Promise.resolve()) };
}

test('an object that does not exist says so', async () => {
  await withPane(props('cm', 'crafted', 'nope'), async ({ lastFrame }) => {
    const frame = await waitForFrame(lastFrame, (t) => t.includes('not found'), 'the error');
    assert.match(frame.split('\n')[0]!, /Describe ConfigMap crafted\/nope {2}error/);
    assert.match(frame, /configmaps "nope" not found/);
  });
});
