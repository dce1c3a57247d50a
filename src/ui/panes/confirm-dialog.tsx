/**
 * A confirmation before anything destructive: it names the action, the object and the context,
 * and only `y` goes ahead (enter does not, so a stray key never deletes), and only a `y` typed
 * after the question was on screen. While the action runs it
 * says so; then it shows the result or the error sentence, and any key closes it.
 */
import { Box, Text } from 'ink';
import { useState, type ReactElement } from 'react';
import { toKxError } from '../../kube/errors.ts';
import { useKeyActions } from '../keys/keymap-context.tsx';
import { useTheme } from '../theme-context.tsx';

/** Props of ConfirmDialog. */
export interface ConfirmDialogProps {
  /** The question, e.g. `Delete deployment.apps/web in namespace shop on context prod?`. */
  title: string;
  /** More to know before answering (finalizers, an HPA, what undo will change). */
  lines?: readonly string[];
  /** Does the work; resolves with the sentence to show (kubectl's result text). */
  onConfirm: () => Promise<string>;
  /** Called with the outcome once the user dismisses it, or undefined when cancelled. */
  onClose: (outcome?: { text: string; level: 'info' | 'error' }) => void;
  width: number;
  active: boolean;
}

type Phase = { kind: 'asking' } | { kind: 'working' } | { kind: 'done'; text: string; level: 'info' | 'error' };

/** The dialog. */
export function ConfirmDialog(props: ConfirmDialogProps): ReactElement {
  const theme = useTheme();
  const [phase, setPhase] = useState<Phase>({ kind: 'asking' });
  const run = (): void => {
    setPhase({ kind: 'working' });
    props.onConfirm().then(
      (text) => {
        // Success needs no second key press: close and let the status line say it.
        props.onClose({ text, level: 'info' });
      },
      (err: unknown) => setPhase({ kind: 'done', text: toKxError(err).message, level: 'error' }),
    );
  };
  const done = phase.kind === 'done' ? phase : undefined;
  useKeyActions(
    'dialog',
    phase.kind === 'asking' ? { 'confirm-yes': run, 'confirm-no': () => props.onClose() } : { 'confirm-yes': () => done && props.onClose(done), 'confirm-no': () => done && props.onClose(done) },
    { isActive: props.active && phase.kind !== 'working', refuseTypeAhead: true, ...(done ? { onOtherKey: () => props.onClose(done) } : {}) },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.tone.warn} paddingX={1} width={Math.min(props.width, 100)}>
      <Text bold color={theme.tone.warn} wrap="wrap">
        {props.title}
      </Text>
      {(props.lines ?? []).map((line, i) => (
        <Text key={i} wrap="wrap">
          {line}
        </Text>
      ))}
      {phase.kind === 'asking' ? (
        <Text>
          <Text bold>y</Text> yes · <Text bold>n</Text>/<Text bold>esc</Text> no
        </Text>
      ) : phase.kind === 'working' ? (
        <Text color={theme.tone.info}>working…</Text>
      ) : (
        <Text color={phase.level === 'error' ? theme.tone.error : theme.tone.ok} wrap="wrap">
          {phase.text} (any key closes)
        </Text>
      )}
    </Box>
  );
}
