/** Writes a workload's label selector the way `?labelSelector=` wants it (apimachinery's String()). */
import type { LabelSelector } from '../kinds/types.ts';

/** `app=web,tier in (a,b),!legacy`; '' for a selector with no requirements. */
export function labelSelectorText(selector: LabelSelector): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) parts.push(`${key}=${value}`);
  for (const req of selector.matchExpressions ?? []) {
    const values = [...(req.values ?? [])].sort().join(',');
    switch (req.operator) {
      case 'In':
        parts.push(`${req.key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${req.key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(req.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${req.key}`);
        break;
      default: {
        const never: never = req.operator;
        return never;
      }
    }
  }
  return parts.join(',');
}

/** A Service's `spec.selector` (a plain map) as selector text. */
export function mapSelectorText(selector: Readonly<Record<string, string>>): string {
  return Object.entries(selector)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}
