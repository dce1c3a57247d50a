/**
 * The `portforward.k8s.io` protocol over SPDY, as the kubelet serves it: the client opens an
 * error stream and a data stream per connection (headers streamType, port, requestID); once both
 * are there the pod's port is dialled, and a failure is written on the error stream.
 */
import type { Duplex } from 'node:stream';
import { SpdyServerConnection, type SpdyStream } from './spdy/spdy-connection.ts';

/** Dials a port in the pod, or throws the kubelet's sentence. */
export type PortDialer = (port: number) => Duplex;

interface Pair {
  data?: SpdyStream;
  error?: SpdyStream;
}

/** Serves port-forward streams on a SPDY connection over `socket` until either side closes it. */
export function servePortForwardSpdy(socket: Duplex, dial: PortDialer): void {
  const pairs = new Map<string, Pair>();
  const conn = new SpdyServerConnection(socket, (stream) => {
    const type = stream.headers['streamtype'];
    const id = stream.headers['requestid'] ?? '';
    if ((type !== 'data' && type !== 'error') || !/^\d+$/.test(stream.headers['port'] ?? '')) {
      stream.reset();
      return;
    }
    const pair = pairs.get(id) ?? {};
    pairs.set(id, pair);
    if (pair[type]) {
      stream.reset();
      return;
    }
    pair[type] = stream;
    if (pair.data && pair.error) {
      pairs.delete(id);
      forward(pair.data, pair.error, Number(stream.headers['port']), dial);
    }
  });
  socket.on('close', () => conn.close());
}

function forward(data: SpdyStream, error: SpdyStream, port: number, dial: PortDialer): void {
  let pod: Duplex;
  try {
    pod = dial(port);
  } catch (err) {
    error.write(Buffer.from(err instanceof Error ? err.message : String(err)));
    error.end();
    data.end();
    return;
  }
  data.onData((chunk) => pod.write(chunk));
  data.onEnd(() => pod.end());
  data.onReset(() => pod.destroy());
  pod.on('data', (chunk: Buffer) => data.write(chunk));
  // The kubelet closes the data stream, then the error stream, when the pod's connection is done.
  const finish = (): void => {
    data.end();
    error.end();
  };
  pod.on('end', finish);
  pod.on('close', finish);
  pod.on('error', finish);
}
