import { rawRequest } from './raw-http.ts';
import { RESTRICTED_NAMESPACE, RESTRICTED_USER } from './credentials.ts';

async function create(server: string, token: string, path: string, body: unknown): Promise<void> {
  const res = await rawRequest(`${server}${path}`, {
    method: 'POST',
    token,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  });
  if (res.status !== 201 && res.status !== 409) {
    throw new Error(`Creating ${path} failed with HTTP ${res.status}: ${res.body.slice(0, 200)}`);
  }
}

/** Creates namespace team-a and a Role + RoleBinding giving alice everything there, nothing elsewhere. */
export async function setupRestrictedUser(server: string, adminToken: string): Promise<void> {
  const ns = RESTRICTED_NAMESPACE;
  await create(server, adminToken, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  await create(server, adminToken, `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/roles`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: `${ns}-admin`, namespace: ns },
    rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
  });
  await create(server, adminToken, `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: `${RESTRICTED_USER}-${ns}-admin`, namespace: ns },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${ns}-admin` },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: RESTRICTED_USER }],
  });
}
