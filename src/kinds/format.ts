/** Cell formatting shared by kinds, following apimachinery's label and selector printers. */
import { obj, objs, str } from './json.ts';
import type { LabelSelector } from './types.ts';

/** labels.FormatLabels: sorted `k=v` joined by commas, '<none>' when empty. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels[k]}`).join(',');
}

import { parseLabelSelector, selectorString } from '../kube/label-selector.ts';

/** Reads a metav1.LabelSelector from JSON; undefined when the field is absent. */
export const readSelector = parseLabelSelector;
export { selectorString };

/** metav1.FormatLabelSelector: like selectorString but '<none>' when it selects by nothing. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  return selectorString(sel) || '<none>';
}

/** kubectl's layoutContainerCells: container names and images, comma-joined, from a pod template. */
export function containerCells(template: unknown): [names: string, images: string] {
  const containers = objs(obj(obj(template)['spec'])['containers']);
  return [containers.map((c) => str(c['name'])).join(','), containers.map((c) => str(c['image'])).join(',')];
}

/** The first `max` items joined by `sep`, then ' + N more...' like kubectl's list cells. */
export function listWithMore(items: readonly string[], max: number, total = items.length, sep = ','): string {
  const shown = items.slice(0, max).join(sep);
  return total > max ? `${shown} + ${total - max} more...` : shown;
}
