/** A container's environment as kubectl describe shows it: values, fieldRef and resource values resolved, key references named. */
import { at, obj, objs, str } from '../json.ts';
import type { KubeObject } from '../../kube/object.ts';
import { LEVEL_2, LEVEL_3, type PrefixWriter } from './describe-writer.ts';
import { milliValue, parseQuantity, wholeValue } from '../../kube/quantity.ts';

type Json = Record<string, unknown>;

/** describeContainerEnvFrom: each ConfigMap or Secret the container takes variables from. */
export function writeEnvFrom(w: PrefixWriter, c: Json): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of objs(c['envFrom'])) {
    const ref = e['configMapRef'] ? obj(e['configMapRef']) : obj(e['secretRef']);
    const from = e['configMapRef'] ? 'ConfigMap' : e['secretRef'] ? 'Secret' : '';
    const optional = ref['optional'] === true;
    const prefix = str(e['prefix']);
    if (prefix === '') w.write(LEVEL_3, `${str(ref['name'])}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${str(ref['name'])}\t${from} with prefix '${prefix}'\tOptional: ${optional}\n`);
  }
}

/** describeContainerEnvVars: each variable, its value or where it comes from (resolved for a pod). */
export function writeEnv(w: PrefixWriter, c: Json, pod: KubeObject | undefined): void {
  const env = objs(c['env']);
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const name = str(e['name']);
    const from = obj(e['valueFrom']);
    if (!e['valueFrom']) {
      str(e['value'])
        .split('\n')
        .forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    if (from['fieldRef']) {
      const ref = obj(from['fieldRef']);
      const value = pod ? podFieldValue(pod, str(ref['fieldPath'])) : '';
      w.write(LEVEL_3, `${name}:\t${value} (${str(ref['apiVersion'])}:${str(ref['fieldPath'])})\n`);
    } else if (from['resourceFieldRef']) {
      const ref = obj(from['resourceFieldRef']);
      const resource = str(ref['resource']);
      let value = containerResourceValue(c, resource, ref['divisor']);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${name}:\t${value} (${resource})\n`);
    } else if (from['secretKeyRef']) {
      const ref = obj(from['secretKeyRef']);
      w.write(LEVEL_3, `${name}:\t<set to the key '${str(ref['key'])}' in secret '${str(ref['name'])}'>\tOptional: ${ref['optional'] === true}\n`);
    } else if (from['configMapKeyRef']) {
      const ref = obj(from['configMapKeyRef']);
      w.write(LEVEL_3, `${name}:\t<set to the key '${str(ref['key'])}' of config map '${str(ref['name'])}'>\tOptional: ${ref['optional'] === true}\n`);
    }
  }
}

/** fieldpath.ExtractFieldPathAsString for the pod fields the downward API offers. */
function podFieldValue(pod: KubeObject, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return str(obj(pod.metadata[m[1]!])[m[2]!]);
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
    case 'spec.serviceAccountName':
      return str(at(pod, 'spec', path.slice('spec.'.length)));
    case 'status.hostIP':
    case 'status.podIP':
      return str(at(pod, 'status', path.slice('status.'.length)));
    case 'status.podIPs':
      return objs(at(pod, 'status', 'podIPs'))
        .map((p) => str(p['ip']))
        .join(',');
    case 'status.hostIPs':
      return objs(at(pod, 'status', 'hostIPs'))
        .map((p) => str(p['ip']))
        .join(',');
    default:
      return '';
  }
}

/** ExtractContainerResourceValue: a container's request or limit divided by the divisor, rounded up. */
function containerResourceValue(c: Json, resource: string, divisorValue: unknown): string {
  const [kind, name] = resource.split('.', 2) as [string, string | undefined];
  if ((kind !== 'limits' && kind !== 'requests') || !name) return '';
  const q = parseQuantity(at(c, 'resources', kind, name)) ?? parseQuantity('0')!;
  const divisor = parseQuantity(divisorValue);
  const d = divisor && divisor.mantissa !== 0n ? divisor : parseQuantity('1')!;
  if (name === 'cpu') return String(Math.ceil(milliValue(q) / milliValue(d)));
  return String(Math.ceil(wholeValue(q) / wholeValue(d)));
}
