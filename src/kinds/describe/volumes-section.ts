/** The Volumes section of a pod or pod template: one block per volume, by source type, as kubectl words it. */
import { at, num, obj, objs, str, strs } from '../json.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, nestedWriter, type PrefixWriter } from './describe-writer.ts';
import { goValue } from './meta-sections.ts';
import { writeClaim } from './pvc-section.ts';
import { formatQuantity, parseQuantity } from '../../kube/quantity.ts';

type Json = Record<string, unknown>;

/** A source kubectl prints as a fixed list of fields: its title line and the fields (label, JSON key, default). */
interface SimpleSource {
  title: string;
  fields: [label: string, key: string, fallback?: string][];
}

const simpleSources: Record<string, SimpleSource> = {
  gcePersistentDisk: {
    title: 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)',
    fields: [
      ['PDName', 'pdName'],
      ['FSType', 'fsType'],
      ['Partition', 'partition', '0'],
      ['ReadOnly', 'readOnly', 'false'],
    ],
  },
  awsElasticBlockStore: {
    title: 'AWSElasticBlockStore (a Persistent Disk resource in AWS)',
    fields: [
      ['VolumeID', 'volumeID'],
      ['FSType', 'fsType'],
      ['Partition', 'partition', '0'],
      ['ReadOnly', 'readOnly', 'false'],
    ],
  },
  gitRepo: {
    title: 'GitRepo (a volume that is pulled from git when the pod is created)',
    fields: [
      ['Repository', 'repository'],
      ['Revision', 'revision'],
    ],
  },
  nfs: {
    title: 'NFS (an NFS mount that lasts the lifetime of a pod)',
    fields: [
      ['Server', 'server'],
      ['Path', 'path'],
      ['ReadOnly', 'readOnly', 'false'],
    ],
  },
  persistentVolumeClaim: {
    title: 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
    fields: [
      ['ClaimName', 'claimName'],
      ['ReadOnly', 'readOnly', 'false'],
    ],
  },
  flocker: {
    title: 'Flocker (a Flocker volume mounted by the Flocker agent)',
    fields: [
      ['DatasetName', 'datasetName'],
      ['DatasetUUID', 'datasetUUID'],
    ],
  },
};

/** describeVolumes: 'Volumes: <none>' or one block per volume; `space` is '  ' inside a pod template. */
export function writeVolumes(w: PrefixWriter, volumes: unknown, space: string): void {
  const list = objs(volumes);
  if (list.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${str(v['name'])}:\n`);
    writeSource(w, v);
  }
}

function writeSource(w: PrefixWriter, v: Json): void {
  if (v['hostPath']) {
    const h = obj(v['hostPath']);
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(h['path'])}\n    HostPathType:\t${h['type'] !== undefined ? str(h['type']) : '<none>'}\n`);
  } else if (v['emptyDir']) {
    const e = obj(v['emptyDir']);
    const size = parseQuantity(e['sizeLimit']);
    const limit = size && size.mantissa > 0n ? formatQuantity(size) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(e['medium'])}\n    SizeLimit:\t${limit}\n`);
  } else if (v['secret']) {
    const s = obj(v['secret']);
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(s['secretName'])}\n    Optional:\t${s['optional'] === true}\n`);
  } else if (v['configMap']) {
    const c = obj(v['configMap']);
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(c['name'])}\n    Optional:\t${c['optional'] === true}\n`);
  } else if (v['projected']) {
    writeProjected(w, obj(v['projected']));
  } else if (v['downwardAPI']) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of objs(at(v, 'downwardAPI', 'items'))) {
      if (item['fieldRef']) w.write(LEVEL_3, `${str(at(item, 'fieldRef', 'fieldPath'))} -> ${str(item['path'])}\n`);
      if (item['resourceFieldRef']) w.write(LEVEL_3, `${str(at(item, 'resourceFieldRef', 'resource'))} -> ${str(item['path'])}\n`);
    }
  } else if (v['ephemeral']) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
    const template = at(v, 'ephemeral', 'volumeClaimTemplate');
    if (template) writeClaim(nestedWriter(w, LEVEL_2), obj(template), false, 0);
  } else if (v['csi']) {
    const c = obj(v['csi']);
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(c['driver'])}\n    FSType:\t${str(c['fsType'])}\n    ReadOnly:\t${c['readOnly'] === true}\n`);
    writeAttributes(w, 'VolumeAttributes', obj(c['volumeAttributes']));
  } else if (v['image']) {
    const i = obj(v['image']);
    w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${str(i['reference'])}\n    PullPolicy:\t${str(i['pullPolicy'])}\n`);
  } else {
    writeOtherSource(w, v);
  }
}

function writeProjected(w: PrefixWriter, projected: Json): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of objs(projected['sources'])) {
    if (source['secret']) {
      w.write(LEVEL_2, `SecretName:\t${str(at(source, 'secret', 'name'))}\n    SecretOptionalName:\t${optionalText(at(source, 'secret', 'optional'))}\n`);
    } else if (source['downwardAPI']) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (source['configMap']) {
      w.write(LEVEL_2, `ConfigMapName:\t${str(at(source, 'configMap', 'name'))}\n    ConfigMapOptional:\t${optionalText(at(source, 'configMap', 'optional'))}\n`);
    } else if (source['serviceAccountToken']) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${num(at(source, 'serviceAccountToken', 'expirationSeconds'))}\n`);
    }
  }
}

/** kubectl prints the *bool itself: <nil> when unset (a set one it prints as an address; kx shows the value). */
function optionalText(value: unknown): string {
  return typeof value === 'boolean' ? String(value) : '<nil>';
}

function writeAttributes(w: PrefixWriter, title: string, attributes: Json): void {
  // kubectl indents every piece of these lines (each write is at level 2), so continuation lines
  // carry the indent twice; kept as is, so the text matches.
  w.write(LEVEL_2, `${title}:\t`);
  const keys = Object.keys(attributes).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${goValue(attributes[key])}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

/** The remaining (mostly legacy) sources: kubectl's title where it is fixed-form, else the source's own fields. */
function writeOtherSource(w: PrefixWriter, v: Json): void {
  const key = Object.keys(v).find((k) => k !== 'name');
  if (key === undefined) {
    w.write(LEVEL_1, '<unknown>\n');
    return;
  }
  const source = obj(v[key]);
  const simple = simpleSources[key];
  if (simple) {
    let text = `Type:\t${simple.title}\n`;
    for (const [label, field, fallback] of simple.fields) {
      text += `    ${label}:\t${source[field] === undefined ? (fallback ?? '') : goValue(source[field])}\n`;
    }
    w.write(LEVEL_2, text);
    return;
  }
  w.write(LEVEL_2, `Type:\t${key[0]!.toUpperCase()}${key.slice(1)}\n`);
  for (const field of Object.keys(source).sort()) {
    const value = source[field];
    const text = Array.isArray(value) ? strs(value).join(',') : typeof value === 'object' && value !== null ? JSON.stringify(value) : goValue(value);
    w.write(LEVEL_2, `${field[0]!.toUpperCase()}${field.slice(1)}:\t${text}\n`);
  }
}
