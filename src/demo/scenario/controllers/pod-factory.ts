/** Builds a Pod from a workload's pod template, with the defaults the API server and admission add. */
import type { KubeObject } from '../../../kube/object.ts';
import { ownerRef } from '../meta.ts';

/** A pod template as workloads carry it. */
export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

const defaultTolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

/** Fills pod spec defaults (restart policy, grace period, DNS, scheduler, service account, tolerations). */
export function defaultPodSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    serviceAccountName: 'default',
    serviceAccount: (spec.serviceAccountName as string | undefined) ?? 'default',
    securityContext: {},
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    ...structuredClone(spec),
  };
  const tolerations = (out.tolerations as { key?: string }[] | undefined) ?? [];
  for (const t of defaultTolerations) if (!tolerations.some((x) => x.key === t.key)) tolerations.push(t);
  out.tolerations = tolerations;
  const fill = (c: Record<string, unknown>): Record<string, unknown> => ({
    imagePullPolicy: String(c.image ?? '').endsWith(':latest') ? 'Always' : 'IfNotPresent',
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    resources: {},
    ...c,
  });
  out.containers = ((out.containers as Record<string, unknown>[] | undefined) ?? []).map(fill);
  if (Array.isArray(out.initContainers)) out.initContainers = (out.initContainers as Record<string, unknown>[]).map(fill);
  return out;
}

/** A new pod owned by `owner`, from its template. */
export function podFromTemplate(
  owner: KubeObject,
  template: PodTemplate,
  name: string,
  extra: { labels?: Record<string, string>; annotations?: Record<string, string>; spec?: Record<string, unknown> } = {},
): KubeObject {
  const labels = { ...(template.metadata?.labels ?? {}), ...(extra.labels ?? {}) };
  const annotations = { ...(template.metadata?.annotations ?? {}), ...(extra.annotations ?? {}) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      uid: '',
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: [ownerRef(owner)],
    },
    spec: defaultPodSpec({ ...(template.spec ?? {}), ...(extra.spec ?? {}) }),
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

/** True when a pod counts as active (not finished, not being deleted). */
export function isActive(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** True when the pod's Ready condition is True. */
export function isReady(pod: KubeObject): boolean {
  const conds = (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}
