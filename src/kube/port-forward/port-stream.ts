/**
 * One forwarded connection: a WebSocket to pods/portforward (the kubelet's v4.channel.k8s.io
 * channels, through client-node's PortForward) piped to one accepted local socket, as kubectl
 * opens one stream pair per connection. Bytes are counted both ways; the error channel's text
 * (the kubelet's sentence) ends the connection.
 */
import type { Socket } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { PortForward } from '@kubernetes/client-node/dist/portforward.js';
import type { KubeSession } from '../session.ts';
import { KxError, toKxError } from '../errors.ts';

/** Where a connection goes and what to report while it runs. */
export interface PortStreamRequest {
  session: KubeSession;
  namespace: string;
  pod: string;
  port: number;
  local: Socket;
  /** Bytes read from the local socket (sent to the pod). */
  onBytesIn?(n: number): void;
  /** Bytes written to the local socket (from the pod). */
  onBytesOut?(n: number): void;
}

/** How a connection ended: cleanly, or with the error channel's sentence. */
export interface PortStreamEnd {
  error?: string | undefined;
}

interface ClosableSocket {
  close(): void;
  on(event: 'close', listener: () => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
}

/**
 * Opens the stream; resolves once the WebSocket is up, with a promise of its end (wrapped, or await would wait for it). Rejects with a
 * KxError (the apiserver's sentence) when the upgrade is refused: pod gone, not running, forbidden.
 */
export async function openPortStream(req: PortStreamRequest): Promise<{ ended: Promise<PortStreamEnd> }> {
  let errorText = '';
  const toLocal = new Writable({
    write(chunk: Buffer, _enc, cb) {
      req.onBytesOut?.(chunk.length);
      if (!req.local.destroyed) req.local.write(chunk);
      cb();
    },
  });
  const errors = new Writable({
    write(chunk: Buffer, _enc, cb) {
      errorText += chunk.toString('utf8');
      cb();
    },
  });
  // Local input is relayed by hand: client-node closes the WebSocket when its input ends, which
  // would lose the answer to a client that half-closes after its request.
  const input = new PassThrough();
  let ws: ClosableSocket;
  try {
    ws = (await new PortForward(req.session.kubeConfig, false).portForward(req.namespace, req.pod, [req.port], toLocal, errors, input)) as unknown as ClosableSocket;
  } catch (err) {
    throw await upgradeError(err, req);
  }
  req.local.on('data', (d: Buffer) => {
    req.onBytesIn?.(d.length);
    input.write(d);
  });
  req.local.on('close', () => ws.close());
  req.local.on('error', () => ws.close());
  const ended = new Promise<PortStreamEnd>((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      const error = errorText.trim() || undefined;
      if (error) req.local.destroy();
      else req.local.end();
      resolve({ error });
    };
    ws.on('close', finish);
    ws.on('error', finish);
  });
  return { ended };
}

/** The refused upgrade's sentence: client-node only says "Unexpected server response: 404", so ask the same path without the upgrade. */
async function upgradeError(err: unknown, req: PortStreamRequest): Promise<KxError> {
  const text = err instanceof Error ? err.message : typeof (err as { message?: unknown })?.message === 'string' ? String((err as { message: string }).message) : String(err);
  if (/Unexpected server response: \d+/.test(text)) {
    const path = `/api/v1/namespaces/${encodeURIComponent(req.namespace)}/pods/${encodeURIComponent(req.pod)}/portforward`;
    try {
      await req.session.client.get(path, { query: { ports: req.port } });
    } catch (plain) {
      const answer = toKxError(plain);
      if (answer.code !== undefined && !/upgrade request required/i.test(answer.message)) return answer;
    }
    if (/\b404\b/.test(text)) return new KxError('notFound', `pods "${req.pod}" not found`);
    if (/\b403\b/.test(text)) return new KxError('forbidden', `you may not port-forward to pod "${req.pod}" in namespace "${req.namespace}"`);
  }
  return toKxError(err instanceof Error ? err : new Error(text));
}
