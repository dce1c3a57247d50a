import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The namespace the restricted user may use, and nothing else. */
export const RESTRICTED_NAMESPACE = 'team-a';
/** The restricted user's name in the token file. */
export const RESTRICTED_USER = 'alice';

/** Files and tokens the control plane is started with; tokens stay in files, never in logs. */
export interface Credentials {
  saKeyPath: string;
  saPubPath: string;
  tokenFilePath: string;
  adminToken: string;
  aliceToken: string;
}

/** Writes the service-account signing key pair and the static token file into `dir`. */
export function writeCredentials(dir: string): Credentials {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const saKeyPath = join(dir, 'sa.key');
  const saPubPath = join(dir, 'sa.pub');
  writeFileSync(saKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
  writeFileSync(saPubPath, publicKey.export({ type: 'spki', format: 'pem' }));
  const adminToken = randomBytes(24).toString('hex');
  const aliceToken = randomBytes(24).toString('hex');
  const tokenFilePath = join(dir, 'tokens.csv');
  // token,user,uid,"group1,group2"
  writeFileSync(tokenFilePath, `${adminToken},admin,admin,system:masters\n${aliceToken},${RESTRICTED_USER},${RESTRICTED_USER}\n`, { mode: 0o600 });
  return { saKeyPath, saPubPath, tokenFilePath, adminToken, aliceToken };
}

/** Writes a token kubeconfig for `server` (TLS verification off: the serving cert is self-signed). */
export function writeKubeconfig(path: string, opts: { server: string; user: string; token: string; namespace?: string }): void {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kx-e2e', cluster: { server: opts.server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: opts.user, user: { token: opts.token } }],
    contexts: [
      {
        name: `${opts.user}@kx-e2e`,
        context: { cluster: 'kx-e2e', user: opts.user, ...(opts.namespace ? { namespace: opts.namespace } : {}) },
      },
    ],
    'current-context': `${opts.user}@kx-e2e`,
  };
  writeFileSync(path, stringify(config), { mode: 0o600 });
}
