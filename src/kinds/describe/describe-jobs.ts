/** kubectl describe job and cronjob. */
import { at, num, obj, objs, str } from '../json.ts';
import { humanDuration, parseTime } from '../duration.ts';
import { DescribeWriter, LEVEL_0, type PrefixWriter } from './describe-writer.ts';
import type { DescribeInput } from './describe-types.ts';
import { writeEvents } from './events-section.ts';
import { controllerOf, goValue, printBool, writeAnnotations, writeLabels } from './meta-sections.ts';
import { writePodTemplate } from './pod-template-section.ts';
import { selectorText } from './selector-text.ts';
import { rfc1123z } from './time-format.ts';

/** Selector, owner, parallelism, completions, limits, start/completion times, pod counts, template, events. */
export function describeJob({ object: job, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(job['spec']);
  const status = obj(job['status']);
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(spec['selector'])}\n`);
  writeLabels(w, 'Labels', job.metadata.labels);
  writeAnnotations(w, 'Annotations', job.metadata.annotations);
  const owner = controllerOf(job);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  if (spec['parallelism'] !== undefined) w.write(LEVEL_0, `Parallelism:\t${num(spec['parallelism'])}\n`);
  w.write(LEVEL_0, `Completions:\t${spec['completions'] !== undefined && spec['completions'] !== null ? num(spec['completions']) : '<unset>'}\n`);
  if (spec['completionMode'] !== undefined) w.write(LEVEL_0, `Completion Mode:\t${str(spec['completionMode'])}\n`);
  if (spec['suspend'] !== undefined) w.write(LEVEL_0, `Suspend:\t${goValue(spec['suspend'])}\n`);
  if (spec['backoffLimit'] !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${num(spec['backoffLimit'])}\n`);
  if (spec['ttlSecondsAfterFinished'] !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${num(spec['ttlSecondsAfterFinished'])}\n`);
  if (status['startTime']) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status['startTime'])}\n`);
  if (status['completionTime']) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status['completionTime'])}\n`);
  if (status['startTime'] && status['completionTime']) {
    w.write(LEVEL_0, `Duration:\t${humanDuration(parseTime(status['completionTime']) - parseTime(status['startTime']))}\n`);
  }
  if (spec['activeDeadlineSeconds'] !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${num(spec['activeDeadlineSeconds'])}s\n`);
  const [active, succeeded, failed] = [num(status['active']), num(status['succeeded']), num(status['failed'])];
  if (status['ready'] === undefined || status['ready'] === null) w.write(LEVEL_0, `Pods Statuses:\t${active} Active / ${succeeded} Succeeded / ${failed} Failed\n`);
  else w.write(LEVEL_0, `Pods Statuses:\t${active} Active (${num(status['ready'])} Ready) / ${succeeded} Succeeded / ${failed} Failed\n`);
  if (spec['completionMode'] === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(str(status['completedIndexes']), 50)}\n`);
  writePodTemplate(w, at(spec, 'template'));
  writeEvents(w, related.events, now);
  return w.lines();
}

/** Schedule, policies, history limits, the job template, last schedule time, active jobs, events. */
export function describeCronJob({ object: cj, related, now }: DescribeInput): string[] {
  const w = new DescribeWriter();
  const spec = obj(cj['spec']);
  const status = obj(cj['status']);
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', cj.metadata.labels);
  writeAnnotations(w, 'Annotations', cj.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${str(spec['schedule'])}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${str(spec['concurrencyPolicy'])}\n`);
  w.write(LEVEL_0, `Suspend:\t${typeof spec['suspend'] === 'boolean' ? printBool(spec['suspend']) : '<unset>'}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${optionalNumber(spec['successfulJobsHistoryLimit'])}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${optionalNumber(spec['failedJobsHistoryLimit'])}\n`);
  const deadline = spec['startingDeadlineSeconds'];
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${typeof deadline === 'number' ? `${deadline}s` : '<unset>'}\n`);
  writeJobTemplate(w, obj(spec['jobTemplate']));
  w.write(LEVEL_0, `Last Schedule Time:\t${status['lastScheduleTime'] ? rfc1123z(status['lastScheduleTime']) : '<unset>'}\n`);
  w.write(LEVEL_0, 'Active Jobs:\t');
  const active = objs(status['active']);
  w.writeLine(active.length === 0 ? '<none>' : active.map((j) => str(j['name'])).join(', '));
  writeEvents(w, related.events, now);
  return w.lines();
}

function writeJobTemplate(w: PrefixWriter, template: Record<string, unknown>): void {
  const spec = obj(template['spec']);
  w.write(LEVEL_0, `Selector:\t${spec['selector'] ? selectorText(spec['selector']) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${optionalNumber(spec['parallelism'])}\n`);
  w.write(LEVEL_0, `Completions:\t${optionalNumber(spec['completions'])}\n`);
  if (spec['activeDeadlineSeconds'] !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${num(spec['activeDeadlineSeconds'])}s\n`);
  writePodTemplate(w, spec['template']);
}

function optionalNumber(value: unknown): string {
  return typeof value === 'number' ? String(value) : '<unset>';
}

/** capIndexesListOrNone: the completed indexes, cut after the first comma past `softLimit` characters. */
function capIndexes(indexes: string, softLimit: number): string {
  if (indexes === '') return '<none>';
  const comma = indexes.indexOf(',', softLimit);
  return comma < 0 || indexes.length <= softLimit ? indexes : indexes.slice(0, comma + 1) + '...';
}
