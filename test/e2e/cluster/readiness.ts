import { waitFor } from '../../support/wait-for.ts';
import { rawRequest } from './raw-http.ts';

/** Waits for etcd's /health to say healthy. */
export async function waitForEtcd(clientUrl: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    'etcd to become healthy',
    async () => {
      const res = await fetch(`${clientUrl}/health`);
      const body = (await res.json()) as { health?: string };
      return body.health === 'true' ? true : undefined;
    },
    timeoutMs,
    250,
  );
}

/** Waits for the API server's /readyz to answer 200. */
export async function waitForApiServer(server: string, token: string, timeoutMs = 60_000): Promise<void> {
  await waitFor('kube-apiserver /readyz', async () => ((await rawRequest(`${server}/readyz`, { token, timeoutMs: 5000 })).status === 200 ? true : undefined), timeoutMs, 250);
}

/** Waits until the token controller gave the namespace's default service account a token secret. */
export async function waitForServiceAccount(server: string, token: string, namespace: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    `the default service account token in namespace ${namespace}`,
    async () => {
      const res = await rawRequest(`${server}/api/v1/namespaces/${namespace}/serviceaccounts/default`, { token });
      if (res.status !== 200) return undefined;
      const sa = JSON.parse(res.body) as { secrets?: unknown[] };
      return (sa.secrets?.length ?? 0) > 0 ? true : undefined;
    },
    timeoutMs,
    250,
  );
}

interface NodeLike {
  metadata: { name: string };
  spec?: { taints?: { key: string }[] };
  status?: { conditions?: { type: string; status: string }[] };
}

/** Waits until every named node is Ready and the node controller has lifted its not-ready taint. */
export async function waitForNodes(server: string, token: string, names: string[], timeoutMs = 60_000): Promise<void> {
  await waitFor(
    `nodes ${names.join(', ')} to be Ready and schedulable`,
    async () => {
      const res = await rawRequest(`${server}/api/v1/nodes`, { token });
      if (res.status !== 200) return undefined;
      const items = (JSON.parse(res.body) as { items: NodeLike[] }).items;
      const ok = names.every((name) => {
        const node = items.find((n) => n.metadata.name === name);
        const ready = node?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
        const tainted = node?.spec?.taints?.some((t) => t.key.startsWith('node.kubernetes.io/'));
        return ready && !tainted;
      });
      return ok ? true : undefined;
    },
    timeoutMs,
    500,
  );
}
