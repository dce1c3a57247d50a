import { V1MicroTime } from '@kubernetes/client-node';
import { describeError, mergePatch, statusOf, type KubeletClients } from './kube-api.ts';
import { nodeObject, nodeStatus, type FakeNodeSpec } from './node-specs.ts';

/** How often each node's Lease is renewed (the real kubelet: every 10 s). */
const LEASE_RENEW_MS = 10_000;
/** How often the node status heartbeat is re-posted (the real kubelet: up to 5 min). */
const STATUS_EVERY_MS = 60_000;

/** Keeps fake Node objects registered, Ready and leased; stop() ends the loops. */
export interface NodeAgent {
  stop(): void;
}

async function registerNode(api: KubeletClients, spec: FakeNodeSpec, port: number): Promise<void> {
  try {
    await api.core.createNode({ body: nodeObject(spec) });
  } catch (err) {
    if (statusOf(err) !== 409) throw err;
  }
  await postStatus(api, spec, port);
}

async function postStatus(api: KubeletClients, spec: FakeNodeSpec, port: number): Promise<void> {
  await api.core.patchNodeStatus({ name: spec.name, body: { status: nodeStatus(spec, port, new Date()) } }, mergePatch);
}

async function renewLease(api: KubeletClients, spec: FakeNodeSpec): Promise<void> {
  const namespace = 'kube-node-lease';
  // V1MicroTime serialises with microseconds, which the API server's MicroTime requires.
  const renewTime = new V1MicroTime();
  try {
    await api.coordination.patchNamespacedLease({ name: spec.name, namespace, body: { spec: { renewTime, holderIdentity: spec.name } } }, mergePatch);
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
    await api.coordination.createNamespacedLease({
      namespace,
      body: {
        metadata: { name: spec.name, namespace },
        spec: { holderIdentity: spec.name, leaseDurationSeconds: 40, renewTime },
      },
    });
  }
}

/** Registers the nodes, then renews leases and heartbeats until stopped (errors are retried). */
export async function startNodeAgent(api: KubeletClients, nodes: FakeNodeSpec[], port: number, log: (msg: string) => void): Promise<NodeAgent> {
  await Promise.all(nodes.map((n) => registerNode(api, n, port)));
  await Promise.all(nodes.map((n) => renewLease(api, n)));
  const each = (what: string, fn: (n: FakeNodeSpec) => Promise<void>) => () => {
    for (const n of nodes) fn(n).catch((err) => log(`${what} ${n.name}: ${describeError(err)}`));
  };
  const leaseTimer = setInterval(
    each('lease', (n) => renewLease(api, n)),
    LEASE_RENEW_MS,
  );
  // Re-register too: a test may delete a Node, and a real kubelet would re-create it.
  const statusTimer = setInterval(
    each('status', (n) => registerNode(api, n, port)),
    STATUS_EVERY_MS,
  );
  leaseTimer.unref();
  statusTimer.unref();
  return {
    stop() {
      clearInterval(leaseTimer);
      clearInterval(statusTimer);
    },
  };
}
