/**
 * A tiny metrics-server for the e2e control plane: metrics.k8s.io/v1beta1 over HTTPS on loopback
 * (self-signed, no client certificates asked), registered through an ExternalName Service and an
 * APIService the aggregator proxies to (docs: real-kubernetes.md, "Aggregated APIs").
 */
import { createServer } from 'node:https';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../../support/wait-for.ts';
import { rawRequest } from '../cluster/raw-http.ts';
import { selfSignedCert } from '../fake-kubelet/tls-cert.ts';
import { answerMetrics, apiGetter } from './metrics-api.ts';

/** A running metrics server. */
export interface MetricsServer {
  port: number;
  /** Stops answering (open connections are cut); the APIService then turns unavailable. */
  stop(): Promise<void>;
}

/** Starts the HTTPS server on 127.0.0.1; it reads pods and nodes from `server` with the admin `token`. */
export async function startMetricsServer(opts: { server: string; token: string; workDir: string }): Promise<MetricsServer> {
  mkdirSync(opts.workDir, { recursive: true });
  const get = apiGetter(opts.server, opts.token);
  const https = createServer(selfSignedCert(opts.workDir), (req, res) => {
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'GET')
      return send(405, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server does not allow this method on the requested resource',
        reason: 'MethodNotAllowed',
        code: 405,
      });
    answerMetrics(get, new URL(req.url ?? '/', 'https://metrics-server'))
      .then((a) => send(a.status, a.body))
      .catch((err: unknown) => send(500, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(err), reason: 'InternalError', code: 500 }));
  });
  await new Promise<void>((resolve, reject) => {
    https.once('error', reject);
    https.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (https.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        https.close(() => resolve());
        https.closeAllConnections();
      }),
  };
}

async function create(server: string, token: string, path: string, body: unknown): Promise<void> {
  const res = await rawRequest(`${server}${path}`, { method: 'POST', token, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  if (res.status !== 201 && res.status !== 409) throw new Error(`Creating ${path} failed with HTTP ${res.status}: ${res.body.slice(0, 200)}`);
}

/** Creates Service kube-system/metrics-server (ExternalName localhost) and APIService v1beta1.metrics.k8s.io, and waits until it is Available. */
export async function registerMetricsApi(server: string, token: string, port: number): Promise<void> {
  await create(server, token, '/api/v1/namespaces/kube-system/services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'metrics-server', namespace: 'kube-system' },
    spec: { type: 'ExternalName', externalName: 'localhost', ports: [{ name: 'https', port }] },
  });
  const name = 'v1beta1.metrics.k8s.io';
  await create(server, token, '/apis/apiregistration.k8s.io/v1/apiservices', {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name },
    spec: {
      service: { name: 'metrics-server', namespace: 'kube-system', port },
      group: 'metrics.k8s.io',
      version: 'v1beta1',
      insecureSkipTLSVerify: true,
      groupPriorityMinimum: 100,
      versionPriority: 100,
    },
  });
  await waitFor(
    `APIService ${name} to be Available`,
    async () => {
      const res = await rawRequest(`${server}/apis/apiregistration.k8s.io/v1/apiservices/${name}`, { token });
      const conditions = (JSON.parse(res.body) as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? [];
      return conditions.some((c) => c.type === 'Available' && c.status === 'True');
    },
    60_000,
    250,
  );
}
