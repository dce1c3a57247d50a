/** The metrics reads word an answer without a Status body (the aggregator's plain-text 503) as kubectl top does. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiClient } from '../../src/kube/api-client.ts';
import { errorFromResponse, KxError } from '../../src/kube/errors.ts';
import { listNodeMetrics, listPodMetrics } from '../../src/kube/metrics.ts';

/** A client whose every GET gets `code` with `body` (as the API server sent it). */
function answering(code: number, body: string): ApiClient {
  return {
    get: () => Promise.reject(errorFromResponse(code, body)),
  } as unknown as ApiClient;
}

const down = answering(503, 'error trying to reach service: dial tcp 127.0.0.1:45225: connect: connection refused\n');

test("metrics-server down: client-go's sentence naming the request, not the aggregator's text", async () => {
  await assert.rejects(listPodMetrics(down, {}), { message: 'Error from server (ServiceUnavailable): the server is currently unable to handle the request (get pods.metrics.k8s.io)' });
  await assert.rejects(listPodMetrics(down, { namespace: 'shop', name: 'web-1' }), {
    message: 'Error from server (ServiceUnavailable): the server is currently unable to handle the request (get pods.metrics.k8s.io web-1)',
  });
  await assert.rejects(listNodeMetrics(answering(503, 'service unavailable\n'), {}), {
    message: 'Error from server (ServiceUnavailable): the server is currently unable to handle the request (get nodes.metrics.k8s.io)',
  });
});

test("a Status body keeps the server's message", async () => {
  const status = JSON.stringify({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: 'podmetrics.metrics.k8s.io "shop/x" not found' });
  const err: unknown = await listPodMetrics(answering(404, status), { namespace: 'shop', name: 'x' }).catch((e: unknown) => e);
  assert.ok(err instanceof KxError);
  assert.equal(err.message, 'Error from server (NotFound): podmetrics.metrics.k8s.io "shop/x" not found');
  assert.equal(err.kind, 'notFound');
});
