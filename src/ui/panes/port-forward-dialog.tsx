/**
 * The port-forward dialog (`F` on a pod, a Service or a workload): the pod the forward reaches
 * now and one row per TCP port (a Service's ports mapped to the pod's as kubectl maps them), each
 * with a local port field (the remote port at first; empty skips the port), and the address to
 * listen on. Enter starts the forwards in the background through the explorer's registry (`:pf`
 * lists them); a port in use or a port the pod lacks is said here, in one sentence each.
 */
import { Box, Text, type Key } from 'ink';
import { useKeyInput } from '../keys/key-dispatch.tsx';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { parseLocalPort, portRowLabel, portRows, type PortRow } from '../../explorer/port-forward-rows.ts';
import { toKxError } from '../../kube/errors.ts';
import { kubectlKind } from '../../kube/mutations/delete.ts';
import type { PortForwardRegistry } from '../../kube/port-forward/registry.ts';
import { forwardKindOf, resolvePod, targetText, type ForwardTarget } from '../../kube/port-forward/resolve-target.ts';
import type { KubeSession } from '../../kube/session.ts';
import { pressesOfChunk, promptKey, type PromptState } from '../components/prompt-bar.tsx';
import { useTheme } from '../theme-context.tsx';
import type { PaneProps } from './pane-types.ts';
import { FieldText } from './set-image-dialog.tsx';

/** Props of PortForwardDialog: a pane's, plus the session forwards use and the registry that keeps them. */
export interface PortForwardDialogProps extends PaneProps {
  session: KubeSession;
  forwards: PortForwardRegistry;
}

type Phase = { kind: 'loading' } | { kind: 'editing'; messages: readonly string[] } | { kind: 'working' } | { kind: 'failed'; message: string };

type Form = { fields: PromptState[]; selected: number };

const field = (text: string): PromptState => ({ text, cursor: text.length });

