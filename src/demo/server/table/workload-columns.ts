/** Tables of workload kinds (deployments, replicasets, statefulsets, daemonsets, jobs, cronjobs, hpa), like the server's printers. */
import type { KubeObject } from '../../../kube/object.ts';
import { age, humanDuration } from './age.ts';
import { ageColumn, arr, at, col, containersAndImages, formatSelector, nameColumn, num, str, type ColumnSet } from './columns.ts';

const tmpl = ['spec', 'template', 'spec'];
const wide = [col('Containers', 'string', 1, 'Names of each container in the template.'), col('Images', 'string', 1, 'Images referenced by each container in the template.')];
const selectorCol = col('Selector', 'string', 1, 'Label selector for pods.');
const ci = (o: KubeObject) => containersAndImages(o, ...tmpl);

/** Deployments. */
export const deploymentColumns: ColumnSet = {
  columns: [nameColumn, col('Ready', 'string', 0, 'Number of the pod with ready state'), col('Up-to-date', 'integer'), col('Available', 'integer'), ageColumn, ...wide, selectorCol],
  cells: (o, now) => [
    o.metadata.name,
    `${num(o, 'status', 'readyReplicas')}/${num(o, 'spec', 'replicas')}`,
    num(o, 'status', 'updatedReplicas'),
    num(o, 'status', 'availableReplicas'),
    age(o.metadata.creationTimestamp, now),
    ...ci(o),
    formatSelector(at(o, 'spec', 'selector')),
  ],
};

/** ReplicaSets. */
export const replicaSetColumns: ColumnSet = {
  columns: [nameColumn, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), ageColumn, ...wide, selectorCol],
  cells: (o, now) => [
    o.metadata.name,
    num(o, 'spec', 'replicas'),
    num(o, 'status', 'replicas'),
    num(o, 'status', 'readyReplicas'),
    age(o.metadata.creationTimestamp, now),
    ...ci(o),
    formatSelector(at(o, 'spec', 'selector')),
  ],
};

/** StatefulSets. */
export const statefulSetColumns: ColumnSet = {
  columns: [nameColumn, col('Ready', 'string'), ageColumn, ...wide],
  cells: (o, now) => [o.metadata.name, `${num(o, 'status', 'readyReplicas')}/${num(o, 'spec', 'replicas')}`, age(o.metadata.creationTimestamp, now), ...ci(o)],
};

/** DaemonSets. */
export const daemonSetColumns: ColumnSet = {
  columns: [
    nameColumn,
    col('Desired', 'integer'),
    col('Current', 'integer'),
    col('Ready', 'integer'),
    col('Up-to-date', 'integer'),
    col('Available', 'integer'),
    col('Node Selector', 'string'),
    ageColumn,
    ...wide,
    selectorCol,
  ],
  cells: (o, now) => {
    const ns = at(o, ...tmpl, 'nodeSelector');
    return [
      o.metadata.name,
      num(o, 'status', 'desiredNumberScheduled'),
      num(o, 'status', 'currentNumberScheduled'),
      num(o, 'status', 'numberReady'),
      num(o, 'status', 'updatedNumberScheduled'),
      num(o, 'status', 'numberAvailable'),
      ns && typeof ns === 'object' && Object.keys(ns).length > 0
        ? Object.entries(ns as Record<string, string>)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : '<none>',
      age(o.metadata.creationTimestamp, now),
      ...ci(o),
      formatSelector(at(o, 'spec', 'selector')),
    ];
  },
};

function jobStatus(o: KubeObject): string {
  const conds = arr<{ type: string; status: string }>(o, 'status', 'conditions');
  const has = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  if (has('Suspended')) return 'Suspended';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  return 'Running';
}

