/**
 * Objects that exercise every branch of the describe functions (init and sidecar containers,
 * every volume type, env sources, probes, repeated events, HPA metrics, quotas…), shaped like
 * what a real API server returns. Timestamps are days before `now`, so ages read the same
 * whether kubectl or kx computes them a second apart.
 */
import type { KubeObject } from '../../../src/kube/object.ts';

/** Where an object goes in the demo store. */
export interface Placed {
  resource: { group: string; plural: string };
  object: KubeObject;
}

const daysAgo = (now: number, days: number): string => new Date(now - days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
const ref = (group: string, plural: string) => ({ group, plural });

/** The web Deployment's pod template. */
function webTemplate(image: string): Record<string, unknown> {
  return {
    metadata: { labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' } },
    spec: {
      serviceAccountName: 'web',
      initContainers: [
        { name: 'migrate', image: 'shop/migrate:1', command: ['/migrate', 'up'], resources: { requests: { cpu: '50m' } } },
        { name: 'proxy', image: 'envoy:1.31', restartPolicy: 'Always', ports: [{ containerPort: 9901, protocol: 'TCP' }] },
      ],
      containers: [
        {
          name: 'web',
          image,
          ports: [
            { containerPort: 8080, protocol: 'TCP' },
            { containerPort: 8443, protocol: 'TCP', hostPort: 443 },
          ],
          env: [
            { name: 'MODE', value: 'prod' },
            { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          ],
          resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '250m', memory: '1024Mi' } },
          livenessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        },
      ],
      nodeSelector: { disk: 'ssd' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }],
      priorityClassName: 'high',
    },
  };
}

