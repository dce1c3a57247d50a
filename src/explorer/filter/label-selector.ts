/**
 * Parses a label selector the way kubectl's `-l` does (apimachinery `labels.Parse`): `a=b`,
 * `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, `a` (exists), `!a` (does not exist), `a>1`,
 * `a<1`, joined by commas. Keys and values are validated like the API server validates them, so a
 * typo is named here instead of coming back as a 400 from the server.
 */
import type { LabelSelector, SelectorRequirement } from '../../kinds/types.ts';

/** One parsed requirement; Gt/Lt compare integers and have no metav1.LabelSelector form. */
export type LabelRequirement = SelectorRequirement | { key: string; operator: 'Gt' | 'Lt'; values: readonly [string] };

/** A valid selector: its canonical text (what goes in `?labelSelector=`) and its requirements. */
export interface ParsedLabelSelector {
  text: string;
  requirements: readonly LabelRequirement[];
}

/** The result of parsing: a selector, or one sentence saying what is wrong. */
export type LabelSelectorParse = { ok: true; selector: ParsedLabelSelector } | { ok: false; message: string };

type Token = { t: 'id'; v: string } | { t: '!' | '=' | '==' | '!=' | '>' | '<' | '(' | ')' | ',' | 'end'; v: string };

// Characters that end an identifier, as in apimachinery's lexer.
const special = new Set([' ', '\t', '\n', '!', '=', '>', '<', '(', ')', ',']);

function lex(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      i++;
    } else if ((ch === '!' || ch === '=') && text[i + 1] === '=') {
      out.push({ t: ch === '!' ? '!=' : '==', v: `${ch}=` });
      i += 2;
    } else if (special.has(ch)) {
      out.push({ t: ch as '!' | '=' | '>' | '<' | '(' | ')' | ',', v: ch });
      i++;
    } else {
      let j = i;
      while (j < text.length && !special.has(text[j]!)) j++;
      out.push({ t: 'id', v: text.slice(i, j) });
      i = j;
    }
  }
  out.push({ t: 'end', v: 'end of selector' });
  return out;
}

const namePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a valid label key (a qualified name), or undefined when it is. */
function keyProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return `label key "${key}" may contain at most one "/"`;
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  const prefix = parts.length === 2 ? parts[0]! : undefined;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !dnsSubdomain.test(prefix))) {
    return `the prefix of label key "${key}" must be a DNS subdomain such as example.com`;
  }
  if (name.length === 0 || name.length > 63 || !namePart.test(name)) {
    return `label key "${key}" must be at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
  }
  return undefined;
}

function valueProblem(value: string): string | undefined {
  if (value === '' || (value.length <= 63 && namePart.test(value))) return undefined;
  return `label value "${value}" must be at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
}

class SelectorError extends Error {}

/** Parses `text`; an empty selector is valid and selects everything. */
export function parseLabelSelector(text: string): LabelSelectorParse {
  try {
    const requirements = parseRequirements(lex(text));
    return { ok: true, selector: { text: requirements.map(formatRequirement).join(','), requirements } };
  } catch (err) {
    if (!(err instanceof SelectorError)) throw err;
    return { ok: false, message: `Label selector "${text.trim()}" is invalid: ${err.message}.` };
  }
}

