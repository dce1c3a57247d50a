/**
 * `s` on a cron job: reads spec.suspend, then asks to suspend (or resume) naming the object and the
 * context, and patches it like `kubectl patch cronjob X -p '{"spec":{"suspend":true}}'`.
 */
import { Text } from 'ink';
import { useEffect, useState, type ReactElement } from 'react';
import { toKxError } from '../../kube/errors.ts';
import { isSuspended, setSuspended } from '../../kube/mutations/suspend-cronjob.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import type { PaneProps } from './pane-types.ts';

/** The pane: a confirmation once the current state is known. */
export function SuspendCronJobPane(props: PaneProps): ReactElement {
  const { target, client, onFlash, onClose } = props;
  const [suspended, setState] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let live = true;
    isSuspended(client, target).then(
      (now) => live && setState(now),
      (err: unknown) => {
        if (!live) return;
        onFlash({ text: toKxError(err).message, level: 'error' });
        onClose();
      },
    );
    return () => {
      live = false;
    };
  }, [client, target, onFlash, onClose]);
  if (suspended === undefined) return <Text>Reading cronjob.batch/{target.name}…</Text>;
  const where = `cronjob.batch/${target.name} in namespace ${target.namespace} on context ${props.contextName}`;
  return (
    <ConfirmDialog
      title={suspended ? `Resume ${where}?` : `Suspend ${where}?`}
      lines={[suspended ? 'It schedules jobs again from its next run time.' : 'No new jobs are scheduled until it is resumed; running jobs go on.']}
      width={props.width}
      active={props.active}
      onConfirm={async () => {
        props.gate.enter(suspended ? 'resume' : 'suspend');
        return setSuspended(client, target, !suspended);
      }}
      onClose={(outcome) => {
        if (outcome) onFlash(outcome);
        onClose();
      }}
    />
  );
}
