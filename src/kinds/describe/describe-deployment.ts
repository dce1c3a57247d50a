/** kubectl describe deployment, with its old and new ReplicaSets. */
import { at, num, obj, objs, str } from '../json.ts';
import { parseTime } from '../duration.ts';
import type { KubeObject } from '../../kube/object.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './describe-writer.ts';
import type { DescribeInput } from './describe-types.ts';
import { writeEvents } from './events-section.ts';
import { compareStrings, writeAnnotations, writeLabels } from './meta-sections.ts';
import { writePodTemplate } from './pod-template-section.ts';
import { selectorText } from './selector-text.ts';
import { rfc1123z } from './time-format.ts';

/** Replicas line, strategy, pod template, conditions, OldReplicaSets/NewReplicaSet, events. */
export function describeDeployment({ object: d, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(d['spec']);
  const status = obj(d['status']);
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorText(spec['selector'])}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${num(spec['replicas'])} desired | ${num(status['updatedReplicas'])} updated | ${num(status['replicas'])} total | ` +
      `${num(status['availableReplicas'])} available | ${num(status['unavailableReplicas'])} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${str(at(spec, 'strategy', 'type'))}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${num(spec['minReadySeconds'])}\n`);
  const rolling = at(spec, 'strategy', 'rollingUpdate');
  if (rolling) {
    const ru = obj(rolling);
    w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrPercent(ru['maxUnavailable'])} max unavailable, ${intOrPercent(ru['maxSurge'])} max surge\n`);
  }
  writePodTemplate(w, spec['template']);
  const conditions = objs(status['conditions']);
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of conditions) w.write(LEVEL_1, `${str(c['type'])} \t${str(c['status'])}\t${str(c['reason'])}\n`);
  }
  const { oldSets, newSet } = deploymentReplicaSets(d, related.replicaSets ?? []);
  if (oldSets.length > 0 || newSet) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(oldSets)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(newSet ? [newSet] : [])}\n`);
  }
  writeEvents(w, related.events, now);
  return w.lines();
}

/**
 * The ReplicaSets a Deployment controls, split like deploymentutil: the new one has the
 * Deployment's pod template (ignoring pod-template-hash; the oldest wins a tie), the rest are old,
 * oldest first.
 */
export function deploymentReplicaSets(d: KubeObject, replicaSets: readonly KubeObject[]): { oldSets: KubeObject[]; newSet: KubeObject | undefined } {
  const owned = replicaSets
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata.uid))
    .sort((a, b) => {
      const ta = parseTime(a.metadata.creationTimestamp);
      const tb = parseTime(b.metadata.creationTimestamp);
      return ta === tb || (Number.isNaN(ta) && Number.isNaN(tb)) ? compareStrings(a.metadata.name, b.metadata.name) : ta < tb ? -1 : 1;
    });
  const template = withoutHash(at(d, 'spec', 'template'));
  const newSet = owned.find((rs) => semanticEqual(withoutHash(at(rs, 'spec', 'template')), template));
  return { oldSets: owned.filter((rs) => rs !== newSet), newSet };
}

function replicaSetsText(sets: readonly KubeObject[]): string {
  const text = sets.map((rs) => `${rs.metadata.name} (${num(at(rs, 'status', 'replicas'))}/${num(at(rs, 'spec', 'replicas'))} replicas created)`).join(', ');
  return text === '' ? '<none>' : text;
}

/** intstr's String(): a number or a percentage string. */
function intOrPercent(value: unknown): string {
  return typeof value === 'number' ? String(value) : str(value);
}

function withoutHash(template: unknown): unknown {
  const t = structuredClone(obj(template));
  const labels = obj(obj(t['metadata'])['labels']);
  delete labels['pod-template-hash'];
  return t;
}

/** apimachinery's semantic equality on JSON: a missing field equals an empty map or list. */
function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false;
    return true;
  }
  return a === b;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}
