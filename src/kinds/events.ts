/** Core v1 Events, as `kubectl get events -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { parseTime } from './duration.ts';
import { num, obj, str } from './json.ts';
import { defineKind, namespaceCol } from './kind-module.ts';
import { oneLine, type WarningEvent } from './problems/problem.ts';

function source(o: KubeObject): string {
  const src = obj(o['source']);
  // core/v1 spells ReportingController as reportingComponent on the wire.
  const component = str(src['component']) || str(o['reportingComponent']);
  const instance = str(src['host']) || str(o['reportingInstance']);
  return instance ? `${component}, ${instance}` : component;
}

/** When the event was first and last seen and how often: series and events.k8s.io shapes folded in. */
function seen(o: KubeObject): Prepared {
  const series = o['series'] === undefined || o['series'] === null ? undefined : obj(o['series']);
  let first = parseTime(o['firstTimestamp']);
  if (Number.isNaN(first)) first = parseTime(o['eventTime']);
  let last = parseTime(o['lastTimestamp']);
  if (Number.isNaN(last)) last = first;
  let count = num(o['count']);
  if (series) {
    last = parseTime(series['lastObservedTime']);
    count = num(series['count']);
  } else if (count === 0) {
    count = 1; // singleton events in the events.k8s.io API carry no count
  }
  return { first, last, count, involved: obj(o['involvedObject']) };
}

/** The events kind. */
export const eventsKind = defineKind<Prepared>({
  resourceKey: 'events',
  group: '',
  kind: 'Event',
  namespaced: true,
  prepare: seen,
  columns: [
    namespaceCol,
    { name: 'LAST SEEN', width: 9, sort: 'age', value: (_o, p) => ({ age: p.last }) },
    { name: 'TYPE', width: 7, status: true, value: (o) => str(o['type']) },
    { name: 'REASON', width: 20, value: (o) => str(o['reason']) },
    { name: 'OBJECT', width: 40, value: (_o, p) => involvedText(p.involved) },
    { name: 'SUBOBJECT', width: 20, wide: true, value: (_o, p) => str(p.involved['fieldPath']) },
    { name: 'SOURCE', width: 20, wide: true, value: (o) => source(o) },
    { name: 'MESSAGE', width: 60, value: (o) => str(o['message']).trim() },
    { name: 'FIRST SEEN', width: 10, sort: 'age', wide: true, value: (_o, p) => ({ age: p.first }) },
    { name: 'COUNT', width: 5, sort: 'number', wide: true, value: (_o, p) => String(p.count) },
    { name: 'NAME', width: 40, wide: true, value: (o) => o.metadata.name },
  ],
  extras: (o, p) => (str(o['type']) === 'Warning' ? { warning: warningOf(o, p) } : {}),
  tone: (cells) => (cells['TYPE'] === 'Warning' ? 'warn' : 'normal'),
  describe: undefined,
  related: [],
  drill: undefined,
  pods: undefined,
  rollout: undefined,
});

/** A Warning event as triage reads it: reason, message, the involved object and how often. */
function warningOf(o: KubeObject, p: Prepared): WarningEvent {
  const involved = p.involved;
  return {
    reason: str(o['reason']),
    message: oneLine(str(o['message'])),
    group: str(involved['apiVersion']).includes('/') ? str(involved['apiVersion']).split('/')[0]! : '',
    kind: str(involved['kind']),
    namespace: str(involved['namespace']),
    name: str(involved['name']),
    uid: str(involved['uid']),
    count: p.count,
    first: p.first,
    last: p.last,
  };
}

/** OBJECT: kind/name of the involved object, lower-cased kind as kubectl prints it. */
function involvedText(involved: Record<string, unknown>): string {
  const kind = str(involved['kind']).toLowerCase();
  const name = str(involved['name']);
  return name ? `${kind}/${name}` : kind;
}

interface Prepared {
  first: number;
  last: number;
  count: number;
  involved: Record<string, unknown>;
}
