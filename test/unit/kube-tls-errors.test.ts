import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selfSignedCertificate } from '../../src/demo/server/self-signed.ts';
import { rootCertificatesProblem } from '../../src/kube/auth.ts';
import { toKxError } from '../../src/kube/errors.ts';
import { illegalBase64Byte } from '../../src/kube/kubeconfig.ts';

/** An error shaped like the one node:https rejects with when OpenSSL refuses the server's chain. */
function tlsError(code: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error('self-signed certificate; if the root CA is installed locally, try running Node.js with --use-system-ca'), { code, ...extra });
}

test("an untrusted server certificate is a permanent 'config' failure in kubectl's words", () => {
  for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
    const e = toKxError(tlsError(code));
    assert.equal(e.kind, 'config', code);
    assert.equal(e.message, 'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority');
  }
  // undici and client-node wrap the socket error; the code is found in the cause.
  const wrapped = toKxError(Object.assign(new TypeError('fetch failed'), { cause: tlsError('SELF_SIGNED_CERT_IN_CHAIN') }));
  assert.equal(wrapped.kind, 'config');
  assert.match(wrapped.message, /unknown authority$/);
});

test("a name the certificate does not cover reads as Go's HostnameError", () => {
  const cert = { subjectaltname: 'IP Address:127.0.0.1, DNS:localhost' };
  const byName = toKxError(tlsError('ERR_TLS_CERT_ALTNAME_INVALID', { host: 'wrong.example', cert }));
  assert.equal(byName.kind, 'config');
  assert.equal(byName.message, 'Unable to connect to the server: tls: failed to verify certificate: x509: certificate is valid for localhost, not wrong.example');
  const byIp = toKxError(tlsError('ERR_TLS_CERT_ALTNAME_INVALID', { host: '10.0.0.1', cert }));
  assert.match(byIp.message, /x509: certificate is valid for 127\.0\.0\.1, not 10\.0\.0\.1$/);
  const noIps = toKxError(tlsError('ERR_TLS_CERT_ALTNAME_INVALID', { host: '10.0.0.1', cert: { subjectaltname: 'DNS:localhost' } }));
  assert.match(noIps.message, /x509: cannot validate certificate for 10\.0\.0\.1 because it doesn't contain any IP SANs$/);
});

test('a refused connection is still unreachable, not a TLS failure', () => {
  const e = toKxError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
  assert.equal(e.kind, 'unreachable');
});

test("CA bytes without a usable certificate are explained as client-go's rootCertPool does", () => {
  const { cert } = selfSignedCertificate();
  assert.equal(rootCertificatesProblem(Buffer.from(cert)), undefined);
  assert.equal(rootCertificatesProblem(Buffer.from(`junk before\n${cert}`)), undefined);
  assert.equal(rootCertificatesProblem(Buffer.from('not a certificate')), 'unable to parse bytes as PEM block');
  const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
  assert.equal(rootCertificatesProblem(Buffer.from(broken)), 'failed to parse certificate: x509: malformed certificate');
  const keyOnly = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n';
  assert.equal(rootCertificatesProblem(Buffer.from(keyOnly)), 'no valid certificate authority data seen');
});

test("certificate-authority-data that is not base64 is located as Go's decoder does", () => {
  assert.equal(illegalBase64Byte('!!!notbase64!!!'), 0);
  assert.equal(illegalBase64Byte('QUJD*RA=='), 4);
  assert.equal(illegalBase64Byte('QUJD\nRA=='), undefined);
});
