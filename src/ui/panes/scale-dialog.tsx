/**
 * The scale dialog: the current count, `+`/`-` to step, digits to type a number, enter to scale.
 * Only non-negative integers pass (a sentence says why not); scaling to 0 asks once more (y); an
 * HPA that targets the object is named, since it will change the count back. The patch is
 * kubectl's (see actions/scale.ts).
 */
import { Box, Text } from 'ink';
import { useKeyInput } from '../keys/key-dispatch.tsx';
import { useEffect, useState, type ReactElement } from 'react';
import { currentReplicas, hpaFor, hpaWarning, parseReplicas, scaleObject } from '../../kube/mutations/scale.ts';
import { kubectlKind } from '../../kube/mutations/delete.ts';
import { toKxError } from '../../kube/errors.ts';
import type { PaneProps } from './pane-types.ts';
import { useTheme } from '../theme-context.tsx';

type Phase = { kind: 'editing' } | { kind: 'confirm-zero' } | { kind: 'working' } | { kind: 'failed'; message: string };

/** The scale dialog for one object. */
export function ScaleDialog(props: PaneProps): ReactElement {
  const { client, target } = props;
  const theme = useTheme();
  const [current, setCurrent] = useState<number | undefined>(undefined);
  const [text, setText] = useState('');
  const [hpa, setHpa] = useState<string | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  useEffect(() => {
    let live = true;
    currentReplicas(client, target)
      .then((n) => {
        if (!live) return;
        setCurrent(n);
        setText(String(n));
      })
      .catch((err: unknown) => live && setPhase({ kind: 'failed', message: toKxError(err).message }));
    void hpaFor(client, target).then((name) => live && setHpa(name));
    return () => {
      live = false;
    };
  }, [client, target]);

  const parsed = parseReplicas(text);
  const apply = (replicas: number): void => {
    setPhase({ kind: 'working' });
    Promise.resolve()
      .then(() => {
        props.gate.enter('scale');
        return scaleObject(client, target, replicas);
      })
      .then(
        (said) => {
          props.onFlash({ text: said, level: 'info' });
          props.onClose();
        },
        (err: unknown) => setPhase({ kind: 'failed', message: toKxError(err).message }),
      );
  };

  // A number field, not a list of actions: digits, backspace, + and - edit it; enter and esc end it.
  useKeyInput(
    (input, key) => {
      if (phase.kind === 'confirm-zero') {
        if (input === 'y') apply(0);
        else if (key.escape || input === 'n') setPhase({ kind: 'editing' });
        return;
      }
      if (phase.kind === 'failed') {
        if (key.escape || key.return) props.onClose();
        else setPhase({ kind: 'editing' });
        return;
      }
      if (key.escape) return props.onClose();
      if (key.return) {
        if (!parsed.ok) return;
        if (parsed.replicas === 0 && current !== 0) setPhase({ kind: 'confirm-zero' });
        else apply(parsed.replicas);
        return;
      }
      if (key.backspace || key.delete) return setText((t) => t.slice(0, -1));
      if (input === '+' || key.upArrow) return setText((t) => String((parseReplicas(t).ok ? Number(t) : (current ?? 0)) + 1));
      if (input === '-' || key.downArrow) return setText((t) => String(Math.max(0, (parseReplicas(t).ok ? Number(t) : (current ?? 0)) - 1)));
      if (!key.ctrl && !key.meta && input.length > 0 && !/[\x00-\x1f]/.test(input)) setText((t) => (t === String(current) ? input : t + input));
    },
    { isActive: props.active && phase.kind !== 'working', refuseTypeAhead: true },
  );

  const name = `${kubectlKind(target.resource)}/${target.name}`;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.tone.info} paddingX={1} width={Math.min(props.width, 90)}>
      <Text bold>
        Scale {name}
        {target.namespace ? ` in namespace ${target.namespace}` : ''} on context {props.contextName}
      </Text>
      <Text>Current replicas: {current === undefined ? '…' : current}</Text>
      {hpa ? <Text color={theme.tone.warn}>{hpaWarning(hpa)}</Text> : null}
      <Text>
        New replicas: <Text inverse>{text || ' '}</Text>
        <Text color={theme.tone.muted}>{'  +/- step · type a number · enter scales · esc cancels'}</Text>
      </Text>
      {!parsed.ok && text !== '' ? <Text color={theme.tone.error}>{parsed.message}</Text> : null}
      {phase.kind === 'confirm-zero' ? (
        <Text color={theme.tone.warn} bold>
          Scale {name} to 0? Every pod stops. y yes · n/esc no
        </Text>
      ) : null}
      {phase.kind === 'working' ? <Text color={theme.tone.info}>scaling…</Text> : null}
      {phase.kind === 'failed' ? <Text color={theme.tone.error}>{phase.message} (esc closes, any other key edits)</Text> : null}
    </Box>
  );
}
