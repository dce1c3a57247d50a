/** printPersistentVolumeClaim: shared by the PVC describe and ephemeral volumes' claim templates. */
import { at, obj, str, strs } from '../json.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './describe-writer.ts';
import { writeAnnotations, writeLabels } from './meta-sections.ts';
import { quantityText } from './containers-section.ts';
import { ageSince } from './time-format.ts';

const accessModeShort: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** storageutil.GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, each once. */
export function accessModesText(modes: unknown): string {
  const list = strs(modes);
  return accessModeShort
    .filter(([mode]) => list.includes(mode))
    .map(([, short]) => short)
    .join(',');
}

/** Go's %s of an access mode slice: '[ReadWriteOnce ReadOnlyMany]'. */
export function accessModesList(modes: unknown): string {
  return `[${strs(modes).join(' ')}]`;
}

/** storageutil.GetPersistentVolumeClaimClass: spec.storageClassName, else the beta annotation. */
export function claimClass(pvc: unknown): string {
  const spec = str(at(pvc, 'spec', 'storageClassName'));
  if (spec !== '' || at(pvc, 'spec', 'storageClassName') !== undefined) return spec;
  return str(at(pvc, 'metadata', 'annotations', 'volume.beta.kubernetes.io/storage-class'));
}

/** The claim's fields; `full` adds name, namespace, status and finalizers (a real PVC, not a template). */
export function writeClaim(w: PrefixWriter, pvc: Record<string, unknown>, full: boolean, now: number): void {
  const meta = obj(pvc['metadata']);
  const spec = obj(pvc['spec']);
  const status = obj(pvc['status']);
  if (full) {
    w.write(LEVEL_0, `Name:\t${str(meta['name'])}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta['namespace'])}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
  if (full) {
    if (meta['deletionTimestamp']) w.write(LEVEL_0, `Status:\tTerminating (lasts ${ageSince(meta['deletionTimestamp'], now)})\n`);
    else w.write(LEVEL_0, `Status:\t${str(status['phase'])}\n`);
  }
  w.write(LEVEL_0, `Volume:\t${str(spec['volumeName'])}\n`);
  writeLabels(w, 'Labels', meta['labels']);
  writeAnnotations(w, 'Annotations', meta['annotations']);
  if (full) w.write(LEVEL_0, `Finalizers:\t[${strs(meta['finalizers']).join(' ')}]\n`);
  const bound = str(spec['volumeName']) !== '';
  w.write(LEVEL_0, `Capacity:\t${bound ? quantityText(at(status, 'capacity', 'storage') ?? '0') : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesText(status['accessModes']) : ''}\n`);
  if (spec['volumeMode'] !== undefined) w.write(LEVEL_0, `VolumeMode:\t${str(spec['volumeMode'])}\n`);
  if (spec['dataSource']) {
    const ds = obj(spec['dataSource']);
    w.write(LEVEL_0, 'DataSource:\n');
    if (ds['apiGroup'] !== undefined) w.write(LEVEL_1, `APIGroup:\t${str(ds['apiGroup'])}\n`);
    w.write(LEVEL_1, `Kind:\t${str(ds['kind'])}\n`);
    w.write(LEVEL_1, `Name:\t${str(ds['name'])}\n`);
  }
}
