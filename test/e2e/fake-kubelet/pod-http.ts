import { Duplex } from 'node:stream';
import type { PodRun } from './pod-runtime.ts';

/** The body the pod's "server" answers with: enough for a test to tell which pod and port served it. */
export function podHttpBody(pod: PodRun, port: number, path: string): string {
  return `pod=${pod.name} namespace=${pod.namespace} port=${port} path=${path}\n`;
}

/** The kubelet's refusal when nothing in the pod listens on the port (its wording for a closed port). */
export function portClosedMessage(pod: PodRun, port: number): string {
  return `error forwarding port ${port} to pod ${pod.uid}, uid : failed to connect to localhost:${port} inside namespace "${pod.namespace}/${pod.name}": connect: connection refused`;
}

/** Whether a running container of the pod declares the port. */
export function podListensOn(pod: PodRun, port: number): boolean {
  return pod.containers.some((c) => c.ports.includes(port) && c.current !== undefined && c.current.finishedAt === undefined);
}

/**
 * One TCP connection to the pod's port, as a Duplex: it reads an HTTP request and answers 200 with
 * podHttpBody, then closes (Connection: close), like a minimal web server in the container.
 */
export function podHttpConnection(pod: PodRun, port: number): Duplex {
  let request = '';
  let answered = false;
  const conn = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, cb) {
      if (answered) return cb();
      request += chunk.toString('latin1');
      const end = request.indexOf('\r\n\r\n');
      if (end >= 0) {
        answered = true;
        const path = request.split(' ')[1] ?? '/';
        const body = podHttpBody(pod, port, path);
        conn.push(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
        conn.push(null);
      }
      cb();
    },
    final(cb) {
      if (!answered) conn.push(null);
      cb();
    },
  });
  return conn;
}
