/** ConfigMaps, Secrets and Namespaces: small kinds with a count or a phase. */
import { obj, str } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol } from './kind-module.ts';

function keyCount(value: unknown): number {
  return Object.keys(obj(value)).length;
}

/** The configmaps kind: DATA counts data plus binaryData keys. */
export const configMapsKind = defineKind<undefined>({
  resourceKey: 'configmaps',
  group: '',
  kind: 'ConfigMap',
  namespaced: true,
  prepare: undefined,
  columns: [namespaceCol, nameCol, { name: 'DATA', width: 4, sort: 'number', value: (o) => String(keyCount(o['data']) + keyCount(o['binaryData'])) }, ageCol],
  extras: undefined,
  tone: () => 'normal',
  describe: () => import('./describe/describe-config.ts').then((m) => m.describeConfigMap),
  related: [],
  drill: undefined,
  pods: undefined,
  rollout: undefined,
});

/** The secrets kind: only the type and the number of keys are kept, never a value. */
export const secretsKind = defineKind<undefined>({
  resourceKey: 'secrets',
  group: '',
  kind: 'Secret',
  namespaced: true,
  prepare: undefined,
  columns: [namespaceCol, nameCol, { name: 'TYPE', width: 35, value: (o) => str(o['type']) }, { name: 'DATA', width: 4, sort: 'number', value: (o) => String(keyCount(o['data'])) }, ageCol],
  extras: undefined,
  tone: () => 'normal',
  describe: () => import('./describe/describe-config.ts').then((m) => m.describeSecret),
  related: [],
  drill: undefined,
  pods: undefined,
  rollout: undefined,
});

/** The namespaces kind: STATUS is the phase (Active, Terminating). */
export const namespacesKind = defineKind<undefined>({
  resourceKey: 'namespaces',
  group: '',
  kind: 'Namespace',
  namespaced: false,
  prepare: undefined,
  columns: [nameCol, { name: 'STATUS', width: 11, value: (o) => str(obj(o['status'])['phase']) }, ageCol],
  extras: undefined,
  tone: (cells) => (cells['STATUS'] === 'Terminating' ? 'muted' : 'normal'),
  describe: () => import('./describe/describe-config.ts').then((m) => m.describeNamespace),
  related: ['namespaceQuotas'],
  drill: { kind: 'namespace-pods' },
  pods: undefined,
  rollout: undefined,
});