/** Every crafted object, in creation order (owners before what they own). */
export function craftedObjects(now: number): Placed[] {
  const ns = 'crafted';
  const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: ns, uid: '', ...extra });
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('full', {
      labels: { app: 'full', tier: 'backend' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"hidden":true}',
        'example.com/short': 'yes',
        'example.com/long': 'x'.repeat(200),
        'example.com/multi': 'first line\nsecond line\n',
      },
    }),
    spec: {
      priority: 1000,
      priorityClassName: 'high',
      runtimeClassName: 'gvisor',
      serviceAccountName: 'full',
      nodeName: 'node-a',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      readinessGates: [{ conditionType: 'example.com/ready' }, { conditionType: 'example.com/missing' }],
      initContainers: [
        { name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'echo one\necho two'], args: ['--flag'], resources: { requests: { cpu: '100m', memory: '64Mi' } } },
        {
          name: 'sidecar',
          image: 'envoy:1.31',
          restartPolicy: 'Always',
          ports: [{ containerPort: 15000, protocol: 'TCP' }],
          resources: { requests: { cpu: '200m', memory: '128Mi' }, limits: { cpu: '400m', memory: '256Mi' } },
          readinessProbe: { httpGet: { path: 'ready', port: 15000, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        },
      ],
      containers: [
        {
          name: 'app',
          image: 'shop/app:2.0',
          ports: [
            { containerPort: 8080, protocol: 'TCP' },
            { containerPort: 9090, protocol: 'UDP', hostPort: 9090 },
          ],
          securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/app.json' } },
          envFrom: [{ configMapRef: { name: 'app-env' } }, { secretRef: { name: 'app-secret', optional: true }, prefix: 'SEC_' }],
          env: [
            { name: 'PLAIN', value: 'value' },
            { name: 'MULTI', value: 'line one\nline two' },
            { name: 'EMPTY' },
            { name: 'MY_POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'MY_LABEL', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['tier']" } } },
            { name: 'MY_NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
            { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
            { name: 'MEM_REQUEST', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '1Mi' } } },
            { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } },
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
            { name: 'COLOUR', valueFrom: { configMapKeyRef: { name: 'ui', key: 'colour', optional: true } } },
          ],
          resources: { limits: { cpu: '1500m' }, requests: { cpu: '0.5', memory: '1.5Gi', 'example.com/gpu': '1' } },
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 3, timeoutSeconds: 2, periodSeconds: 7, successThreshold: 1, failureThreshold: 4 },
          readinessProbe: { httpGet: { host: '::1', path: '/healthz', port: 'http', scheme: 'HTTPS' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          startupProbe: { grpc: { port: 9000, service: 'health' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30 },
          volumeMounts: [
            { name: 'data', mountPath: '/data' },
            { name: 'config', mountPath: '/etc/app', readOnly: true, subPath: 'app.yaml' },
            { name: 'cache', mountPath: '/cache' },
          ],
          volumeDevices: [{ name: 'raw', devicePath: '/dev/xvda' }],
        },
      ],
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'data-full' } },
        { name: 'config', configMap: { name: 'app-config', optional: true } },
        { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '128Mi' } },
        { name: 'scratch', emptyDir: {} },
        { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
        { name: 'creds', secret: { secretName: 'app-secret' } },
        {
          name: 'kube-api-access-abcde',
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
          },
        },
        {
          name: 'podinfo',
          downwardAPI: {
            items: [
              { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
              { path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } },
            ],
          },
        },
        { name: 'nfs', nfs: { server: 'nfs.example.com', path: '/exports', readOnly: true } },
        { name: 'csi', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'vault', usePodIdentity: 'false' } } },
        {
          name: 'scratch-claim',
          ephemeral: {
            volumeClaimTemplate: { metadata: { labels: { kind: 'scratch' } }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } } },
          },
        },
        { name: 'raw', persistentVolumeClaim: { claimName: 'raw-block', readOnly: true } },
      ],
      nodeSelector: { disk: 'ssd', zone: 'a' },
      tolerations: [
        { operator: 'Exists' },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' },
        { key: 'gpu', operator: 'Exists' },
      ],
      topologySpreadConstraints: [
        { maxSkew: 2, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'full' } } },
        { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.9',
      podIP: '10.244.9.9',
      podIPs: [{ ip: '10.244.9.9' }, { ip: 'fd00::9' }],
      startTime: daysAgo(now, 3),
      nominatedNodeName: 'node-b',
      qosClass: 'Burstable',
      conditions: [
        { type: 'example.com/ready', status: 'True' },
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'False' },
      ],
      initContainerStatuses: [
        {
          name: 'init',
          ready: false,
          restartCount: 0,
          image: 'busybox:1.36',
          imageID: 'docker.io/library/busybox@sha256:1',
          containerID: 'containerd://init',
          state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: daysAgo(now, 3), finishedAt: daysAgo(now, 3) } },
        },
        {
          name: 'sidecar',
          ready: true,
          restartCount: 1,
          image: 'envoy:1.31',
          imageID: 'docker.io/envoy@sha256:2',
          containerID: 'containerd://sidecar',
          started: true,
          state: { running: { startedAt: daysAgo(now, 3) } },
        },
      ],
      containerStatuses: [
        {
          name: 'app',
          ready: false,
          restartCount: 7,
          image: 'shop/app:2.0',
          imageID: 'docker.io/shop/app@sha256:3',
          containerID: 'containerd://app',
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } },
          lastState: { terminated: { exitCode: 137, signal: 9, reason: 'OOMKilled', message: 'out of memory', startedAt: daysAgo(now, 2), finishedAt: daysAgo(now, 1) } },
        },
      ],
    },
  };
  const eventBase = (name: string, involved: Record<string, unknown>, extra: Record<string, unknown>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: (involved['namespace'] as string | undefined) || 'default', uid: '' },
    involvedObject: involved,
    type: 'Normal',
    ...extra,
  });
  const replicaSet = (name: string, image: string, replicas: number, hash: string, days: number): KubeObject => {
    const template = webTemplate(image) as { metadata: { labels: Record<string, string> } };
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta(name, {
        labels: { app: 'web', 'pod-template-hash': hash },
        annotations: { 'deployment.kubernetes.io/revision': String(days) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'deployment-web', controller: true, blockOwnerDeletion: true }],
        creationTimestamp: daysAgo(now, days),
      }),
      spec: {
        replicas,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
        template: { ...template, metadata: { ...template.metadata, labels: { ...template.metadata.labels, 'pod-template-hash': hash } } },
      },
      status: { replicas, readyReplicas: replicas, availableReplicas: replicas, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }] },
    };
  };
  return [
    { resource: ref('', 'namespaces'), object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, uid: '', labels: { team: 'kx' } }, status: { phase: 'Active' } } },
    {
      resource: ref('', 'resourcequotas'),
      object: {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: meta('compute'),
        spec: { hard: { 'requests.cpu': '4', pods: '10' }, scopes: ['NotTerminating', 'BestEffort'] },
        status: { hard: { 'requests.cpu': '4', pods: '10' }, used: { 'requests.cpu': '1500m', pods: '3' } },
      },
    },
    {
      resource: ref('', 'limitranges'),
      object: {
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: meta('defaults'),
        spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' }, max: { cpu: '2' } }] },
      },
    },
    {
      resource: ref('', 'nodes'),
      object: {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: 'node-a',
          uid: '',
          labels: { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'edge', 'kubernetes.io/hostname': 'node-a' },
          annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
        },
        spec: {
          podCIDR: '10.244.9.0/24',
          podCIDRs: ['10.244.9.0/24'],
          providerID: 'kind://docker/kx/node-a',
          unschedulable: true,
          taints: [
            { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: daysAgo(now, 1) },
            { key: 'dedicated', value: 'batch', effect: 'NoSchedule' },
            { key: 'gpu', effect: 'PreferNoSchedule' },
          ],
        },
        status: {
          capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi', 'hugepages-2Mi': '0', 'example.com/gpu': '2' },
          allocatable: { cpu: '3800m', memory: '7Gi', pods: '110', 'ephemeral-storage': '90Gi', 'hugepages-2Mi': '0', 'example.com/gpu': '2' },
          conditions: [
            {
              type: 'MemoryPressure',
              status: 'False',
              lastHeartbeatTime: daysAgo(now, 1),
              lastTransitionTime: daysAgo(now, 5),
              reason: 'KubeletHasSufficientMemory',
              message: 'kubelet has sufficient memory available',
            },
            { type: 'Ready', status: 'True', lastHeartbeatTime: daysAgo(now, 1), lastTransitionTime: daysAgo(now, 5), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
          ],
          addresses: [
            { type: 'InternalIP', address: '172.18.0.9' },
            { type: 'Hostname', address: 'node-a' },
          ],
          nodeInfo: {
            machineID: 'm1',
            systemUUID: 's1',
            bootID: 'b1',
            kernelVersion: '6.8.0',
            osImage: 'Debian GNU/Linux 12 (bookworm)',
            operatingSystem: 'linux',
            architecture: 'amd64',
            containerRuntimeVersion: 'containerd://1.7.24',
            kubeletVersion: 'v1.32.2',
            kubeProxyVersion: 'v1.32.2',
          },
        },
      },
    },
    {
      resource: ref('coordination.k8s.io', 'leases'),
      object: {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: 'node-a', namespace: 'kube-node-lease', uid: '' },
        spec: { holderIdentity: 'node-a', leaseDurationSeconds: 40, renewTime: daysAgo(now, 1).replace('Z', '.000000Z') },
      },
    },
    { resource: ref('', 'pods'), object: pod },
    {
      resource: ref('', 'pods'),
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: meta('terminating', { deletionGracePeriodSeconds: 30, finalizers: ['example.com/hold'], labels: { app: 'web' } }),
        spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }] },
        status: { phase: 'Running', qosClass: 'Guaranteed' },
      },
    },
    {
      resource: ref('apps', 'deployments'),
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta('web', { labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '2' } }),
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db', 'cache'] }] },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '50%' } },
          minReadySeconds: 5,
          template: webTemplate('shop/web:2'),
        },
        status: {
          replicas: 4,
          updatedReplicas: 2,
          availableReplicas: 3,
          unavailableReplicas: 1,
          conditions: [
            { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
            { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
          ],
        },
      },
    },
    { resource: ref('apps', 'replicasets'), object: replicaSet('web-old', 'shop/web:1', 2, 'old1', 2) },
    { resource: ref('apps', 'replicasets'), object: replicaSet('web-new', 'shop/web:2', 2, 'new2', 1) },
    { resource: ref('apps', 'replicasets'), object: replicaSet('web-older', 'shop/web:0', 0, 'old0', 3) },
    {
      resource: ref('apps', 'statefulsets'),
      object: {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: meta('db', { labels: { app: 'db' } }),
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'db' } },
          serviceName: 'db',
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1, maxUnavailable: 1 } },
          template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16', volumeMounts: [{ name: 'pgdata', mountPath: '/var/lib/postgresql' }] }] } },
          volumeClaimTemplates: [
            { metadata: { name: 'pgdata', labels: { app: 'db' } }, spec: { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], storageClassName: 'fast', resources: { requests: { storage: '10Gi' } } } },
            { metadata: { name: 'wal', annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } }, spec: { accessModes: ['ReadWriteOnce'] } },
          ],
        },
        status: { replicas: 2 },
      },
    },
    {
      resource: ref('apps', 'daemonsets'),
      object: {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: meta('agent', { labels: { app: 'agent' } }),
        spec: {
          selector: { matchLabels: { app: 'agent' } },
          template: { metadata: { labels: { app: 'agent' } }, spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'agent', image: 'agent:1', args: ['--verbose'] }] } },
        },
        status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, updatedNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 1 },
      },
    },
    {
      resource: ref('batch', 'cronjobs'),
      object: {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: meta('backup'),
        spec: {
          schedule: '0 2 * * *',
          concurrencyPolicy: 'Forbid',
          suspend: true,
          startingDeadlineSeconds: 120,
          successfulJobsHistoryLimit: 3,
          jobTemplate: {
            spec: {
              parallelism: 2,
              activeDeadlineSeconds: 600,
              template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: 'backup:1' }] } },
            },
          },
        },
        status: {
          lastScheduleTime: daysAgo(now, 1),
          active: [
            { kind: 'Job', name: 'backup-1', namespace: ns },
            { kind: 'Job', name: 'backup-2', namespace: ns },
          ],
        },
      },
    },
    {
      resource: ref('batch', 'jobs'),
      object: {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: meta('indexed', { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'backup', uid: 'cronjob-backup', controller: true }] }),
        spec: {
          parallelism: 3,
          completions: 100,
          completionMode: 'Indexed',
          suspend: false,
          backoffLimit: 4,
          ttlSecondsAfterFinished: 100,
          activeDeadlineSeconds: 3600,
          selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } },
          template: { metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'abc' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'work', image: 'work:1' }] } },
        },
        status: {
          active: 3,
          ready: 2,
          succeeded: 40,
          failed: 1,
          startTime: daysAgo(now, 2),
          completionTime: daysAgo(now, 1),
          completedIndexes: '0-10,12,14,16,18,20,22,24,26,28,30,32,34,36,38,40,42,44,46,48',
        },
      },
    },
    {
      resource: ref('', 'services'),
      object: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('web', { labels: { app: 'web' } }),
        spec: {
          type: 'LoadBalancer',
          selector: { app: 'web' },
          clusterIP: '10.96.9.9',
          clusterIPs: ['10.96.9.9'],
          ipFamilies: ['IPv4'],
          ipFamilyPolicy: 'SingleStack',
          externalIPs: ['203.0.113.9'],
          loadBalancerIP: '203.0.113.10',
          loadBalancerSourceRanges: ['10.0.0.0/8', '192.168.0.0/16'],
          ports: [
            { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 },
            { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP', nodePort: 30090 },
          ],
          sessionAffinity: 'ClientIP',
          externalTrafficPolicy: 'Local',
          internalTrafficPolicy: 'Cluster',
          healthCheckNodePort: 31000,
        },
        status: { loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }, { hostname: 'lb.example.com' }] } },
      },
    },
    {
      resource: ref('discovery.k8s.io', 'endpointslices'),
      object: {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta('web-abc', { labels: { 'kubernetes.io/service-name': 'web' } }),
        addressType: 'IPv4',
        ports: [
          { name: 'http', port: 8080, protocol: 'TCP' },
          { name: 'metrics', port: 9090, protocol: 'TCP' },
        ],
        endpoints: [
          { addresses: ['10.244.1.1'], conditions: { ready: true } },
          { addresses: ['10.244.1.2'], conditions: { ready: true } },
          { addresses: ['10.244.1.3'], conditions: { ready: false } },
          { addresses: ['10.244.1.4'] },
          { addresses: ['10.244.1.5'], conditions: { ready: true } },
        ],
      },
    },
    {
      resource: ref('networking.k8s.io', 'ingresses'),
      object: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: meta('web', { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } }),
        spec: {
          ingressClassName: 'nginx',
          defaultBackend: { service: { name: 'web', port: { name: 'http' } } },
          tls: [{ hosts: ['shop.example.com', 'www.example.com'], secretName: 'shop-tls' }, { hosts: ['sni.example.com'] }],
          rules: [
            {
              host: 'shop.example.com',
              http: {
                paths: [
                  { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
                  { path: '/missing', pathType: 'Prefix', backend: { service: { name: 'nowhere', port: { number: 80 } } } },
                  { path: '/static', pathType: 'Prefix', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'Bucket', name: 'static' } } },
                ],
              },
            },
            { http: { paths: [{ path: '/metrics', pathType: 'Exact', backend: { service: { name: 'web', port: { name: 'metrics' } } } }] } },
          ],
        },
        status: { loadBalancer: { ingress: [{ ip: '203.0.113.20' }, { hostname: 'ingress.example.com' }] } },
      },
    },
    {
      resource: ref('', 'persistentvolumeclaims'),
      object: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta('data-full', { finalizers: ['kubernetes.io/pvc-protection'], annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } }),
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'fast',
          volumeName: 'pv-data-full',
          volumeMode: 'Filesystem',
          resources: { requests: { storage: '5Gi' } },
          dataSource: { kind: 'VolumeSnapshot', apiGroup: 'snapshot.storage.k8s.io', name: 'snap-1' },
        },
        status: {
          phase: 'Bound',
          accessModes: ['ReadWriteOnce', 'ReadWriteMany'],
          capacity: { storage: '5120Mi' },
          conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: daysAgo(now, 1), reason: 'Resize', message: 'waiting' }],
        },
      },
    },
    {
      resource: ref('', 'persistentvolumeclaims'),
      object: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta('pending'),
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        status: { phase: 'Pending' },
      },
    },
    {
      resource: ref('autoscaling', 'horizontalpodautoscalers'),
      object: {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: meta('web'),
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
          minReplicas: 2,
          maxReplicas: 10,
          metrics: [
            { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
            { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '512Mi' } } },
            { type: 'Pods', pods: { metric: { name: 'requests_per_second' }, target: { type: 'AverageValue', averageValue: '1k' } } },
            { type: 'Object', object: { metric: { name: 'hits' }, describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'web' }, target: { type: 'Value', value: '10k' } } },
            { type: 'External', external: { metric: { name: 'queue_depth' }, target: { type: 'AverageValue', averageValue: '30' } } },
            { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'web', target: { type: 'Utilization', averageUtilization: 60 } } },
          ],
          behavior: {
            scaleUp: {
              stabilizationWindowSeconds: 0,
              selectPolicy: 'Max',
              policies: [
                { type: 'Pods', value: 4, periodSeconds: 15 },
                { type: 'Percent', value: 100, periodSeconds: 15 },
              ],
            },
            scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] },
          },
        },
        status: {
          currentReplicas: 3,
          desiredReplicas: 4,
          currentMetrics: [
            { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 82, averageValue: '205m' } } },
            { type: 'Resource', resource: { name: 'memory', current: { averageValue: '400Mi' } } },
          ],
          conditions: [
            { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one' },
            { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count' },
          ],
        },
      },
    },
    {
      resource: ref('', 'configmaps'),
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta('app-config', { labels: { app: 'web' } }),
        data: { 'app.yaml': 'server:\n  port: 8080\n' },
        binaryData: { 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]).toString('base64') },
      },
    },
    {
      resource: ref('', 'secrets'),
      object: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: meta('app-secret'),
        type: 'Opaque',
        data: { password: Buffer.from('hunter2-hunter2').toString('base64') },
      },
    },
    {
      resource: ref('', 'secrets'),
      object: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: meta('sa-token', { annotations: { 'kubernetes.io/service-account.name': 'web' } }),
        type: 'kubernetes.io/service-account-token',
        data: { token: Buffer.from('eyJhbGciOiJSUzI1NiJ9.not-a-real-token.signature').toString('base64') },
      },
    },
    {
      resource: ref('', 'endpoints'),
      object: {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: meta('web'),
        subsets: [
          {
            addresses: [{ ip: '10.244.1.1' }, { ip: '10.244.1.2' }],
            notReadyAddresses: [{ ip: '10.244.1.3' }],
            ports: [
              { name: 'http', port: 8080, protocol: 'TCP' },
              { port: 9090, protocol: 'TCP' },
            ],
          },
          { notReadyAddresses: [{ ip: '10.244.2.1' }] },
        ],
      },
    },
    eventPlaced(
      eventBase(
        'full.1',
        { kind: 'Pod', name: 'full', namespace: ns },
        {
          reason: 'Scheduled',
          message: 'Successfully assigned crafted/full to node-a',
          source: { component: 'default-scheduler' },
          count: 1,
          firstTimestamp: daysAgo(now, 3),
          lastTimestamp: daysAgo(now, 3),
        },
      ),
    ),
    eventPlaced(
      eventBase(
        'full.2',
        { kind: 'Pod', name: 'full', namespace: ns, fieldPath: 'spec.containers{app}' },
        {
          type: 'Warning',
          reason: 'BackOff',
          message: '  Back-off restarting failed container app  ',
          source: { component: 'kubelet', host: 'node-a' },
          count: 42,
          firstTimestamp: daysAgo(now, 3),
          lastTimestamp: daysAgo(now, 1),
        },
      ),
    ),
    eventPlaced(
      eventBase(
        'full.3',
        { kind: 'Pod', name: 'full', namespace: ns },
        {
          reason: 'Pulled',
          message: 'image pulled',
          reportingComponent: 'kubelet',
          eventTime: daysAgo(now, 2).replace('Z', '.000000Z'),
          series: { count: 5, lastObservedTime: daysAgo(now, 1).replace('Z', '.000000Z') },
        },
      ),
    ),
    eventPlaced(
      eventBase(
        'web.1',
        { kind: 'Deployment', name: 'web', namespace: ns, apiVersion: 'apps/v1' },
        {
          reason: 'ScalingReplicaSet',
          message: 'Scaled up replica set web-new to 2',
          source: { component: 'deployment-controller' },
          count: 1,
          firstTimestamp: daysAgo(now, 1),
          lastTimestamp: daysAgo(now, 1),
        },
      ),
    ),
    eventPlaced(
      eventBase(
        'node-a.1',
        { kind: 'Node', name: 'node-a', namespace: '', uid: 'node-a' },
        {
          reason: 'NodeNotSchedulable',
          message: 'Node node-a status is now: NodeNotSchedulable',
          source: { component: 'kubelet', host: 'node-a' },
          count: 1,
          firstTimestamp: daysAgo(now, 2),
          lastTimestamp: daysAgo(now, 2),
        },
      ),
    ),
    eventPlaced(
      eventBase(
        'backup.1',
        { kind: 'CronJob', name: 'backup', namespace: ns },
        { reason: 'SawCompletedJob', message: 'Saw completed job', source: { component: 'cronjob-controller' }, count: 2, firstTimestamp: daysAgo(now, 2), lastTimestamp: daysAgo(now, 1) },
      ),
    ),
  ];
}

