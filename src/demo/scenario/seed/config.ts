/** Seed: ConfigMaps, Secrets (Opaque, TLS, dockerconfigjson) and a standalone PVC. */
import type { ScenarioContext } from '../context.ts';
import { R } from '../refs.ts';
import { age, b64, obj } from './builders.ts';

const fakeCert =
  '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUS2h4bXhEZW1vQ2VydGlmaWNhdGUwCgYIKoZIzj0EAwIw\nGzEZMBcGA1UEAwwQc2hvcC5leGFtcGxlLmNvbTAeFw0yNTAxMDEwMDAwMDBaFw0y\n-----END CERTIFICATE-----\n';
const fakeKey = '-----BEGIN EC PRIVATE KEY-----\nZGVtby1vbmx5LW5vdC1hLXJlYWwta2V5LWZvci1hbnl0aGluZw==\n-----END EC PRIVATE KEY-----\n';

/** Creates config objects in the app namespaces. */
export function seedConfig(ctx: ScenarioContext): void {
  ctx.create(R.configmaps, obj('v1', 'ConfigMap', 'kube-root-ca.crt', 'default', { data: { 'ca.crt': fakeCert } }), age.days(12));
  ctx.create(
    R.configmaps,
    obj('v1', 'ConfigMap', 'cluster-info', 'kube-public', { data: { kubeconfig: 'apiVersion: v1\nclusters:\n- cluster:\n    server: https://kx-control-plane:6443\n  name: ""\n' } }),
    age.days(12),
  );
  ctx.create(
    R.configmaps,
    obj('v1', 'ConfigMap', 'coredns', 'kube-system', {
      data: {
        Corefile:
          '.:53 {\n    errors\n    health\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf\n    cache 30\n    loop\n    reload\n}\n',
      },
    }),
    age.days(12),
  );
  ctx.create(
    R.configmaps,
    obj(
      'v1',
      'ConfigMap',
      'frontend-config',
      'shop',
      {
        data: {
          'nginx.conf': 'server {\n  listen 80;\n  location / { root /usr/share/nginx/html; }\n  location /api { proxy_pass http://api:8080; }\n}\n',
          FEATURE_FLAGS: 'new-checkout=true,recommendations=false',
        },
      },
      { labels: { app: 'frontend' } },
    ),
    age.days(9),
  );
  ctx.create(
    R.configmaps,
    obj(
      'v1',
      'ConfigMap',
      'api-config',
      'shop',
      { data: { 'config.yaml': 'server:\n  port: 8080\ndatabase:\n  host: postgres.payments.svc.cluster.local\n  pool: 20\n', LOG_LEVEL: 'info' } },
      { labels: { app: 'api' } },
    ),
    age.days(9),
  );
  ctx.create(
    R.configmaps,
    obj('v1', 'ConfigMap', 'prometheus-config', 'monitoring', {
      data: { 'prometheus.yml': 'global:\n  scrape_interval: 30s\nscrape_configs:\n- job_name: kubernetes-pods\n  kubernetes_sd_configs:\n  - role: pod\n' },
    }),
    age.days(11),
  );
  ctx.create(
    R.secrets,
    obj('v1', 'Secret', 'db-credentials', 'payments', {
      type: 'Opaque',
      data: { username: b64('payments'), password: b64('demo-password-not-real'), host: b64('postgres.payments.svc.cluster.local') },
    }),
    age.days(7),
  );
  ctx.create(R.secrets, obj('v1', 'Secret', 'api-keys', 'shop', { type: 'Opaque', data: { 'stripe-key': b64('sk_test_demo_not_a_real_key'), 'sendgrid-key': b64('SG.demo.not-real') } }), age.days(9));
  ctx.create(R.secrets, obj('v1', 'Secret', 'shop-tls', 'shop', { type: 'kubernetes.io/tls', data: { 'tls.crt': b64(fakeCert), 'tls.key': b64(fakeKey) } }), age.days(9));
  const dockerConfig = JSON.stringify({ auths: { 'ghcr.io': { username: 'acme-bot', password: 'demo-not-real', auth: b64('acme-bot:demo-not-real') } } });
  ctx.create(R.secrets, obj('v1', 'Secret', 'ghcr-pull', 'shop', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64(dockerConfig) } }), age.days(9));
  ctx.create(
    R.pvcs,
    obj(
      'v1',
      'PersistentVolumeClaim',
      'archive',
      'batch',
      {
        spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '100Gi' } }, storageClassName: 'nfs', volumeMode: 'Filesystem', volumeName: 'nfs-archive' },
        status: { phase: 'Bound', accessModes: ['ReadWriteMany'], capacity: { storage: '100Gi' } },
      },
      { finalizers: ['kubernetes.io/pvc-protection'], annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } },
    ),
    age.days(5),
  );
}
