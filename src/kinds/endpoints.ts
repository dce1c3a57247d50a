/** Endpoints, as `kubectl get endpoints -A` prints them. */
import { listWithMore } from './format.ts';
import { num, objs, str } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol } from './kind-module.ts';

function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** kubectl's formatEndpoints: the first three ip:port pairs, then ' + N more...'; '<none>' without subsets. */
export function endpointsText(subsets: unknown): string {
  const list = objs(subsets);
  if (list.length === 0) return '<none>';
  const shown: string[] = [];
  let count = 0;
  for (const ss of list) {
    const addresses = objs(ss['addresses']).map((a) => str(a['ip']));
    const ports = objs(ss['ports']);
    if (ports.length === 0) {
      count += addresses.length;
      for (const ip of addresses) if (shown.length < 3) shown.push(ip);
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const ip of addresses) if (shown.length < 3) shown.push(hostPort(ip, num(p['port'])));
    }
  }
  return listWithMore(shown, 3, count);
}

/** The endpoints kind. */
export const endpointsKind = defineKind<undefined>({
  resourceKey: 'endpoints',
  group: '',
  kind: 'Endpoints',
  namespaced: true,
  prepare: undefined,
  columns: [namespaceCol, nameCol, { name: 'ENDPOINTS', width: 40, value: (o) => endpointsText(o['subsets']) }, ageCol],
  extras: undefined,
  tone: (cells) => (cells['ENDPOINTS'] === '<none>' ? 'warn' : 'normal'),
  describe: () => import('./describe/describe-network.ts').then((m) => m.describeEndpoints),
  related: [],
  drill: undefined,
  pods: undefined,
  rollout: undefined,
});