/** The event's involvedObject uid is filled in by loadObjects once its object exists. */
function eventPlaced(object: KubeObject): Placed {
  return { resource: ref('', 'events'), object };
}

/** The part of the demo store loadObjects uses. */
export interface ObjectStore {
  create(resource: { group: string; plural: string }, object: KubeObject): KubeObject;
}

/**
 * Creates the objects in order. The store gives each a new uid, so owner references and events'
 * involvedObject are pointed at the new uids (by the fixture's old uid, else by kind and name).
 */
export function loadObjects(store: ObjectStore, placed: readonly Placed[]): KubeObject[] {
  const byOldUid = new Map<string, string>();
  const byName = new Map<string, string>();
  const key = (kind: string, ns: string | undefined, name: string): string => `${kind}/${ns ?? ''}/${name}`;
  return placed.map(({ resource, object }) => {
    const o = structuredClone(object);
    for (const owner of o.metadata.ownerReferences ?? []) {
      owner.uid = byOldUid.get(owner.uid) ?? byName.get(key(owner.kind, o.metadata.namespace, owner.name)) ?? owner.uid;
    }
    const involved = o['involvedObject'] as Record<string, string> | undefined;
    if (involved && !involved['uid']) involved['uid'] = byName.get(key(involved['kind'] ?? '', involved['namespace'], involved['name'] ?? '')) ?? '';
    const created = store.create(resource, o);
    if (object.metadata.uid) byOldUid.set(object.metadata.uid, created.metadata.uid);
    byName.set(key(created.kind, created.metadata.namespace, created.metadata.name), created.metadata.uid);
    return created;
  });
}
