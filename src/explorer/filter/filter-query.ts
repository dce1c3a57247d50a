/**
 * What the user typed after `/`, k9s style: plain text is a fuzzy filter, `!text` keeps the rows
 * that do NOT match, `-l SELECTOR` asks the server for a label selector, `-f text` is the same as
 * plain text (k9s spells its fuzzy mode that way; here fuzzy is the default).
 */
import { parseLabelSelector, type ParsedLabelSelector } from './label-selector.ts';

/** A parsed `/` input. */
export type FilterQuery =
  | { kind: 'none' }
  | { kind: 'text'; text: string; inverse: boolean }
  /** A server-side filter: restart the view's list+watch with `?labelSelector=selector.text`. */
  | { kind: 'labels'; selector: ParsedLabelSelector }
  | { kind: 'invalid'; message: string };

const labelFlag = /^-l(?:\s+|$)/;
const fuzzyFlag = /^-f(?:\s+|$)/;

/** Parses the text after `/`; blank (or a lone `!`) means no filter. */
export function parseFilterInput(input: string): FilterQuery {
  const text = input.trimStart();
  if (labelFlag.test(text)) {
    const selector = text.replace(labelFlag, '').trim();
    if (selector === '') return { kind: 'invalid', message: 'Type a label selector after -l, for example -l app=web,tier!=db.' };
    const parsed = parseLabelSelector(selector);
    return parsed.ok ? { kind: 'labels', selector: parsed.selector } : { kind: 'invalid', message: parsed.message };
  }
  const plain = fuzzyFlag.test(text) ? text.replace(fuzzyFlag, '') : text;
  const inverse = plain.startsWith('!');
  const body = (inverse ? plain.slice(1) : plain).trim();
  return body === '' ? { kind: 'none' } : { kind: 'text', text: body, inverse };
}
