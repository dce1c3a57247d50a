/**
 * `:pf`: the port-forwards running in this kx, refreshed every second — what each forwards to,
 * local → remote port, its state with the pod it reaches now and how often it moved to another
 * pod, connections and bytes. ctrl-d stops the selected one after a confirmation; esc closes.
 */
import { Box, Text } from 'ink';
import { useEffect, useState, type ReactElement } from 'react';
import type { ForwardEntry, PortForwardRegistry } from '../../kube/port-forward/registry.ts';
import { useKeyActions } from '../keys/keymap-context.tsx';
import { useTheme } from '../theme-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import type { PaneFlash } from './pane-types.ts';

/** Props of PortForwardsPane. */
export interface PortForwardsPaneProps {
  forwards: PortForwardRegistry;
  contextName: string;
  width: number;
  height: number;
  active: boolean;
  onClose: () => void;
  onFlash: (flash: PaneFlash) => void;
}

/** Bytes as people read them: 512B, 1.5KiB, 3.0MiB. */
export function humanBytes(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)}KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)}MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(1)}GiB`;
}

/** The cells of one forward, in the order of `columns`. */
export function forwardCells(f: ForwardEntry): string[] {
  const where = f.listening[0] ?? `:${f.localPort}`;
  const state = f.state === 'forwarding' ? `forwarding to ${f.pod}` : f.state === 'resolving' ? `resolving (was ${f.pod})` : 'stopped';
  return [
    `${f.namespace}/${f.target}`,
    `${where} → ${f.remotePort}`,
    state,
    String(f.reresolved),
    `${f.active}/${f.connections}`,
    `${humanBytes(f.bytesIn)}/${humanBytes(f.bytesOut)}`,
    f.lastError ?? '',
  ];
}

const columns = ['TARGET', 'LOCAL → REMOTE', 'STATE', 'MOVED', 'CONN', 'IN/OUT', 'LAST ERROR'];

/** The pane. */
export function PortForwardsPane(props: PortForwardsPaneProps): ReactElement {
  const { forwards } = props;
  const theme = useTheme();
  const [list, setList] = useState<ForwardEntry[]>(() => forwards.list());
  const [cursor, setCursor] = useState(0);
  const [confirming, setConfirming] = useState<ForwardEntry | undefined>(undefined);

  useEffect(() => {
    const timer = setInterval(() => setList(forwards.list()), 1000);
    return () => clearInterval(timer);
  }, [forwards]);

  const at = Math.min(cursor, Math.max(0, list.length - 1));
  const selected = list[at];
  useKeyActions(
    'forwards',
    {
      up: () => setCursor(Math.max(0, at - 1)),
      down: () => setCursor(Math.min(list.length - 1, at + 1)),
      top: () => setCursor(0),
      bottom: () => setCursor(Math.max(0, list.length - 1)),
      'forward-stop': () => selected && setConfirming(selected),
      back: props.onClose,
      quit: props.onClose,
    },
    { isActive: props.active && !confirming },
  );

  if (confirming) {
    const cells = forwardCells(confirming);
    return (
      <ConfirmDialog
        title={`Stop forwarding ${cells[1]} to ${cells[0]} on context ${props.contextName}?`}
        width={props.width}
        active={props.active}
        onConfirm={async () => {
          await forwards.stop(confirming.id);
          return `Stopped forwarding ${cells[1]} to ${cells[0]}`;
        }}
        onClose={(outcome) => {
          setConfirming(undefined);
          setList(forwards.list());
          if (outcome) props.onFlash(outcome);
        }}
      />
    );
  }

  const rows = list.map(forwardCells);
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)) + 2);
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('');
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text bold wrap="truncate">
        port-forwards ({list.length})
      </Text>
      {list.length === 0 ? (
        <Text color={theme.tone.muted}>No port-forward is running: F on a pod, a Service or a workload starts one.</Text>
      ) : (
        <Text bold color={theme.table.heading} wrap="truncate">
          {`  ${line(columns)}`}
        </Text>
      )}
      {rows.map((cells, i) => (
        <Text key={list[i]!.id} inverse={i === at} color={list[i]!.state === 'resolving' ? theme.tone.warn : undefined} wrap="truncate">
          {`  ${line(cells)}`}
        </Text>
      ))}
    </Box>
  );
}
