/** The namespace capture-fixtures.ts fills with representative objects. */
export const FIXTURE_NS = 'shop';

const pod = (name: string, spec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: FIXTURE_NS, labels: { fixture: name }, ...extra },
  spec,
});

const deployment = (name: string, replicas: number, image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: FIXTURE_NS, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: name, image, ports: [{ containerPort: 8080 }] }] },
    },
  },
});

const service = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: FIXTURE_NS },
  spec,
});

/** Pods in every interesting state (the fake kubelet's conventions decide what each does). */
export const FIXTURE_PODS = [
  pod('with-init', {
    initContainers: [
      { name: 'migrate', image: 'busybox', command: ['sh', '-c', 'sleep 1'] },
      { name: 'warm-cache', image: 'busybox', command: ['sh', '-c', 'sleep 1'] },
    ],
    containers: [
      { name: 'app', image: 'shop/app:1.4.2', readinessProbe: { httpGet: { path: '/ready', port: 8080 } } },
      { name: 'proxy', image: 'envoyproxy/envoy:v1.17' },
    ],
  }),
  pod('stuck-init', {
    initContainers: [{ name: 'wait-for-db', image: 'busybox', command: ['sh', '-c', 'sleep 600'] }],
    containers: [{ name: 'app', image: 'shop/app:1.4.2' }],
  }),
  pod('crashloop', { containers: [{ name: 'worker', image: 'shop/worker-crash:0.9' }] }),
  pod('never-ready', { containers: [{ name: 'app', image: 'shop/never-ready:2.0' }] }),
  pod('unschedulable', {
    nodeSelector: { disktype: 'ssd' },
    containers: [{ name: 'db', image: 'postgres:13', resources: { requests: { cpu: '500m', memory: '1Gi' } } }],
  }),
  pod('held', { containers: [{ name: 'app', image: 'nginx:1.19' }] }, { finalizers: ['kx.dev/hold'] }),
];

/** A Job whose pod completes. */
export const FIXTURE_JOB = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'report', namespace: FIXTURE_NS },
  spec: {
    backoffLimit: 2,
    template: {
      spec: { restartPolicy: 'Never', containers: [{ name: 'report', image: 'busybox', command: ['sh', '-c', 'echo done; exit 0'] }] },
    },
  },
};

/** A complete Deployment and one that will be stuck mid-rollout (its update never gets ready). */
export const FIXTURE_DEPLOYMENTS = [deployment('frontend', 3, 'shop/frontend:2.1.0'), deployment('api', 4, 'shop/api:1.0.0')];

/** The image the stuck rollout moves to. */
export const STUCK_IMAGE = 'shop/api-never-ready:1.1.0';

/** Services of every type. */
export const FIXTURE_SERVICES = [
  service('frontend', { type: 'ClusterIP', selector: { app: 'frontend' }, ports: [{ port: 80, targetPort: 8080 }] }),
  service('api-nodeport', { type: 'NodePort', selector: { app: 'api' }, ports: [{ port: 8080, targetPort: 8080, nodePort: 30080 }] }),
  service('public', { type: 'LoadBalancer', selector: { app: 'frontend' }, ports: [{ port: 443, targetPort: 8080, name: 'https' }] }),
  service('payments', { type: 'ExternalName', externalName: 'payments.example.com' }),
  service('api-headless', { clusterIP: 'None', selector: { app: 'api' }, ports: [{ port: 8080 }] }),
];

/** The CronTab CRD of the Kubernetes docs, with additionalPrinterColumns. */
export const CRONTAB_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'crontabs.stable.example.com' },
  spec: {
    group: 'stable.example.com',
    scope: 'Namespaced',
    names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', shortNames: ['ct'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: { cronSpec: { type: 'string' }, image: { type: 'string' }, replicas: { type: 'integer' } },
              },
            },
          },
        },
        additionalPrinterColumns: [
          { name: 'Spec', type: 'string', description: 'The cron spec defining the interval a CronJob is run', jsonPath: '.spec.cronSpec' },
          { name: 'Replicas', type: 'integer', description: 'The number of jobs launched by the CronJob', jsonPath: '.spec.replicas' },
          { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        ],
      },
    ],
  },
};

/** Two custom objects of the CRD. */
export const CRONTABS = [
  { name: 'nightly-report', cronSpec: '0 2 * * *', image: 'shop/report:1.0', replicas: 1 },
  { name: 'every-five', cronSpec: '*/5 * * * *', image: 'shop/poller:3.2', replicas: 3 },
].map((c) => ({
  apiVersion: 'stable.example.com/v1',
  kind: 'CronTab',
  metadata: { name: c.name, namespace: FIXTURE_NS },
  spec: { cronSpec: c.cronSpec, image: c.image, replicas: c.replicas },
}));
