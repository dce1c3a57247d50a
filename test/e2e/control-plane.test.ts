import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { apply, getJson, kubectl, kubectlOk, waitForJson } from '../support/kubectl.ts';
import { podReady, type ListJson, type PodJson } from './support/pod-types.ts';

interface NodeJson {
  metadata: { name: string; labels: Record<string, string> };
  spec: { taints?: { key: string; effect: string }[] };
  status: {
    conditions: { type: string; status: string }[];
    addresses: { type: string; address: string }[];
    daemonEndpoints: { kubeletEndpoint: { Port: number } };
    nodeInfo: { kubeletVersion: string };
  };
}

let cp: ControlPlane;
const kc = () => cp.kubeconfigPath;

before(async () => {
  cp = await startControlPlane();
});
after(async () => {
  await cp?.stop();
});

describe('real control plane with the fake kubelet', () => {
  it('serves kubectl 1.32: nodes are Ready with roles, one tainted, kubelet endpoint set', async () => {
    const table = await kubectlOk(['get', 'nodes'], { kubeconfig: kc() });
    assert.match(table, /kx-control-plane\s+Ready\s+control-plane,master/);
    assert.match(table, /kx-worker-1\s+Ready\s+worker/);
    const nodes = await getJson<ListJson<NodeJson>>(['nodes'], kc());
    assert.equal(nodes.items.length, 3);
    for (const node of nodes.items) {
      assert.equal(node.status.nodeInfo.kubeletVersion, 'v1.20.2');
      assert.deepEqual(node.status.addresses, [{ type: 'InternalIP', address: '127.0.0.1' }]);
      assert.equal(node.status.daemonEndpoints.kubeletEndpoint.Port, cp.kubelet?.port);
    }
    const tainted = nodes.items.filter((n) => n.spec.taints?.some((t) => t.effect === 'NoSchedule'));
    assert.deepEqual(
      tainted.map((n) => n.metadata.name),
      ['kx-control-plane'],
    );
    const leases = await getJson<ListJson<{ metadata: { name: string } }>>(['leases', '-n', 'kube-node-lease'], kc());
    assert.deepEqual(leases.items.map((l) => l.metadata.name).sort(), nodes.items.map((n) => n.metadata.name).sort());
    const all = await kubectl(['get', 'pods', '-A'], { kubeconfig: kc() });
    assert.equal(all.code, 0, all.stderr);
  });

  it("runs a Deployment's pods to Running/Ready with pod and host IPs", async () => {
    await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '--replicas=3'], { kubeconfig: kc() });
    await kubectlOk(['rollout', 'status', 'deployment/web', '--timeout=60s'], { kubeconfig: kc() });
    const pods = await getJson<ListJson<PodJson>>(['pods', '-l', 'app=web'], kc());
    assert.equal(pods.items.length, 3);
    for (const pod of pods.items) {
      assert.equal(pod.status.phase, 'Running');
      assert.ok(podReady(pod));
      assert.match(pod.status.podIP ?? '', /^10\.244\.\d+\.\d+$/);
      assert.equal(pod.status.hostIP, '127.0.0.1');
      assert.notEqual(pod.spec.nodeName, 'kx-control-plane', 'the tainted node gets no pods');
    }
    // Endpoints accept the fake pod IPs (they reject loopback).
    await kubectlOk(['expose', 'deployment', 'web', '--port=80'], { kubeconfig: kc() });
    await waitForJson<{ subsets?: { addresses?: unknown[] }[] }, true>('web endpoints', ['endpoints', 'web'], kc(), (ep) => (ep.subsets?.[0]?.addresses?.length === 3 ? true : undefined));
  });

  it('runs init containers first, in order, then the containers', async () => {
    await apply(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'with-init', namespace: 'default' },
        spec: {
          initContainers: [
            { name: 'init-1', image: 'busybox', command: ['sh', '-c', 'sleep 1'] },
            { name: 'init-2', image: 'busybox', command: ['sh', '-c', 'sleep 1'] },
          ],
          containers: [
            { name: 'app', image: 'nginx' },
            { name: 'sidecar', image: 'envoy' },
          ],
        },
      },
      kc(),
    );
    const seen = await waitForJson<PodJson, string>('init-1 running alone', ['pod', 'with-init'], kc(), (p) => {
      const [i1, i2] = p.status.initContainerStatuses ?? [];
      return i1?.state.running && i2?.state.waiting && p.status.phase === 'Pending' ? 'ok' : undefined;
    });
    assert.equal(seen, 'ok');
    assert.match(await kubectlOk(['get', 'pod', 'with-init'], { kubeconfig: kc() }), /Init:0\/2/);
    const ready = await waitForJson<PodJson, PodJson>('with-init Ready', ['pod', 'with-init'], kc(), (p) => (podReady(p) ? p : undefined));
    const [i1, i2] = ready.status.initContainerStatuses ?? [];
    assert.equal(i1?.state.terminated?.reason, 'Completed');
    assert.equal(i2?.state.terminated?.reason, 'Completed');
    assert.deepEqual(
      ready.status.containerStatuses?.map((c) => c.ready),
      [true, true],
    );
  });

  it('keeps a crash container in CrashLoopBackOff with growing restarts', async () => {
    await kubectlOk(['run', 'crasher', '--image=busybox-crash'], { kubeconfig: kc() });
    const pod = await waitForJson<PodJson, PodJson>('crasher to restart and back off', ['pod', 'crasher'], kc(), (p) => {
      const c = p.status.containerStatuses?.[0];
      return c && c.restartCount >= 1 && c.state.waiting?.reason === 'CrashLoopBackOff' ? p : undefined;
    });
    assert.equal(pod.status.containerStatuses?.[0]?.lastState.terminated?.exitCode, 1);
    assert.equal(podReady(pod), false);
  });

  it('completes Job pods and keeps never-ready pods unready', async () => {
    await kubectlOk(['create', 'job', 'once', '--image=busybox', '--', 'sh', '-c', 'echo done; exit 0'], { kubeconfig: kc() });
    await kubectlOk(['run', 'laggard', '--image=app-never-ready'], { kubeconfig: kc() });
    await kubectlOk(['wait', '--for=condition=complete', 'job/once', '--timeout=60s'], { kubeconfig: kc() });
    const jobPods = await getJson<ListJson<PodJson>>(['pods', '-l', 'job-name=once'], kc());
    assert.equal(jobPods.items[0]?.status.phase, 'Succeeded');
    const laggard = await waitForJson<PodJson, PodJson>('laggard running', ['pod', 'laggard'], kc(), (p) => (p.status.phase === 'Running' ? p : undefined));
    assert.equal(podReady(laggard), false);
  });

  it('leaves a pod the scheduler cannot place Pending, with FailedScheduling', async () => {
    await apply(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'nowhere', namespace: 'default' },
        spec: { nodeSelector: { disktype: 'ssd' }, containers: [{ name: 'app', image: 'nginx' }] },
      },
      kc(),
    );
    const pod = await waitForJson<PodJson, PodJson>('PodScheduled=False', ['pod', 'nowhere'], kc(), (p) =>
      p.status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable') ? p : undefined,
    );
    assert.equal(pod.status.phase, 'Pending');
    assert.equal(pod.spec.nodeName, undefined);
  });

  it('finishes pod deletions (no pod stuck Terminating)', async () => {
    await kubectlOk(['run', 'short-lived', '--image=nginx'], { kubeconfig: kc() });
    await kubectlOk(['wait', '--for=condition=Ready', 'pod/short-lived', '--timeout=60s'], { kubeconfig: kc() });
    await kubectlOk(['delete', 'pod', 'short-lived', '--timeout=30s'], { kubeconfig: kc() });
    const left = await kubectl(['get', 'pod', 'short-lived'], { kubeconfig: kc() });
    assert.match(left.stderr, /NotFound/);
  });

  it('limits alice to namespace team-a: cluster scope is forbidden, her namespace works', async () => {
    const alice = cp.aliceKubeconfigPath;
    const cluster = await kubectl(['get', 'pods', '-A'], { kubeconfig: alice });
    assert.notEqual(cluster.code, 0);
    assert.match(cluster.stderr, /forbidden/);
    assert.match(cluster.stderr, /User "alice" cannot list resource "pods"/);
    const nodes = await kubectl(['get', 'nodes'], { kubeconfig: alice });
    assert.match(nodes.stderr, /forbidden/);
    const other = await kubectl(['get', 'pods', '-n', 'default'], { kubeconfig: alice });
    assert.match(other.stderr, /forbidden/);
    await kubectlOk(['run', 'alices', '--image=nginx', '-n', 'team-a'], { kubeconfig: alice });
    await kubectlOk(['wait', '--for=condition=Ready', 'pod/alices', '-n', 'team-a', '--timeout=60s'], { kubeconfig: alice });
    const mine = await kubectlOk(['get', 'pods', '-n', 'team-a'], { kubeconfig: alice });
    assert.match(mine, /alices\s+1\/1\s+Running/);
  });
});
