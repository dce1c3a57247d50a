/** Label and field selectors, parsed once per request into predicates over objects. */
import type { KubeObject } from '../../kube/object.ts';
import { badRequest } from './errors.ts';

/** A compiled selector. */
export type ObjectPredicate = (obj: KubeObject) => boolean;

type Requirement = { op: 'eq' | 'neq'; key: string; value: string } | { op: 'in' | 'notin'; key: string; values: string[] } | { op: 'exists' | 'notexists'; key: string };

/** Splits on commas that are not inside parentheses. */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t !== '');
}

function parseRequirement(term: string): Requirement {
  let m = /^(!)?\s*([A-Za-z0-9_./-]+)$/.exec(term);
  if (m) return { op: m[1] ? 'notexists' : 'exists', key: m[2] as string };
  m = /^([A-Za-z0-9_./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (m) {
    const values = (m[3] as string)
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return { op: m[2] === 'in' ? 'in' : 'notin', key: m[1] as string, values };
  }
  m = /^([A-Za-z0-9_./-]+)\s*(==|=|!=)\s*([A-Za-z0-9_.-]*)$/.exec(term);
  if (m) return { op: m[2] === '!=' ? 'neq' : 'eq', key: m[1] as string, value: m[3] as string };
  throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
}

function matches(req: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, req.key);
  const value = labels[req.key];
  switch (req.op) {
    case 'eq':
      return has && value === req.value;
    case 'neq':
      return !has || value !== req.value;
    case 'in':
      return has && req.values.includes(value as string);
    case 'notin':
      return !has || !req.values.includes(value as string);
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    default: {
      const never: never = req;
      return never;
    }
  }
}

/** Compiles a labelSelector (=, ==, !=, in, notin, key, !key); undefined when empty. */
export function parseLabelSelector(text: string | null | undefined): ObjectPredicate | undefined {
  if (!text) return undefined;
  const reqs = splitTerms(text).map(parseRequirement);
  if (reqs.length === 0) return undefined;
  return (obj) => {
    const labels = obj.metadata.labels ?? {};
    return reqs.every((r) => matches(r, labels));
  };
}

/** Evaluates label requirements against a plain label map (used for scale selectors). */
export function labelSelectorMatches(text: string, labels: Record<string, string>): boolean {
  const p = parseLabelSelector(text);
  return !p || p({ apiVersion: '', kind: '', metadata: { name: '', uid: '', labels } });
}

const commonFields: Record<string, (o: KubeObject) => unknown> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

/** Each resource's own selectable fields, by group/plural (the registries' SelectableFields). */
const extraFields: Record<string, Record<string, (o: KubeObject) => unknown>> = {
  '/pods': {
    'spec.nodeName': (o) => (o.spec as { nodeName?: string } | undefined)?.nodeName ?? '',
    'spec.restartPolicy': (o) => (o.spec as { restartPolicy?: string } | undefined)?.restartPolicy ?? '',
    'spec.schedulerName': (o) => (o.spec as { schedulerName?: string } | undefined)?.schedulerName ?? '',
    'spec.serviceAccountName': (o) => (o.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName ?? '',
    'status.phase': (o) => (o.status as { phase?: string } | undefined)?.phase ?? '',
    'status.podIP': (o) => (o.status as { podIP?: string } | undefined)?.podIP ?? '',
    'status.nominatedNodeName': (o) => (o.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName ?? '',
  },
  '/events': {
    'involvedObject.kind': (o) => involved(o).kind,
    'involvedObject.name': (o) => involved(o).name,
    'involvedObject.namespace': (o) => involved(o).namespace,
    'involvedObject.uid': (o) => involved(o).uid,
    'involvedObject.apiVersion': (o) => involved(o).apiVersion,
    'involvedObject.resourceVersion': (o) => involved(o).resourceVersion,
    'involvedObject.fieldPath': (o) => involved(o).fieldPath,
    reason: (o) => o.reason ?? '',
    reportingComponent: (o) => o.reportingComponent ?? '',
    source: (o) => (o.source as { component?: string } | undefined)?.component ?? '',
    type: (o) => o.type ?? '',
  },
  '/namespaces': { 'status.phase': (o) => (o.status as { phase?: string } | undefined)?.phase ?? '' },
  '/secrets': { type: (o) => o.type ?? '' },
  '/nodes': { 'spec.unschedulable': (o) => String((o.spec as { unschedulable?: boolean } | undefined)?.unschedulable ?? false) },
  'apps/replicasets': { 'status.replicas': (o) => String((o.status as { replicas?: number } | undefined)?.replicas ?? 0) },
  'batch/jobs': { 'status.successful': (o) => String((o.status as { succeeded?: number } | undefined)?.succeeded ?? 0) },
  '/services': {
    'spec.clusterIP': (o) => (o.spec as { clusterIP?: string } | undefined)?.clusterIP ?? '',
    'spec.type': (o) => (o.spec as { type?: string } | undefined)?.type ?? '',
  },
};

function involved(o: KubeObject): Record<string, string> {
  const ref = (o.involvedObject ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const k of ['kind', 'name', 'namespace', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) out[k] = String(ref[k] ?? '');
  return out;
}

/**
 * Compiles a fieldSelector for one resource (kind-specific fields as the real server supports them);
 * an unsupported field is a 400 like `field label not supported: spec.foo`.
 */
export function parseFieldSelector(text: string | null | undefined, plural: string, kind: string, group: string): ObjectPredicate | undefined {
  if (!text) return undefined;
  const fields = { ...commonFields, ...(extraFields[`${group}/${plural}`] ?? {}) };
  const tests = splitTerms(text).map((term) => {
    const m = /^([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const field = m[1] as string;
    const get = fields[field];
    if (!get) throw badRequest(`field label not supported: ${field}`);
    const negate = m[2] === '!=';
    const value = m[3] as string;
    return (o: KubeObject) => (String(get(o) ?? '') === value) !== negate;
  });
  void kind;
  return (obj) => tests.every((t) => t(obj));
}

/** Both selectors combined (undefined when neither is set). */
export function combine(...preds: (ObjectPredicate | undefined)[]): ObjectPredicate | undefined {
  const list = preds.filter((p): p is ObjectPredicate => p !== undefined);
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  return (o) => list.every((p) => p(o));
}
