/**
 * An object as the YAML pane shows it: keys sorted like `kubectl get -o yaml`, managedFields left
 * out unless asked for, Secret data masked (or revealed base64-decoded), optionally highlighted.
 */
import { highlight, type Theme as HighlightTheme } from 'cli-highlight';
import { Document, isMap, isScalar, type Scalar, type YAMLMap } from 'yaml';
import type { KubeObject } from '../../kube/object.ts';
import { isSecret, maskSecret } from '../../kinds/secret-mask.ts';

/** What to show. */
export interface YamlOptions {
  managedFields: boolean;
  /** Secret data base64-decoded instead of masked. */
  reveal: boolean;
}

export { isSecret, maskedValue } from '../../kinds/secret-mask.ts';

/** The YAML text of `object` for display. */
export function yamlText(object: KubeObject, opts: YamlOptions): string {
  let shown = structuredClone(object) as KubeObject & Record<string, unknown>;
  if (!opts.managedFields && shown.metadata) delete shown.metadata.managedFields;
  const secret = isSecret(object);
  const data = secret ? asStringMap(shown['data']) : {};
  const binary = new Map<string, number>();
  if (secret && !opts.reveal) {
    // data, stringData and the last-applied annotation (kubectl apply's copy of every value).
    shown = maskSecret(shown);
  } else if (secret) {
    const display: Record<string, string> = {};
    for (const [key, encoded] of Object.entries(data)) {
      const bytes = Buffer.from(encoded, 'base64');
      if (isText(bytes)) display[key] = bytes.toString('utf8');
      else {
        display[key] = encoded;
        binary.set(key, bytes.length);
      }
    }
    if (shown['data'] !== undefined) shown['data'] = display;
  }
  const doc = new Document(shown, { sortMapEntries: true });
  if (secret && Object.keys(data).length > 0) annotateSecret(doc, opts.reveal, binary);
  return doc.toString({ indentSeq: false, lineWidth: 0 });
}

/** An SGR style that opens and closes on every line, so each line carries its own colour. */
const sgr =
  (open: number, close = 39) =>
  (text: string): string =>
    text
      .split('\n')
      .map((line) => (line === '' ? line : `\x1b[${open}m${line}\x1b[${close}m`))
      .join('\n');

/**
 * Token colours for YAML. Given as codes rather than through cli-highlight's chalk, whose colour
 * detection looks at stdout when it loads: kx decides colour itself (theme.colour, NO_COLOR).
 */
const yamlTheme: HighlightTheme = {
  attr: sgr(36),
  string: sgr(32),
  number: sgr(35),
  literal: sgr(33),
  comment: sgr(90),
  meta: sgr(90),
  type: sgr(35),
  bullet: sgr(2, 22),
};

/** YAML text as lines, syntax-highlighted when colour is on. */
export function yamlLines(text: string, colour: boolean): string[] {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (!colour) return body.split('\n');
  return highlight(body, { language: 'yaml', ignoreIllegals: true, theme: yamlTheme }).split('\n');
}

function annotateSecret(doc: Document, reveal: boolean, binary: ReadonlyMap<string, number>): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  const pair = (root as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'data');
  if (pair && isScalar(pair.key)) {
    (pair.key as Scalar).comment = reveal ? ' base64-decoded for display (x masks again)' : ' masked: x reveals the values base64-decoded';
  }
  const data = doc.get('data');
  if (!isMap(data)) return;
  for (const [key, bytes] of binary) {
    const node = (data as YAMLMap).get(key, true);
    if (isScalar(node)) node.comment = ` binary (${bytes} bytes), shown as base64`;
  }
}

/** Valid UTF-8 without control characters other than tab, newline and carriage return. */
function isText(bytes: Buffer): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) return false;
  return !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text);
}

function asStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}
