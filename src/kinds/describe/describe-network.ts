/** kubectl describe for PersistentVolumeClaim, Ingress and Endpoints. */
import { at, num, obj, objs, str, strs } from '../json.ts';
import type { KubeObject } from '../../kube/object.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2 } from './describe-writer.ts';
import type { DescribeInput, DescribeRelated } from './describe-types.ts';
import { writeEvents } from './events-section.ts';
import { compareStrings, writeAnnotations, writeLabels, writePodNames } from './meta-sections.ts';
import { writeClaim } from './pvc-section.ts';
import { serviceEndpointsText } from './describe-service.ts';
import { rfc1123z } from './time-format.ts';

/** The claim, the pods using it ('Used By'), conditions, events. */
export function describePvc({ object: pvc, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  writeClaim(w, pvc, true, now);
  writePodNames(w, 'Used By', podsUsingClaim(pvc, related.pods ?? []));
  const conditions = objs(at(pvc, 'status', 'conditions'));
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${str(c['type'])} \t${str(c['status'])} \t${rfc1123z(c['lastProbeTime'])} \t${rfc1123z(c['lastTransitionTime'])} \t${str(c['reason'])} \t${str(c['message'])}\n`);
    }
  }
  writeEvents(w, related.events, now);
  return w.lines();
}

/** getPodsForPVC: pods in the claim's namespace with a volume naming it (directly or as an ephemeral volume's claim). */
export function podsUsingClaim(pvc: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  return pods.filter(
    (pod) =>
      pod.metadata.namespace === pvc.metadata.namespace &&
      objs(at(pod, 'spec', 'volumes')).some(
        (v) => str(at(v, 'persistentVolumeClaim', 'claimName')) === pvc.metadata.name || (v['ephemeral'] !== undefined && `${pod.metadata.name}-${str(v['name'])}` === pvc.metadata.name),
      ),
  );
}

/** Address, class, default backend, TLS, rules with each backend's endpoints, annotations, events. */
export function describeIngress({ object: ing, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(ing['spec']);
  w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
  writeLabels(w, 'Labels', ing.metadata.labels);
  w.write(LEVEL_0, `Namespace:\t${ing.metadata.namespace ?? ''}\n`);
  const addresses = [
    ...new Set(
      objs(at(ing, 'status', 'loadBalancer', 'ingress'))
        .map((i) => str(i['ip']) || str(i['hostname']))
        .filter((a) => a !== ''),
    ),
  ].sort(compareStrings);
  w.write(LEVEL_0, `Address:\t${addresses.join(',')}\n`);
  w.write(LEVEL_0, `Ingress Class:\t${spec['ingressClassName'] !== undefined ? str(spec['ingressClassName']) : '<none>'}\n`);
  const defaultBackend = spec['defaultBackend'] ? backendText(ing, obj(spec['defaultBackend']), related) : '<default>';
  w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
  const tls = objs(spec['tls']);
  if (tls.length > 0) {
    w.write(LEVEL_0, 'TLS:\n');
    for (const t of tls) {
      const hosts = strs(t['hosts']).join(',');
      w.write(LEVEL_1, str(t['secretName']) === '' ? `SNI routes ${hosts}\n` : `${str(t['secretName'])} terminates ${hosts}\n`);
    }
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(LEVEL_1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of objs(spec['rules'])) {
    if (!rule['http']) continue;
    count++;
    w.write(LEVEL_1, `${str(rule['host']) || '*'}\t\n`);
    for (const path of objs(at(rule, 'http', 'paths'))) {
      w.write(LEVEL_2, `\t${str(path['path'])} \t${backendText(ing, obj(path['backend']), related)}\n`);
    }
  }
  if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
  writeAnnotations(w, 'Annotations', ing.metadata.annotations);
  writeEvents(w, related.events, now);
  return w.lines();
}

/** describeBackendV1: 'svc:port (endpoints)', or the resource backend. */
function backendText(ing: KubeObject, backend: Record<string, unknown>, related: DescribeRelated): string {
  if (backend['service']) {
    const s = obj(backend['service']);
    const port = obj(s['port']);
    const name = str(s['name']);
    const label = `${name}:${num(port['number']) !== 0 ? num(port['number']) : str(port['name'])}`;
    const service = (related.services ?? []).find((svc) => svc.metadata.name === name && svc.metadata.namespace === ing.metadata.namespace);
    if (!service) return `${label} (<error: services "${name}" not found>)`;
    let portName = '';
    for (const sp of objs(at(service, 'spec', 'ports'))) {
      if ((num(port['number']) !== 0 && num(port['number']) === num(sp['port'])) || (str(port['name']) !== '' && str(port['name']) === str(sp['name']))) {
        portName = str(sp['name']);
      }
    }
    return `${label} (${serviceEndpointsText(service, related, portName)})`;
  }
  if (backend['resource']) {
    const r = obj(backend['resource']);
    return `APIGroup: ${r['apiGroup'] !== undefined ? str(r['apiGroup']) : '<none>'}, Kind: ${str(r['kind'])}, Name: ${str(r['name'])}`;
  }
  return '';
}

/** Each subset's ready and not-ready addresses and its ports, events. */
export function describeEndpoints({ object: ep, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', ep.metadata.labels);
  writeAnnotations(w, 'Annotations', ep.metadata.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const subset of objs(ep['subsets'])) {
    const ips = (key: string): string =>
      objs(subset[key])
        .map((a) => str(a['ip']))
        .join(',') || '<none>';
    w.write(LEVEL_1, `Addresses:\t${ips('addresses')}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${ips('notReadyAddresses')}\n`);
    const ports = objs(subset['ports']);
    if (ports.length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of ports) w.write(LEVEL_2, `${str(p['name']) || '<unset>'}\t${num(p['port'])}\t${str(p['protocol'])}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  writeEvents(w, related.events, now);
  return w.lines();
}
