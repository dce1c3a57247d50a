/** kubectl describe node: roles, taints, lease, conditions, capacity, system info and the pods on it. */
import { at, obj, objs, str, strs } from '../json.ts';
import type { KubeObject } from '../../kube/object.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1, type PrefixWriter } from './describe-writer.ts';
import type { DescribeInput } from './describe-types.ts';
import { writeEvents } from './events-section.ts';
import { compareStrings, goValue, writeAnnotations, writeLabels, writeTaints } from './meta-sections.ts';
import { podRequestsAndLimits, quantityOf, sumResourceLists, toList } from './pod-resources.ts';
import { formatQuantity, milliValue, wholeValue, type Quantity } from '../../kube/quantity.ts';
import { quantityText } from './containers-section.ts';
import { ageSince, rfc1123z } from './time-format.ts';

const systemInfo: [string, string][] = [
  ['Machine ID', 'machineID'],
  ['System UUID', 'systemUUID'],
  ['Boot ID', 'bootID'],
  ['Kernel Version', 'kernelVersion'],
  ['OS Image', 'osImage'],
  ['Operating System', 'operatingSystem'],
  ['Architecture', 'architecture'],
  ['Container Runtime Version', 'containerRuntimeVersion'],
  ['Kubelet Version', 'kubeletVersion'],
  ['Kube-Proxy Version', 'kubeProxyVersion'],
];

/** The roles kubectl reads from node-role.kubernetes.io/ROLE labels and kubernetes.io/role. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort(compareStrings);
}

/** Everything `kubectl describe node` prints, with the non-terminated pods given in `related.pods`. */
export function describeNode({ object: node, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(node['spec']);
  const status = obj(node['status']);
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  const roles = nodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  writeTaints(w, 'Taints', spec['taints']);
  w.write(LEVEL_0, `Unschedulable:\t${goValue(spec['unschedulable'] === true)}\n`);
  if (related.lease) {
    const lease = obj(related.lease['spec']);
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${lease['holderIdentity'] !== undefined ? str(lease['holderIdentity']) : '<unset>'}\n`);
    w.write(LEVEL_1, `AcquireTime:\t${lease['acquireTime'] ? rfc1123z(lease['acquireTime']) : '<unset>'}\n`);
    w.write(LEVEL_1, `RenewTime:\t${lease['renewTime'] ? rfc1123z(lease['renewTime']) : '<unset>'}\n`);
  } else if (related.leaseError !== undefined) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${related.leaseError}\n`);
  }
  const conditions = objs(status['conditions']);
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${str(c['type'])} \t${str(c['status'])} \t${rfc1123z(c['lastHeartbeatTime'])} \t${rfc1123z(c['lastTransitionTime'])} \t${str(c['reason'])} \t${str(c['message'])}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of objs(status['addresses'])) w.write(LEVEL_1, `${str(a['type'])}:\t${str(a['address'])}\n`);
  for (const [field, title] of [
    ['capacity', 'Capacity'],
    ['allocatable', 'Allocatable'],
  ] as const) {
    const list = obj(status[field]);
    const names = Object.keys(list).sort(compareStrings);
    if (names.length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const name of names) w.write(LEVEL_0, `  ${name}:\t${quantityText(list[name])}\n`);
  }
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, key] of systemInfo) w.write(LEVEL_0, `  ${label}:\t${str(at(status, 'nodeInfo', key))}\n`);
  if (str(spec['podCIDR'])) w.write(LEVEL_0, `PodCIDR:\t${str(spec['podCIDR'])}\n`);
  if (strs(spec['podCIDRs']).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${strs(spec['podCIDRs']).join(',')}\n`);
  if (str(spec['providerID'])) w.write(LEVEL_0, `ProviderID:\t${str(spec['providerID'])}\n`);
  if (related.podsError !== undefined) w.write(LEVEL_0, 'Pods:\tnot authorized\n');
  else writeNodeResources(w, node, related.pods ?? [], now);
  writeEvents(w, related.events, now);
  return w.lines();
}

/** describeNodeResource: each pod's requests and limits as a share of allocatable, then the totals. */
function writeNodeResources(w: PrefixWriter, node: KubeObject, pods: readonly KubeObject[], now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const capacity = toList(at(node, 'status', 'capacity'));
  const allocatableRaw = toList(at(node, 'status', 'allocatable'));
  const allocatable = allocatableRaw.size > 0 ? allocatableRaw : capacity;
  const cpu = milliValue(quantityOf(allocatable, 'cpu'));
  const memory = wholeValue(quantityOf(allocatable, 'memory'));
  const share = (q: Quantity, of: number, milli: boolean): string => `${formatQuantity(q)} (${percent(milli ? milliValue(q) : wholeValue(q), of)}%)`;
  const perPod = pods.map((pod) => ({ pod, ...podRequestsAndLimits(pod) }));
  for (const { pod, requests, limits } of perPod) {
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t${share(quantityOf(requests, 'cpu'), cpu, true)}\t${share(quantityOf(limits, 'cpu'), cpu, true)}\t` +
        `${share(quantityOf(requests, 'memory'), memory, false)}\t${share(quantityOf(limits, 'memory'), memory, false)}\t${ageSince(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const requests = sumResourceLists(perPod.map((p) => p.requests));
  const limits = sumResourceLists(perPod.map((p) => p.limits));
  const totalRow = (name: string, of: number, milli: boolean): void => w.write(LEVEL_1, `${name}\t${share(quantityOf(requests, name), of, milli)}\t${share(quantityOf(limits, name), of, milli)}\n`);
  totalRow('cpu', cpu, true);
  totalRow('memory', memory, false);
  totalRow('ephemeral-storage', wholeValue(quantityOf(allocatable, 'ephemeral-storage')), false);
  const names = [...allocatable.keys()].sort(compareStrings);
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) totalRow(name, wholeValue(quantityOf(allocatable, name)), false);
  for (const name of names.filter(isExtendedResource)) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(quantityOf(requests, name))}\t${formatQuantity(quantityOf(limits, name))}\n`);
  }
}

/** Go's int64(float64(a) / float64(b) * 100), with 0 for an empty denominator as the totals do. */
function percent(value: number, of: number): number {
  if (of === 0) return 0;
  return Math.trunc((value / of) * 100);
}

/** Not a standard container resource (cpu, memory, ephemeral-storage, hugepages-*) and not pods. */
function isExtendedResource(name: string): boolean {
  if (name === 'pods' || name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) return false;
  return true;
}
