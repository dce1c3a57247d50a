/**
 * kubectl port-forward's port arithmetic, pure: `[LOCAL:]REMOTE` specs, named container ports,
 * and a Service port mapped to the pod's targetPort (kubectl's translateServicePortToTargetPort),
 * with kubectl's sentences when a name or port does not exist.
 */
import type { KubeObject } from '../object.ts';

/** One `[LOCAL:]REMOTE` argument: local 0 asks the OS for a free port, undefined means the remote port's number; remote may be a port name. */
export interface PortSpec {
  local: number | undefined;
  remote: string;
}

interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
}

/** Parses `8080:80`, `80` (the same port locally), `:80` (any local port) and `8080:http`, as kubectl does. */
export function parsePortSpec(text: string): PortSpec {
  const parts = text.split(':');
  if (parts.length > 2 || (parts[1] ?? parts[0]) === '') throw new Error(`invalid port format '${text}'`);
  const remote = (parts.length === 2 ? parts[1] : parts[0]) as string;
  if (/^\d+$/.test(remote) && (Number(remote) < 1 || Number(remote) > 65535))
    throw new Error(Number(remote) < 1 ? 'remote port must be > 0' : `error parsing remote port '${remote}': strconv.ParseUint: parsing "${remote}": value out of range`);
  if (parts.length === 1) return { local: undefined, remote };
  const localText = parts[0] as string;
  if (localText === '') return { local: 0, remote };
  if (!/^\d+$/.test(localText)) throw new Error(`error parsing local port '${localText}': strconv.ParseUint: parsing "${localText}": invalid syntax`);
  if (Number(localText) > 65535) throw new Error(`error parsing local port '${localText}': strconv.ParseUint: parsing "${localText}": value out of range`);
  return { local: Number(localText), remote };
}

/** The numeric port a named (or numeric) remote port means on this pod; kubectl's sentence when no container declares the name. */
export function podPort(pod: KubeObject, remote: string): number {
  if (/^\d+$/.test(remote)) return Number(remote);
  const containers = ((pod['spec'] ?? {}) as { containers?: { ports?: ContainerPort[] }[] }).containers ?? [];
  for (const c of containers) for (const p of c.ports ?? []) if (p.name === remote) return p.containerPort;
  throw new Error(`Pod '${pod.metadata.name}' does not have a named port '${remote}'`);
}

/** The container port a Service port (by number or name) sends to on `pod`: its targetPort, resolved by name against the pod when named. */
export function servicePodPort(svc: KubeObject, pod: KubeObject, remote: string): number {
  const spec = (svc['spec'] ?? {}) as { ports?: ServicePort[]; clusterIP?: string };
  const ports = spec.ports ?? [];
  let port: number;
  if (/^\d+$/.test(remote)) port = Number(remote);
  else {
    const named = ports.find((p) => p.name === remote);
    if (!named) throw new Error(`Service '${svc.metadata.name}' does not have a named port '${remote}'`);
    port = named.port;
  }
  const sp = ports.find((p) => p.port === port);
  if (!sp) throw new Error(`Service ${svc.metadata.name} does not have a service port ${port}`);
  // A headless Service has no port mapping: the pod listens on the Service's port.
  if (spec.clusterIP === 'None') return port;
  const target = sp.targetPort;
  if (target === undefined || target === 0 || target === '') return sp.port;
  if (typeof target === 'number' || /^\d+$/.test(target)) return Number(target);
  return podPort(pod, target);
}
