/**
 * Draining like `kubectl drain` (k8s.io/kubectl/pkg/drain): cordon, list the node's pods, refuse or
 * skip them by kubectl's filters (DaemonSet, mirror, emptyDir, unmanaged), then evict each through
 * the Eviction API (or delete it when the server has none) and wait until it is gone. A 429 from a
 * PodDisruptionBudget is retried every 5 s; --timeout bounds the whole wait. Progress goes out as
 * events, which carry kubectl's lines (drainEventLine) and are what the TUI's dialog shows.
 */
import type { ApiClient } from '../api-client.ts';
import { KxError } from '../errors.ts';
import type { KubeList, KubeObject } from '../object.ts';
import { dryRunSuffix, setUnschedulable, type DryRun } from './cordon.ts';

/** kubectl drain's flags that change what is evicted and how. */
export interface DrainOptions {
  ignoreDaemonsets?: boolean;
  deleteEmptydirData?: boolean;
  force?: boolean;
  /** Seconds each pod gets to stop; undefined: the pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds?: number | undefined;
  /** How long the evictions may take in all (ms); 0 or undefined: no limit. */
  timeoutMs?: number | undefined;
  /** Only pods with these labels (a label selector). */
  podSelector?: string | undefined;
  dryRun?: DryRun;
  /** Pause after a 429 (kubectl: 5 s); tests shorten it. */
  retryDelayMs?: number;
  /** How often a pod is looked for while waiting for it to go (kubectl: 1 s). */
  pollMs?: number;
  signal?: AbortSignal;
}

/** A pod as drain names it. */
export interface PodRef {
  namespace: string;
  name: string;
}

/** What happens during a drain, in order (per pod: evicting, maybe retrying, evicted). */
export type DrainEvent =
  | { type: 'cordoned'; text: string }
  | { type: 'planned'; pods: PodRef[] }
  | { type: 'warning'; text: string }
  | { type: 'evicting'; pod: PodRef; dryRun: DryRun }
  | { type: 'retrying'; pod: PodRef; message: string; afterMs: number }
  | { type: 'evicted'; pod: PodRef; deleted: boolean }
  | { type: 'drained'; text: string };

/** A drain that stopped: kubectl's errors, and the pods still waiting when evictions failed. */
export class DrainError extends Error {
  override readonly name = 'DrainError';
  constructor(
    readonly node: string,
    readonly errors: readonly string[],
    /** Set when evicting failed: the pods drain would still have to move (kubectl lists them). */
    readonly pending?: readonly string[],
  ) {
    super(aggregate(errors));
  }
}

/** An error list as utilerrors.NewAggregate prints it: one message, or `[a, b]`. */
export function aggregate(errors: readonly string[]): string {
  return errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
}

/** A duration as Go's time.Duration prints it (`5s`, `1m30s`, `1.5s`). */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  if (m > 0) return `${m}m${sec}`;
  return sec;
}

