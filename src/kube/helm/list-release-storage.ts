/**
 * The objects Helm 3 keeps its releases in, read the way Helm's drivers read them: Secrets
 * labelled owner=helm of type helm.sh/release.v1 (the default driver) and ConfigMaps labelled
 * owner=helm (HELM_DRIVER=configmap). Decoding them is the caller's (kinds/helm).
 */
import type { ApiClient } from '../api-client.ts';
import type { KubeObject } from '../object.ts';

interface KubeList {
  items: KubeObject[];
}

/** The Secret type Helm 3 stores a release revision in. */
export const helmReleaseSecretType = 'helm.sh/release.v1';

/**
 * Every stored release revision in `namespace` (all namespaces when undefined). Secrets must be
 * readable; ConfigMaps are a fallback driver, so a refusal to list them is not an error.
 */
export async function listReleaseStorage(client: ApiClient, namespace: string | undefined, signal?: AbortSignal): Promise<KubeObject[]> {
  const prefix = namespace ? `/api/v1/namespaces/${encodeURIComponent(namespace)}` : '/api/v1';
  const query = { labelSelector: 'owner=helm' };
  const [secrets, configMaps] = await Promise.all([
    client.get<KubeList>(`${prefix}/secrets`, { query, ...(signal ? { signal } : {}) }),
    client.get<KubeList>(`${prefix}/configmaps`, { query, ...(signal ? { signal } : {}) }).catch(() => ({ items: [] })),
  ]);
  const withKind = (list: KubeList, kind: string): KubeObject[] => list.items.map((o) => ({ ...o, kind }));
  return [...withKind(secrets, 'Secret').filter((s) => s.type === helmReleaseSecretType), ...withKind(configMaps, 'ConfigMap')];
}
