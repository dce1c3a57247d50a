/**
 * kubectl's JSONPath dialect (client-go's util/jsonpath parser), ported so a views.yaml column
 * parses, and fails, as `kubectl get -o custom-columns=NAME:<expr>` does: relaxed paths without
 * braces, fields with escaped dots (`labels.topology\.kubernetes\.io/zone`), `['key']`, indexes
 * and slices (`[0]`, `[-1]`, `[1:3]`, `[*]`), unions (`[0,2]`), `*`, `..` and filters
 * (`[?(@.type=="Ready")]`). Errors carry kubectl's wording.
 */

/** One step of a path. */
export type PathNode =
  | { type: 'field'; name: string }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'array'; params: readonly [SliceParam, SliceParam, SliceParam] }
  | { type: 'union'; lists: readonly PathNode[][] }
  | { type: 'filter'; left: readonly PathNode[]; right: readonly PathNode[]; operator: string }
  | { type: 'text'; text: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean };

/** A slice bound as client-go keeps it: known or not, and derived (`[2]` is `[2:3]`). */
export interface SliceParam {
  known: boolean;
  value: number;
  derived: boolean;
}

/** A parsed template: literal text and `{…}` actions, each a list of steps. */
export type Template = ReadonlyArray<{ text: string } | { action: readonly PathNode[] }>;

/** A JSONPath that does not parse, with kubectl's message. */
export class JsonPathSyntaxError extends Error {}

