/** The built-in resources of a current (1.32) cluster, as the demo API server serves them. */
import { crudVerbs, type ResourceDef, type ScaleSpec } from './resource-def.ts';

const workloadScale: ScaleSpec = {
  specReplicasPath: '.spec.replicas',
  statusReplicasPath: '.status.replicas',
  labelSelectorPath: '.spec.selector',
};

interface Row {
  g: string;
  v: string[];
  plural: string;
  singular: string;
  kind: string;
  ns: boolean;
  short?: string[];
  all?: boolean;
  status?: boolean;
  scale?: boolean;
  verbs?: string[];
}

const rows: Row[] = [
  { g: '', v: ['v1'], plural: 'configmaps', singular: 'configmap', kind: 'ConfigMap', ns: true, short: ['cm'] },
  { g: '', v: ['v1'], plural: 'endpoints', singular: 'endpoints', kind: 'Endpoints', ns: true, short: ['ep'] },
  { g: '', v: ['v1'], plural: 'events', singular: 'event', kind: 'Event', ns: true, short: ['ev'] },
  { g: '', v: ['v1'], plural: 'limitranges', singular: 'limitrange', kind: 'LimitRange', ns: true, short: ['limits'] },
  { g: '', v: ['v1'], plural: 'namespaces', singular: 'namespace', kind: 'Namespace', ns: false, short: ['ns'], status: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
  { g: '', v: ['v1'], plural: 'nodes', singular: 'node', kind: 'Node', ns: false, short: ['no'], status: true },
  { g: '', v: ['v1'], plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', kind: 'PersistentVolumeClaim', ns: true, short: ['pvc'], status: true },
  { g: '', v: ['v1'], plural: 'persistentvolumes', singular: 'persistentvolume', kind: 'PersistentVolume', ns: false, short: ['pv'], status: true },
  { g: '', v: ['v1'], plural: 'pods', singular: 'pod', kind: 'Pod', ns: true, short: ['po'], all: true, status: true },
  { g: '', v: ['v1'], plural: 'podtemplates', singular: 'podtemplate', kind: 'PodTemplate', ns: true },
  { g: '', v: ['v1'], plural: 'resourcequotas', singular: 'resourcequota', kind: 'ResourceQuota', ns: true, short: ['quota'], status: true },
  { g: '', v: ['v1'], plural: 'secrets', singular: 'secret', kind: 'Secret', ns: true },
  { g: '', v: ['v1'], plural: 'serviceaccounts', singular: 'serviceaccount', kind: 'ServiceAccount', ns: true, short: ['sa'] },
  {
    g: '',
    v: ['v1'],
    plural: 'services',
    singular: 'service',
    kind: 'Service',
    ns: true,
    short: ['svc'],
    all: true,
    status: true,
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  },
  { g: 'apps', v: ['v1'], plural: 'controllerrevisions', singular: 'controllerrevision', kind: 'ControllerRevision', ns: true },
  { g: 'apps', v: ['v1'], plural: 'daemonsets', singular: 'daemonset', kind: 'DaemonSet', ns: true, short: ['ds'], all: true, status: true },
  { g: 'apps', v: ['v1'], plural: 'deployments', singular: 'deployment', kind: 'Deployment', ns: true, short: ['deploy'], all: true, status: true, scale: true },
  { g: 'apps', v: ['v1'], plural: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', ns: true, short: ['rs'], all: true, status: true, scale: true },
  { g: 'apps', v: ['v1'], plural: 'statefulsets', singular: 'statefulset', kind: 'StatefulSet', ns: true, short: ['sts'], all: true, status: true, scale: true },
  { g: 'autoscaling', v: ['v2', 'v1'], plural: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', kind: 'HorizontalPodAutoscaler', ns: true, short: ['hpa'], all: true, status: true },
  { g: 'batch', v: ['v1'], plural: 'cronjobs', singular: 'cronjob', kind: 'CronJob', ns: true, short: ['cj'], all: true, status: true },
  { g: 'batch', v: ['v1'], plural: 'jobs', singular: 'job', kind: 'Job', ns: true, all: true, status: true },
  { g: 'networking.k8s.io', v: ['v1'], plural: 'ingressclasses', singular: 'ingressclass', kind: 'IngressClass', ns: false },
  { g: 'networking.k8s.io', v: ['v1'], plural: 'ingresses', singular: 'ingress', kind: 'Ingress', ns: true, short: ['ing'], status: true },
  { g: 'networking.k8s.io', v: ['v1'], plural: 'networkpolicies', singular: 'networkpolicy', kind: 'NetworkPolicy', ns: true, short: ['netpol'] },
  { g: 'discovery.k8s.io', v: ['v1'], plural: 'endpointslices', singular: 'endpointslice', kind: 'EndpointSlice', ns: true },
  { g: 'policy', v: ['v1'], plural: 'poddisruptionbudgets', singular: 'poddisruptionbudget', kind: 'PodDisruptionBudget', ns: true, short: ['pdb'], status: true },
  { g: 'rbac.authorization.k8s.io', v: ['v1'], plural: 'clusterrolebindings', singular: 'clusterrolebinding', kind: 'ClusterRoleBinding', ns: false },
  { g: 'rbac.authorization.k8s.io', v: ['v1'], plural: 'clusterroles', singular: 'clusterrole', kind: 'ClusterRole', ns: false },
  { g: 'rbac.authorization.k8s.io', v: ['v1'], plural: 'rolebindings', singular: 'rolebinding', kind: 'RoleBinding', ns: true },
  { g: 'rbac.authorization.k8s.io', v: ['v1'], plural: 'roles', singular: 'role', kind: 'Role', ns: true },
  { g: 'scheduling.k8s.io', v: ['v1'], plural: 'priorityclasses', singular: 'priorityclass', kind: 'PriorityClass', ns: false, short: ['pc'] },
  { g: 'storage.k8s.io', v: ['v1'], plural: 'storageclasses', singular: 'storageclass', kind: 'StorageClass', ns: false, short: ['sc'] },
  // What cluster add-ons' manifests carry (CSI drivers, admission webhooks, runtime classes,
  // certificate requests): stored and listed as a real server does; the demo calls no webhook.
  { g: 'storage.k8s.io', v: ['v1'], plural: 'csidrivers', singular: 'csidriver', kind: 'CSIDriver', ns: false },
  { g: 'storage.k8s.io', v: ['v1'], plural: 'csinodes', singular: 'csinode', kind: 'CSINode', ns: false },
  { g: 'storage.k8s.io', v: ['v1'], plural: 'volumeattachments', singular: 'volumeattachment', kind: 'VolumeAttachment', ns: false, status: true },
  { g: 'admissionregistration.k8s.io', v: ['v1'], plural: 'mutatingwebhookconfigurations', singular: 'mutatingwebhookconfiguration', kind: 'MutatingWebhookConfiguration', ns: false },
  { g: 'admissionregistration.k8s.io', v: ['v1'], plural: 'validatingwebhookconfigurations', singular: 'validatingwebhookconfiguration', kind: 'ValidatingWebhookConfiguration', ns: false },
  { g: 'admissionregistration.k8s.io', v: ['v1'], plural: 'validatingadmissionpolicies', singular: 'validatingadmissionpolicy', kind: 'ValidatingAdmissionPolicy', ns: false, status: true },
  { g: 'admissionregistration.k8s.io', v: ['v1'], plural: 'validatingadmissionpolicybindings', singular: 'validatingadmissionpolicybinding', kind: 'ValidatingAdmissionPolicyBinding', ns: false },
  { g: 'node.k8s.io', v: ['v1'], plural: 'runtimeclasses', singular: 'runtimeclass', kind: 'RuntimeClass', ns: false },
  { g: 'certificates.k8s.io', v: ['v1'], plural: 'certificatesigningrequests', singular: 'certificatesigningrequest', kind: 'CertificateSigningRequest', ns: false, short: ['csr'], status: true },
  { g: 'coordination.k8s.io', v: ['v1'], plural: 'leases', singular: 'lease', kind: 'Lease', ns: true },
  { g: 'events.k8s.io', v: ['v1'], plural: 'events', singular: 'event', kind: 'Event', ns: true, short: ['ev'] },
  {
    g: 'apiextensions.k8s.io',
    v: ['v1'],
    plural: 'customresourcedefinitions',
    singular: 'customresourcedefinition',
    kind: 'CustomResourceDefinition',
    ns: false,
    short: ['crd', 'crds'],
    status: true,
  },
  { g: 'authorization.k8s.io', v: ['v1'], plural: 'selfsubjectaccessreviews', singular: 'selfsubjectaccessreview', kind: 'SelfSubjectAccessReview', ns: false, verbs: ['create'] },
  { g: 'authorization.k8s.io', v: ['v1'], plural: 'selfsubjectrulesreviews', singular: 'selfsubjectrulesreview', kind: 'SelfSubjectRulesReview', ns: false, verbs: ['create'] },
  { g: 'authentication.k8s.io', v: ['v1'], plural: 'selfsubjectreviews', singular: 'selfsubjectreview', kind: 'SelfSubjectReview', ns: false, verbs: ['create'] },
];

/** Builds the built-in resource definitions (fresh objects, so a caller may keep them). */
export function builtinResources(): ResourceDef[] {
  return rows.map((r) => ({
    group: r.g,
    versions: [...r.v],
    plural: r.plural,
    singular: r.singular,
    kind: r.kind,
    namespaced: r.ns,
    shortNames: r.short ? [...r.short] : [],
    categories: r.all ? ['all'] : [],
    verbs: r.verbs ? [...r.verbs] : [...crudVerbs],
    subresources: {
      ...(r.status ? { status: true } : {}),
      ...(r.scale ? { scale: workloadScale } : {}),
      ...(r.plural === 'pods' && r.g === '' ? { log: true, exec: true, portforward: true, attach: true, eviction: true } : {}),
      ...(r.plural === 'certificatesigningrequests' ? { approval: true } : {}),
      ...(r.plural === 'serviceaccounts' && r.g === '' ? { token: true } : {}),
    },
  }));
}
