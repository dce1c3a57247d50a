import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A PEM key and self-signed certificate for the kubelet's HTTPS endpoint. */
export interface TlsPair {
  key: string;
  cert: string;
}

/** Generates a throwaway self-signed cert for 127.0.0.1 in `dir` (the API server does not verify it). */
export function selfSignedCert(dir: string): TlsPair {
  const keyPath = join(dir, 'kubelet.key');
  const certPath = join(dir, 'kubelet.crt');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=fake-kubelet', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyPath, '-out', certPath],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}
