/** kubectl describe for Namespace, ConfigMap and Secret. */
import { at, obj, objs, str, strs } from '../json.ts';
import type { KubeObject } from '../../kube/object.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1, type PrefixWriter } from './describe-writer.ts';
import type { DescribeInput } from './describe-types.ts';
import { writeEvents } from './events-section.ts';
import { compareStrings, writeAnnotations, writeLabels } from './meta-sections.ts';
import { quantityText } from './containers-section.ts';
import { rfc1123z } from './time-format.ts';

const quotaScopeHelp: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** Labels, annotations, status, conditions, resource quotas and limit ranges (kubectl shows no events here). */
export function describeNamespace({ object: ns, related }: DescribeInput): string[] {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  writeLabels(w, 'Labels', ns.metadata.labels);
  writeAnnotations(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${str(at(ns, 'status', 'phase'))}\n`);
  const conditions = objs(at(ns, 'status', 'conditions'));
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${str(c['type'])}\t${str(c['status'])}\t${rfc1123z(c['lastTransitionTime'])}\t${str(c['reason'])}\t${str(c['message'])}\n`);
    }
  }
  if (related.resourceQuotas !== undefined) {
    w.write(LEVEL_0, '\n');
    writeQuotas(w, related.resourceQuotas);
  }
  if (related.limitRanges !== undefined) {
    w.write(LEVEL_0, '\n');
    writeLimitRanges(w, related.limitRanges);
  }
  return w.lines();
}

function writeQuotas(w: PrefixWriter, quotas: readonly KubeObject[]): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => compareStrings(a.metadata.name, b.metadata.name))) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
    const scopes = strs(at(q, 'spec', 'scopes')).sort(compareStrings);
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) if (quotaScopeHelp[scope]) w.write(LEVEL_1, `* ${quotaScopeHelp[scope]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = obj(at(q, 'status', 'hard'));
    const used = obj(at(q, 'status', 'used'));
    for (const name of Object.keys(hard).sort(compareStrings)) {
      w.write(LEVEL_1, `${name}\t${quantityText(used[name] ?? '0')}\t${quantityText(hard[name])}\n`);
    }
  }
}

function writeLimitRanges(w: PrefixWriter, ranges: readonly KubeObject[]): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const range of ranges) {
    for (const item of objs(at(range, 'spec', 'limits'))) {
      const field = (key: string): Record<string, unknown> => obj(item[key]);
      const parts = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'] as const;
      const names = new Set(parts.flatMap((p) => Object.keys(field(p))));
      for (const name of [...names].sort(compareStrings)) {
        const cells = parts.map((p) => (field(p)[name] !== undefined ? quantityText(field(p)[name]) : '-'));
        w.write(LEVEL_0, ` ${str(item['type'])}\t${name}\t${cells.join('\t')}\n`);
      }
    }
  }
}

/** Labels, annotations, each data key with its value, binary data sizes, events. Keys sorted (kubectl's order is random). */
export function describeConfigMap({ object: cm, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', cm.metadata.labels);
  writeAnnotations(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  const data = obj(cm['data']);
  for (const key of Object.keys(data).sort(compareStrings)) {
    w.write(LEVEL_0, `${key}:\n----\n`);
    w.write(LEVEL_0, `${str(data[key])}\n`);
    w.write(LEVEL_0, '\n');
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  const binary = obj(cm['binaryData']);
  for (const key of Object.keys(binary).sort(compareStrings)) w.write(LEVEL_0, `${key}: ${base64Length(binary[key])} bytes\n`);
  w.write(LEVEL_0, '\n');
  writeEvents(w, related.events, now);
  return w.lines();
}

/**
 * Labels, annotations, type, and each data key with its size only. Unlike kubectl, a
 * service-account token's value is not printed either: kx never shows credentials in describe.
 */
export function describeSecret({ object: secret }: DescribeInput): string[] {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${secret.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', secret.metadata.labels);
  writeAnnotations(w, 'Annotations', secret.metadata.annotations);
  w.write(LEVEL_0, `\nType:\t${str(secret['type'])}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  const data = obj(secret['data']);
  for (const key of Object.keys(data).sort(compareStrings)) w.write(LEVEL_0, `${key}:\t${base64Length(data[key])} bytes\n`);
  return w.lines();
}

/** The number of bytes a base64 value decodes to. */
export function base64Length(value: unknown): number {
  return Buffer.from(str(value), 'base64').length;
}
