/** Seed: Deployments (one with rollout history), StatefulSets, DaemonSets, a Job, CronJobs, an HPA, control-plane and bare pods. */
import type { ScenarioContext } from '../context.ts';
import { R } from '../refs.ts';
import { age, container, obj, template, workload } from './builders.ts';

const cpTolerations = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];

/** Creates the workloads; the caller drains the controllers between phases. */
export function seedWorkloads(ctx: ScenarioContext, drain: () => void): void {
  const deploy = (ns: string, name: string, a: number, replicas: number, spec: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ctx.create(R.deployments, workload('Deployment', ns, name, { replicas, template: template(name, spec), ...extra }), a);

  // kube-system
  deploy('kube-system', 'coredns', age.days(12), 2, {
    containers: [container('coredns', 'registry.k8s.io/coredns/coredns:v1.11.3', { port: 8181, probe: true })],
    tolerations: cpTolerations,
    priorityClassName: 'system-cluster-critical',
    serviceAccountName: 'coredns',
  });
  deploy('kube-system', 'metrics-server', age.days(12), 1, { containers: [container('metrics-server', 'registry.k8s.io/metrics-server/metrics-server:v0.7.2', { port: 10250 })] });
  ctx.create(
    R.daemonsets,
    workload('DaemonSet', 'kube-system', 'kube-proxy', {
      template: template('kube-proxy', {
        containers: [container('kube-proxy', 'registry.k8s.io/kube-proxy:v1.32.2')],
        tolerations: [{ operator: 'Exists' }],
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
      }),
    }),
    age.days(12),
  );
  for (const [name, image] of [
    ['etcd', 'registry.k8s.io/etcd:3.5.16-0'],
    ['kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.32.2'],
    ['kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.32.2'],
    ['kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.32.2'],
  ] as const) {
    const node = ctx.store.get(R.nodes, undefined, 'kx-control-plane');
    ctx.create(
      R.pods,
      obj(
        'v1',
        'Pod',
        `${name}-kx-control-plane`,
        'kube-system',
        {
          spec: {
            nodeName: 'kx-control-plane',
            hostNetwork: true,
            priorityClassName: 'system-node-critical',
            priority: 2000001000,
            restartPolicy: 'Always',
            terminationGracePeriodSeconds: 30,
            tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
            containers: [container(name, image)],
          },
          status: { phase: 'Pending' },
        },
        {
          labels: { component: name, tier: 'control-plane' },
          annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': 'a3c9f0d2b1e4' },
          ...(node ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'kx-control-plane', uid: node.metadata.uid, controller: true }] } : {}),
        },
      ),
      age.days(12),
    );
  }

  // shop: frontend gets a real rollout history (three revisions with change-cause).
  const frontend = (image: string) => template('frontend', { containers: [container('nginx', image, { port: 80, probe: true })] });
  ctx.create(R.deployments, workload('Deployment', 'shop', 'frontend', { replicas: 3, template: frontend('nginx:1.25') }, {}), age.days(9));
  ctx.store.mutate(R.deployments, 'shop', 'frontend', (d) => {
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'initial release' };
  });
  drain();
  for (const [image, cause] of [
    ['nginx:1.26', 'kubectl set image deployment/frontend nginx=nginx:1.26'],
    ['nginx:1.27', 'kubectl set image deployment/frontend nginx=nginx:1.27'],
  ] as const) {
    ctx.store.mutate(R.deployments, 'shop', 'frontend', (d) => {
      (d.spec as { template: unknown }).template = frontend(image);
      d.metadata.annotations = { ...(d.metadata.annotations ?? {}), 'kubernetes.io/change-cause': cause };
    });
    drain();
  }
  deploy('shop', 'api', age.days(9), 3, {
    initContainers: [container('migrate', 'ghcr.io/acme/shop-migrate:2.4.1', { command: ['/migrate', 'up'] }), container('envoy', 'envoyproxy/envoy:v1.31.2', { restartPolicy: 'Always', port: 9901 })],
    containers: [container('api', 'ghcr.io/acme/shop-api:2.4.1', { port: 8080, probe: true, env: { LOG_LEVEL: 'info', DB_HOST: 'postgres.payments.svc.cluster.local' } })],
  });
  deploy('shop', 'cart', age.days(8), 2, { containers: [container('cart', 'ghcr.io/acme/cart:1.9.0', { port: 8080, probe: true })] });
  deploy('shop', 'legacy-reports', age.days(2), 1, { containers: [container('reports', 'ghcr.io/acme/legacy-reports:does-not-exist', { port: 8080 })] });
  ctx.create(
    R.statefulsets,
    workload('StatefulSet', 'shop', 'redis', {
      replicas: 3,
      serviceName: 'redis-headless',
      template: template('redis', { containers: [{ ...container('redis', 'redis:7.4', { port: 6379 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }),
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    }),
    age.days(9),
  );
  ctx.create(
    R.hpas,
    obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'api', 'shop', {
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    }),
    age.days(9),
  );

  // payments: a crash loop, a distroless image, a database.
  deploy('payments', 'payments-api', age.days(7), 2, { containers: [container('api', 'ghcr.io/acme/payments-api:3.2.0', { port: 8080, probe: true })] });
  deploy('payments', 'fraud-scorer', age.days(3), 1, { containers: [container('scorer', 'ghcr.io/acme/fraud-scorer:0.9.2', { port: 8080 })] });
  // ledger runs near its CPU limit: the busy pods of `kubectl top`.
  deploy('payments', 'ledger', age.days(6), 2, {
    containers: [
      { ...container('ledger', 'ghcr.io/acme/ledger:1.4.0-distroless', { port: 8080 }), resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } } },
    ],
  });
  ctx.create(
    R.statefulsets,
    workload('StatefulSet', 'payments', 'postgres', {
      replicas: 1,
      serviceName: 'postgres',
      template: template('postgres', {
        containers: [
          {
            ...container('postgres', 'postgres:16', { port: 5432, env: { POSTGRES_DB: 'payments', PGDATA: '/var/lib/postgresql/data/pgdata' } }),
            volumeMounts: [{ name: 'pgdata', mountPath: '/var/lib/postgresql/data' }],
          },
        ],
      }),
      volumeClaimTemplates: [{ metadata: { name: 'pgdata' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
    }),
    age.days(7),
  );

  // monitoring: daemons on every node they tolerate.
  ctx.create(
    R.daemonsets,
    workload('DaemonSet', 'monitoring', 'node-exporter', {
      template: template('node-exporter', {
        containers: [container('node-exporter', 'quay.io/prometheus/node-exporter:v1.8.2', { port: 9100 })],
        tolerations: [{ operator: 'Exists' }],
        hostNetwork: true,
      }),
    }),
    age.days(11),
  );
  ctx.create(
    R.daemonsets,
    workload('DaemonSet', 'monitoring', 'fluent-bit', {
      template: template('fluent-bit', { containers: [container('fluent-bit', 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', { port: 2020 })] }),
    }),
    age.days(11),
  );
  ctx.create(
    R.statefulsets,
    workload('StatefulSet', 'monitoring', 'prometheus', {
      replicas: 1,
      serviceName: 'prometheus',
      template: template('prometheus', { containers: [container('prometheus', 'quay.io/prometheus/prometheus:v2.54.1', { port: 9090, probe: true })] }),
    }),
    age.days(11),
  );
  deploy('monitoring', 'grafana', age.days(11), 1, { containers: [container('grafana', 'grafana/grafana:11.3.0', { port: 3000, probe: true })] });

  // batch: a finished Job, CronJobs, and a pod no node can take.
  const jobSpec = (image: string, command: string[]) => ({
    backoffLimit: 6,
    completions: 1,
    parallelism: 1,
    template: { metadata: {}, spec: { restartPolicy: 'Never', containers: [container('main', image, { command })] } },
  });
  ctx.create(R.jobs, obj('batch/v1', 'Job', 'db-migrate-2-4-1', 'batch', { spec: jobSpec('ghcr.io/acme/shop-migrate:2.4.1', ['/migrate', 'up']) }), age.days(4));
  ctx.create(
    R.cronjobs,
    obj('batch/v1', 'CronJob', 'heartbeat', 'batch', {
      spec: {
        schedule: '* * * * *',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        suspend: false,
        jobTemplate: { spec: jobSpec('busybox:1.37', ['sh', '-c', 'date; echo heartbeat ok']) },
      },
    }),
    age.days(5),
  );
  ctx.create(
    R.cronjobs,
    obj('batch/v1', 'CronJob', 'nightly-backup', 'batch', {
      spec: {
        schedule: '0 2 * * *',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        suspend: false,
        jobTemplate: { spec: jobSpec('ghcr.io/acme/backup:1.2.0', ['/backup', '--target=s3://acme-backups']) },
      },
    }),
    age.days(5),
  );
  ctx.create(
    R.pods,
    obj(
      'v1',
      'Pod',
      'gpu-trainer',
      'batch',
      {
        spec: {
          restartPolicy: 'Always',
          nodeSelector: { accelerator: 'nvidia-h100' },
          tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }],
          containers: [container('trainer', 'ghcr.io/acme/trainer:0.3.0')],
        },
      },
      { labels: { app: 'gpu-trainer' } },
    ),
    age.hours(6),
  );
  ctx.create(
    R.pods,
    obj(
      'v1',
      'Pod',
      'debug-shell',
      'default',
      {
        // As `kubectl run debug-shell -it --image=busybox` leaves it: sh on a terminal, to attach to.
        spec: { restartPolicy: 'Always', containers: [{ ...container('shell', 'busybox:1.37'), stdin: true, tty: true }] },
      },
      { labels: { run: 'debug-shell' } },
    ),
    age.hours(3),
  );
}
