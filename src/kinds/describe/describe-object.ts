/**
 * The describe registry: which describe function a kind gets (by API group and kind, as kubectl's
 * describerMap), the generic one for everything else, custom resources included.
 */
import type { KubeObject } from '../../kube/object.ts';
import type { Describer, DescribeRelated } from './describe-types.ts';
import { describeConfigMap, describeNamespace, describeSecret } from './describe-config.ts';
import { describeDeployment } from './describe-deployment.ts';
import { describeGeneric } from './describe-generic.ts';
import { describeHpa } from './describe-hpa.ts';
import { describeCronJob, describeJob } from './describe-jobs.ts';
import { describeEndpoints, describeIngress, describePvc } from './describe-network.ts';
import { describeNode } from './describe-node.ts';
import { describePod } from './describe-pod.ts';
import { describeService } from './describe-service.ts';
import { describeDaemonSet, describeReplicaSet, describeStatefulSet } from './describe-workloads.ts';

/** 'group/Kind' ('' group for core) → describer. */
const describers: Record<string, Describer> = {
  '/Pod': describePod,
  '/Service': describeService,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/PersistentVolumeClaim': describePvc,
  '/Endpoints': describeEndpoints,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/StatefulSet': describeStatefulSet,
  'apps/DaemonSet': describeDaemonSet,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'autoscaling/HorizontalPodAutoscaler': describeHpa,
  'networking.k8s.io/Ingress': describeIngress,
  'extensions/Ingress': describeIngress,
};

/** The API group of an object, from its apiVersion ('apps/v1' → 'apps', 'v1' → ''). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The describer kubectl would use for this group and kind (the generic one when there is none). */
export function describerFor(group: string, kind: string): Describer {
  return describers[`${group}/${kind}`] ?? describeGeneric;
}

/** kubectl-describe-like lines for `object`, given the related objects it needs. */
export function describeObject(object: KubeObject, related: DescribeRelated, now: number): string[] {
  return describerFor(groupOf(object.apiVersion), object.kind)({ object, related, now });
}
