/**
 * kubectl's generic describer, used for custom resources and every kind without its own:
 * name, namespace, labels, annotations, then every other field recursively, keys sorted, labels
 * made readable ('labelSelectorPath' → 'Label Selector Path'), managedFields left out.
 */
import type { KubeObject } from '../../kube/object.ts';
import { DescribeWriter, LEVEL_0, type PrefixWriter } from './describe-writer.ts';
import type { DescribeInput } from './describe-types.ts';
import { writeEvents } from './events-section.ts';
import { compareStrings, goValue, writeAnnotations, writeLabels } from './meta-sections.ts';

const skipped = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];
const acronyms = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** The generic describe of any object. */
export function describeGeneric({ object, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', object.metadata.labels);
  writeAnnotations(w, 'Annotations', object.metadata.annotations);
  writeContent(w, LEVEL_0, object as KubeObject & Record<string, unknown>, '');
  writeEvents(w, related.events, now);
  return w.lines();
}

function writeContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort(compareStrings)) {
    const value = content[field];
    const path = `${skipPrefix}.${field}`;
    if (skipped.includes(path)) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      writeContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) writeContent(w, level + 1, child, path);
        else w.write(level + 1, `${goText(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goText(value)}\n`);
    }
  }
}

/** smartLabelFor: camel case split into Title Case words, known acronyms upper case; fields with digits or symbols as they are. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (acronyms.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

/** fatih/camelcase Split: runs of lower, upper, digit and other characters; 'PDFLoader' → PDF, Loader. */
export function camelSplit(text: string): string[] {
  const classOf = (ch: string): number => (/\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : /\p{Nd}/u.test(ch) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const ch of text) {
    const cls = classOf(ch);
    if (cls === last) runs[runs.length - 1]!.push(ch);
    else runs.push([ch]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const here = runs[i]!;
    const next = runs[i + 1]!;
    if (here.length > 0 && next.length > 0 && classOf(here[0]!) === 2 && classOf(next[0]!) === 1) {
      next.unshift(here.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** %v of an unstructured value: scalars as Go prints them, slices as [a b]. */
function goText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goText).join(' ')}]`;
  if (isMap(value))
    return `map[${Object.keys(value)
      .sort(compareStrings)
      .map((k) => `${k}:${goText(value[k])}`)
      .join(' ')}]`;
  return goValue(value);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
