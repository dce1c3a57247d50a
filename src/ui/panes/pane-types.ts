/**
 * What every pane (describe, YAML, logs, scale, rollout history, confirmations) is given by the
 * explorer: the object it is about, the client to ask, its box on screen and whether it has the
 * keyboard. Panes fetch what they need themselves, so the table's cache stays slim.
 */
import type { ApiClient } from '../../kube/api-client.ts';
import type { ResourceInfo } from '../../kube/resource-info.ts';
import type { WriteGate } from '../../kube/access/write-gate.ts';

/** The object a pane is about. `namespace` is '' for cluster-scoped objects. */
export interface ObjectTarget {
  resource: ResourceInfo;
  namespace: string;
  name: string;
  uid?: string | undefined;
}

/** A short message for the status line ('deployment.apps/web scaled'). */
export interface PaneFlash {
  text: string;
  level: 'info' | 'error';
}

/** Props every pane takes. */
export interface PaneProps {
  client: ApiClient;
  target: ObjectTarget;
  /** The kubeconfig context's name, for confirmations that name object and context. */
  contextName: string;
  width: number;
  height: number;
  /** Whether the pane has the keyboard. */
  active: boolean;
  /** Read-only mode: panes offer no write and check it again at the moment they would write. */
  gate: WriteGate;
  onClose: () => void;
  onFlash: (flash: PaneFlash) => void;
}
