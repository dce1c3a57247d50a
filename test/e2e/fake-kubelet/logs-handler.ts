import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatLines, instanceLines, linesBetween, LOG_INTERVAL_MS, selectLines, type LogQuery } from './log-lines.ts';
import { findContainer, type ContainerInstance, type PodRun } from './pod-runtime.ts';

function intParam(params: URLSearchParams, name: string): number | undefined {
  const v = params.get(name);
  return v === null || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v);
}

function fail(res: ServerResponse, code: number, message: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain' });
  res.end(message);
}

/**
 * Serves GET /containerLogs/{ns}/{pod}/{container} like the kubelet: tailLines, sinceSeconds,
 * sinceTime, timestamps, limitBytes, previous, and follow (streams until the instance ends or the
 * client goes away).
 */
export function serveLogs(req: IncomingMessage, res: ServerResponse, parts: string[], find: (ns: string, pod: string) => PodRun | undefined): void {
  const [ns = '', podName = '', containerName = ''] = parts;
  const params = new URL(req.url ?? '/', 'https://kubelet').searchParams;
  const pod = find(ns, podName);
  const run = pod && findContainer(pod, containerName);
  if (!pod || !run) return fail(res, 404, `container "${containerName}" in pod "${podName}" not found`);
  const previous = params.get('previous') === 'true';
  const inst: ContainerInstance | undefined = previous ? run.previous : run.current;
  if (!inst) {
    return previous
      ? fail(res, 400, `previous terminated container "${containerName}" in pod "${podName}" not found`)
      : fail(res, 400, `container "${containerName}" in pod "${podName}" is waiting to start: ContainerCreating`);
  }
  const sinceTimeText = params.get('sinceTime');
  const query: LogQuery = {
    tailLines: intParam(params, 'tailLines'),
    sinceSeconds: intParam(params, 'sinceSeconds'),
    sinceTime: sinceTimeText ? Date.parse(sinceTimeText) : undefined,
    timestamps: params.get('timestamps') === 'true',
  };
  let budget = intParam(params, 'limitBytes') ?? Infinity;
  const owner = { pod: podName, container: containerName };
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  const write = (text: string): boolean => {
    const bytes = Buffer.from(text);
    if (bytes.length >= budget) {
      res.end(bytes.subarray(0, budget));
      budget = 0;
      return false;
    }
    budget -= bytes.length;
    if (text) res.write(bytes);
    return true;
  };
  let now = Date.now();
  if (!write(formatLines(selectLines(instanceLines(owner, inst, now), query, now), query.timestamps))) return;
  const follow = params.get('follow') === 'true' && !previous;
  if (!follow || inst.finishedAt !== undefined) return void res.end();
  const timer = setInterval(() => {
    const until = Date.now();
    const fresh = linesBetween(owner, inst, now, until);
    now = until;
    if (!write(formatLines(fresh, query.timestamps))) return clearInterval(timer);
    if (inst.finishedAt !== undefined && inst.finishedAt <= until) {
      clearInterval(timer);
      res.end();
    }
  }, LOG_INTERVAL_MS / 2);
  res.on('close', () => clearInterval(timer));
}