const relaxedRe = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`;
 * '' stays '' (no path).
 */
export function relaxedJsonPath(expression: string): string {
  if (expression === '') return '';
  const m = relaxedRe.exec(expression);
  if (!m) throw new JsonPathSyntaxError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}

/** Parses a custom-columns expression as kubectl does (relaxed, then the template). */
export function parseColumnPath(expression: string): Template {
  return parseTemplate(relaxedJsonPath(expression));
}

const sliceRe = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const dictKeyRe = /^'([^']*)'$/;
const filterRe = /^([^!<>=]+)([!<>=]+)(.+?)$/;

function isTerminator(ch: string | undefined): boolean {
  return ch === undefined || ' \t\r\n.,[]$@{}'.includes(ch);
}

/** Parses a whole JSONPath template (`{.a}` plus any text around actions). */
export function parseTemplate(input: string): Template {
  return new Parser(input).parse();
}

/** Parses `text` as the inside of one action, as client-go's parseAction does for filters and unions. */
function parseAction(text: string): PathNode[] {
  const t = parseTemplate(`{${text}}`);
  const first = t[0];
  return first && 'action' in first ? [...first.action] : [];
}

class Parser {
  readonly #input: string;
  #pos = 0;
  #start = 0;
  readonly #out: Array<{ text: string } | { action: PathNode[] }> = [];

  constructor(input: string) {
    this.#input = input;
  }

  parse(): Template {
    this.#parseText();
    return this.#out;
  }

  #next(): string | undefined {
    if (this.#pos >= this.#input.length) {
      this.#pos = this.#input.length + 1;
      return undefined;
    }
    return this.#input[this.#pos++];
  }

  #backup(): void {
    this.#pos--;
  }

  #consume(): string {
    const text = this.#input.slice(this.#start, Math.min(this.#pos, this.#input.length));
    this.#start = this.#pos;
    return text;
  }

  #rest(): string {
    return this.#input.slice(this.#pos);
  }

  // Iterative where client-go recurses: text, then an action, then text again.
  #parseText(): void {
    for (;;) {
      if (this.#rest().startsWith('{')) {
        if (this.#pos > this.#start) this.#out.push({ text: this.#consume() });
        this.#pos += 1;
        this.#consume();
        const action: PathNode[] = [];
        this.#out.push({ action });
        this.#parseInside(action);
        continue;
      }
      if (this.#next() === undefined) break;
    }
    this.#pos = Math.min(this.#pos, this.#input.length);
    if (this.#pos > this.#start) this.#out.push({ text: this.#consume() });
  }

  #parseInside(cur: PathNode[]): void {
    for (;;) {
      const rest = this.#rest();
      if (rest.startsWith('}')) {
        this.#pos += 1;
        this.#consume();
        return;
      }
      if (rest.startsWith('[?(')) {
        this.#parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        if (cur.at(-1)?.type === 'recursive') throw new JsonPathSyntaxError('invalid multiple recursive descent');
        this.#pos += 2;
        this.#consume();
        cur.push({ type: 'recursive' });
        // `..name` is a field after the descent.
        if (/[\p{L}\p{N}_]/u.test(this.#input[this.#pos] ?? '')) this.#parseField(cur);
        continue;
      }
      const r = this.#next();
      if (r === undefined || r === '\n' || r === '\r') throw new JsonPathSyntaxError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') this.#consume();
      else if (r === '[') this.#parseArray(cur);
      else if (r === '"' || r === "'") this.#parseQuote(cur, r);
      else if (r === '.') this.#parseField(cur);
      else if (r === '+' || r === '-' || /\d/.test(r)) {
        this.#backup();
        this.#parseNumber(cur);
      } else if (/[\p{L}\p{N}_]/u.test(r)) {
        this.#backup();
        this.#parseIdentifier(cur);
      } else throw new JsonPathSyntaxError(`unrecognized character in action: ${unicodeName(r)}`);
    }
  }

  #parseField(cur: PathNode[]): void {
    this.#consume();
    for (;;) {
      const r = this.#next();
      if (r === '\\') this.#next();
      else if (isTerminator(r)) {
        this.#backup();
        break;
      }
    }
    const value = this.#consume();
    cur.push(value === '*' ? { type: 'wildcard' } : { type: 'field', name: value.replaceAll('\\', '') });
  }

  #parseArray(cur: PathNode[]): void {
    for (;;) {
      const r = this.#next();
      if (r === undefined || r === '\n') throw new JsonPathSyntaxError('unterminated array');
      if (r === ']') break;
    }
    let text = this.#consume().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.push({ type: 'union', lists: parts.map((part) => parseAction(`[${part.trim()}]`)) });
      return;
    }
    const key = dictKeyRe.exec(text);
    if (key) {
      cur.push(...parseAction(`.${key[1]}`));
      return;
    }
    const m = sliceRe.exec(text);
    if (!m) throw new JsonPathSyntaxError(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ known: false, value: 0, derived: false });
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathSyntaxError(`array index ${v} is not a number`);
          params.push({ known: true, value: Number.parseInt(v, 10), derived: false });
        }
      } else if (i === 1) params.push({ known: true, value: params[0]!.value + 1, derived: true });
      else params.push({ known: false, value: 0, derived: false });
    }
    cur.push({ type: 'array', params: [params[0]!, params[1]!, params[2]!] });
  }

  #parseFilter(cur: PathNode[]): void {
    this.#pos += 3;
    this.#consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.#next();
      if (r === undefined || r === '\n') throw new JsonPathSyntaxError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.#input[this.#pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.#next() !== ']') throw new JsonPathSyntaxError('unclosed array expect ]');
    const text = this.#consume().slice(0, -2);
    const m = filterRe.exec(text);
    if (!m) cur.push({ type: 'filter', left: parseAction(text), right: [], operator: 'exists' });
    else cur.push({ type: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! });
  }

  #parseQuote(cur: PathNode[], end: string): void {
    for (;;) {
      const r = this.#next();
      if (r === undefined || r === '\n') throw new JsonPathSyntaxError('unterminated quoted string');
      if (r === '\\') {
        const e = this.#next();
        if (e === undefined || e === '\n') throw new JsonPathSyntaxError('unterminated quoted string');
        continue;
      }
      if (r === end) break;
    }
    const value = this.#consume();
    cur.push({ type: 'text', text: unquote(value) });
  }

  #parseNumber(cur: PathNode[]): void {
    const first = this.#input[this.#pos];
    if (first === '+' || first === '-') this.#next();
    for (;;) {
      const r = this.#next();
      if (r !== '.' && !(r !== undefined && /\d/.test(r))) {
        this.#backup();
        break;
      }
    }
    const value = this.#consume();
    if (/^[+-]?\d+$/.test(value)) cur.push({ type: 'int', value: Number.parseInt(value, 10) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.push({ type: 'float', value: Number.parseFloat(value) });
    else throw new JsonPathSyntaxError(`cannot parse number ${value}`);
  }

  #parseIdentifier(cur: PathNode[]): void {
    for (;;) {
      const r = this.#next();
      if (isTerminator(r) || r === ' ') {
        this.#backup();
        break;
      }
    }
    const value = this.#consume();
    if (value === 'true' || value === 'false') cur.push({ type: 'bool', value: value === 'true' });
    // kubectl accepts {range}/{end} and other words here and fails on them per object; a view's
    // column has one path, so kx says so once, when it reads the file.
    else throw new JsonPathSyntaxError(`unrecognized identifier ${value}`);
  }
}

/** Go's strconv.Unquote after client-go turns single quotes into double ones. */
function unquote(quoted: string): string {
  const body = quoted.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" })[c] ?? c);
}

/** Go's %#U: `U+007B '{'`. */
function unicodeName(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`;
}
