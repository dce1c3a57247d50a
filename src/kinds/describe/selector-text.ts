/** A label selector as kubectl describe prints it (LabelSelectorAsSelector(...).String()). */
import { readSelector, selectorString } from '../format.ts';

/** 'app=web,tier in (a,b)'; '' for a missing or empty selector, as Go prints it. */
export function selectorText(selector: unknown): string {
  return selectorString(readSelector(selector));
}
