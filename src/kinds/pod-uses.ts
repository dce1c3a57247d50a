/**
 * The objects a pod uses, as 'plural/name' references: ConfigMaps, Secrets and PVCs it mounts
 * (directly or through a projected volume), ConfigMaps and Secrets its containers read into the
 * environment, its image pull Secrets and its ServiceAccount. Pod rows keep this list so `u` on
 * one of those objects finds its pods without the raw pods.
 */
import { obj, objs, str } from './json.ts';

/** Every reference of a pod spec, each once, in the order the spec names them. */
export function podUses(spec: Record<string, unknown>, podName: string): string[] {
  const out = new Set<string>();
  const add = (plural: string, name: string): void => {
    if (name !== '') out.add(`${plural}/${name}`);
  };
  for (const volume of objs(spec['volumes'])) {
    add('configmaps', str(obj(volume['configMap'])['name']));
    add('secrets', str(obj(volume['secret'])['secretName']));
    add('persistentvolumeclaims', str(obj(volume['persistentVolumeClaim'])['claimName']));
    // A generic ephemeral volume's claim is named <pod>-<volume> by the ephemeral volume controller.
    if (volume['ephemeral'] !== undefined) add('persistentvolumeclaims', `${podName}-${str(volume['name'])}`);
    for (const source of objs(obj(volume['projected'])['sources'])) {
      add('configmaps', str(obj(source['configMap'])['name']));
      add('secrets', str(obj(source['secret'])['name']));
    }
  }
  for (const container of [...objs(spec['initContainers']), ...objs(spec['containers']), ...objs(spec['ephemeralContainers'])]) {
    for (const env of objs(container['env'])) {
      const from = obj(env['valueFrom']);
      add('configmaps', str(obj(from['configMapKeyRef'])['name']));
      add('secrets', str(obj(from['secretKeyRef'])['name']));
    }
    for (const envFrom of objs(container['envFrom'])) {
      add('configmaps', str(obj(envFrom['configMapRef'])['name']));
      add('secrets', str(obj(envFrom['secretRef'])['name']));
    }
  }
  for (const secret of objs(spec['imagePullSecrets'])) add('secrets', str(secret['name']));
  // serviceAccount is the deprecated alias the server still fills in.
  add('serviceaccounts', str(spec['serviceAccountName']) || str(spec['serviceAccount']));
  return [...out];
}