/** The line kubectl prints for `event`, and on which stream (undefined: kubectl prints none). */
export function drainEventLine(event: DrainEvent): { stream: 'out' | 'err'; text: string } | undefined {
  switch (event.type) {
    case 'cordoned':
    case 'drained':
      return { stream: 'out', text: event.text };
    case 'planned':
      return undefined;
    case 'warning':
      return { stream: 'err', text: `Warning: ${event.text}` };
    case 'evicting':
      return { stream: 'out', text: `evicting pod ${event.pod.namespace}/${event.pod.name}${dryRunSuffix(event.dryRun)}` };
    case 'retrying':
      return { stream: 'err', text: `error when evicting pods/"${event.pod.name}" -n "${event.pod.namespace}" (will retry after ${goDuration(event.afterMs)}): ${event.message}` };
    case 'evicted':
      return { stream: 'out', text: `pod/${event.pod.name} ${event.deleted ? 'deleted' : 'evicted'}` };
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** kubectl's filter verdicts (filters.go). */
const daemonSetFatal = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const daemonSetWarning = 'ignoring DaemonSet-managed Pods';
const localStorageFatal = 'Pods with local storage (use --delete-emptydir-data to override)';
const localStorageWarning = 'deleting Pods with local storage';
const unmanagedFatal = 'cannot delete Pods that declare no controller (use --force to override)';
const unmanagedWarning = 'deleting Pods that declare no controller';

type Verdict = { delete: boolean; kind: 'okay' | 'skip' | 'warning' | 'error'; message?: string };
const okay: Verdict = { delete: true, kind: 'okay' };

interface Pod extends KubeObject {
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
}

/** The pods drain would evict, and the warnings and errors kubectl's filters give for the rest. */
export interface DrainPlan {
  pods: Pod[];
  warnings: string[];
  errors: string[];
}

/** kubectl's GetPodsForDeletion: the node's pods through the filters, in list order. */
export async function podsForDeletion(client: ApiClient, node: string, opts: DrainOptions): Promise<DrainPlan> {
  const query: Record<string, string> = { fieldSelector: `spec.nodeName=${node}` };
  if (opts.podSelector) query.labelSelector = opts.podSelector;
  const list = await client.get<KubeList<Pod>>('/api/v1/pods', { query });
  const verdicts: { pod: Pod; verdict: Verdict }[] = [];
  for (const pod of list.items) {
    let verdict = okay;
    // As kubectl: the first filter that keeps a pod decides; otherwise the last filter's word stands.
    for (const filter of [daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter]) {
      verdict = await filter(client, pod, opts);
      if (!verdict.delete) break;
    }
    verdicts.push({ pod, verdict });
  }
  const grouped = (kind: Verdict['kind']) => {
    const byMessage = new Map<string, string[]>();
    for (const { pod, verdict } of verdicts) {
      if (verdict.kind !== kind) continue;
      const msg = verdict.message || 'unexpected error';
      byMessage.set(msg, [...(byMessage.get(msg) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
    }
    return [...byMessage];
  };
  return {
    pods: verdicts.filter((v) => v.verdict.delete).map((v) => v.pod),
    warnings: grouped('warning').map(([msg, pods]) => `${msg}: ${pods.join(', ')}`),
    errors: grouped('error').map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`),
  };
}

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: Pod) => pod.metadata.ownerReferences?.find((r) => r.controller);

async function daemonSetFilter(client: ApiClient, pod: Pod, opts: DrainOptions): Promise<Verdict> {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return okay;
  try {
    await client.get(`/apis/apps/v1/namespaces/${encodeURIComponent(pod.metadata.namespace ?? '')}/daemonsets/${encodeURIComponent(ref.name)}`);
  } catch (err) {
    const message = err instanceof KxError ? (err.status?.message ?? err.message) : String(err);
    // An orphan of a deleted DaemonSet goes with --force, with the lookup's error as the warning.
    if (err instanceof KxError && err.kind === 'notFound' && opts.force) return { delete: true, kind: 'warning', message };
    return { delete: false, kind: 'error', message };
  }
  return opts.ignoreDaemonsets ? { delete: false, kind: 'warning', message: daemonSetWarning } : { delete: false, kind: 'error', message: daemonSetFatal };
}

async function mirrorPodFilter(_client: ApiClient, pod: Pod): Promise<Verdict> {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, kind: 'skip' } : okay;
}

async function localStorageFilter(_client: ApiClient, pod: Pod, opts: DrainOptions): Promise<Verdict> {
  if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined) || finished(pod)) return okay;
  return opts.deleteEmptydirData ? { delete: true, kind: 'warning', message: localStorageWarning } : { delete: false, kind: 'error', message: localStorageFatal };
}

async function unreplicatedFilter(_client: ApiClient, pod: Pod, opts: DrainOptions): Promise<Verdict> {
  if (finished(pod) || controllerOf(pod)) return okay;
  return opts.force ? { delete: true, kind: 'warning', message: unmanagedWarning } : { delete: false, kind: 'error', message: unmanagedFatal };
}

/** The Eviction API's group/version from /api/v1 (kubectl's CheckEvictionSupport); undefined: delete instead. */
export async function evictionVersion(client: ApiClient): Promise<string | undefined> {
  const list = await client.get<{ resources?: { name: string; kind: string; group?: string; version?: string }[] }>('/api/v1');
  const r = list.resources?.find((x) => x.name === 'pods/eviction' && x.kind === 'Eviction' && x.group && x.version);
  return r ? `${r.group}/${r.version}` : undefined;
}

/**
 * `kubectl drain NODE`: cordons, then evicts what the filters allow and waits for it to go.
 * Rejects with DrainError (kubectl's errors) when a filter refuses or an eviction fails; a
 * missing node rejects with the server's NotFound before anything is done.
 */
export async function drainNode(client: ApiClient, node: string, opts: DrainOptions, emit: (event: DrainEvent) => void): Promise<void> {
  emit({ type: 'cordoned', text: await setUnschedulable(client, node, true, { dryRun: opts.dryRun }) });
  const plan = await podsForDeletion(client, node, opts);
  if (plan.errors.length > 0) throw new DrainError(node, plan.errors);
  if (plan.warnings.length > 0) emit({ type: 'warning', text: plan.warnings.join('; ') });
  const refs = plan.pods.map((p) => ({ namespace: p.metadata.namespace ?? '', name: p.metadata.name }));
  emit({ type: 'planned', pods: refs });
  if (opts.dryRun === 'client') {
    for (const pod of refs) emit({ type: 'evicting', pod, dryRun: 'client' });
  } else if (plan.pods.length > 0) {
    const version = await evictionVersion(client);
    const deadline = opts.timeoutMs ? Date.now() + opts.timeoutMs : Infinity;
    const results = await Promise.all(plan.pods.map((pod) => (version ? evictOne(client, pod, version, deadline, opts, emit) : deleteOne(client, pod, deadline, opts, emit))));
    const errors = results.filter((e): e is string => e !== undefined);
    if (errors.length > 0) {
      const after = await podsForDeletion(client, node, opts).catch(() => undefined);
      throw new DrainError(node, errors, after?.pods.map((p) => p.metadata.name) ?? []);
    }
  }
  emit({ type: 'drained', text: `node/${node} drained${dryRunSuffix(opts.dryRun)}` });
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

function podPath(pod: PodRef, sub = ''): string {
  return `/api/v1/namespaces/${encodeURIComponent(pod.namespace)}/pods/${encodeURIComponent(pod.name)}${sub}`;
}

/** One pod's eviction, retried on 429, then the wait for it to go; resolves with kubectl's error, if any. */
async function evictOne(client: ApiClient, pod: Pod, version: string, deadline: number, opts: DrainOptions, emit: (e: DrainEvent) => void): Promise<string | undefined> {
  const ref = { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name };
  const deleteOptions: Record<string, unknown> = {};
  if (opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds >= 0) deleteOptions.gracePeriodSeconds = opts.gracePeriodSeconds;
  if (opts.dryRun === 'server') deleteOptions.dryRun = ['All'];
  const body = { apiVersion: version, kind: 'Eviction', metadata: { name: ref.name, namespace: ref.namespace }, deleteOptions };
  const retryMs = opts.retryDelayMs ?? 5000;
  for (;;) {
    emit({ type: 'evicting', pod: ref, dryRun: opts.dryRun });
    if (Date.now() >= deadline || opts.signal?.aborted) return `error when evicting pods/"${ref.name}" -n "${ref.namespace}": global timeout reached: ${goDuration(opts.timeoutMs ?? 0)}`;
    try {
      await client.post(podPath(ref, '/eviction'), body, opts.dryRun === 'server' ? { query: { dryRun: 'All' } } : {});
      break;
    } catch (err) {
      if (!(err instanceof KxError)) throw err;
      if (err.kind === 'notFound') return undefined;
      const message = err.status?.message ?? err.message;
      if (err.code !== 429) return `error when evicting pods/"${ref.name}" -n "${ref.namespace}": ${message}`;
      emit({ type: 'retrying', pod: ref, message, afterMs: retryMs });
      await sleep(retryMs, opts.signal);
    }
  }
  if (opts.dryRun === 'server') return undefined;
  return waitGone(client, pod, deadline, opts, emit, false);
}

/** One pod deleted (a server without the Eviction API), then the wait for it to go. */
async function deleteOne(client: ApiClient, pod: Pod, deadline: number, opts: DrainOptions, emit: (e: DrainEvent) => void): Promise<string | undefined> {
  const ref = { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name };
  const query: Record<string, string> = {};
  if (opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds >= 0) query.gracePeriodSeconds = String(opts.gracePeriodSeconds);
  if (opts.dryRun === 'server') query.dryRun = 'All';
  try {
    await client.delete(podPath(ref), { query });
  } catch (err) {
    if (err instanceof KxError && err.kind === 'notFound') return undefined;
    return err instanceof KxError ? (err.status?.message ?? err.message) : String(err);
  }
  if (opts.dryRun === 'server') return undefined;
  return waitGone(client, pod, deadline, opts, emit, true);
}

/** Polls until the pod is gone (or replaced by one of the same name); kubectl's waitForDelete. */
async function waitGone(client: ApiClient, pod: Pod, deadline: number, opts: DrainOptions, emit: (e: DrainEvent) => void, deleted: boolean): Promise<string | undefined> {
  const ref = { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name };
  for (;;) {
    try {
      const now = await client.get<KubeObject>(podPath(ref));
      if (now.metadata.uid !== pod.metadata.uid) break;
    } catch (err) {
      if (err instanceof KxError && err.kind === 'notFound') break;
      return `error when waiting for pod "${ref.name}" in namespace "${ref.namespace}" to terminate: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (Date.now() >= deadline || opts.signal?.aborted)
      return `error when waiting for pod "${ref.name}" in namespace "${ref.namespace}" to terminate: global timeout reached: ${goDuration(opts.timeoutMs ?? 0)}`;
    await sleep(opts.pollMs ?? 1000, opts.signal);
  }
  emit({ type: 'evicted', pod: ref, deleted });
  return undefined;
}
