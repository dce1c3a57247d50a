/** CronJobs, as `kubectl get cronjobs -A -o wide` prints them. */
import { parseTime } from './duration.ts';
import { containerCells, formatLabelSelector, readSelector } from './format.ts';
import { at, obj, objs, str } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol, type CellValue } from './kind-module.ts';

function printBool(value: unknown): string {
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : '<unset>';
}

/** LAST SCHEDULE: how long ago the last job was scheduled, '<none>' before the first. */
function lastSchedule(status: Record<string, unknown>): CellValue {
  const last = parseTime(status['lastScheduleTime']);
  return Number.isNaN(last) ? '<none>' : { age: last };
}

/** The cronjobs kind. */
export const cronJobsKind = defineKind<Prepared>({
  resourceKey: 'cronjobs.batch',
  group: 'batch',
  kind: 'CronJob',
  namespaced: true,
  prepare: (o) => {
    const spec = obj(o['spec']);
    const jobTemplate = obj(spec['jobTemplate']);
    return { spec, status: obj(o['status']), jobTemplate, containers: containerCells(at(jobTemplate, 'spec', 'template')) };
  },
  columns: [
    namespaceCol,
    nameCol,
    { name: 'SCHEDULE', width: 12, value: (_o, p) => str(p.spec['schedule']) },
    { name: 'TIMEZONE', width: 8, value: (_o, p) => str(p.spec['timeZone']) || '<none>' },
    { name: 'SUSPEND', width: 7, status: true, value: (_o, p) => printBool(p.spec['suspend']) },
    { name: 'ACTIVE', width: 6, sort: 'number', value: (_o, p) => String(objs(p.status['active']).length) },
    { name: 'LAST SCHEDULE', width: 13, sort: 'age', value: (_o, p) => lastSchedule(p.status) },
    ageCol,
    { name: 'CONTAINERS', width: 20, wide: true, value: (_o, p) => p.containers[0] },
    { name: 'IMAGES', width: 40, wide: true, value: (_o, p) => p.containers[1] },
    { name: 'SELECTOR', width: 30, wide: true, value: (_o, p) => formatLabelSelector(readSelector(at(p.jobTemplate, 'spec', 'selector'))) },
  ],
  extras: undefined,
  tone: (cells) => (cells['SUSPEND'] === 'True' ? 'muted' : 'normal'),
  describe: () => import('./describe/describe-jobs.ts').then((m) => m.describeCronJob),
  related: [],
  drill: { kind: 'grandchildren', via: 'jobs.batch' },
  pods: undefined,
  rollout: undefined,
});

interface Prepared {
  spec: Record<string, unknown>;
  status: Record<string, unknown>;
  jobTemplate: Record<string, unknown>;
  containers: [names: string, images: string];
}
