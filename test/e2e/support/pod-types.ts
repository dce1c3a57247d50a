/** The fields of a Pod the e2e tests look at. */
export interface PodJson {
  metadata: { name: string; namespace: string; deletionTimestamp?: string; labels?: Record<string, string> };
  spec: { nodeName?: string };
  status: {
    phase?: string;
    podIP?: string;
    hostIP?: string;
    startTime?: string;
    conditions?: { type: string; status: string; reason?: string }[];
    initContainerStatuses?: ContainerStatusJson[];
    containerStatuses?: ContainerStatusJson[];
  };
}

/** A container status as the tests read it. */
export interface ContainerStatusJson {
  name: string;
  ready: boolean;
  restartCount: number;
  state: { running?: object; waiting?: { reason?: string }; terminated?: { exitCode: number; reason?: string } };
  lastState: { terminated?: { exitCode: number } };
}

/** A list as kubectl get -o json prints it. */
export interface ListJson<T> {
  items: T[];
}

/** Whether the pod's Ready condition is True. */
export function podReady(pod: PodJson): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
