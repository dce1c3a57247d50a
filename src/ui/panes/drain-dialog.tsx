/**
 * The drain dialog for a node: kubectl drain's options (ignore DaemonSets, delete emptyDir data,
 * force, grace period), then each pod's eviction live: pending, evicting, retrying with the
 * PodDisruptionBudget's reason, evicted. The drain is kube/mutations/drain.ts, kubectl's; esc while it
 * runs stops waiting and leaves the node cordoned, as an interrupted kubectl drain does.
 */
import { Box, Text } from 'ink';
import { useKeyInput } from '../keys/key-dispatch.tsx';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { DrainError, drainNode, type DrainEvent } from '../../kube/mutations/drain.ts';
import { toKxError } from '../../kube/errors.ts';
import type { PaneProps } from './pane-types.ts';
import { useTheme } from '../theme-context.tsx';

type Toggle = 'ignoreDaemonsets' | 'deleteEmptydirData' | 'force';
const toggles: { key: Toggle; label: string }[] = [
  { key: 'ignoreDaemonsets', label: '--ignore-daemonsets      leave DaemonSet pods (else drain refuses)' },
  { key: 'deleteEmptydirData', label: '--delete-emptydir-data   evict pods with emptyDir volumes (their data is lost)' },
  { key: 'force', label: '--force                  evict pods no controller will recreate' },
];

type PodState = { state: 'pending' } | { state: 'evicting' } | { state: 'retrying'; reason: string } | { state: 'evicted' };
type Phase = { kind: 'options' } | { kind: 'running' } | { kind: 'done'; ok: boolean; lines: string[] };

/** The drain dialog for one node. */
export function DrainDialog(props: PaneProps): ReactElement {
  const { client, target } = props;
  const theme = useTheme();
  const [options, setOptions] = useState<Record<Toggle, boolean>>({ ignoreDaemonsets: false, deleteEmptydirData: false, force: false });
  const [grace, setGrace] = useState('');
  const [cursor, setCursor] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'options' });
  const [notes, setNotes] = useState<string[]>([]);
  const [pods, setPods] = useState<ReadonlyMap<string, PodState>>(new Map());
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []);

  const onEvent = (event: DrainEvent): void => {
    const key = 'pod' in event ? `${event.pod.namespace}/${event.pod.name}` : '';
    const put = (s: PodState) => setPods((m) => new Map(m).set(key, s));
    switch (event.type) {
      case 'cordoned':
      case 'drained':
        return setNotes((n) => [...n, event.text]);
      case 'warning':
        return setNotes((n) => [...n, `Warning: ${event.text}`]);
      case 'planned':
        return setPods(new Map(event.pods.map((p) => [`${p.namespace}/${p.name}`, { state: 'pending' }])));
      case 'evicting':
        return setPods((m) => (m.get(key)?.state === 'retrying' ? m : new Map(m).set(key, { state: 'evicting' })));
      case 'retrying':
        return put({ state: 'retrying', reason: event.message });
      case 'evicted':
        return put({ state: 'evicted' });
    }
  };

  const start = (): void => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'running' });
    Promise.resolve()
      .then(() => {
        props.gate.enter('drain');
        return drainNode(client, target.name, { ...options, gracePeriodSeconds: grace === '' ? undefined : Number(grace), signal: controller.signal }, onEvent);
      })
      .then(
        () => {
          props.onFlash({ text: `node/${target.name} drained`, level: 'info' });
          setPhase({ kind: 'done', ok: true, lines: [] });
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          const lines = err instanceof DrainError ? [`unable to drain node "${target.name}": the node stays cordoned`, ...err.errors] : [toKxError(err).message];
          setPhase({ kind: 'done', ok: false, lines });
        },
      );
  };

  useKeyInput(
    (input, key) => {
      if (phase.kind !== 'options') {
        if (key.escape || key.return || input === 'q') props.onClose();
        return;
      }
      if (key.escape) return props.onClose();
      if (key.return) return start();
      if (key.upArrow || input === 'k') return setCursor((c) => Math.max(0, c - 1));
      if (key.downArrow || input === 'j') return setCursor((c) => Math.min(toggles.length, c + 1));
      if (cursor < toggles.length && (input === ' ' || input === 'x')) {
        const k = toggles[cursor]!.key;
        return setOptions((o) => ({ ...o, [k]: !o[k] }));
      }
      if (cursor === toggles.length) {
        if (key.backspace || key.delete) return setGrace((g) => g.slice(0, -1));
        if (/^\d$/.test(input) || (input === '-' && grace === '')) setGrace((g) => g + input);
      }
    },
    { isActive: props.active, refuseTypeAhead: true },
  );

  const color = (s: PodState) => (s.state === 'evicted' ? theme.tone.ok : s.state === 'retrying' ? theme.tone.warn : s.state === 'evicting' ? theme.tone.info : theme.tone.muted);
  const rows = Math.max(3, props.height - 8 - notes.length);
  const podList = [...pods].slice(0, rows);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.tone.warn} paddingX={1} width={Math.min(props.width, 110)}>
      <Text bold>
        Drain node/{target.name} on context {props.contextName}
      </Text>
      {phase.kind === 'options' ? (
        <>
          {toggles.map((t, i) => (
            <Text key={t.key} inverse={cursor === i}>
              [{options[t.key] ? 'x' : ' '}] {t.label}
            </Text>
          ))}
          <Text inverse={cursor === toggles.length}>
            --grace-period {grace === '' ? '(each pod’s own)' : grace}
            {'  '}
          </Text>
          <Text color={theme.tone.muted}>j/k move · space toggles · digits set the grace period · enter drains · esc cancels</Text>
        </>
      ) : (
        <>
          {notes.map((n, i) => (
            <Text key={i} color={n.startsWith('Warning') ? theme.tone.warn : undefined}>
              {n}
            </Text>
          ))}
          {podList.map(([name, s]) => (
            <Text key={name} color={color(s)} wrap="truncate-end">
              {s.state.padEnd(9)} {name}
              {s.state === 'retrying' ? `  ${s.reason} (retrying every 5s)` : ''}
            </Text>
          ))}
          {pods.size > podList.length ? <Text color={theme.tone.muted}>… and {pods.size - podList.length} more</Text> : null}
          {phase.kind === 'running' ? <Text color={theme.tone.info}>draining… (esc stops waiting; the node stays cordoned)</Text> : null}
          {phase.kind === 'done'
            ? phase.lines.map((l, i) => (
                <Text key={i} color={theme.tone.error}>
                  {l}
                </Text>
              ))
            : null}
          {phase.kind === 'done' ? <Text color={theme.tone.muted}>esc closes</Text> : null}
        </>
      )}
    </Box>
  );
}
