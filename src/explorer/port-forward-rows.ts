/**
 * The rows of the port-forward dialog, pure: one per TCP port the target offers — a pod's (or a
 * workload's pod's) container ports, or a Service's ports with their targetPort mapped to the
 * pod's port as kubectl port-forward maps it — each with the local port it starts with.
 */
import type { KubeObject } from '../kube/object.ts';
import { servicePodPort } from '../kube/port-forward/port-mapping.ts';
import type { ForwardKind } from '../kube/port-forward/resolve-target.ts';

/** One port of the dialog. */
export interface PortRow {
  /** The port as a forward names it: the container port, or the Service's port. */
  remote: number;
  /** The port's name (a container port's or a Service port's), if it has one. */
  name: string | undefined;
  /** The pod's port connections reach (differs from remote for a Service), undefined when it cannot be mapped. */
  podPort: number | undefined;
  /** The local port the dialog offers first: the remote port, as kubectl does for `PORT` alone. */
  local: number;
  /** Why this port cannot be forwarded (kubectl's sentence), when it cannot. */
  problem?: string | undefined;
}

interface DeclaredPort {
  name?: string;
  containerPort?: number;
  port?: number;
  protocol?: string;
}

/** Port-forward carries TCP only (kubectl's too): UDP and SCTP ports are not offered. */
function isTcp(p: DeclaredPort): boolean {
  return p.protocol === undefined || p.protocol === 'TCP';
}

/** The container ports of every container of `pod`, first declaration of a number wins. */
function containerPortRows(pod: KubeObject): PortRow[] {
  const containers = ((pod['spec'] ?? {}) as { containers?: { ports?: DeclaredPort[] }[] }).containers ?? [];
  const rows: PortRow[] = [];
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if (!isTcp(p) || typeof p.containerPort !== 'number' || rows.some((r) => r.remote === p.containerPort)) continue;
      rows.push({ remote: p.containerPort, name: p.name, podPort: p.containerPort, local: p.containerPort });
    }
  }
  return rows;
}

/** The Service's TCP ports, each mapped to the port it reaches on `pod`. */
function servicePortRows(svc: KubeObject, pod: KubeObject): PortRow[] {
  const ports = ((svc['spec'] ?? {}) as { ports?: DeclaredPort[] }).ports ?? [];
  return ports.flatMap((p): PortRow[] => {
    if (!isTcp(p) || typeof p.port !== 'number') return [];
    try {
      return [{ remote: p.port, name: p.name, podPort: servicePodPort(svc, pod, String(p.port)), local: p.port }];
    } catch (err) {
      return [{ remote: p.port, name: p.name, podPort: undefined, local: p.port, problem: (err as Error).message }];
    }
  });
}

/** The dialog's rows for a target of `kind`: `object` is what was named, `pod` the pod a forward would reach now. */
export function portRows(kind: ForwardKind, object: KubeObject, pod: KubeObject): PortRow[] {
  return kind === 'service' ? servicePortRows(object, pod) : containerPortRows(pod);
}

/** How a row reads: `80 (http) → pod port 8080` for a Service, `8080 (http)` for a pod's own port. */
export function portRowLabel(row: PortRow): string {
  const named = row.name ? `${row.remote} (${row.name})` : String(row.remote);
  return row.podPort !== undefined && row.podPort !== row.remote ? `${named} → pod port ${row.podPort}` : named;
}

/** A local port field's value, or the sentence saying why it is not one; empty means the row is skipped. */
export function parseLocalPort(text: string, row: PortRow): { ok: true; port: number | undefined } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, port: undefined };
  if (!/^\d+$/.test(t) || Number(t) > 65535) return { ok: false, message: `The local port for port ${row.remote} must be a number from 0 to 65535, not "${t}".` };
  return { ok: true, port: Number(t) };
}
