/**
 * What listens inside a demo pod: each declared containerPort of a running container answers,
 * web images with an HTTP response naming the pod (so `curl` through a port-forward shows which
 * pod answered), others by echoing what they are sent. A port nothing declares is refused with
 * the kubelet's (containerd's) sentence.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { duplexPair, type Duplex } from 'node:stream';
import type { KubeObject } from '../../../kube/object.ts';
import { imageProfile } from './images.ts';
import type { PodStatus } from './pod-status.ts';

interface PortSpec {
  containerPort: number;
  name?: string;
  protocol?: string;
}

interface Listener {
  pod: string;
  namespace: string;
  container: string;
  image: string;
  port: number;
}

/** Which connection belongs to which pod port (the HTTP server below serves them all). */
const listeners = new WeakMap<object, Listener>();

function answer(req: IncomingMessage, res: ServerResponse): void {
  const who = listeners.get(req.socket);
  const body = who ? `Hello from pod ${who.pod} in namespace ${who.namespace} (container ${who.container}, port ${who.port}): ${req.method ?? 'GET'} ${req.url ?? '/'}\n` : 'Hello\n';
  res.writeHead(200, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Pod-Name': who?.pod ?? '',
    // One request a connection keeps every forwarded connection short, as curl's are.
    Connection: 'close',
    ...(who && /nginx/.test(who.image) ? { Server: 'nginx/1.27.3' } : {}),
  });
  res.end(body);
}

const http = createServer(answer);

/** The pod sandbox id the kubelet names in its errors (64 hex digits, stable per pod uid). */
export function sandboxId(uid: string): string {
  return createHash('sha256').update(`sandbox/${uid}`).digest('hex');
}

/** The kubelet's sentence for a stream opened after the pod's sandbox went away (the pod was deleted or stopped). */
export function goneMessage(uid: string, port: number): string {
  const id = sandboxId(uid);
  return `error forwarding port ${port} to pod ${id}, uid : failed to find sandbox "${id}" in store: not found`;
}

/** containerd's sentence for a connection refused inside the pod's network namespace, as the kubelet wraps it. */
export function refusedMessage(pod: KubeObject, port: number): string {
  const id = sandboxId(pod.metadata.uid);
  const netns = `/var/run/netns/cni-${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
  return (
    `error forwarding port ${port} to pod ${id}, uid : failed to execute portforward in network namespace "${netns}": ` +
    `failed to connect to localhost:${port} inside namespace "${id}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused ` +
    `IPv6 dial tcp6 [::1]:${port}: connect: connection refused `
  );
}

/** Whether an image serves HTTP on its ports (web servers and the shop's apps), else it echoes. */
function speaksHttp(image: string, port: number): boolean {
  const style = imageProfile(image).logStyle;
  return ['nginx', 'json-app', 'prometheus', 'envoy', 'plain'].includes(style) || [80, 443, 3000, 8080, 9090].includes(port);
}

/** The running container that declares `port`, if any. */
function listenerFor(pod: KubeObject, port: number): Listener | undefined {
  const spec = (pod.spec ?? {}) as { containers?: { name: string; image: string; ports?: PortSpec[] }[] };
  const status = (pod.status ?? {}) as PodStatus;
  for (const c of spec.containers ?? []) {
    if (!(c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === 'TCP')) continue;
    const running = (status.containerStatuses ?? []).some((s) => s.name === c.name && s.state.running);
    if (!running) return undefined;
    return { pod: pod.metadata.name, namespace: pod.metadata.namespace ?? '', container: c.name, image: c.image, port };
  }
  return undefined;
}

/** Connects to `port` in the pod and returns the caller's end; throws the kubelet's sentence when nothing listens. */
export function connectPodPort(pod: KubeObject, port: number): Duplex {
  const who = listenerFor(pod, port);
  if (!who) throw new Error(refusedMessage(pod, port));
  const [outside, inside] = duplexPair();
  if (speaksHttp(who.image, port)) {
    listeners.set(inside, who);
    http.emit('connection', inside);
  } else {
    inside.pipe(inside);
  }
  return outside;
}
