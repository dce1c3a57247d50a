/**
 * The protobuf messages the demo decodes: what kubectl 1.32's typed clients send, which is
 * protobuf and nothing else — `kubectl create namespace|configmap|secret|serviceaccount|deployment|
 * job|cronjob|service|quota|role|clusterrole|rolebinding|clusterrolebinding|pdb|priorityclass|
 * ingress`, `kubectl autoscale`, `kubectl auth can-i`, `kubectl certificate approve|deny` and `kubectl create token`. Field numbers are
 * Kubernetes' wire protocol (k8s.io/api's generated.proto, stable across releases). Only the
 * fields those commands and the demo's own objects carry are listed: a field not listed is
 * refused with its message and number named (a 415 that says to send JSON), never dropped silently.
 *
 * A field is `NUMBER NAME TYPE`, fields separated by `|`. TYPE is
 *   s string · b bytes (base64 in JSON) · i integer · t bool · time · intstr · quantity
 *   · a message name · {K:V} a map · a leading `*` repeats it · `-` skips it (status, which
 *   create and update ignore, and managedFields).
 * NAME may start with `^` (an embedded Go struct: its fields land in the parent, as JSON inlines
 * them) and TYPE may end in `!` (a pointer in Go: a zero value was set on purpose and is kept;
 * other zero values are what Go always writes for a plain field, and JSON's omitempty drops them).
 */
