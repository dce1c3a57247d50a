/**
 * The questions k9s asks before its quick node and cron job keys: cordon, uncordon (c, u on a
 * node) and trigger (t on a cron job). Each names the object and the context; `y` runs kubectl's
 * patch or `create job --from=cronjob/…`, and the write gate is asked again at that moment.
 */
import type { ReactElement } from 'react';
import { setUnschedulable } from '../../kube/mutations/cordon.ts';
import { manualJobName, triggerCronJob } from '../../kube/mutations/trigger-cronjob.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import type { PaneProps } from './pane-types.ts';

/** What the pane asks about. */
export type NodeCronAction = 'cordon' | 'uncordon' | 'trigger';

const what: Readonly<Record<NodeCronAction, { verb: string; kind: string; line: string }>> = {
  cordon: { verb: 'Cordon', kind: 'node', line: 'No new pods are scheduled on it; the pods there keep running (u uncordons).' },
  uncordon: { verb: 'Uncordon', kind: 'node', line: 'New pods may be scheduled on it again.' },
  trigger: { verb: 'Trigger', kind: 'cronjob.batch', line: 'A Job is created from its template now, as kubectl create job --from=cronjob/NAME does.' },
};

/** The confirmation, then the write. */
export function NodeCronConfirmPane(props: PaneProps & { action: NodeCronAction }): ReactElement {
  const { action, target, client } = props;
  const asked = what[action];
  const where = target.namespace ? ` in namespace ${target.namespace}` : '';
  return (
    <ConfirmDialog
      title={`${asked.verb} ${asked.kind}/${target.name}${where} on context ${props.contextName}?`}
      lines={[asked.line]}
      width={props.width}
      active={props.active}
      onConfirm={async () => {
        props.gate.enter(action === 'trigger' ? 'create job' : action);
        if (action === 'trigger') return triggerCronJob(client, { namespace: target.namespace, cronJob: target.name, job: manualJobName(target.name) });
        return setUnschedulable(client, target.name, action === 'cordon');
      }}
      onClose={(outcome) => {
        if (outcome) props.onFlash(outcome);
        props.onClose();
      }}
    />
  );
}
