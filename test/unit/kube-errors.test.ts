import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiException } from '@kubernetes/client-node';
import { errorFromResponse, KxError, toKxError } from '../../src/kube/errors.ts';
import { registerSecret } from '../../src/kube/redact.ts';

const notFound = {
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  reason: 'NotFound',
  code: 404,
  message: 'deployments.apps "x" not found',
  details: { name: 'x', group: 'apps', kind: 'deployments' },
};

test('a Status body becomes kubectl\'s "Error from server (Reason): message"', () => {
  const e = errorFromResponse(404, JSON.stringify(notFound));
  assert.equal(e.kind, 'notFound');
  assert.equal(e.code, 404);
  assert.equal(e.reason, 'NotFound');
  assert.equal(e.message, 'Error from server (NotFound): deployments.apps "x" not found');
});

test('401 reads like kubectl', () => {
  const e = errorFromResponse(401, { kind: 'Status', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  assert.equal(e.kind, 'unauthorized');
  assert.equal(e.message, 'You must be logged in to the server (Unauthorized)');
  assert.equal(errorFromResponse(401, '').message, 'You must be logged in to the server (Unauthorized)');
});

test('status codes map to kinds, also without a body', () => {
  const kinds = [403, 404, 409, 410, 422, 400, 504, 500, 503].map((c) => errorFromResponse(c, '').kind);
  assert.deepEqual(kinds, ['forbidden', 'notFound', 'conflict', 'gone', 'invalid', 'invalid', 'timeout', 'server', 'server']);
  assert.equal(errorFromResponse(404, '').message, 'Error from server (NotFound): the server could not find the requested resource');
  // An expired resourceVersion can come as a 200 watch ERROR event carrying code 410 / reason Expired.
  assert.equal(errorFromResponse(500, { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 1 (5)' }).kind, 'gone');
});

test('client-node ApiException and watch errors are understood', () => {
  const e = toKxError(new ApiException(403, 'Forbidden', JSON.stringify({ kind: 'Status', reason: 'Forbidden', code: 403, message: 'pods is forbidden: User "x" cannot list resource "pods"' }), {}));
  assert.equal(e.kind, 'forbidden');
  assert.equal(e.message, 'Error from server (Forbidden): pods is forbidden: User "x" cannot list resource "pods"');
  const watchErr = Object.assign(new Error('Gone'), { statusCode: 410 });
  assert.equal(toKxError(watchErr).kind, 'gone');
});

test('network failures say "Unable to connect to the server" with the socket error', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1234'), { code: 'ECONNREFUSED' });
  const fetchFailed = new TypeError('fetch failed', { cause: new AggregateError([refused], '') });
  const e = toKxError(fetchFailed);
  assert.equal(e.kind, 'unreachable');
  assert.equal(e.message, 'Unable to connect to the server: connect ECONNREFUSED 127.0.0.1:1234');
  const slow = toKxError(new TypeError('fetch failed', { cause: Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }) }));
  assert.equal(slow.kind, 'timeout');
  assert.equal(toKxError(new DOMException('x', 'TimeoutError')).kind, 'timeout');
  assert.equal(toKxError(new DOMException('x', 'AbortError')).kind, 'aborted');
});

test('tokens never appear in messages', () => {
  const token = 'sekret-token-value-1234567890';
  registerSecret(token);
  const e = errorFromResponse(400, `bad header Authorization: Bearer ${token} and again ${token}`);
  assert.ok(!e.message.includes(token), e.message);
  assert.match(e.message, /Bearer \[redacted\]/);
  const other = new KxError('server', 'Basic dXNlcjpwYXNz leaked');
  assert.equal(other.message, 'Basic [redacted] leaked');
});

test('a KxError passes through toKxError unchanged', () => {
  const e = new KxError('config', 'x');
  assert.equal(toKxError(e), e);
});
