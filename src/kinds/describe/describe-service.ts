/** kubectl describe service, with endpoints from its EndpointSlices (or its Endpoints on old clusters). */
import { at, num, obj, objs, str, strs } from '../json.ts';
import { formatLabels } from '../format.ts';
import type { KubeObject } from '../../kube/object.ts';
import { DescribeWriter, LEVEL_0 } from './describe-writer.ts';
import type { DescribeInput, DescribeRelated } from './describe-types.ts';
import { writeEvents } from './events-section.ts';
import { writeAnnotations, writeLabels } from './meta-sections.ts';

/** Selector, type, IP families, IPs, external names and load balancer, ports with endpoints, policies, events. */
export function describeService({ object: svc, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(svc['spec']);
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(obj(spec['selector']) as Record<string, string>)}\n`);
  w.write(LEVEL_0, `Type:\t${str(spec['type'])}\n`);
  if (spec['ipFamilyPolicy'] !== undefined) w.write(LEVEL_0, `IP Family Policy:\t${str(spec['ipFamilyPolicy'])}\n`);
  const families = strs(spec['ipFamilies']);
  w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${str(spec['clusterIP'])}\n`);
  const ips = strs(spec['clusterIPs']);
  w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  const externalIPs = strs(spec['externalIPs']);
  if (externalIPs.length > 0) w.write(LEVEL_0, `External IPs:\t${externalIPs.join(',')}\n`);
  if (str(spec['loadBalancerIP'])) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${str(spec['loadBalancerIP'])}\n`);
  if (str(spec['externalName'])) w.write(LEVEL_0, `External Name:\t${str(spec['externalName'])}\n`);
  const ingress = objs(at(svc, 'status', 'loadBalancer', 'ingress'));
  if (ingress.length > 0) {
    const text = ingress.map((i) => (str(i['ip']) ? str(i['ip']) + (i['ipMode'] ? ` (${str(i['ipMode'])})` : '') : str(i['hostname']))).join(', ');
    w.write(LEVEL_0, `LoadBalancer Ingress:\t${text}\n`);
  }
  for (const p of objs(spec['ports'])) {
    const name = str(p['name']) || '<unset>';
    const protocol = str(p['protocol']);
    w.write(LEVEL_0, `Port:\t${name}\t${num(p['port'])}/${protocol}\n`);
    const target = p['targetPort'];
    w.write(LEVEL_0, `TargetPort:\t${typeof target === 'number' ? target : str(target)}/${protocol}\n`);
    if (num(p['nodePort']) !== 0) w.write(LEVEL_0, `NodePort:\t${name}\t${num(p['nodePort'])}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${serviceEndpointsText(svc, related, str(p['name']))}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${str(spec['sessionAffinity'])}\n`);
  if (str(spec['externalTrafficPolicy'])) w.write(LEVEL_0, `External Traffic Policy:\t${str(spec['externalTrafficPolicy'])}\n`);
  if (spec['internalTrafficPolicy'] !== undefined) w.write(LEVEL_0, `Internal Traffic Policy:\t${str(spec['internalTrafficPolicy'])}\n`);
  if (num(spec['healthCheckNodePort']) !== 0) w.write(LEVEL_0, `HealthCheck NodePort:\t${num(spec['healthCheckNodePort'])}\n`);
  const ranges = strs(spec['loadBalancerSourceRanges']);
  if (ranges.length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
  writeEvents(w, related.events, now);
  return w.lines();
}

/**
 * The ready endpoints of one service port, 'ip:port' joined by commas, the first three then
 * ' + N more...'. From the service's EndpointSlices like kubectl 1.32; a cluster without v1
 * EndpointSlices (before 1.21, where kubectl says '<none>') falls back to its Endpoints object.
 */
export function serviceEndpointsText(svc: KubeObject, related: DescribeRelated, portName: string): string {
  const own = (o: KubeObject): boolean => o.metadata.namespace === svc.metadata.namespace;
  if (related.endpointSlices !== undefined) {
    const slices = related.endpointSlices.filter((s) => own(s) && s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
    return formatEndpointSlices(slices, portName);
  }
  const endpoints = (related.endpoints ?? []).find((e) => own(e) && e.metadata.name === svc.metadata.name);
  return endpoints ? formatEndpoints(endpoints, portName) : '<none>';
}

/** formatEndpointSlices: ready addresses (headless slices without ports give bare addresses). */
export function formatEndpointSlices(slices: readonly KubeObject[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  const add = (text: string): void => {
    if (list.length < 3) list.push(text);
    count++;
  };
  for (const slice of slices) {
    const endpoints = objs(slice['endpoints']);
    const ready = (e: Record<string, unknown>): boolean => at(e, 'conditions', 'ready') !== false;
    const ports = objs(slice['ports']);
    if (ports.length === 0) {
      for (const e of endpoints) if (ready(e)) add(strs(e['addresses'])[0] ?? '');
      continue;
    }
    for (const port of ports) {
      if (portName !== undefined && str(port['name']) !== portName) continue;
      for (const e of endpoints) if (ready(e)) add(joinHostPort(strs(e['addresses'])[0] ?? '', num(port['port'])));
    }
  }
  const text = list.join(',');
  return count > 3 ? `${text} + ${count - 3} more...` : text;
}

/** The same from a core/v1 Endpoints object (its ready addresses, per port name). */
function formatEndpoints(endpoints: KubeObject, portName: string): string {
  const list: string[] = [];
  let count = 0;
  for (const subset of objs(endpoints['subsets'])) {
    for (const port of objs(subset['ports'])) {
      if (str(port['name']) !== portName) continue;
      for (const address of objs(subset['addresses'])) {
        if (list.length < 3) list.push(joinHostPort(str(address['ip']), num(port['port'])));
        count++;
      }
    }
  }
  if (count === 0) return '<none>';
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
