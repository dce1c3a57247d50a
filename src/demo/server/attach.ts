/**
 * pods/attach over WebSocket: exec without a command, wired to the container's own stdio. The
 * tty is the container's (spec.tty), not the request's, as the kubelet decides; the session ends
 * with a Success status when the container's output ends, whatever its exit code.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { KubeObject } from '../../kube/object.ts';
import type { ServerContext } from './context.ts';
import { getExisting } from './crud.ts';
import { DemoStatusError, badRequest } from './errors.ts';
import { assertSubprotocol, serveChannels, upgradeChannels } from './exec.ts';
import { queryBool } from './http-util.ts';
import { resolveContainer } from './logs.ts';
import type { ResourceRoute } from './router.ts';

/** The spec of a container by name (regular, init or ephemeral). */
function containerSpec(pod: KubeObject, name: string): { stdin?: boolean; tty?: boolean } | undefined {
  const spec = (pod['spec'] ?? {}) as Record<string, { name: string; stdin?: boolean; tty?: boolean }[] | undefined>;
  return [...(spec['containers'] ?? []), ...(spec['initContainers'] ?? []), ...(spec['ephemeralContainers'] ?? [])].find((c) => c.name === name);
}

/** What the apiserver and kubelet check before upgrading an attach: the pod, the container, a running container. */
export function validateAttach(ctx: ServerContext, route: ResourceRoute, query: URLSearchParams): { pod: KubeObject; container: string } {
  const pod = getExisting(ctx, route);
  const container = resolveContainer(pod, query.get('container'));
  const runtime = ctx.runtime();
  if (!runtime?.attach) throw new DemoStatusError(400, 'BadRequest', `container ${container} is not valid for pod ${pod.metadata.name}`);
  runtime.checkAttach?.({ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, container });
  return { pod, container };
}

/** Validates the request, connects to the container's stdio, then upgrades; throws before upgrading on errors. */
export function handleAttachUpgrade(ctx: ServerContext, req: IncomingMessage, socket: Duplex, head: Buffer, route: ResourceRoute, query: URLSearchParams): void {
  const { pod, container } = validateAttach(ctx, route, query);
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  // The container's tty wins: whether its process runs on a terminal was settled when it started.
  const tty = containerSpec(pod, container)?.tty === true;
  const wantStdin = queryBool(query, 'stdin') || queryBool(query, 'input');
  const wantStdout = queryBool(query, 'stdout') || queryBool(query, 'output');
  const wantStderr = (queryBool(query, 'stderr') || queryBool(query, 'error')) && !tty;
  if (!wantStdin && !wantStdout && !wantStderr) throw badRequest('you must specify at least 1 of stdin, stdout, stderr');
  assertSubprotocol(offered);
  const session = ctx.runtime()!.attach!({ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, container, stdin: wantStdin });
  upgradeChannels(req, socket, head, (ws) => serveChannels(ws, session, { wantStdout, wantStderr }, () => ({ metadata: {}, status: 'Success' })));
}
