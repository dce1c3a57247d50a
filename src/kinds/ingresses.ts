/** Ingresses, as `kubectl get ingresses -A -o wide` prints them. */
import { listWithMore } from './format.ts';
import { obj, objs, str } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol, type RegisteredKind } from './kind-module.ts';
import { loadBalancerText } from './services.ts';

/** kubectl's formatHosts: up to three rule hosts, '*' when none. */
export function hostsText(rules: unknown): string {
  const list = objs(rules);
  const hosts: string[] = [];
  let more = false;
  for (const r of list) {
    if (hosts.length === 3) more = true;
    if (!more && str(r['host'])) hosts.push(str(r['host']));
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${list.length - 3} more...` : listWithMore(hosts, 3);
}

/** An ingresses kind for one API group (networking.k8s.io, or extensions on old servers). */
export function ingressKindFor(resourceKey: string): RegisteredKind {
  return defineKind<Record<string, unknown>>({
    resourceKey,
    // 'ingresses.extensions' → 'extensions': describe and owner references key on the group.
    group: resourceKey.slice(resourceKey.indexOf('.') + 1),
    kind: 'Ingress',
    namespaced: true,
    prepare: (o) => obj(o['spec']),
    columns: [
      namespaceCol,
      nameCol,
      { name: 'CLASS', width: 10, value: (_o, spec) => str(spec['ingressClassName']) || '<none>' },
      { name: 'HOSTS', width: 30, value: (_o, spec) => hostsText(spec['rules']) },
      { name: 'ADDRESS', width: 15, value: (o) => loadBalancerText(o['status']) },
      { name: 'PORTS', width: 7, value: (_o, spec) => (objs(spec['tls']).length > 0 ? '80, 443' : '80') },
      ageCol,
    ],
    extras: undefined,
    tone: (cells) => (cells['ADDRESS'] === '' ? 'warn' : 'normal'),
    describe: () => import('./describe/describe-network.ts').then((m) => m.describeIngress),
    related: ['ingressBackends'],
    drill: undefined,
    pods: undefined,
    rollout: undefined,
  });
}

/** The ingresses kind (networking.k8s.io). */
export const ingressesKind = ingressKindFor('ingresses.networking.k8s.io');
