/** DescribePodTemplate: the 'Pod Template:' block of workloads (labels, containers, volumes, scheduling). */
import { at, obj, str } from '../json.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './describe-writer.ts';
import { writeContainers } from './containers-section.ts';
import { writeAnnotations, writeLabels, writeTolerations } from './meta-sections.ts';
import { writeTopologySpread } from './topology-section.ts';
import { writeVolumes } from './volumes-section.ts';

/** Writes a pod template (spec.template of a Deployment, ReplicaSet, StatefulSet, DaemonSet or Job). */
export function writePodTemplate(w: PrefixWriter, template: unknown): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (template === undefined || template === null) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = obj(at(template, 'metadata'));
  const spec = obj(at(template, 'spec'));
  writeLabels(w, '  Labels', meta['labels']);
  if (Object.keys(obj(meta['annotations'])).length > 0) writeAnnotations(w, '  Annotations', meta['annotations']);
  if (str(spec['serviceAccountName'])) w.write(LEVEL_1, `Service Account:\t${str(spec['serviceAccountName'])}\n`);
  if (Array.isArray(spec['initContainers']) && spec['initContainers'].length > 0) {
    writeContainers(w, 'Init Containers', spec['initContainers'], undefined, undefined, '  ');
  }
  writeContainers(w, 'Containers', spec['containers'], undefined, undefined, '  ');
  writeVolumes(w, spec['volumes'], '  ');
  writeTopologySpread(w, spec['topologySpreadConstraints'], '  ');
  if (str(spec['priorityClassName'])) w.write(LEVEL_1, `Priority Class Name:\t${str(spec['priorityClassName'])}\n`);
  writeLabels(w, '  Node-Selectors', spec['nodeSelector']);
  writeTolerations(w, '  Tolerations', spec['tolerations']);
}
