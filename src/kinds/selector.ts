/** Label selector matching (apimachinery's labels.Selector semantics), pure. */
import type { LabelSelector, SelectorRequirement } from './types.ts';

/** Whether one requirement holds for a label set. */
export function requirementMatches(labels: Readonly<Record<string, string>>, req: SelectorRequirement): boolean {
  const has = Object.hasOwn(labels, req.key);
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(labels[req.key]!);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(labels[req.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default: {
      const never: never = req.operator;
      return never;
    }
  }
}

/** Whether a label set matches a selector; an empty selector matches everything. */
export function selectorMatches(labels: Readonly<Record<string, string>>, sel: LabelSelector): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const req of sel.matchExpressions ?? []) if (!requirementMatches(labels, req)) return false;
  return true;
}
