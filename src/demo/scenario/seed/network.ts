/** Seed: Services of every type, and an Ingress. */
import type { ScenarioContext } from '../context.ts';
import { R } from '../refs.ts';
import { age, obj } from './builders.ts';

const svc = (ns: string, name: string, spec: Record<string, unknown>, labels: Record<string, string> = {}) => obj('v1', 'Service', name, ns, { spec }, { labels: { app: name, ...labels } });

/** Creates the Services (cluster IPs come from the allocator) and an Ingress. */
export function seedNetwork(ctx: ScenarioContext): void {
  ctx.create(
    R.services,
    obj(
      'v1',
      'Service',
      'kubernetes',
      'default',
      { spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] } },
      { labels: { component: 'apiserver', provider: 'kubernetes' } },
    ),
    age.days(12),
  );
  ctx.create(
    R.endpoints,
    obj(
      'v1',
      'Endpoints',
      'kubernetes',
      'default',
      { subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] },
      { labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    ),
    age.days(12),
  );
  ctx.create(
    R.services,
    svc(
      'kube-system',
      'kube-dns',
      {
        clusterIP: '10.96.0.10',
        selector: { app: 'coredns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
      { 'k8s-app': 'kube-dns' },
    ),
    age.days(12),
  );
  ctx.create(R.services, svc('shop', 'frontend', { type: 'LoadBalancer', selector: { app: 'frontend' }, ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP' }] }), age.days(9));
  ctx.create(R.services, svc('shop', 'api', { selector: { app: 'api' }, ports: [{ name: 'http', port: 8080, targetPort: 8080, protocol: 'TCP' }] }), age.days(9));
  ctx.create(R.services, svc('shop', 'cart', { type: 'NodePort', selector: { app: 'cart' }, ports: [{ name: 'http', port: 8080, targetPort: 8080, protocol: 'TCP' }] }), age.days(8));
  ctx.create(R.services, svc('shop', 'redis-headless', { clusterIP: 'None', selector: { app: 'redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379, protocol: 'TCP' }] }), age.days(9));
  ctx.create(R.services, svc('payments', 'payments-api', { selector: { app: 'payments-api' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] }), age.days(7));
  ctx.create(R.services, svc('payments', 'postgres', { clusterIP: 'None', selector: { app: 'postgres' }, ports: [{ name: 'pg', port: 5432, targetPort: 5432, protocol: 'TCP' }] }), age.days(7));
  ctx.create(R.services, svc('payments', 'stripe', { type: 'ExternalName', externalName: 'api.stripe.com' }), age.days(7));
  ctx.create(
    R.services,
    svc('monitoring', 'grafana', { type: 'NodePort', selector: { app: 'grafana' }, ports: [{ name: 'http', port: 3000, targetPort: 3000, nodePort: 30300, protocol: 'TCP' }] }),
    age.days(11),
  );
  ctx.create(R.services, svc('monitoring', 'prometheus', { selector: { app: 'prometheus' }, ports: [{ name: 'web', port: 9090, targetPort: 9090, protocol: 'TCP' }] }), age.days(11));
  ctx.create(
    R.ingresses,
    obj(
      'networking.k8s.io/v1',
      'Ingress',
      'shop',
      'shop',
      {
        spec: {
          ingressClassName: 'nginx',
          tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
          rules: [
            {
              host: 'shop.example.com',
              http: {
                paths: [
                  { path: '/', pathType: 'Prefix', backend: { service: { name: 'frontend', port: { number: 80 } } } },
                  { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } },
                ],
              },
            },
          ],
        },
        status: { loadBalancer: { ingress: [{ ip: '172.18.255.199' }] } },
      },
      { annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } },
    ),
    age.days(9),
  );
}
