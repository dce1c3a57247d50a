/**
 * The persistent volume controller with the demo's storage class's provisioner (local-path): a
 * claim of a class whose volumes this cluster provisions gets its PersistentVolume (`pvc-UID`) and
 * is bound — at once for an Immediate class, when a pod that uses it is scheduled for a
 * WaitForFirstConsumer one — and a bound volume whose claim goes is deleted or released as its
 * reclaim policy says. Claims of other classes (a static volume like nfs-archive) are left alone.
 */
import type { KubeObject } from '../../../kube/object.ts';
import type { ScenarioContext } from '../context.ts';
import { secondsSinceCreated } from '../meta.ts';
import { R } from '../refs.ts';

type Json = Record<string, unknown>;

interface ClaimSpec {
  storageClassName?: string;
  volumeName?: string;
  accessModes?: string[];
  volumeMode?: string;
  resources?: { requests?: { storage?: string } };
}

/** The provisioner whose volumes the demo makes, and where it keeps them on a node. */
const provisioner = 'rancher.io/local-path';

function classOf(ctx: ScenarioContext, claim: KubeObject): KubeObject | undefined {
  const name = (claim.spec as ClaimSpec | undefined)?.storageClassName;
  const cls = name ? ctx.store.get(R.storageclasses, undefined, name) : undefined;
  return cls && (cls as { provisioner?: string }).provisioner === provisioner ? cls : undefined;
}

/** The node of a scheduled pod that mounts the claim, if any. */
function consumerNode(ctx: ScenarioContext, claim: KubeObject): string | undefined {
  for (const pod of ctx.store.list(R.pods, claim.metadata.namespace)) {
    const spec = (pod.spec ?? {}) as { nodeName?: string; volumes?: { persistentVolumeClaim?: { claimName?: string } }[] };
    if (spec.nodeName && (spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim.metadata.name)) return spec.nodeName;
  }
  return undefined;
}

/** Provisions and binds one claim when its class and binding mode say it is time. */
export function syncClaim(ctx: ScenarioContext, namespace: string | undefined, name: string): void {
  const claim = ctx.store.get(R.pvcs, namespace, name);
  if (!claim || claim.metadata.deletionTimestamp) return;
  const spec = (claim.spec ?? {}) as ClaimSpec;
  const cls = classOf(ctx, claim);
  if (!cls) return;
  const volumeName = spec.volumeName || `pvc-${claim.metadata.uid}`;
  if (spec.volumeName && ctx.store.get(R.pvs, undefined, volumeName)) return;
  const waits = (cls as { volumeBindingMode?: string }).volumeBindingMode === 'WaitForFirstConsumer';
  const node = consumerNode(ctx, claim);
  // A claim made with its volume name already set (a StatefulSet's) was provisioned in the past.
  if (waits && !node && !spec.volumeName) return;
  const storage = spec.resources?.requests?.storage ?? '1Gi';
  const accessModes = spec.accessModes ?? ['ReadWriteOnce'];
  const reclaim = (cls as { reclaimPolicy?: string }).reclaimPolicy ?? 'Delete';
  ctx.create(
    R.pvs,
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: volumeName, uid: '', annotations: { 'pv.kubernetes.io/provisioned-by': provisioner }, finalizers: ['kubernetes.io/pv-protection'] },
      spec: {
        capacity: { storage },
        accessModes,
        persistentVolumeReclaimPolicy: reclaim,
        storageClassName: cls.metadata.name,
        volumeMode: spec.volumeMode ?? 'Filesystem',
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name, namespace, uid: claim.metadata.uid, resourceVersion: claim.metadata.resourceVersion },
        hostPath: { path: `/var/local-path-provisioner/${volumeName}_${namespace ?? ''}_${name}`, type: 'DirectoryOrCreate' },
        ...(node ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } } : {}),
      },
      status: { phase: 'Bound' },
    },
    // At boot a volume is as old as the claim it was made for.
    secondsSinceCreated(claim),
  );
  if (spec.volumeName) return;
  ctx.store.mutate(R.pvcs, namespace, name, (d) => {
    d.metadata.annotations = {
      ...d.metadata.annotations,
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.kubernetes.io/storage-provisioner': provisioner,
      ...(node ? { 'volume.kubernetes.io/selected-node': node } : {}),
    };
    (d.spec as ClaimSpec).volumeName = volumeName;
    d.status = { phase: 'Bound', accessModes, capacity: { storage } };
  });
}

/** A claim is gone: its dynamically provisioned volume goes too (Delete), or is Released (Retain). */
export function releaseVolume(ctx: ScenarioContext, claim: KubeObject): void {
  const volumeName = (claim.spec as ClaimSpec | undefined)?.volumeName;
  const pv = volumeName ? ctx.store.get(R.pvs, undefined, volumeName) : undefined;
  if (!pv || ((pv.spec as Json | undefined)?.claimRef as Json | undefined)?.uid !== claim.metadata.uid) return;
  if ((pv.spec as { persistentVolumeReclaimPolicy?: string } | undefined)?.persistentVolumeReclaimPolicy === 'Delete') {
    ctx.store.mutate(R.pvs, undefined, pv.metadata.name, (d) => {
      d.metadata.finalizers = [];
    });
    ctx.store.delete(R.pvs, undefined, pv.metadata.name);
  } else {
    ctx.store.mutate(R.pvs, undefined, pv.metadata.name, (d) => {
      d.status = { phase: 'Released' };
    });
  }
}

/** The claims a pod mounts (their provisioning may wait for it to be scheduled). */
export function claimsOf(pod: KubeObject): string[] {
  const volumes = ((pod.spec ?? {}) as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] }).volumes ?? [];
  return volumes.map((v) => v.persistentVolumeClaim?.claimName).filter((n): n is string => typeof n === 'string');
}
