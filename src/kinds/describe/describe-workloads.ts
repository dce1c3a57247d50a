/** kubectl describe for the controllers of pods: ReplicaSet, StatefulSet, DaemonSet. */
import { at, num, obj, objs, str } from '../json.ts';
import { formatLabelSelector, formatLabels, readSelector } from '../format.ts';
import type { KubeObject } from '../../kube/object.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1, type PrefixWriter } from './describe-writer.ts';
import type { DescribeInput, DescribeRelated } from './describe-types.ts';
import { writeEvents } from './events-section.ts';
import { controllerOf, writeAnnotations, writeLabels } from './meta-sections.ts';
import { writePodTemplate } from './pod-template-section.ts';
import { accessModesList, claimClass } from './pvc-section.ts';
import { quantityText } from './containers-section.ts';
import { selectorText } from './selector-text.ts';
import { rfc1123z } from './time-format.ts';

/** 'N Running / N Waiting / N Succeeded / N Failed' of the pods the object controls. */
export function podsStatusText(owner: KubeObject, related: DescribeRelated): string {
  if (related.podsError) return `error in fetching pods: ${related.podsError}`;
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of related.pods ?? []) {
    // Pods of other controllers (or orphans) that match the selector do not count.
    if (!(pod.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === owner.metadata.uid)) continue;
    const phase = str(at(pod, 'status', 'phase'));
    if (phase in counts) counts[phase as keyof typeof counts]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

/** Selector, labels, owner, 'N current / N desired', pods status, pod template, conditions, events. */
export function describeReplicaSet({ object: rs, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(rs['spec']);
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(readSelector(spec['selector']))}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const owner = controllerOf(rs);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  w.write(LEVEL_0, `Replicas:\t${num(at(rs, 'status', 'replicas'))} current / ${num(spec['replicas'])} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatusText(rs, related)}\n`);
  writePodTemplate(w, spec['template']);
  writeShortConditions(w, at(rs, 'status', 'conditions'));
  writeEvents(w, related.events, now);
  return w.lines();
}

/** Creation time, selector, 'N desired | N total', update strategy, pods status, template, volume claims, events. */
export function describeStatefulSet({ object: sts, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(sts['spec']);
  w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(spec['selector'])}\n`);
  writeLabels(w, 'Labels', sts.metadata.labels);
  writeAnnotations(w, 'Annotations', sts.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${num(spec['replicas'])} desired | ${num(at(sts, 'status', 'replicas'))} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${str(at(spec, 'updateStrategy', 'type'))}\n`);
  const rolling = at(spec, 'updateStrategy', 'rollingUpdate');
  if (rolling && obj(rolling)['partition'] !== undefined) {
    w.write(LEVEL_1, `Partition:\t${num(obj(rolling)['partition'])}\n`);
    const maxUnavailable = obj(rolling)['maxUnavailable'];
    if (maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${String(maxUnavailable)}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${podsStatusText(sts, related)}\n`);
  writePodTemplate(w, spec['template']);
  writeVolumeClaimTemplates(w, spec['volumeClaimTemplates']);
  writeEvents(w, related.events, now);
  return w.lines();
}

/** Selector, node selector, the five 'Number of Nodes …' lines, pods status, template, events. */
export function describeDaemonSet({ object: ds, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(ds['spec']);
  const status = obj(ds['status']);
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(spec['selector'])}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(obj(at(spec, 'template', 'spec', 'nodeSelector')) as Record<string, string>)}\n`);
  writeLabels(w, 'Labels', ds.metadata.labels);
  writeAnnotations(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${num(status['desiredNumberScheduled'])}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${num(status['currentNumberScheduled'])}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${num(status['updatedNumberScheduled'])}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${num(status['numberAvailable'])}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${num(status['numberMisscheduled'])}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatusText(ds, related)}\n`);
  writePodTemplate(w, spec['template']);
  writeEvents(w, related.events, now);
  return w.lines();
}

/** 'Conditions:' with Type, Status and Reason (ReplicaSet, Deployment). */
export function writeShortConditions(w: PrefixWriter, conditions: unknown): void {
  const list = objs(conditions);
  if (list.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of list) w.write(LEVEL_1, `${str(c['type'])} \t${str(c['status'])}\t${str(c['reason'])}\n`);
}

/** describeVolumeClaimTemplates: name, class, labels, annotations, capacity ('<default>') and access modes. */
function writeVolumeClaimTemplates(w: PrefixWriter, templates: unknown): void {
  const list = objs(templates);
  if (list.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of list) {
    const meta = obj(pvc['metadata']);
    w.write(LEVEL_1, `Name:\t${str(meta['name'])}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`);
    writeLabels(w, 'Labels', meta['labels'], '  ');
    writeLabels(w, 'Annotations', meta['annotations'], '  ');
    const storage = at(pvc, 'spec', 'resources', 'requests', 'storage');
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? quantityText(storage) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t${accessModesList(at(pvc, 'spec', 'accessModes'))}\n`);
  }
}
