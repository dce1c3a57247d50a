/**
 * What the user typed after `/`, k9s style: plain text is a fuzzy filter, `~REGEX` a regular
 * expression (case-insensitive, like k9s's filter, which is a regex by default), `!` before either
 * keeps the rows that do NOT match (`!text`, `!~REGEX`), `-l SELECTOR` asks the server for a label
 * selector, `-f text` is the same as plain text (k9s spells its fuzzy mode that way; here fuzzy is
 * the default). `~` is free for regex because no resource name, fuzzy word or selector starts with
 * it, and it reads as "matches" (`=~` in awk, Perl, bash).
 */
import { parseLabelSelector, type ParsedLabelSelector } from './label-selector.ts';

/** A parsed `/` input. */
export type FilterQuery =
  | { kind: 'none' }
  | { kind: 'text'; text: string; inverse: boolean }
  /** `~REGEX`: rows where a cell (or the name) matches; `source` is the text typed after `~`. */
  | { kind: 'regex'; regex: RegExp; source: string; inverse: boolean }
  /** A server-side filter: restart the view's list+watch with `?labelSelector=selector.text`. */
  | { kind: 'labels'; selector: ParsedLabelSelector }
  | { kind: 'invalid'; message: string };

const labelFlag = /^-l(?:\s+|$)/;
const fuzzyFlag = /^-f(?:\s+|$)/;

/** The prefix that makes a filter a regular expression. */
export const regexPrefix = '~';

/** Parses the text after `/`; blank (or a lone `!` or `~`) means no filter. */
export function parseFilterInput(input: string): FilterQuery {
  const text = input.trimStart();
  if (labelFlag.test(text)) {
    const selector = text.replace(labelFlag, '').trim();
    if (selector === '') return { kind: 'invalid', message: 'Type a label selector after -l, for example -l app=web,tier!=db.' };
    const parsed = parseLabelSelector(selector);
    return parsed.ok ? { kind: 'labels', selector: parsed.selector } : { kind: 'invalid', message: parsed.message };
  }
  const fuzzy = fuzzyFlag.test(text);
  const plain = fuzzy ? text.replace(fuzzyFlag, '') : text;
  const inverse = plain.startsWith('!');
  const rest = inverse ? plain.slice(1) : plain;
  if (!fuzzy && rest.startsWith(regexPrefix)) return regexQuery(rest.slice(regexPrefix.length).trim(), inverse);
  const body = rest.trim();
  return body === '' ? { kind: 'none' } : { kind: 'text', text: body, inverse };
}

function regexQuery(source: string, inverse: boolean): FilterQuery {
  if (source === '') return { kind: 'none' };
  try {
    return { kind: 'regex', regex: new RegExp(source, 'i'), source, inverse };
  } catch (err) {
    // V8 says "Invalid regular expression: /a(/i: Unterminated group": keep the reason only.
    const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return { kind: 'invalid', message: `"${source}" is not a valid regular expression: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.` };
  }
}
