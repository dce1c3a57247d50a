/**
 * metav1.LabelSelector and the one printer for it: apimachinery's selector String(), which is
 * what `?labelSelector=` takes and what kubectl prints (describe, rollout history, wide tables).
 */

/** A label selector requirement (metav1.LabelSelectorRequirement). */
export interface SelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: readonly string[];
}

/** metav1.LabelSelector: matchLabels AND every matchExpression. An empty selector selects everything. */
export interface LabelSelector {
  matchLabels?: Readonly<Record<string, string>>;
  matchExpressions?: readonly SelectorRequirement[];
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

/** A Service's `spec.selector` (a plain map) as selector text. */
export function mapSelectorText(selector: Readonly<Record<string, string>>): string {
  return selectorString({ matchLabels: selector });
}

/** Reads a metav1.LabelSelector from JSON; undefined when the field is absent. */
export function parseLabelSelector(value: unknown): LabelSelector | undefined {
  if (value === undefined || value === null) return undefined;
  const o = isRecord(value) ? value : {};
  const matchLabels: Record<string, string> = {};
  if (isRecord(o['matchLabels'])) for (const [k, v] of Object.entries(o['matchLabels'])) if (typeof v === 'string') matchLabels[k] = v;
  const matchExpressions: SelectorRequirement[] = (Array.isArray(o['matchExpressions']) ? o['matchExpressions'] : []).filter(isRecord).map((e) => ({
    key: typeof e['key'] === 'string' ? e['key'] : '',
    operator: (typeof e['operator'] === 'string' ? e['operator'] : '') as SelectorRequirement['operator'],
    values: Array.isArray(e['values']) ? e['values'].filter((v): v is string => typeof v === 'string') : [],
  }));
  return { matchLabels, matchExpressions };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
