/**
 * Tables of the kinds cluster add-ons install (CSI drivers, admission webhooks and policies,
 * runtime classes, certificate requests, pod templates), with the API server's printer columns.
 */
import { age, humanDuration } from './age.ts';
import { ageColumn, arr, at, col, containersAndImages, formatLabels, nameColumn, str, type ColumnSet } from './columns.ts';

/** Mutating and validating webhook configurations: how many webhooks each holds. */
export const webhookConfigurationColumns: ColumnSet = {
  columns: [nameColumn, col('Webhooks', 'integer'), ageColumn],
  cells: (o, now) => [o.metadata.name, arr(o, 'webhooks').length, age(o.metadata.creationTimestamp, now)],
};

export const validatingAdmissionPolicyColumns: ColumnSet = {
  columns: [nameColumn, col('Validations', 'integer'), col('ParamKind', 'string'), ageColumn],
  cells: (o, now) => {
    const param = at(o, 'spec', 'paramKind');
    return [o.metadata.name, arr(o, 'spec', 'validations').length, param ? `${str(param, 'apiVersion')}/${str(param, 'kind')}` : '<unset>', age(o.metadata.creationTimestamp, now)];
  },
};

export const validatingAdmissionPolicyBindingColumns: ColumnSet = {
  columns: [nameColumn, col('PolicyName', 'string'), col('ParamRef', 'string'), ageColumn],
  cells: (o, now) => {
    const ref = at(o, 'spec', 'paramRef');
    const name = str(ref, 'name');
    const namespace = str(ref, 'namespace');
    const param = !ref ? '<unset>' : name ? (namespace ? `${namespace}/${name}` : `*/${name}`) : formatLabels(at(ref, 'selector', 'matchLabels'));
    return [o.metadata.name, str(o, 'spec', 'policyName'), param, age(o.metadata.creationTimestamp, now)];
  },
};

export const runtimeClassColumns: ColumnSet = {
  columns: [nameColumn, col('Handler', 'string'), ageColumn],
  cells: (o, now) => [o.metadata.name, str(o, 'handler'), age(o.metadata.creationTimestamp, now)],
};

export const csiDriverColumns: ColumnSet = {
  columns: [
    nameColumn,
    col('AttachRequired', 'boolean'),
    col('PodInfoOnMount', 'boolean'),
    col('StorageCapacity', 'boolean'),
    col('TokenRequests', 'string'),
    col('RequiresRepublish', 'boolean'),
    col('Modes', 'string'),
    ageColumn,
  ],
  cells: (o, now) => {
    const tokens = arr<{ audience?: string }>(o, 'spec', 'tokenRequests');
    const modes = arr<string>(o, 'spec', 'volumeLifecycleModes');
    return [
      o.metadata.name,
      at(o, 'spec', 'attachRequired') !== false,
      at(o, 'spec', 'podInfoOnMount') === true,
      at(o, 'spec', 'storageCapacity') === true,
      tokens.length > 0 ? tokens.map((t) => t.audience ?? '').join(',') : '<unset>',
      at(o, 'spec', 'requiresRepublish') === true,
      modes.length > 0 ? modes.join(',') : '<none>',
      age(o.metadata.creationTimestamp, now),
    ];
  },
};

export const csiNodeColumns: ColumnSet = {
  columns: [nameColumn, col('Drivers', 'integer'), ageColumn],
  cells: (o, now) => [o.metadata.name, arr(o, 'spec', 'drivers').length, age(o.metadata.creationTimestamp, now)],
};

export const volumeAttachmentColumns: ColumnSet = {
  columns: [nameColumn, col('Attacher', 'string'), col('PV', 'string'), col('Node', 'string'), col('Attached', 'boolean'), ageColumn],
  cells: (o, now) => [
    o.metadata.name,
    str(o, 'spec', 'attacher'),
    str(o, 'spec', 'source', 'persistentVolumeName'),
    str(o, 'spec', 'nodeName'),
    at(o, 'status', 'attached') === true,
    age(o.metadata.creationTimestamp, now),
  ],
};

export const certificateSigningRequestColumns: ColumnSet = {
  columns: [nameColumn, ageColumn, col('SignerName', 'string'), col('Requestor', 'string'), col('RequestedDuration', 'string'), col('Condition', 'string')],
  cells: (o, now) => {
    const seconds = at(o, 'spec', 'expirationSeconds');
    const conditions = arr<{ type?: string }>(o, 'status', 'conditions').map((c) => c.type ?? '');
    return [
      o.metadata.name,
      age(o.metadata.creationTimestamp, now),
      str(o, 'spec', 'signerName'),
      str(o, 'spec', 'username'),
      typeof seconds === 'number' ? humanDuration(seconds * 1000) : '<none>',
      conditions.length > 0 ? conditions.join(',') : 'Pending',
    ];
  },
};

/** PodTemplate: its containers, images and pod labels (no age column, as the server prints it). */
export const podTemplateColumns: ColumnSet = {
  columns: [nameColumn, col('Containers', 'string'), col('Images', 'string'), col('Pod Labels', 'string')],
  cells: (o) => {
    const [containers, images] = containersAndImages(o, 'template', 'spec');
    return [o.metadata.name, containers, images, formatLabels(at(o, 'template', 'metadata', 'labels'))];
  },
};
