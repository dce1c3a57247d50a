/** The Containers / Init Containers sections of a pod or pod template, as kubectl describe writes them. */
import { at, num, obj, objs, str, strs } from '../json.ts';
import type { KubeObject } from '../../kube/object.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './describe-writer.ts';
import { compareStrings, printBool, stringOrNone } from './meta-sections.ts';
import { formatQuantity, parseQuantity } from '../../kube/quantity.ts';
import { rfc1123z } from './time-format.ts';
import { writeEnv, writeEnvFrom } from './env-section.ts';

type Json = Record<string, unknown>;

/**
 * describeContainers: the label ('Containers:' or 'Containers: <none>'), then per container its
 * image, ports, command, state and last state (when a status is given), resources, probes,
 * environment and mounts. `pod` resolves fieldRef environment values; `space` is '  ' inside a
 * pod template.
 */
export function writeContainers(w: PrefixWriter, label: string, containers: unknown, statuses: unknown, pod: KubeObject | undefined, space: string): void {
  const list = objs(containers);
  const byName = new Map(objs(statuses).map((s) => [str(s['name']), s]));
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  for (const c of list) {
    const status = byName.get(str(c['name']));
    writeBasicInfo(w, c, status, space);
    writeCommand(w, c);
    if (status) writeState(w, status);
    writeResources(w, obj(c['resources']), LEVEL_2);
    writeProbes(w, c);
    if (objs(c['envFrom']).length > 0) writeEnvFrom(w, c);
    writeEnv(w, c, pod);
    writeMounts(w, c);
  }
}

function writeBasicInfo(w: PrefixWriter, c: Json, status: Json | undefined, space: string): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${str(c['name'])}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${str(status['containerID'])}\n`);
  w.write(LEVEL_2, `Image:\t${str(c['image'])}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${str(status['imageID'])}\n`);
  const ports = objs(c['ports']);
  const portText = ports.map((p) => `${num(p['containerPort'])}/${str(p['protocol'])}`).join(', ');
  if (portText.includes(',')) w.write(LEVEL_2, `Ports:\t${portText}\n`);
  else w.write(LEVEL_2, `Port:\t${stringOrNone(portText)}\n`);
  const hostText = ports.map((p) => `${num(p['hostPort'])}/${str(p['protocol'])}`).join(', ');
  if (hostText.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostText}\n`);
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostText)}\n`);
  const seccomp = obj(at(c, 'securityContext', 'seccompProfile'));
  if (Object.keys(seccomp).length > 0) {
    w.write(LEVEL_2, `SeccompProfile:\t${str(seccomp['type'])}\n`);
    if (seccomp['type'] === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${str(seccomp['localhostProfile'])}\n`);
  }
}

function writeCommand(w: PrefixWriter, c: Json): void {
  for (const [field, title] of [
    ['command', 'Command'],
    ['args', 'Args'],
  ] as const) {
    const parts = strs(c[field]);
    if (parts.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const part of parts) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

function writeState(w: PrefixWriter, status: Json): void {
  writeOneState(w, 'State', obj(status['state']));
  const last = obj(status['lastState']);
  if (last['terminated']) writeOneState(w, 'Last State', last);
  w.write(LEVEL_2, `Ready:\t${printBool(status['ready'])}\n`);
  w.write(LEVEL_2, `Restart Count:\t${num(status['restartCount'])}\n`);
}

/** describeStatus: Running (Started), Waiting (Reason), Terminated (Reason, Message, Exit Code, Signal, Started, Finished). */
function writeOneState(w: PrefixWriter, name: string, state: Json): void {
  if (state['running']) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(at(state, 'running', 'startedAt'))}\n`);
  } else if (state['waiting']) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    const reason = str(at(state, 'waiting', 'reason'));
    if (reason) w.write(LEVEL_3, `Reason:\t${reason}\n`);
  } else if (state['terminated']) {
    const t = obj(state['terminated']);
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (str(t['reason'])) w.write(LEVEL_3, `Reason:\t${str(t['reason'])}\n`);
    if (str(t['message'])) w.write(LEVEL_3, `Message:\t${str(t['message'])}\n`);
    w.write(LEVEL_3, `Exit Code:\t${num(t['exitCode'])}\n`);
    if (num(t['signal']) > 0) w.write(LEVEL_3, `Signal:\t${num(t['signal'])}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t['startedAt'])}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t['finishedAt'])}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** describeResources: Limits then Requests, resource names sorted, quantities canonical. */
export function writeResources(w: PrefixWriter, resources: Json, level: number): void {
  for (const [field, title] of [
    ['limits', 'Limits'],
    ['requests', 'Requests'],
  ] as const) {
    const list = obj(resources[field]);
    const names = Object.keys(list).sort(compareStrings);
    if (names.length === 0) continue;
    w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${quantityText(list[name])}\n`);
  }
}

/** A quantity as kubectl prints it (canonical), or the raw text when it does not parse. */
export function quantityText(value: unknown): string {
  const q = parseQuantity(value);
  return q ? formatQuantity(q) : String(value ?? '');
}

function writeProbes(w: PrefixWriter, c: Json): void {
  for (const [field, title] of [
    ['livenessProbe', 'Liveness'],
    ['readinessProbe', 'Readiness'],
    ['startupProbe', 'Startup'],
  ] as const) {
    if (c[field]) w.write(LEVEL_2, `${title}:\t${probeText(obj(c[field]))}\n`);
  }
}

/** DescribeProbe: 'http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3'. */
export function probeText(p: Json): string {
  const attrs =
    `delay=${num(p['initialDelaySeconds'])}s timeout=${num(p['timeoutSeconds'])}s period=${num(p['periodSeconds'])}s ` +
    `#success=${num(p['successThreshold'])} #failure=${num(p['failureThreshold'])}`;
  if (p['exec']) return `exec [${strs(at(p, 'exec', 'command')).join(' ')}] ${attrs}`;
  if (p['httpGet']) {
    const g = obj(p['httpGet']);
    const port = intOrString(g['port']);
    const host = str(g['host']);
    const hostPort = port === '' ? host : joinHostPort(host, port);
    let path = str(g['path']);
    if (path !== '' && !path.startsWith('/') && hostPort !== '') path = '/' + path;
    return `http-get ${str(g['scheme']).toLowerCase()}://${hostPort}${path} ${attrs}`;
  }
  if (p['tcpSocket']) return `tcp-socket ${str(at(p, 'tcpSocket', 'host'))}:${intOrString(at(p, 'tcpSocket', 'port'))} ${attrs}`;
  if (p['grpc']) return `grpc <pod>:${num(at(p, 'grpc', 'port'))} ${str(at(p, 'grpc', 'service'))} ${attrs}`;
  return `unknown ${attrs}`;
}

function writeMounts(w: PrefixWriter, c: Json): void {
  const mounts = objs(c['volumeMounts']).sort((a, b) => compareStrings(str(a['mountPath']), str(b['mountPath'])));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m['readOnly'] === true ? 'ro' : 'rw'];
    if (str(m['subPath'])) flags.push(`path=${JSON.stringify(str(m['subPath']))}`);
    w.write(LEVEL_3, `${str(m['mountPath'])} from ${str(m['name'])} (${flags.join(',')})\n`);
  }
  const devices = objs(c['volumeDevices']).sort((a, b) => compareStrings(str(a['devicePath']), str(b['devicePath'])));
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const d of devices) w.write(LEVEL_3, `${str(d['devicePath'])} from ${str(d['name'])}\n`);
  }
}

function intOrString(value: unknown): string {
  return typeof value === 'number' ? String(value) : str(value);
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
