/** kubectl describe horizontalpodautoscaler: autoscaling/v2 metrics with current/target, or the v1 CPU form. */
import { at, num, obj, objs, str } from '../json.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './describe-writer.ts';
import type { DescribeInput } from './describe-types.ts';
import { writeEvents } from './events-section.ts';
import { writeAnnotations, writeLabels } from './meta-sections.ts';
import { quantityText } from './containers-section.ts';
import { rfc1123z } from './time-format.ts';

type Json = Record<string, unknown>;

/** Reference, metrics ('( current / target )'), min/max replicas, behavior, pods, conditions, events. */
export function describeHpa({ object: hpa, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(hpa['spec']);
  const status = obj(hpa['status']);
  const isV1 = hpa.apiVersion === 'autoscaling/v1';
  w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', hpa.metadata.labels);
  writeAnnotations(w, 'Annotations', hpa.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
  const target = obj(spec['scaleTargetRef']);
  w.write(LEVEL_0, `Reference:\t${str(target['kind'])}/${str(target['name'])}\n`);
  if (isV1) {
    if (spec['targetCPUUtilizationPercentage'] !== undefined) {
      w.write(LEVEL_0, `Target CPU utilization:\t${num(spec['targetCPUUtilizationPercentage'])}%\n`);
      const current = status['currentCPUUtilizationPercentage'];
      w.write(LEVEL_0, `Current CPU utilization:\t${typeof current === 'number' ? current : '<unknown>'}%\n`);
    }
  } else {
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    const current = objs(status['currentMetrics']);
    objs(spec['metrics']).forEach((metric, i) => writeMetric(w, metric, current[i]));
  }
  w.write(LEVEL_0, `Min replicas:\t${typeof spec['minReplicas'] === 'number' ? spec['minReplicas'] : '<unset>'}\n`);
  w.write(LEVEL_0, `Max replicas:\t${num(spec['maxReplicas'])}\n`);
  if (!isV1 && spec['behavior']) {
    w.write(LEVEL_0, 'Behavior:\n');
    writeDirection(w, 'Scale Up', at(spec, 'behavior', 'scaleUp'));
    writeDirection(w, 'Scale Down', at(spec, 'behavior', 'scaleDown'));
  }
  w.write(LEVEL_0, `${str(target['kind'])} pods:\t`);
  w.write(LEVEL_0, `${num(status['currentReplicas'])} current / ${num(status['desiredReplicas'])} desired\n`);
  const conditions = objs(status['conditions']);
  if (!isV1 && conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------\t-------\n');
    for (const c of conditions) w.write(LEVEL_1, `${str(c['type'])}\t${str(c['status'])}\t${str(c['reason'])}\t${str(c['message'])}\n`);
  }
  writeEvents(w, related.events, now);
  return w.lines();
}

function writeMetric(w: PrefixWriter, metric: Json, current: Json | undefined): void {
  const type = str(metric['type']);
  const cur = (source: string, field: string): string => {
    const value = at(current, source, 'current', field);
    return current && current[source] && value !== undefined ? quantityText(value) : '<unknown>';
  };
  switch (type) {
    case 'External': {
      const name = JSON.stringify(str(at(metric, 'external', 'metric', 'name')));
      const averageTarget = at(metric, 'external', 'target', 'averageValue');
      if (averageTarget !== undefined) w.write(LEVEL_1, `${name} (target average value):\t${cur('external', 'averageValue')} / ${quantityText(averageTarget)}\n`);
      else w.write(LEVEL_1, `${name} (target value):\t${cur('external', 'value')} / ${quantityText(at(metric, 'external', 'target', 'value'))}\n`);
      return;
    }
    case 'Pods': {
      const name = JSON.stringify(str(at(metric, 'pods', 'metric', 'name')));
      w.write(LEVEL_1, `${name} on pods:\t${cur('pods', 'averageValue')} / ${quantityText(at(metric, 'pods', 'target', 'averageValue'))}\n`);
      return;
    }
    case 'Object': {
      const o = obj(metric['object']);
      w.write(LEVEL_1, `"${str(at(o, 'metric', 'name'))}" on ${str(at(o, 'describedObject', 'kind'))}/${str(at(o, 'describedObject', 'name'))} `);
      if (str(at(o, 'target', 'type')) === 'AverageValue') {
        w.write(LEVEL_0, `(target average value):\t${cur('object', 'averageValue')} / ${quantityText(at(o, 'target', 'averageValue'))}\n`);
      } else {
        w.write(LEVEL_0, `(target value):\t${cur('object', 'value')} / ${quantityText(at(o, 'target', 'value'))}\n`);
      }
      return;
    }
    case 'Resource':
    case 'ContainerResource': {
      const key = type === 'Resource' ? 'resource' : 'containerResource';
      const r = obj(metric[key]);
      const head = type === 'Resource' ? `resource ${str(r['name'])} on pods` : `resource ${str(r['name'])} of container "${str(r['container'])}" on pods`;
      w.write(LEVEL_1, head);
      const averageTarget = at(r, 'target', 'averageValue');
      if (averageTarget !== undefined) {
        w.write(LEVEL_0, `:\t${cur(key, 'averageValue')} / ${quantityText(averageTarget)}\n`);
        return;
      }
      const utilisation = at(current, key, 'current', 'averageUtilization');
      const currentText =
        typeof utilisation === 'number'
          ? `${utilisation}% (${at(current, key, 'current', 'averageValue') !== undefined ? quantityText(at(current, key, 'current', 'averageValue')) : '<nil>'})`
          : '<unknown>';
      const targetUtilisation = at(r, 'target', 'averageUtilization');
      w.write(LEVEL_1, `(as a percentage of request):\t${currentText} / ${typeof targetUtilisation === 'number' ? `${targetUtilisation}%` : '<auto>'}\n`);
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(type)}>\n`);
  }
}

function writeDirection(w: PrefixWriter, direction: string, rules: unknown): void {
  if (!rules) return;
  const r = obj(rules);
  w.write(LEVEL_1, `${direction}:\n`);
  if (typeof r['stabilizationWindowSeconds'] === 'number') w.write(LEVEL_2, `Stabilization Window: ${r['stabilizationWindowSeconds']} seconds\n`);
  const policies = objs(r['policies']);
  if (policies.length === 0) return;
  w.write(LEVEL_2, `Select Policy: ${str(r['selectPolicy']) || 'Max'}\n`);
  w.write(LEVEL_2, 'Policies:\n');
  for (const p of policies) w.write(LEVEL_3, `- Type: ${str(p['type'])}\tValue: ${num(p['value'])}\tPeriod: ${num(p['periodSeconds'])} seconds\n`);
}
