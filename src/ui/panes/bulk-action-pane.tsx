/**
 * Delete, force delete or restart every marked object: one confirmation naming the count, the
 * first objects, the namespaces and the context; then each object in turn through the same
 * single-object mutation and the same write gate as ctrl-d, ctrl-k and r, with RBAC asked per
 * namespace. A failure is that object's line (an object already gone: kubectl's NotFound
 * sentence) and the rest go on; the summary is left in the status line.
 */
import { Box, Text } from 'ink';
import { useMemo, useState, type ReactElement } from 'react';
import { rolloutTargetOf } from '../../kinds/registry.ts';
import { AccessReviewer, questionFor } from '../../kube/access/access-review.ts';
import { KxError } from '../../kube/errors.ts';
import { deleteObject, forceWarning } from '../../kube/mutations/delete.ts';
import { forEachObject, type ObjectResult } from '../../kube/mutations/for-each-object.ts';
import { rolloutRestart } from '../../kube/mutations/rollout/restart.ts';
import { useKeyActions, useKeymap } from '../keys/keymap-context.tsx';
import { useTheme } from '../theme-context.tsx';
import { bulkProgress, bulkQuestion, bulkSummary, namespacesOf, resultLine, type BulkAction } from './bulk-text.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import type { ObjectTarget, PaneProps } from './pane-types.ts';

/** Props of BulkActionPane: a pane's, with the marked objects instead of one target. */
export interface BulkActionPaneProps extends Omit<PaneProps, 'target'> {
  action: BulkAction;
  targets: readonly ObjectTarget[];
  /** The run has ended (the marks have been used). */
  onFinished: () => void;
}

/** The confirmation, then the progress and each object's result. */
export function BulkActionPane(props: BulkActionPaneProps): ReactElement {
  const { client, targets, action } = props;
  const theme = useTheme();
  const keymap = useKeymap();
  // One reviewer for the run: RBAC is asked once per namespace, not once per object.
  const reviewer = useMemo(() => new AccessReviewer(client), [client]);
  const [results, setResults] = useState<readonly (ObjectResult<ObjectTarget> | undefined)[] | undefined>(undefined);
  const [finished, setFinished] = useState<ReturnType<typeof bulkSummary> | undefined>(undefined);

  const spec = keymap.action(action);
  const access = spec && 'access' in spec ? spec.access : undefined;
  // The same gate and the same mutation as the single-object keys, for every object.
  const act = async (target: ObjectTarget): Promise<string> => {
    props.gate.enter(spec?.label ?? action);
    const question = questionFor(access, target.resource, target.namespace || undefined);
    if (question && !(await reviewer.can(question))) {
      throw new KxError('forbidden', `You may not ${spec?.label ?? action} ${question.resource.plural}${target.namespace ? ` in namespace ${target.namespace}` : ''} (RBAC)`);
    }
    if (action === 'restart') return rolloutRestart(client, rolloutTargetOf(target));
    return deleteObject(client, target, { force: action === 'kill' });
  };
  const run = (): void => {
    setResults(targets.map(() => undefined));
    void forEachObject(targets, act, (result, index) => setResults((now) => now && now.map((r, i) => (i === index ? result : r)))).then((all) => {
      setFinished(bulkSummary(action, all));
      props.onFinished();
    });
  };

  const close = (): void => {
    if (finished) props.onFlash(finished);
    props.onClose();
  };
  useKeyActions('dialog', { 'confirm-yes': close, 'confirm-no': close }, { isActive: props.active && finished !== undefined, onOtherKey: close });

  if (!results) {
    const lines: string[] = [];
    if (action === 'kill') lines.push(`Warning: ${forceWarning}`);
    if (action === 'restart') lines.push('Every pod of each is replaced.');
    const namespaces = namespacesOf(targets);
    if (namespaces.length > 1) lines.push(`Namespaces: ${namespaces.join(', ')}.`);
    return (
      <ConfirmDialog
        title={bulkQuestion(action, targets, props.contextName)}
        lines={lines}
        width={props.width}
        active={props.active}
        onConfirm={() => {
          run();
          return Promise.resolve('');
        }}
        onClose={(outcome) => {
          // Confirmed: the progress below takes over; cancelled: back to the table, marks kept.
          if (!outcome) props.onClose();
        }}
      />
    );
  }

  const done = results.filter((r) => r !== undefined).length;
  // Failures first, so none scrolls out of sight; then the rest in order.
  const entries = targets.map((target, i) => ({ failed: results[i]?.ok === false, text: resultLine(target, results[i]) }));
  const ordered = [...entries.filter((e) => e.failed), ...entries.filter((e) => !e.failed)];
  const room = Math.max(1, props.height - 4);
  const shown = ordered.length > room ? [...ordered.slice(0, room - 1), { failed: false, text: `… and ${ordered.length - room + 1} more` }] : ordered;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.tone.warn} paddingX={1} width={Math.min(props.width, 120)}>
      <Text bold color={theme.tone.warn} wrap="truncate">
        {bulkProgress(action, targets, done, props.contextName)}
      </Text>
      {shown.map((entry, i) => (
        <Text key={i} color={entry.failed ? theme.tone.error : undefined} wrap="truncate">
          {entry.text}
        </Text>
      ))}
      {finished ? (
        <Text color={finished.level === 'error' ? theme.tone.error : theme.tone.ok} wrap="wrap">
          {finished.text} (any key closes)
        </Text>
      ) : (
        <Text color={theme.tone.info}>working…</Text>
      )}
    </Box>
  );
}