export const messages: Record<string, string> = {
  ObjectMeta:
    '1 name s|2 generateName s|3 namespace s|4 selfLink s|5 uid s|6 resourceVersion s|7 generation i|8 creationTimestamp time|9 deletionTimestamp time|10 deletionGracePeriodSeconds i!|11 labels {s:s}|12 annotations {s:s}|13 ownerReferences *OwnerReference|14 finalizers *s|17 managedFields -',
  OwnerReference: '1 kind s|3 name s|4 uid s|5 apiVersion s|6 controller t!|7 blockOwnerDeletion t!',
  LabelSelector: '1 matchLabels {s:s}|2 matchExpressions *LabelSelectorRequirement',
  LabelSelectorRequirement: '1 key s|2 operator s|3 values *s',

  Namespace: '1 metadata ObjectMeta|2 spec NamespaceSpec|3 status -',
  NamespaceSpec: '1 finalizers *s',
  ConfigMap: '1 metadata ObjectMeta|2 data {s:s}|3 binaryData {s:b}|4 immutable t!',
  Secret: '1 metadata ObjectMeta|2 data {s:b}|3 type s|4 stringData {s:s}|5 immutable t!',
  ServiceAccount: '1 metadata ObjectMeta|2 secrets *ObjectReference|3 imagePullSecrets *LocalObjectReference|4 automountServiceAccountToken t!',
  ObjectReference: '1 kind s|2 namespace s|3 name s|4 uid s|5 apiVersion s|6 resourceVersion s|7 fieldPath s',
  LocalObjectReference: '1 name s',
  Service: '1 metadata ObjectMeta|2 spec ServiceSpec|3 status -',
  ServiceSpec:
    '1 ports *ServicePort|2 selector {s:s}|3 clusterIP s|4 type s|5 externalIPs *s|7 sessionAffinity s|8 loadBalancerIP s|9 loadBalancerSourceRanges *s|10 externalName s|11 externalTrafficPolicy s|12 healthCheckNodePort i|13 publishNotReadyAddresses t|17 ipFamilyPolicy s|18 clusterIPs *s|19 ipFamilies *s|20 allocateLoadBalancerNodePorts t!|21 loadBalancerClass s|22 internalTrafficPolicy s|23 trafficDistribution s',
  ServicePort: '1 name s|2 protocol s|3 port i|4 targetPort intstr|5 nodePort i|6 appProtocol s',
  ResourceQuota: '1 metadata ObjectMeta|2 spec ResourceQuotaSpec|3 status -',
  ResourceQuotaSpec: '1 hard {s:quantity}|2 scopes *s|3 scopeSelector ScopeSelector',
  ScopeSelector: '1 matchExpressions *ScopedResourceSelectorRequirement',
  ScopedResourceSelectorRequirement: '1 scopeName s|2 operator s|3 values *s',

  Pod: '1 metadata ObjectMeta|2 spec PodSpec|3 status -',
  PodTemplateSpec: '1 metadata ObjectMeta|2 spec PodSpec',
  PodSpec:
    '1 volumes *Volume|2 containers *Container|3 restartPolicy s|4 terminationGracePeriodSeconds i!|5 activeDeadlineSeconds i!|6 dnsPolicy s|7 nodeSelector {s:s}|8 serviceAccountName s|9 serviceAccount s|10 nodeName s|11 hostNetwork t|12 hostPID t|13 hostIPC t|14 securityContext PodSecurityContext|15 imagePullSecrets *LocalObjectReference|16 hostname s|17 subdomain s|19 schedulerName s|20 initContainers *Container|21 automountServiceAccountToken t!|22 tolerations *Toleration|24 priorityClassName s|25 priority i!|27 shareProcessNamespace t!|29 runtimeClassName s|30 enableServiceLinks t!|31 preemptionPolicy s|35 setHostnameAsFQDN t!|37 hostUsers t!',
  Container:
    '1 name s|2 image s|3 command *s|4 args *s|5 workingDir s|6 ports *ContainerPort|7 env *EnvVar|8 resources ResourceRequirements|9 volumeMounts *VolumeMount|10 livenessProbe Probe|11 readinessProbe Probe|13 terminationMessagePath s|14 imagePullPolicy s|15 securityContext SecurityContext|16 stdin t|17 stdinOnce t|18 tty t|19 envFrom *EnvFromSource|20 terminationMessagePolicy s|22 startupProbe Probe|24 restartPolicy s',
  ContainerPort: '1 name s|2 hostPort i|3 containerPort i|4 protocol s|5 hostIP s',
  EnvVar: '1 name s|2 value s|3 valueFrom EnvVarSource',
  EnvVarSource: '1 fieldRef ObjectFieldSelector|2 resourceFieldRef ResourceFieldSelector|3 configMapKeyRef ConfigMapKeySelector|4 secretKeyRef SecretKeySelector',
  ObjectFieldSelector: '1 apiVersion s|2 fieldPath s',
  ResourceFieldSelector: '1 containerName s|2 resource s|3 divisor quantity',
  ConfigMapKeySelector: '1 ^localObjectReference LocalObjectReference|2 key s|3 optional t!',
  SecretKeySelector: '1 ^localObjectReference LocalObjectReference|2 key s|3 optional t!',
  EnvFromSource: '1 prefix s|2 configMapRef ConfigMapEnvSource|3 secretRef SecretEnvSource',
  ConfigMapEnvSource: '1 ^localObjectReference LocalObjectReference|2 optional t!',
  SecretEnvSource: '1 ^localObjectReference LocalObjectReference|2 optional t!',
  ResourceRequirements: '1 limits {s:quantity}|2 requests {s:quantity}',
  VolumeMount: '1 name s|2 readOnly t|3 mountPath s|4 subPath s|5 mountPropagation s|6 subPathExpr s|7 recursiveReadOnly s',
  Volume: '1 name s|2 ^volumeSource VolumeSource',
  VolumeSource:
    '1 hostPath HostPathVolumeSource|2 emptyDir EmptyDirVolumeSource|6 secret SecretVolumeSource|10 persistentVolumeClaim PersistentVolumeClaimVolumeSource|19 configMap ConfigMapVolumeSource',
  HostPathVolumeSource: '1 path s|2 type s',
  EmptyDirVolumeSource: '1 medium s|2 sizeLimit quantity',
  SecretVolumeSource: '1 secretName s|2 items *KeyToPath|3 defaultMode i!|4 optional t!',
  ConfigMapVolumeSource: '1 ^localObjectReference LocalObjectReference|2 items *KeyToPath|3 defaultMode i!|4 optional t!',
  PersistentVolumeClaimVolumeSource: '1 claimName s|2 readOnly t',
  KeyToPath: '1 key s|2 path s|3 mode i!',
  PodSecurityContext: '2 runAsUser i!|3 runAsNonRoot t!|4 supplementalGroups *i|5 fsGroup i!|6 runAsGroup i!|9 fsGroupChangePolicy s',
  SecurityContext: '1 capabilities Capabilities|2 privileged t!|4 runAsUser i!|5 runAsNonRoot t!|6 readOnlyRootFilesystem t!|7 allowPrivilegeEscalation t!|8 runAsGroup i!',
  Capabilities: '1 add *s|2 drop *s',
  Probe: '1 ^handler ProbeHandler|2 initialDelaySeconds i|3 timeoutSeconds i|4 periodSeconds i|5 successThreshold i|6 failureThreshold i|7 terminationGracePeriodSeconds i!',
  ProbeHandler: '1 exec ExecAction|2 httpGet HTTPGetAction|3 tcpSocket TCPSocketAction',
  ExecAction: '1 command *s',
  HTTPGetAction: '1 path s|2 port intstr|3 host s|4 scheme s',
  TCPSocketAction: '1 port intstr|2 host s',
  Toleration: '1 key s|2 operator s|3 value s|4 effect s|5 tolerationSeconds i!',

  Deployment: '1 metadata ObjectMeta|2 spec DeploymentSpec|3 status -',
  DeploymentSpec:
    '1 replicas i!|2 selector LabelSelector|3 template PodTemplateSpec|4 strategy DeploymentStrategy|5 minReadySeconds i|6 revisionHistoryLimit i!|7 paused t|9 progressDeadlineSeconds i!',
  DeploymentStrategy: '1 type s|2 rollingUpdate RollingUpdateDeployment',
  RollingUpdateDeployment: '1 maxUnavailable intstr|2 maxSurge intstr',

  Job: '1 metadata ObjectMeta|2 spec JobSpec|3 status -',
  JobSpec:
    '1 parallelism i!|2 completions i!|3 activeDeadlineSeconds i!|4 selector LabelSelector|5 manualSelector t!|6 template PodTemplateSpec|7 backoffLimit i!|8 ttlSecondsAfterFinished i!|9 completionMode s|10 suspend t!|12 backoffLimitPerIndex i!|13 maxFailedIndexes i!|14 podReplacementPolicy s|15 managedBy s',
  JobTemplateSpec: '1 metadata ObjectMeta|2 spec JobSpec',
  CronJob: '1 metadata ObjectMeta|2 spec CronJobSpec|3 status -',
  CronJobSpec: '1 schedule s|2 startingDeadlineSeconds i!|3 concurrencyPolicy s|4 suspend t!|5 jobTemplate JobTemplateSpec|6 successfulJobsHistoryLimit i!|7 failedJobsHistoryLimit i!|8 timeZone s',

  PodDisruptionBudget: '1 metadata ObjectMeta|2 spec PodDisruptionBudgetSpec|3 status -',
  PodDisruptionBudgetSpec: '1 minAvailable intstr|2 selector LabelSelector|3 maxUnavailable intstr|4 unhealthyPodEvictionPolicy s',

  Role: '1 metadata ObjectMeta|2 rules *PolicyRule',
  ClusterRole: '1 metadata ObjectMeta|2 rules *PolicyRule|3 aggregationRule AggregationRule',
  AggregationRule: '1 clusterRoleSelectors *LabelSelector',
  PolicyRule: '1 verbs *s|2 apiGroups *s|3 resources *s|4 resourceNames *s|5 nonResourceURLs *s',
  RoleBinding: '1 metadata ObjectMeta|2 subjects *Subject|3 roleRef RoleRef',
  ClusterRoleBinding: '1 metadata ObjectMeta|2 subjects *Subject|3 roleRef RoleRef',
  Subject: '1 kind s|2 apiGroup s|3 name s|4 namespace s',
  RoleRef: '1 apiGroup s|2 kind s|3 name s',

  Ingress: '1 metadata ObjectMeta|2 spec IngressSpec|3 status -',
  IngressSpec: '1 defaultBackend IngressBackend|2 tls *IngressTLS|3 rules *IngressRule|4 ingressClassName s',
  IngressBackend: '4 service IngressServiceBackend',
  IngressServiceBackend: '1 name s|2 port ServiceBackendPort',
  ServiceBackendPort: '1 name s|2 number i',
  IngressRule: '1 host s|2 ^ingressRuleValue IngressRuleValue',
  IngressRuleValue: '1 http HTTPIngressRuleValue',
  HTTPIngressRuleValue: '1 paths *HTTPIngressPath',
  HTTPIngressPath: '1 path s|2 backend IngressBackend|3 pathType s',
  IngressTLS: '1 hosts *s|2 secretName s',

  PriorityClass: '1 metadata ObjectMeta|2 value i!|3 globalDefault t|4 description s|5 preemptionPolicy s',

  HorizontalPodAutoscaler: '1 metadata ObjectMeta|2 spec HorizontalPodAutoscalerSpec|3 status -',
  HorizontalPodAutoscalerSpec: '1 scaleTargetRef CrossVersionObjectReference|2 minReplicas i!|3 maxReplicas i|4 targetCPUUtilizationPercentage i!',
  CrossVersionObjectReference: '1 kind s|2 name s|3 apiVersion s',

  SelfSubjectAccessReview: '1 metadata ObjectMeta|2 spec SelfSubjectAccessReviewSpec|3 status -',
  SelfSubjectAccessReviewSpec: '1 resourceAttributes ResourceAttributes|2 nonResourceAttributes NonResourceAttributes',
  ResourceAttributes: '1 namespace s|2 verb s|3 group s|4 version s|5 resource s|6 subresource s|7 name s|8 fieldSelector -|9 labelSelector -',
  NonResourceAttributes: '1 path s|2 verb s',
  SelfSubjectRulesReview: '1 metadata ObjectMeta|2 spec SelfSubjectRulesReviewSpec|3 status -',
  SelfSubjectRulesReviewSpec: '1 namespace s',

  // kubectl certificate approve|deny writes the whole request back with a condition added: status
  // is decoded here (it is what the approval subresource stores); extra is the server's to set.
  TokenRequest: '1 metadata ObjectMeta|2 spec TokenRequestSpec|3 status -',
  TokenRequestSpec: '1 audiences *s|3 boundObjectRef BoundObjectReference|4 expirationSeconds i!',
  BoundObjectReference: '1 kind s|2 apiVersion s|3 name s|4 uid s',
  CertificateSigningRequest: '1 metadata ObjectMeta|2 spec CertificateSigningRequestSpec|3 status CertificateSigningRequestStatus',
  CertificateSigningRequestSpec: '1 request b|2 username s|3 uid s|4 groups *s|5 usages *s|6 extra -|7 signerName s|8 expirationSeconds i!',
  CertificateSigningRequestStatus: '1 conditions *CertificateSigningRequestCondition|2 certificate b',
  CertificateSigningRequestCondition: '1 type s|2 reason s|3 message s|4 lastUpdateTime time|5 lastTransitionTime time|6 status s',
};