/** The dialog for one object. */
export function PortForwardDialog(props: PortForwardDialogProps): ReactElement {
  const { session, target, forwards } = props;
  const theme = useTheme();
  const [pod, setPod] = useState<string | undefined>(undefined);
  const [rows, setRows] = useState<PortRow[]>([]);
  // Rows already forwarding (when another row failed, enter again starts only the rest).
  const [started, setStarted] = useState<ReadonlySet<number>>(new Set());
  const [form, setForm] = useState<Form>({ fields: [], selected: 0 });
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  // Keys can arrive faster than renders (a paste, tmux): the handler works on the latest form.
  const latest = useRef(form);
  const change = (next: Form): void => {
    latest.current = next;
    setForm(next);
  };
  const kind = forwardKindOf(target.resource);
  const forwardTarget: ForwardTarget | undefined = kind ? { kind, name: target.name, namespace: target.namespace } : undefined;

  useEffect(() => {
    let live = true;
    if (!forwardTarget) {
      setPhase({ kind: 'failed', message: `cannot port-forward to ${target.resource.plural}: name a pod, service, deployment, replicaset, statefulset or daemonset` });
      return undefined;
    }
    // No waiting for a pod here: the dialog says at once that none runs.
    resolvePod(session, forwardTarget, { podRunningTimeoutMs: 0 }).then(
      ({ object, pod: found }) => {
        if (!live) return;
        const offered = portRows(forwardTarget.kind, object, found);
        setPod(found.metadata.name);
        setRows(offered);
        change({ fields: [...offered.map((r) => field(r.problem ? '' : String(r.local))), field('127.0.0.1')], selected: 0 });
        setPhase(
          offered.length === 0
            ? { kind: 'failed', message: `Pod ${found.metadata.name} declares no TCP container ports; use kx port-forward ${targetText(forwardTarget)} PORT.` }
            : { kind: 'editing', messages: [] },
        );
      },
      (err: unknown) => live && setPhase({ kind: 'failed', message: toKxError(err).message }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- forwardTarget follows target
  }, [session, target]);

  const start = async (): Promise<void> => {
    if (!forwardTarget) return;
    const { fields } = latest.current;
    const address = fields[rows.length]?.text.trim() || '127.0.0.1';
    const wanted: { index: number; row: PortRow; local: number }[] = [];
    for (const [index, row] of rows.entries()) {
      if (started.has(index) || row.problem) continue;
      const local = parseLocalPort(fields[index]?.text ?? '', row);
      if (!local.ok) return setPhase({ kind: 'editing', messages: [local.message] });
      if (local.port !== undefined) wanted.push({ index, row, local: local.port });
    }
    if (wanted.length === 0) return setPhase({ kind: 'editing', messages: ['No port to forward: type a local port for one, or esc to cancel.'] });
    setPhase({ kind: 'working' });
    try {
      props.gate.enter('port-forward');
    } catch (err) {
      return setPhase({ kind: 'failed', message: toKxError(err).message });
    }
    const done = new Set(started);
    const said: string[] = [];
    const failed: string[] = [];
    for (const w of wanted) {
      try {
        const id = await forwards.start({ session, namespace: forwardTarget.namespace, target: forwardTarget, remotePort: String(w.row.remote), localPort: w.local, address: [address] });
        done.add(w.index);
        const st = forwards.list().find((f) => f.id === id);
        said.push(`${st?.listening[0] ?? `${address}:${w.local}`} → ${w.row.remote}`);
      } catch (err) {
        failed.push(`Port ${w.row.remote}: ${toKxError(err).message}`);
      }
    }
    setStarted(done);
    const what = `${targetText(forwardTarget)}${forwardTarget.namespace ? ` in namespace ${forwardTarget.namespace}` : ''}`;
    if (failed.length === 0) {
      props.onFlash({ text: `Forwarding ${said.join(', ')} to ${what} (:pf lists the forwards)`, level: 'info' });
      return props.onClose();
    }
    setPhase({ kind: 'editing', messages: said.length > 0 ? [`Forwarding ${said.join(', ')}.`, ...failed] : failed });
  };

  // One press of the form; false when the press ends the chunk (the dialog closes or starts).
  const press = (input: string, key: Key): boolean => {
    const { fields, selected } = latest.current;
    const count = fields.length;
    if (key.upArrow || (key.shift && key.tab)) change({ fields, selected: (selected + count - 1) % count });
    else if (key.downArrow || key.tab) change({ fields, selected: (selected + 1) % count });
    else {
      const action = promptKey(fields[selected]!, input, key);
      if (action.kind === 'cancel') return (props.onClose(), false);
      if (action.kind === 'submit') return (void start(), false);
      if (action.kind === 'edit') change({ fields: fields.map((f, i) => (i === selected ? action.state : f)), selected });
    }
    return true;
  };

  useKeyInput(
    (input, key) => {
      if (phase.kind === 'failed') {
        if (key.escape || key.return || rows.length === 0) props.onClose();
        else setPhase({ kind: 'editing', messages: [] });
        return;
      }
      if (phase.kind !== 'editing') return key.escape ? props.onClose() : undefined;
      for (const p of pressesOfChunk(input, key)) if (!press(p.input, p.key)) return;
    },
    { isActive: props.active && phase.kind !== 'working', refuseTypeAhead: true },
  );

  const name = `${kubectlKind(target.resource)}/${target.name}`;
  const labels = rows.map(portRowLabel);
  const labelWidth = Math.max(8, ...labels.map((l) => l.length));
  const addressIndex = rows.length;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.tone.info} paddingX={1} width={Math.min(props.width, 100)}>
      <Text bold wrap="wrap">
        Port-forward {name}
        {target.namespace ? ` in namespace ${target.namespace}` : ''} on context {props.contextName}
      </Text>
      {phase.kind === 'loading' ? <Text color={theme.tone.muted}>finding a running pod…</Text> : null}
      {pod ? <Text color={theme.tone.muted}>{forwardTarget?.kind === 'pod' ? 'its ports:' : `to pod ${pod} (another one if it goes away); its ports:`}</Text> : null}
      {rows.map((row, i) => {
        const on = i === form.selected;
        const f = form.fields[i] ?? field('');
        return (
          <Text key={row.remote} wrap="truncate">
            {on ? '▸ ' : '  '}
            <Text bold={on}>{labels[i]!.padEnd(labelWidth)}</Text>
            {row.problem ? (
              <Text color={theme.tone.warn}>{`  ${row.problem}`}</Text>
            ) : (
              <>
                <Text color={theme.tone.muted}>{'  local port '}</Text>
                {on ? <FieldText state={f} /> : <Text>{f.text === '' ? '(skipped)' : f.text}</Text>}
                {started.has(i) ? <Text color={theme.tone.ok}>{'  forwarding'}</Text> : null}
              </>
            )}
          </Text>
        );
      })}
      {rows.length > 0 ? (
        <Text wrap="truncate">
          {form.selected === addressIndex ? '▸ ' : '  '}
          <Text bold={form.selected === addressIndex}>{'address'.padEnd(labelWidth)}</Text>
          {'  '}
          {form.selected === addressIndex ? <FieldText state={form.fields[addressIndex] ?? field('')} /> : <Text>{form.fields[addressIndex]?.text}</Text>}
        </Text>
      ) : null}
      <Text color={theme.tone.muted}>↑/↓ pick · type a local port (empty skips it) · enter starts · esc cancels</Text>
      {phase.kind === 'editing'
        ? phase.messages.map((m, i) => (
            <Text key={i} color={m.startsWith('Forwarding') ? theme.tone.ok : theme.tone.warn} wrap="wrap">
              {m}
            </Text>
          ))
        : null}
      {phase.kind === 'working' ? <Text color={theme.tone.info}>starting…</Text> : null}
      {phase.kind === 'failed' ? (
        <Text color={theme.tone.error} wrap="wrap">
          {phase.message} (esc closes)
        </Text>
      ) : null}
    </Box>
  );
}