/** Jobs. */
export const jobColumns: ColumnSet = {
  columns: [nameColumn, col('Status', 'string'), col('Completions', 'string'), col('Duration', 'string'), ageColumn, ...wide, selectorCol],
  cells: (o, now) => {
    const completions = at(o, 'spec', 'completions');
    const parallelism = num(o, 'spec', 'parallelism');
    const succeeded = num(o, 'status', 'succeeded');
    const comp = typeof completions === 'number' ? `${succeeded}/${completions}` : parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    const start = Date.parse(str(o, 'status', 'startTime'));
    const end = Date.parse(str(o, 'status', 'completionTime'));
    const duration = Number.isNaN(start) ? '' : humanDuration((Number.isNaN(end) ? now : end) - start);
    return [o.metadata.name, jobStatus(o), comp, duration, age(o.metadata.creationTimestamp, now), ...containersAndImages(o, 'spec', 'template', 'spec'), formatSelector(at(o, 'spec', 'selector'))];
  },
};

/** CronJobs. */
export const cronJobColumns: ColumnSet = {
  columns: [nameColumn, col('Schedule', 'string'), col('Timezone', 'string'), col('Suspend', 'boolean'), col('Active', 'integer'), col('Last Schedule', 'string'), ageColumn, ...wide, selectorCol],
  cells: (o, now) => {
    const last = str(o, 'status', 'lastScheduleTime');
    const [c, i] = containersAndImages(o, 'spec', 'jobTemplate', 'spec', 'template', 'spec');
    return [
      o.metadata.name,
      str(o, 'spec', 'schedule'),
      str(o, 'spec', 'timeZone') || '<none>',
      // printBoolPtr: a string, as the real printer sends it (kubectl would print a JSON false as 'false').
      // The real server defaults spec.suspend to false, so an unset one reads False, never <unset>.
      at(o, 'spec', 'suspend') === true ? 'True' : 'False',
      arr(o, 'status', 'active').length,
      last ? age(last, now) : '<none>',
      age(o.metadata.creationTimestamp, now),
      c,
      i,
      formatSelector(at(o, 'spec', 'jobTemplate', 'spec', 'selector')),
    ];
  },
};

function hpaTargets(o: KubeObject): string {
  const metrics = arr<Record<string, unknown>>(o, 'spec', 'metrics');
  const current = arr<Record<string, unknown>>(o, 'status', 'currentMetrics');
  if (metrics.length === 0) {
    const cpu = at(o, 'spec', 'targetCPUUtilizationPercentage');
    return typeof cpu === 'number' ? `<unknown>/${cpu}%` : '<none>';
  }
  const parts = metrics.map((m, i) => {
    if (m.type !== 'Resource') return `<unknown>/<unknown>`;
    const target = at(m, 'resource', 'target');
    const name = str(m, 'resource', 'name');
    const cur = at(current[i], 'resource', 'current', 'averageUtilization');
    const want = at(target, 'averageUtilization');
    const curText = typeof cur === 'number' ? `${cur}%` : '<unknown>';
    return typeof want === 'number' ? `${name}: ${curText}/${want}%` : `${name}: <unknown>/${String(at(target, 'averageValue') ?? '<unknown>')}`;
  });
  return parts.length > 2 ? `${parts.slice(0, 2).join(', ')} + ${parts.length - 2} more...` : parts.join(', ');
}

/** HorizontalPodAutoscalers. */
export const hpaColumns: ColumnSet = {
  columns: [nameColumn, col('Reference', 'string'), col('Targets', 'string'), col('MinPods', 'string'), col('MaxPods', 'integer'), col('Replicas', 'integer'), ageColumn],
  cells: (o, now) => {
    const min = at(o, 'spec', 'minReplicas');
    return [
      o.metadata.name,
      `${str(o, 'spec', 'scaleTargetRef', 'kind')}/${str(o, 'spec', 'scaleTargetRef', 'name')}`,
      hpaTargets(o),
      typeof min === 'number' ? String(min) : '<unset>',
      num(o, 'spec', 'maxReplicas'),
      num(o, 'status', 'currentReplicas'),
      age(o.metadata.creationTimestamp, now),
    ];
  },
};
