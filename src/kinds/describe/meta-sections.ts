/** The multi-line sections many kinds share: labels, annotations, taints, tolerations, pod lists, owner. */
import { obj, objs, str } from '../json.ts';
import type { KubeObject } from '../../kube/object.ts';
import { LEVEL_0, type PrefixWriter } from './describe-writer.ts';

/** kubectl hides this annotation everywhere: it repeats the whole object. */
const skippedAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const maxAnnotationLength = 140;

/** printLabelsMultilineWithIndent: 'Title:<inner>k=v' then one line per further label, sorted. */
export function writeLabels(w: PrefixWriter, title: string, labels: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const map = obj(labels);
  const keys = Object.keys(map).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${goValue(map[key])}\n`);
  });
}

/** printAnnotationsMultiline: long or multi-line values go below their key, cut at 140 characters. */
export function writeAnnotations(w: PrefixWriter, title: string, annotations: unknown): void {
  w.write(LEVEL_0, `${title}:\t`);
  const map = obj(annotations);
  const keys = Object.keys(map)
    .filter((k) => !skippedAnnotations.has(k))
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = str(map[key]).replace(/\n$/, '');
    if (value.length + key.length + 2 > maxAnnotationLength || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const part of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(part, maxAnnotationLength - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString(): key=value:effect, leaving out the empty parts. */
export function taintString(taint: Record<string, unknown>): string {
  const key = str(taint['key']);
  const value = str(taint['value']);
  const effect = str(taint['effect']);
  if (effect === '') return value === '' ? key : `${key}=${value}:`;
  return value === '' ? `${key}:${effect}` : `${key}=${value}:${effect}`;
}

/** printNodeTaintsMultiline: taints sorted by effect then key. */
export function writeTaints(w: PrefixWriter, title: string, taints: unknown): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = objs(taints);
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sortKey = (t: Record<string, unknown>): string => `${str(t['effect'])},${str(t['key'])}`;
  const sorted = [...list].sort((a, b) => compareStrings(sortKey(a), sortKey(b)));
  sorted.forEach((taint, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(taint)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: key=value:effect, 'op=Exists', 'for Ns', sorted by key. */
export function writeTolerations(w: PrefixWriter, title: string, tolerations: unknown, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  const list = objs(tolerations);
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...list].sort((a, b) => compareStrings(str(a['key']), str(b['key'])));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    const key = str(t['key']);
    const value = str(t['value']);
    const effect = str(t['effect']);
    let text = key;
    if (value !== '') text += `=${value}`;
    if (effect !== '') text += `:${effect}`;
    // An Exists toleration without a value tolerates everything with that key (or everything).
    if (str(t['operator']) === 'Exists' && value === '') text += key !== '' || effect !== '' ? ' op=Exists' : 'op=Exists';
    if (typeof t['tolerationSeconds'] === 'number') text += ` for ${t['tolerationSeconds']}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** printPodsMultiline: pod names sorted, one per line. */
export function writePodNames(w: PrefixWriter, title: string, pods: readonly KubeObject[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (pods.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const names = pods.map((p) => p.metadata.name).sort(compareStrings);
  names.forEach((name, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${name}\n`);
  });
}

/** printController: 'Kind/name' of the controlling owner, or ''. */
export function controllerOf(object: KubeObject): string {
  const ref = (object.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** Go's %v for a JSON scalar: strings as they are, null as <nil>. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

/** Go's %v for a float64 from JSON: integers plainly, large or tiny ones with an exponent. */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m, e = '0'] = n.toExponential().split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}

/** Byte-wise string order, as Go's sort.Strings. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A string, or '<none>' when empty (kubectl's stringOrNone). */
export function stringOrNone(s: string): string {
  return s === '' ? '<none>' : s;
}

/** Go's printBool: True/False. */
export function printBool(value: unknown): string {
  return value === true ? 'True' : 'False';
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}
