/** Writes a kubeconfig that points kubectl and client-node at the demo server (token auth). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

/** The kubeconfig document for a demo server. */
export function demoKubeconfig(url: string, token: string, caPem: string | undefined, opts: { context?: string; namespace?: string } = {}): string {
  const name = opts.context ?? 'kx-demo';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kx-demo', cluster: { server: url, ...(caPem ? { 'certificate-authority-data': Buffer.from(caPem).toString('base64') } : {}) } }],
    users: [{ name: 'kx-demo', user: { token } }],
    contexts: [{ name, context: { cluster: 'kx-demo', user: 'kx-demo', ...(opts.namespace ? { namespace: opts.namespace } : {}) } }],
    'current-context': name,
    preferences: {},
  });
}

/** Writes the kubeconfig file (mode 0600, since it holds the token). */
export function writeDemoKubeconfig(path: string, url: string, token: string, caPem: string | undefined, opts: { context?: string; namespace?: string } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, demoKubeconfig(url, token, caPem, opts), { mode: 0o600 });
}
