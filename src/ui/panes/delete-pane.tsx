/**
 * Delete (ctrl-d) and kill (ctrl-k, a pod deleted with grace period 0) after a confirmation that
 * names the object and the context. An object already Terminating shows what its deletion waits
 * for (its finalizers), since deleting it again will not make it go.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { deleteObject, forceWarning, kubectlKind, terminationOf, type Termination } from '../../kube/mutations/delete.ts';
import type { KubeObject } from '../../kube/object.ts';
import { resourcePath } from '../../kube/resource-info.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import type { PaneProps } from './pane-types.ts';

/** Props of DeletePane. */
export interface DeletePaneProps extends PaneProps {
  force: boolean;
}

/** The delete confirmation for one object. */
export function DeletePane(props: DeletePaneProps): ReactElement {
  const { client, target } = props;
  const [termination, setTermination] = useState<Termination | undefined>(undefined);
  useEffect(() => {
    const abort = new AbortController();
    client
      .get<KubeObject>(resourcePath(target.resource, target.namespace, target.name), { signal: abort.signal })
      .then((obj) => setTermination(terminationOf(obj)))
      .catch(() => undefined);
    return () => abort.abort();
  }, [client, target.resource, target.namespace, target.name]);

  const what = `${kubectlKind(target.resource)}/${target.name}`;
  const where = target.namespace ? ` in namespace ${target.namespace}` : '';
  const title = `${props.force ? 'Force delete' : 'Delete'} ${what}${where} on context ${props.contextName}?`;
  const lines: string[] = [];
  if (props.force) lines.push(`Warning: ${forceWarning}`);
  if (termination?.terminating) {
    lines.push(
      termination.finalizers.length > 0
        ? `It is already terminating and waits for its finalizers: ${termination.finalizers.join(', ')}. Deleting again will not remove it until they are done.`
        : 'It is already terminating.',
    );
  }
  return (
    <ConfirmDialog
      title={title}
      lines={lines}
      width={props.width}
      active={props.active}
      onConfirm={async () => {
        props.gate.enter(props.force ? 'kill' : 'delete');
        return deleteObject(client, target, { force: props.force });
      }}
      onClose={(outcome) => {
        if (outcome) props.onFlash(outcome);
        props.onClose();
      }}
    />
  );
}
