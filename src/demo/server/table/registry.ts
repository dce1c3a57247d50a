/** Which column set renders which resource. */
import type { ResourceDef } from '../resource-def.ts';
import { apiServiceColumns } from './apiservice-columns.ts';
import {
  endpointSliceColumns,
  ingressClassColumns,
  leaseColumns,
  networkPolicyColumns,
  persistentVolumeColumns,
  podDisruptionBudgetColumns,
  resourceQuotaColumns,
  roleBindingColumns,
  serviceAccountColumns,
  storageClassColumns,
} from './cluster-columns.ts';
import type { ColumnSet } from './columns.ts';
import {
  certificateSigningRequestColumns,
  csiDriverColumns,
  csiNodeColumns,
  podTemplateColumns,
  runtimeClassColumns,
  validatingAdmissionPolicyBindingColumns,
  validatingAdmissionPolicyColumns,
  volumeAttachmentColumns,
  webhookConfigurationColumns,
} from './platform-columns.ts';
import { configMapColumns, endpointsColumns, eventColumns, ingressColumns, namespaceColumns, nodeColumns, priorityClassColumns, pvcColumns, secretColumns, serviceColumns } from './core-columns.ts';
import { customColumns, defaultColumns } from './default-columns.ts';
import { podColumns } from './pod-columns.ts';
import { cronJobColumns, daemonSetColumns, deploymentColumns, hpaColumns, jobColumns, replicaSetColumns, statefulSetColumns } from './workload-columns.ts';

const builtins = new Map<string, ColumnSet>([
  ['/pods', podColumns],
  ['/services', serviceColumns],
  ['/endpoints', endpointsColumns],
  ['/nodes', nodeColumns],
  ['/namespaces', namespaceColumns],
  ['/configmaps', configMapColumns],
  ['/secrets', secretColumns],
  ['/events', eventColumns],
  ['events.k8s.io/events', eventColumns],
  ['/persistentvolumeclaims', pvcColumns],
  ['apps/deployments', deploymentColumns],
  ['apps/replicasets', replicaSetColumns],
  ['apps/statefulsets', statefulSetColumns],
  ['apps/daemonsets', daemonSetColumns],
  ['batch/jobs', jobColumns],
  ['batch/cronjobs', cronJobColumns],
  ['autoscaling/horizontalpodautoscalers', hpaColumns],
  ['networking.k8s.io/ingresses', ingressColumns],
  ['scheduling.k8s.io/priorityclasses', priorityClassColumns],
  ['policy/poddisruptionbudgets', podDisruptionBudgetColumns],
  ['networking.k8s.io/networkpolicies', networkPolicyColumns],
  ['/serviceaccounts', serviceAccountColumns],
  ['/persistentvolumes', persistentVolumeColumns],
  ['rbac.authorization.k8s.io/rolebindings', roleBindingColumns],
  ['rbac.authorization.k8s.io/clusterrolebindings', roleBindingColumns],
  ['networking.k8s.io/ingressclasses', ingressClassColumns],
  ['storage.k8s.io/storageclasses', storageClassColumns],
  ['coordination.k8s.io/leases', leaseColumns],
  ['discovery.k8s.io/endpointslices', endpointSliceColumns],
  ['/resourcequotas', resourceQuotaColumns],
  ['/podtemplates', podTemplateColumns],
  ['storage.k8s.io/csidrivers', csiDriverColumns],
  ['storage.k8s.io/csinodes', csiNodeColumns],
  ['storage.k8s.io/volumeattachments', volumeAttachmentColumns],
  ['admissionregistration.k8s.io/mutatingwebhookconfigurations', webhookConfigurationColumns],
  ['admissionregistration.k8s.io/validatingwebhookconfigurations', webhookConfigurationColumns],
  ['admissionregistration.k8s.io/validatingadmissionpolicies', validatingAdmissionPolicyColumns],
  ['admissionregistration.k8s.io/validatingadmissionpolicybindings', validatingAdmissionPolicyBindingColumns],
  ['node.k8s.io/runtimeclasses', runtimeClassColumns],
  ['certificates.k8s.io/certificatesigningrequests', certificateSigningRequestColumns],
  ['apiregistration.k8s.io/apiservices', apiServiceColumns],
]);

/** The column set for a resource: built-in printer, CRD printer columns, or the default (Name, Created At). */
export function columnsFor(def: ResourceDef): ColumnSet {
  if (def.custom) return customColumns(def.printerColumns);
  return builtins.get(`${def.group}/${def.plural}`) ?? defaultColumns;
}
