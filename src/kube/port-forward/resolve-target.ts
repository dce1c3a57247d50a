/**
 * Which pod and port a `kubectl port-forward TYPE/NAME PORT` means: a pod itself, or a running pod
 * of a Service's or workload's selector (a Service's port mapped to its targetPort), waiting up to
 * --pod-running-timeout for one to run. Used again when a forward re-resolves after its pod went away.
 */
import type { KubeSession } from '../session.ts';
import type { KubeObject } from '../object.ts';
import { mapSelectorText, parseLabelSelector, selectorString } from '../label-selector.ts';
import { KxError } from '../errors.ts';
import { podPort, servicePodPort } from './port-mapping.ts';

/** The kinds a port-forward can name. */
export type ForwardKind = 'pod' | 'service' | 'deployment' | 'replicaset' | 'statefulset' | 'daemonset';

/** What the user named: a kind, a name, a namespace. */
export interface ForwardTarget {
  kind: ForwardKind;
  name: string;
  namespace: string;
}

/** The pod to dial now and the port inside it. */
export interface ResolvedTarget {
  pod: KubeObject;
  remotePort: number;
}

const aliases: Record<string, ForwardKind> = {
  po: 'pod',
  pod: 'pod',
  pods: 'pod',
  svc: 'service',
  service: 'service',
  services: 'service',
  deploy: 'deployment',
  deployment: 'deployment',
  deployments: 'deployment',
  rs: 'replicaset',
  replicaset: 'replicaset',
  replicasets: 'replicaset',
  sts: 'statefulset',
  statefulset: 'statefulset',
  statefulsets: 'statefulset',
  ds: 'daemonset',
  daemonset: 'daemonset',
  daemonsets: 'daemonset',
};

const paths: Record<ForwardKind, string> = {
  pod: '/api/v1/namespaces/NS/pods/',
  service: '/api/v1/namespaces/NS/services/',
  deployment: '/apis/apps/v1/namespaces/NS/deployments/',
  replicaset: '/apis/apps/v1/namespaces/NS/replicasets/',
  statefulset: '/apis/apps/v1/namespaces/NS/statefulsets/',
  daemonset: '/apis/apps/v1/namespaces/NS/daemonsets/',
};

/** Parses `TYPE/NAME` (or a bare pod NAME); `deployment.apps/web` works too. */
export function parseTarget(text: string, namespace: string): ForwardTarget {
  const slash = text.indexOf('/');
  if (slash < 0) return { kind: 'pod', name: text, namespace };
  const type = text
    .slice(0, slash)
    .toLowerCase()
    .replace(/\.(apps|v1)$/, '')
    .replace(/\.apps$/, '');
  const name = text.slice(slash + 1);
  const kind = aliases[type];
  if (!kind) throw new KxError('invalid', `cannot port-forward to "${text.slice(0, slash)}": name a pod, service, deployment, replicaset, statefulset or daemonset`);
  if (!name || name.includes('/')) throw new KxError('invalid', `arguments in resource/name form must have a single resource and name`);
  return { kind, name, namespace };
}

/** How a target is written back: `pod/web-abc`, `service/web`. */
export function targetText(t: ForwardTarget): string {
  return `${t.kind}/${t.name}`;
}

function objectPath(kind: ForwardKind, namespace: string, name: string): string {
  return paths[kind].replace('NS', encodeURIComponent(namespace)) + encodeURIComponent(name);
}

function phaseOf(pod: KubeObject): string {
  return ((pod['status'] ?? {}) as { phase?: string }).phase ?? '';
}

/** True for a pod that runs, is not being deleted, and is Ready. */
export function podReady(pod: KubeObject): boolean {
  const conditions = ((pod['status'] ?? {}) as { conditions?: { type: string; status: string }[] }).conditions ?? [];
  return phaseOf(pod) === 'Running' && !pod.metadata.deletionTimestamp && conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** kubectl's refusal for a pod that is not running. */
export function notRunning(pod: KubeObject): KxError {
  return new KxError('invalid', `unable to forward port because pod is not running. Current status=${phaseOf(pod) || 'Unknown'}`);
}

/** Ready pods first, then running ones, then the newest: the pod a forward to a selector dials. */
function best(pods: KubeObject[]): KubeObject | undefined {
  const score = (p: KubeObject): number => (podReady(p) ? 2 : phaseOf(p) === 'Running' && !p.metadata.deletionTimestamp ? 1 : 0);
  return [...pods].sort((a, b) => score(b) - score(a) || String(b.metadata.creationTimestamp ?? '').localeCompare(String(a.metadata.creationTimestamp ?? '')))[0];
}

/** The label selector text of a Service or workload; kubectl's sentence for a Service without one. */
function selectorOf(kind: ForwardKind, obj: KubeObject): string {
  const spec = (obj['spec'] ?? {}) as { selector?: unknown };
  if (kind === 'service') {
    const sel = spec.selector as Record<string, string> | undefined;
    if (!sel || Object.keys(sel).length === 0) throw new KxError('invalid', `cannot attach to *v1.Service: invalid service '${obj.metadata.name}': Service is defined without a selector`);
    return mapSelectorText(sel);
  }
  return selectorString(parseLabelSelector(spec.selector));
}

/** Resolution options: how long to wait for a running pod, and a pod to skip (the one that just went away). */
export interface ResolveOptions {
  podRunningTimeoutMs?: number;
  avoidPod?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** The object named (the pod itself, or the Service or workload) and the running pod a forward to it dials now. */
export interface ResolvedPod {
  object: KubeObject;
  pod: KubeObject;
}

/**
 * Resolves a target to its object and a running pod. A pod must be running now (kubectl's
 * check); a selector's pods are waited for up to the timeout (kubectl's --pod-running-timeout).
 */
export async function resolvePod(session: KubeSession, target: ForwardTarget, opts: ResolveOptions = {}): Promise<ResolvedPod> {
  const { client } = session;
  const obj = await client.get<KubeObject>(objectPath(target.kind, target.namespace, target.name));
  if (target.kind === 'pod') {
    if (phaseOf(obj) !== 'Running') throw notRunning(obj);
    return { object: obj, pod: obj };
  }
  const selector = selectorOf(target.kind, obj);
  const deadline = Date.now() + (opts.podRunningTimeoutMs ?? 60_000);
  for (;;) {
    const list = await client.get<{ items: KubeObject[] }>(`/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods`, { query: { labelSelector: selector } });
    const candidates = list.items.filter((p) => p.metadata.name !== opts.avoidPod);
    const pod = best(candidates);
    if (pod && phaseOf(pod) === 'Running' && !pod.metadata.deletionTimestamp) return { object: obj, pod };
    if (Date.now() >= deadline || opts.signal?.aborted) {
      if (pod) throw notRunning(pod);
      throw new KxError('timeout', 'timed out waiting for the condition');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Resolves a target to a running pod and the port in it (a Service's port mapped to its targetPort). */
export async function resolveTarget(session: KubeSession, target: ForwardTarget, remote: string, opts: ResolveOptions = {}): Promise<ResolvedTarget> {
  const { object, pod } = await resolvePod(session, target, opts);
  return { pod, remotePort: target.kind === 'service' ? servicePodPort(object, pod, remote) : podPort(pod, remote) };
}

/** The forward kind of a resource kx shows (`pods`, `deployments.apps`), or undefined when port-forward cannot name it. */
export function forwardKindOf(resource: { group: string; plural: string }): ForwardKind | undefined {
  const kind = aliases[resource.plural];
  if (!kind) return undefined;
  return (kind === 'pod' || kind === 'service' ? '' : 'apps') === resource.group ? kind : undefined;
}
