/** Small builders for seed objects (containers, workloads), so the seed reads like a cluster inventory. */
import type { KubeObject } from '../../../kube/object.ts';

const DAY = 86_400;
/** Ages in seconds. */
export const age = { days: (n: number) => n * DAY, hours: (n: number) => n * 3600, minutes: (n: number) => n * 60 };

/** A container with sensible resources and an optional HTTP readiness probe. */
export function container(
  name: string,
  image: string,
  opts: { port?: number; probe?: boolean; env?: Record<string, string>; command?: string[]; restartPolicy?: string } = {},
): Record<string, unknown> {
  return {
    name,
    image,
    ...(opts.command ? { command: opts.command } : {}),
    ...(opts.restartPolicy ? { restartPolicy: opts.restartPolicy } : {}),
    ...(opts.port ? { ports: [{ containerPort: opts.port, name: 'http', protocol: 'TCP' }] } : {}),
    ...(opts.env ? { env: Object.entries(opts.env).map(([k, v]) => ({ name: k, value: v })) } : {}),
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    ...(opts.probe && opts.port
      ? { readinessProbe: { httpGet: { path: '/healthz', port: opts.port, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } }
      : {}),
  };
}

/** A pod template with app labels. */
export function template(app: string, spec: Record<string, unknown>, extraLabels: Record<string, string> = {}): Record<string, unknown> {
  return { metadata: { labels: { app, ...extraLabels } }, spec };
}

/** A workload object (Deployment, StatefulSet, DaemonSet) selecting `app`. */
export function workload(kind: 'Deployment' | 'StatefulSet' | 'DaemonSet', namespace: string, name: string, spec: Record<string, unknown>, labels: Record<string, string> = {}): KubeObject {
  const app = (spec.template as { metadata?: { labels?: Record<string, string> } }).metadata?.labels?.app ?? name;
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace, uid: '', labels: { app, ...labels } },
    spec: {
      selector: { matchLabels: { app } },
      ...(kind === 'Deployment' ? { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 } : {}),
      ...(kind === 'StatefulSet'
        ? {
            podManagementPolicy: 'OrderedReady',
            updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
            revisionHistoryLimit: 10,
            persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
          }
        : {}),
      ...(kind === 'DaemonSet' ? { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }, revisionHistoryLimit: 10 } : {}),
      ...spec,
    },
  };
}

/** A plain object with metadata. */
export function obj(apiVersion: string, kind: string, name: string, namespace: string | undefined, body: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}), uid: '', ...meta }, ...body };
}

/** base64 of a string (Secret data). */
export function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
