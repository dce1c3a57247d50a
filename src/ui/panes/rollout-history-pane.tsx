/**
 * `h` on a Deployment, StatefulSet or DaemonSet: its revisions (the current one marked), the
 * pod-template diff of the selected revision against the current one (enter), undo to the selected
 * revision after a confirmation (u), and the rollout's progress afterwards, live.
 */
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { rolloutHistory, type History } from '../../kube/mutations/rollout/history.ts';
import { rolloutName } from '../../kube/mutations/rollout/rollout-target.ts';
import { rolloutTargetOf } from '../../kinds/registry.ts';
import { rolloutStatus } from '../../kube/mutations/rollout/status.ts';
import { templateDiff } from '../../kube/mutations/rollout/template-diff.ts';
import { rolloutUndo } from '../../kube/mutations/rollout/undo.ts';
import { humanDuration } from '../../kinds/duration.ts';
import { toKxError } from '../../kube/errors.ts';
import type { KubeObject } from '../../kube/object.ts';
import { resourcePath } from '../../kube/resource-info.ts';
import { useKeyActions } from '../keys/keymap-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import type { PaneProps } from './pane-types.ts';
import { useTheme } from '../theme-context.tsx';

const revisionWidth = 10;
const ageWidth = 8;
/** What CHANGE-CAUSE keeps of the line however long the images are. */
const changeCauseMin = 16;

/** `text` in a column `width` cells wide, cut with '…' so at least one space always separates it from the next. */
function fit(text: string, width: number): string {
  return text.length < width ? text.padEnd(width) : `${text.slice(0, Math.max(0, width - 2))}… `;
}

/** IMAGES as wide as its longest entry plus a gap, but never crowding CHANGE-CAUSE off a `width`-cell line. */
function imagesColumnWidth(revisions: readonly { images: readonly string[] }[], width: number): number {
  const longest = Math.max('IMAGES'.length, ...revisions.map((r) => r.images.join(',').length));
  const room = width - 2 - revisionWidth - ageWidth - changeCauseMin;
  return Math.max('IMAGES'.length + 1, Math.min(longest + 2, room));
}

/** The rollout history pane. */
export function RolloutHistoryPane(props: PaneProps): ReactElement {
  const { client } = props;
  const theme = useTheme();
  // The history key is offered only for kinds with a rollout (capabilities), so this has a flavour.
  const target = useMemo(() => rolloutTargetOf(props.target), [props.target]);
  const [history, setHistory] = useState<History | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [cursor, setCursor] = useState(0);
  const [showDiff, setShowDiff] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<string | undefined>(undefined);
  const [reload, setReload] = useState(0);
  const name = rolloutName(target);

  useEffect(() => {
    let live = true;
    rolloutHistory(client, target).then(
      (h) => {
        if (!live) return;
        setHistory(h);
        setCursor((c) =>
          reload === 0
            ? Math.max(
                0,
                h.revisions.findIndex((r) => r.current),
              )
            : Math.min(c, h.revisions.length - 1),
        );
      },
      (err: unknown) => live && setError(toKxError(err).message),
    );
    return () => {
      live = false;
    };
  }, [client, target, reload]);

  // After an undo: the rollout's status every second until it is done, as `rollout status` would say it.
  useEffect(() => {
    if (progress === undefined) return undefined;
    const timer = setInterval(() => {
      client
        .get<KubeObject>(resourcePath(target.resource, target.namespace, target.name))
        .then((obj) => {
          const s = rolloutStatus(target.flavour, obj);
          setProgress(s.message);
          if (s.done) {
            clearInterval(timer);
            setReload((n) => n + 1);
          }
        })
        .catch(() => undefined);
    }, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- polling starts and stops with progress, not with each message
  }, [progress === undefined, client, target]);

  const revisions = history?.revisions ?? [];
  const selected = revisions[cursor];
  const current = revisions.find((r) => r.current) ?? revisions.at(-1);
  useKeyActions(
    'history',
    {
      up: () => setCursor((c) => Math.max(0, c - 1)),
      down: () => setCursor((c) => Math.min(revisions.length - 1, c + 1)),
      top: () => setCursor(0),
      bottom: () => setCursor(Math.max(0, revisions.length - 1)),
      'history-diff': () => setShowDiff((d) => !d),
      'history-undo': () => {
        const refused = props.gate.refusal('undo');
        if (refused) props.onFlash({ text: refused, level: 'error' });
        else if (selected) setConfirming(true);
      },
      back: props.onClose,
      quit: props.onClose,
    },
    { isActive: props.active && !confirming },
  );

  if (confirming && selected) {
    return (
      <ConfirmDialog
        title={`Roll ${name}${target.namespace ? ` in namespace ${target.namespace}` : ''} on context ${props.contextName} back to revision ${selected.revision}?`}
        lines={[`Images: ${selected.images.join(', ')}`, selected.current ? 'It is the current revision: kubectl would skip this rollback.' : '']}
        width={props.width}
        active={props.active}
        onConfirm={async () => {
          props.gate.enter('undo');
          return rolloutUndo(client, target, selected.revision);
        }}
        onClose={(outcome) => {
          setConfirming(false);
          if (outcome) {
            props.onFlash(outcome);
            if (outcome.level === 'info') setProgress('rolling back…');
          }
        }}
      />
    );
  }

  const diff = showDiff && selected && current ? templateDiff(selected.template, current.template, `revision ${selected.revision}`, `revision ${current.revision} (current)`) : '';
  const diffLines = showDiff ? (diff === '' ? ['(the same pod template as the current revision)'] : diff.split('\n')) : [];
  const now = Date.now();
  const imagesWidth = imagesColumnWidth(revisions, props.width);
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text bold wrap="truncate">
        rollout history {name}
        {target.namespace ? ` (${target.namespace})` : ''}
        {progress ? <Text color={theme.tone.info}>{`  ${progress}`}</Text> : null}
      </Text>
      {error ? <Text color={theme.tone.error}>{error}</Text> : null}
      {!history && !error ? <Text color={theme.tone.muted}>Loading…</Text> : null}
      {history ? (
        <Text bold color={theme.table.heading} wrap="truncate">
          {'  '}
          {fit('REVISION', revisionWidth)}
          {fit('AGE', ageWidth)}
          {fit('IMAGES', imagesWidth)}CHANGE-CAUSE
        </Text>
      ) : null}
      {revisions.map((r, i) => (
        <Text key={r.revision} inverse={i === cursor} color={r.current ? theme.tone.ok : undefined} wrap="truncate">
          {r.current ? '* ' : '  '}
          {fit(String(r.revision), revisionWidth)}
          {fit(humanDuration(now - Date.parse(r.createdAt)), ageWidth)}
          {fit(r.images.join(','), imagesWidth)}
          {r.changeCause}
        </Text>
      ))}
      {diffLines.slice(0, Math.max(0, props.height - revisions.length - 3)).map((line, i) => (
        <Text key={`d${i}`} wrap="truncate" color={line.startsWith('+') ? theme.tone.ok : line.startsWith('-') ? theme.tone.error : line.startsWith('@@') ? theme.tone.info : undefined}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
