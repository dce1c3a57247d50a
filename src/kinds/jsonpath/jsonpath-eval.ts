/**
 * Evaluates a parsed kubectl JSONPath on a decoded object the way client-go's jsonpath does with
 * AllowMissingKeys (what `kubectl get -o custom-columns` uses), and prints the cell as kubectl's
 * custom-columns printer does: every result in Go's %v, joined with ",", `<none>` when the path
 * finds nothing.
 */
import { GoFloat, goValueText, isGoInt } from './go-value-text.ts';
import type { PathNode, SliceParam, Template } from './jsonpath-parse.ts';

/** A path that parsed but cannot be followed on this object (kubectl stops with this message). */
export class JsonPathEvalError extends Error {}

/** What kubectl prints when a path finds nothing. */
export const noneCell = '<none>';

type Value = unknown;

/** The results of each part of the template, as client-go's FindResults returns them. */
export function findResults(template: Template, data: unknown): Value[][] {
  return template.map((part) => ('text' in part ? [part.text] : evalList([data], part.action)));
}

/** The cell `kubectl get -o custom-columns` prints for this template on `data`; throws JsonPathEvalError where kubectl fails. */
export function customColumnCell(template: Template, data: unknown): string {
  const results = findResults(template, data);
  const texts: string[] = [];
  if (results.length === 0 || results[0]!.length === 0) texts.push(noneCell);
  for (const values of results) for (const v of values) texts.push(goValueText(v));
  return texts.join(',');
}

function evalList(input: Value[], nodes: readonly PathNode[]): Value[] {
  let cur = input;
  for (const node of nodes) cur = walk(cur, node);
  return cur;
}

function isMap(v: Value): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);
}

function typeName(v: Value): string {
  if (isMap(v)) return 'map[string]interface {}';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'number') return isGoInt(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

function walk(input: Value[], node: PathNode): Value[] {
  switch (node.type) {
    case 'text':
      return [node.text];
    case 'int':
      return input.map(() => node.value);
    case 'float':
      return input.map(() => new GoFloat(node.value));
    case 'bool':
      return input.map(() => node.value);
    case 'field':
      return evalField(input, node.name);
    case 'array':
      return evalArray(input, node.params);
    case 'filter':
      return evalFilter(input, node);
    case 'wildcard':
      return input.flatMap(children);
    case 'recursive':
      return evalRecursive(input);
    case 'union':
      return node.lists.flatMap((list) => evalList(input, list));
    default: {
      const never: never = node;
      return never;
    }
  }
}

function evalField(input: Value[], name: string): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    if (isMap(v) && Object.hasOwn(v, name)) out.push(v[name]);
  }
  return out;
}

/** A value's children for `*` and `..`: map values (in key order; Go's order is random), list items, a string's bytes. */
function children(v: Value): Value[] {
  if (isMap(v))
    return Object.keys(v)
      .sort()
      .map((k) => v[k]);
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...Buffer.from(v, 'utf8')];
  return [];
}

function evalRecursive(input: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    const kids = children(v);
    if (kids.length === 0) continue;
    out.push(v);
    out.push(...evalRecursive(kids));
  }
  return out;
}

function evalArray(input: Value[], node: readonly [SliceParam, SliceParam, SliceParam]): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    if (!Array.isArray(v)) throw new JsonPathEvalError(`${typeName(v)} is not array or slice`);
    const len = v.length;
    let from = node[0].known ? node[0].value : 0;
    if (from < 0) from += len;
    let to = node[1].known ? node[1].value : len;
    if (to < 0 || (to === 0 && node[1].derived)) to += len;
    if (to === from) return out;
    if (from >= len || from < 0) throw new JsonPathEvalError(`array index out of bounds: index ${from}, length ${len}`);
    if (to > len || to < 0) throw new JsonPathEvalError(`array index out of bounds: index ${to - 1}, length ${len}`);
    if (from > to) throw new JsonPathEvalError(`starting index ${from} is greater than ending index ${to}`);
    let step = 1;
    if (node[2].known) {
      if (node[2].value <= 0) throw new JsonPathEvalError('step must be > 0');
      step = node[2].value;
    }
    for (let i = from; i < to; i += step) out.push(v[i]);
  }
  return out;
}

function evalFilter(input: Value[], node: Extract<PathNode, { type: 'filter' }>): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (!Array.isArray(v)) throw new JsonPathEvalError(`${goValueText(v)} is not array or slice and cannot be filtered`);
    for (const item of v) {
      const lefts = evalList([item], node.left);
      if (node.operator === 'exists') {
        if (lefts.length > 0) out.push(item);
        continue;
      }
      if (lefts.length === 0) continue;
      if (lefts.length > 1) throw new JsonPathEvalError('can only compare one element at a time');
      const rights = evalList([item], node.right);
      if (rights.length === 0) continue;
      if (rights.length > 1) throw new JsonPathEvalError('can only compare one element at a time');
      if (compare(lefts[0], rights[0], node.operator)) out.push(item);
    }
  }
  return out;
}

type BasicKind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: Value): BasicKind {
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  throw new JsonPathEvalError('invalid type for comparison');
}

function plain(v: Value): number | string | boolean {
  return v instanceof GoFloat ? v.value : (v as number | string | boolean);
}

/** text/template's eq, ne, lt, le, gt, ge as client-go's fork has them: same basic kinds only. */
function compare(left: Value, right: Value, operator: string): boolean {
  const k1 = basicKind(left);
  const k2 = basicKind(right);
  if (k1 !== k2) throw new JsonPathEvalError('incompatible types for comparison');
  const a = plain(left);
  const b = plain(right);
  switch (operator) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
  if (k1 === 'bool') throw new JsonPathEvalError('invalid type for comparison');
  switch (operator) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      throw new JsonPathEvalError(`unrecognized filter operator ${operator}`);
  }
}