function parseRequirements(tokens: Token[]): LabelRequirement[] {
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const next = (): Token => tokens[pos++]!;
  const quoted = (tok: Token): string => (tok.t === 'end' ? tok.v : `"${tok.v}"`);
  const out: LabelRequirement[] = [];
  if (peek().t === 'end') return out;
  for (;;) {
    out.push(requirement());
    const sep = next();
    if (sep.t === 'end') return out;
    if (sep.t !== ',') throw new SelectorError(`found ${quoted(sep)} where "," or the end was expected`);
    const after = peek();
    if (after.t !== 'id' && after.t !== '!') throw new SelectorError(`found ${quoted(after)} where a label key was expected after ","`);
  }

  function key(): string {
    const tok = next();
    if (tok.t !== 'id') throw new SelectorError(`found ${quoted(tok)} where a label key was expected`);
    const problem = keyProblem(tok.v);
    if (problem) throw new SelectorError(problem);
    return tok.v;
  }

  function value(): string {
    const tok = peek();
    // `app=` is allowed: it selects an empty value.
    if (tok.t === ',' || tok.t === 'end') return '';
    if (tok.t !== 'id') throw new SelectorError(`found ${quoted(tok)} where a label value was expected`);
    pos++;
    const problem = valueProblem(tok.v);
    if (problem) throw new SelectorError(problem);
    return tok.v;
  }

  function valueSet(op: string): string[] {
    const open = next();
    if (open.t !== '(') throw new SelectorError(`expected "(" after "${op}", found ${quoted(open)}`);
    const values = new Set<string>();
    for (;;) {
      const tok = peek();
      if (tok.t === ')') {
        pos++;
        // `in ()` and `in (a,)` include the empty value, as in apimachinery.
        values.add('');
        return [...values].sort();
      }
      values.add(tok.t === ',' ? '' : value());
      const sep = next();
      if (sep.t === ')') return [...values].sort();
      if (sep.t !== ',') throw new SelectorError(`found ${quoted(sep)} where "," or ")" was expected in the "${op}" list`);
    }
  }

  function requirement(): LabelRequirement {
    if (peek().t === '!') {
      pos++;
      const k = key();
      return { key: k, operator: 'DoesNotExist' };
    }
    const k = key();
    const op = peek();
    switch (op.t) {
      case ',':
      case 'end':
        return { key: k, operator: 'Exists' };
      case '=':
      case '==':
        pos++;
        return { key: k, operator: 'In', values: [value()] };
      case '!=':
        pos++;
        return { key: k, operator: 'NotIn', values: [value()] };
      case '>':
      case '<': {
        pos++;
        const tok = next();
        if (tok.t !== 'id' || !/^-?\d+$/.test(tok.v)) throw new SelectorError(`"${op.v}" needs a whole number, found ${quoted(tok)}`);
        return { key: k, operator: op.t === '>' ? 'Gt' : 'Lt', values: [tok.v] };
      }
      case 'id':
        if (op.v === 'in' || op.v === 'notin') {
          pos++;
          return { key: k, operator: op.v === 'in' ? 'In' : 'NotIn', values: valueSet(op.v) };
        }
        throw new SelectorError(`found "${op.v}" after "${k}" where an operator (=, ==, !=, in, notin) was expected`);
      case '!':
      case '(':
      case ')':
        throw new SelectorError(`found "${op.v}" after "${k}" where an operator (=, ==, !=, in, notin) was expected`);
      default: {
        const never: never = op;
        return never;
      }
    }
  }
}

/** Canonical text of one requirement, as apimachinery prints it. */
function formatRequirement(r: LabelRequirement): string {
  switch (r.operator) {
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    case 'In':
    case 'NotIn': {
      const values = r.values ?? [];
      const single = values.length === 1;
      if (r.operator === 'In') return single ? `${r.key}=${values[0]}` : `${r.key} in (${values.join(',')})`;
      return single ? `${r.key}!=${values[0]}` : `${r.key} notin (${values.join(',')})`;
    }
    case 'Gt':
      return `${r.key}>${r.values[0]}`;
    case 'Lt':
      return `${r.key}<${r.values[0]}`;
    default: {
      const never: never = r;
      return never;
    }
  }
}

/** The selector as metav1.LabelSelector for local matching, or undefined when it uses > or <. */
export function toLabelSelector(selector: ParsedLabelSelector): LabelSelector | undefined {
  const exprs = selector.requirements.filter(isSelectorRequirement);
  return exprs.length === selector.requirements.length ? { matchExpressions: exprs } : undefined;
}

function isSelectorRequirement(r: LabelRequirement): r is SelectorRequirement {
  return r.operator !== 'Gt' && r.operator !== 'Lt';
}
