/** kubectl describe pod. */
import { at, num, obj, objs, str } from '../json.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './describe-writer.ts';
import type { DescribeInput } from './describe-types.ts';
import { writeContainers, writeResources } from './containers-section.ts';
import { writeEvents } from './events-section.ts';
import { controllerOf, writeAnnotations, writeLabels, writeTolerations } from './meta-sections.ts';
import { podQosClass } from './pod-resources.ts';
import { ageSince, rfc1123z } from './time-format.ts';
import { writeTopologySpread } from './topology-section.ts';
import { writeVolumes } from './volumes-section.ts';

/**
 * Name, namespace, priority, service account, node, start time, labels, annotations, status
 * (or 'Terminating (lasts …)'), IPs, owner, init containers (sidecars among them), containers,
 * readiness gates, conditions, volumes, QoS class, node selectors, tolerations, events.
 */
export function describePod({ object: pod, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(pod['spec']);
  const status = obj(pod['status']);
  const meta = pod.metadata;
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (typeof spec['priority'] === 'number') w.write(LEVEL_0, `Priority:\t${spec['priority']}\n`);
  if (str(spec['priorityClassName'])) w.write(LEVEL_0, `Priority Class Name:\t${str(spec['priorityClassName'])}\n`);
  if (str(spec['runtimeClassName'])) w.write(LEVEL_0, `Runtime Class Name:\t${str(spec['runtimeClassName'])}\n`);
  if (str(spec['serviceAccountName'])) w.write(LEVEL_0, `Service Account:\t${str(spec['serviceAccountName'])}\n`);
  if (str(spec['nodeName']) === '') w.write(LEVEL_0, 'Node:\t<none>\n');
  else w.write(LEVEL_0, `Node:\t${str(spec['nodeName'])}/${str(status['hostIP'])}\n`);
  if (status['startTime']) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status['startTime'])}\n`);
  writeLabels(w, 'Labels', meta.labels);
  writeAnnotations(w, 'Annotations', meta.annotations);
  const phase = str(status['phase']);
  if (meta.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${ageSince(meta.deletionTimestamp, now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${num(meta.deletionGracePeriodSeconds)}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${phase}\n`);
  }
  if (str(status['reason'])) w.write(LEVEL_0, `Reason:\t${str(status['reason'])}\n`);
  if (str(status['message'])) w.write(LEVEL_0, `Message:\t${str(status['message'])}\n`);
  const seccomp = obj(at(spec, 'securityContext', 'seccompProfile'));
  if (Object.keys(seccomp).length > 0) {
    w.write(LEVEL_0, `SeccompProfile:\t${str(seccomp['type'])}\n`);
    if (seccomp['type'] === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${str(seccomp['localhostProfile'])}\n`);
  }
  w.write(LEVEL_0, `IP:\t${str(status['podIP'])}\n`);
  const ips = objs(status['podIPs']);
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${str(ip['ip'])}\n`);
  }
  const owner = controllerOf(pod);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  if (str(status['nominatedNodeName'])) w.write(LEVEL_0, `NominatedNodeName:\t${str(status['nominatedNodeName'])}\n`);
  if (spec['resources']) {
    w.write(LEVEL_0, 'Resources:\n');
    writeResources(w, obj(spec['resources']), LEVEL_1);
  }
  if (objs(spec['initContainers']).length > 0) {
    writeContainers(w, 'Init Containers', spec['initContainers'], status['initContainerStatuses'], pod, '');
  }
  writeContainers(w, 'Containers', spec['containers'], status['containerStatuses'], pod, '');
  if (objs(spec['ephemeralContainers']).length > 0) {
    writeContainers(w, 'Ephemeral Containers', spec['ephemeralContainers'], status['ephemeralContainerStatuses'], pod, '');
  }
  const conditions = objs(status['conditions']);
  const gates = objs(spec['readinessGates']);
  if (gates.length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const type = str(g['conditionType']);
      const found = conditions.find((c) => c['type'] === type);
      w.write(LEVEL_1, `${type} \t${found ? str(found['status']) : '<none>'} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${str(c['type'])} \t${str(c['status'])} \n`);
  }
  writeVolumes(w, spec['volumes'], '');
  w.write(LEVEL_0, `QoS Class:\t${podQosClass(pod)}\n`);
  writeLabels(w, 'Node-Selectors', spec['nodeSelector']);
  writeTolerations(w, 'Tolerations', spec['tolerations']);
  writeTopologySpread(w, spec['topologySpreadConstraints'], '');
  writeEvents(w, related.events, now);
  return w.lines();
}
