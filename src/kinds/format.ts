/** Cell formatting shared by kinds, following apimachinery's label and selector printers. */
import { obj, objs, str, strMap, strs } from './json.ts';
import type { LabelSelector, SelectorRequirement } from './types.ts';

/** labels.FormatLabels: sorted `k=v` joined by commas, '<none>' when empty. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels[k]}`).join(',');
}

/** Reads a metav1.LabelSelector from JSON; undefined when the field is absent. */
export function readSelector(value: unknown): LabelSelector | undefined {
  if (value === undefined || value === null) return undefined;
  const o = obj(value);
  const matchLabels = strMap(o['matchLabels']);
  const matchExpressions: SelectorRequirement[] = objs(o['matchExpressions']).map((e) => ({
    key: str(e['key']),
    operator: str(e['operator']) as SelectorRequirement['operator'],
    values: strs(e['values']),
  }));
  return { matchLabels, matchExpressions };
}

/**
 * selector.String() of LabelSelectorAsSelector: requirements sorted by key, `k=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`; '' for an empty or missing selector.
 */
export function selectorString(sel: LabelSelector | undefined): string {
  if (!sel) return '';
  const parts: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) parts.push({ key: k, text: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In':
        parts.push({ key: e.key, text: `${e.key} in (${values})` });
        break;
      case 'NotIn':
        parts.push({ key: e.key, text: `${e.key} notin (${values})` });
        break;
      case 'Exists':
        parts.push({ key: e.key, text: e.key });
        break;
      case 'DoesNotExist':
        parts.push({ key: e.key, text: `!${e.key}` });
        break;
      default:
        return '<invalid>';
    }
  }
  parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return parts.map((p) => p.text).join(',');
}

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
