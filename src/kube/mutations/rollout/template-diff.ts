/**
 * The difference between two pod templates as a unified diff of their YAML (what kubectl cannot
 * show): the `pod-template-hash` label, which differs between every ReplicaSet, is left out.
 */
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import type { PodTemplate } from './history.ts';

/** The template without the label every ReplicaSet adds. */
export function withoutHash(template: PodTemplate): PodTemplate {
  const copy = structuredClone(template);
  if (copy.metadata?.labels) {
    delete copy.metadata.labels['pod-template-hash'];
    if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  }
  return copy;
}

/** Whether two templates are the same apart from the hash label (kubectl's equalIgnoreHash). */
export function sameTemplate(a: PodTemplate, b: PodTemplate): boolean {
  return stringify(withoutHash(a), { sortMapEntries: true }) === stringify(withoutHash(b), { sortMapEntries: true });
}

/** A unified diff from `from` to `to`, '' when they are the same. */
export function templateDiff(from: PodTemplate, to: PodTemplate, fromLabel: string, toLabel: string): string {
  const a = stringify(withoutHash(from), { sortMapEntries: true });
  const b = stringify(withoutHash(to), { sortMapEntries: true });
  if (a === b) return '';
  return createTwoFilesPatch(fromLabel, toLabel, a, b, '', '', { context: 3 }).replace(/^=+\n/m, '');
}