/** The top-level kinds, by the apiVersion and kind of the envelope's TypeMeta. */
export const roots: Record<string, string> = {
  'v1/Namespace': 'Namespace',
  'v1/ConfigMap': 'ConfigMap',
  'v1/Secret': 'Secret',
  'v1/ServiceAccount': 'ServiceAccount',
  'v1/Service': 'Service',
  'v1/ResourceQuota': 'ResourceQuota',
  'v1/Pod': 'Pod',
  'apps/v1/Deployment': 'Deployment',
  'batch/v1/Job': 'Job',
  'batch/v1/CronJob': 'CronJob',
  'policy/v1/PodDisruptionBudget': 'PodDisruptionBudget',
  'rbac.authorization.k8s.io/v1/Role': 'Role',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'ClusterRole',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'ClusterRoleBinding',
  'networking.k8s.io/v1/Ingress': 'Ingress',
  'scheduling.k8s.io/v1/PriorityClass': 'PriorityClass',
  'autoscaling/v1/HorizontalPodAutoscaler': 'HorizontalPodAutoscaler',
  'authorization.k8s.io/v1/SelfSubjectAccessReview': 'SelfSubjectAccessReview',
  'authorization.k8s.io/v1/SelfSubjectRulesReview': 'SelfSubjectRulesReview',
  'certificates.k8s.io/v1/CertificateSigningRequest': 'CertificateSigningRequest',
  'authentication.k8s.io/v1/TokenRequest': 'TokenRequest',
};
