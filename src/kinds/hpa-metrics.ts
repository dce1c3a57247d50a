/**
 * The TARGETS cell of an HPA, ported from kubectl's formatHPAMetrics. autoscaling/v2 and v2beta2
 * shapes are read directly; v2beta1 and v1 shapes are first lifted to the v2 shape, as the API
 * server's conversion to its internal version does before printing.
 */
import { at, num, obj, objs, str } from './json.ts';

type Json = Record<string, unknown>;

/** A v2 MetricTarget / MetricValueStatus: quantities stay the canonical strings the server sent. */
interface Value {
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}

interface Metric {
  type: string;
  name: string;
  target: Value;
}

interface Current {
  present: boolean;
  value: Value;
}

function value(raw: unknown): Value {
  const o = obj(raw);
  const v: Value = {};
  if (typeof o['averageUtilization'] === 'number') v.averageUtilization = o['averageUtilization'];
  if (typeof o['averageValue'] === 'string') v.averageValue = o['averageValue'];
  if (typeof o['value'] === 'string') v.value = o['value'];
  return v;
}

function sourceKey(type: string): string {
  return type === 'ContainerResource' ? 'containerResource' : type.charAt(0).toLowerCase() + type.slice(1);
}

/** Lifts a v2beta1 metric source (targetAverageUtilization, targetValue, …) to a v2 target. */
function v2beta1Target(src: Json): Value {
  const v: Value = {};
  if (typeof src['targetAverageUtilization'] === 'number') v.averageUtilization = src['targetAverageUtilization'];
  const avg = str(src['targetAverageValue']) || str(src['averageValue']);
  if (avg) v.averageValue = avg;
  if (str(src['targetValue'])) v.value = str(src['targetValue']);
  return v;
}

function v2beta1Current(src: Json): Value {
  const v: Value = {};
  if (typeof src['currentAverageUtilization'] === 'number') v.averageUtilization = src['currentAverageUtilization'];
  const avg = str(src['currentAverageValue']) || str(src['averageValue']);
  if (avg) v.averageValue = avg;
  if (str(src['currentValue'])) v.value = str(src['currentValue']);
  return v;
}

function specMetrics(spec: Json): Metric[] {
  if (typeof spec['targetCPUUtilizationPercentage'] === 'number') {
    return [{ type: 'Resource', name: 'cpu', target: { averageUtilization: spec['targetCPUUtilizationPercentage'] } }];
  }
  return objs(spec['metrics']).map((m) => {
    const type = str(m['type']);
    const src = obj(m[sourceKey(type)]);
    const name = str(src['name']) || str(src['metricName']) || str(at(src, 'metric', 'name'));
    const target = src['target'] !== undefined ? value(src['target']) : v2beta1Target(src);
    return { type, name, target };
  });
}

function statusMetrics(status: Json): Current[] {
  if (typeof status['currentCPUUtilizationPercentage'] === 'number') {
    return [{ present: true, value: { averageUtilization: status['currentCPUUtilizationPercentage'] } }];
  }
  return objs(status['currentMetrics']).map((m) => {
    const raw = m[sourceKey(str(m['type']))];
    if (raw === undefined || raw === null) return { present: false, value: {} };
    const src = obj(raw);
    return { present: true, value: src['current'] !== undefined ? value(src['current']) : v2beta1Current(src) };
  });
}

function one(metric: Metric, cur: Current | undefined): string {
  const c = cur?.present ? cur.value : undefined;
  switch (metric.type) {
    case 'External':
    case 'Object':
      if (metric.target.averageValue !== undefined) {
        return `${c?.averageValue ?? '<unknown>'}/${metric.target.averageValue} (avg)`;
      }
      return `${c ? (c.value ?? '<nil>') : '<unknown>'}/${metric.target.value ?? '<nil>'}`;
    case 'Pods':
      return `${c ? (c.averageValue ?? '<nil>') : '<unknown>'}/${metric.target.averageValue ?? '<nil>'}`;
    case 'Resource':
    case 'ContainerResource': {
      if (metric.target.averageValue !== undefined) {
        return `${metric.name}: ${c ? (c.averageValue ?? '<nil>') : '<unknown>'}/${metric.target.averageValue}`;
      }
      const current = c?.averageUtilization !== undefined ? `${c.averageUtilization}%` : '<unknown>';
      const target = metric.target.averageUtilization !== undefined ? `${metric.target.averageUtilization}%` : '<auto>';
      return `${metric.name}: ${current}/${target}`;
    }
    default:
      return '<unknown type>';
  }
}

/** kubectl's TARGETS: up to two metrics as `current/target`, then ' + N more...'; '<none>' without metrics. */
export function hpaTargets(spec: unknown, status: unknown): string {
  const metrics = specMetrics(obj(spec));
  if (metrics.length === 0) return '<none>';
  const current = statusMetrics(obj(status));
  const list = metrics.map((m, i) => one(m, current[i]));
  const shown = list.slice(0, 2).join(', ');
  return list.length > 2 ? `${shown} + ${list.length - 2} more...` : shown;
}

/** Replica counts straight from the object (Go zero values when absent). */
export function hpaCounts(spec: unknown, status: unknown): { min: string; max: number; current: number } {
  const s = obj(spec);
  return {
    min: typeof s['minReplicas'] === 'number' ? String(s['minReplicas']) : '<unset>',
    max: num(s['maxReplicas']),
    current: num(obj(status)['currentReplicas']),
  };
}
