import { ApiException, CoordinationV1Api, CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';

/** The typed API clients the fake kubelet uses, built from the admin kubeconfig. */
export interface KubeletClients {
  kc: KubeConfig;
  core: CoreV1Api;
  coordination: CoordinationV1Api;
}

/** Loads the kubeconfig and makes the clients (the same client library kx uses). */
export function makeClients(kubeconfigPath: string): KubeletClients {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  return { kc, core: kc.makeApiClient(CoreV1Api), coordination: kc.makeApiClient(CoordinationV1Api) };
}

/** Request options that send a body as a JSON merge patch (client-node defaults to JSON patch). */
export const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

/** The HTTP status of a client-node error, or undefined for network errors. */
export function statusOf(err: unknown): number | undefined {
  return err instanceof ApiException ? err.code : undefined;
}

/** A short description of an API error for the kubelet's debug log (never includes tokens). */
export function describeError(err: unknown): string {
  if (err instanceof ApiException) return `HTTP ${err.code}`;
  return err instanceof Error ? err.message : String(err);
}
