/**
 * `:ctx`: the kubeconfig's contexts as a list; enter switches to the selected one (streams,
 * discovery and header follow), esc goes back. The current context is marked.
 */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { ContextInfo } from '../../kube/kubeconfig.ts';
import { useKeyActions } from '../keys/keymap-context.tsx';
import { useListCursor } from '../hooks/use-list-cursor.ts';
import { useTheme } from '../theme-context.tsx';

/** Props of ContextPicker. */
export interface ContextPickerProps {
  contexts: readonly ContextInfo[];
  width: number;
  height: number;
  onPick: (name: string) => void;
  onClose: () => void;
}

/** A list of contexts with a cursor. */
export function ContextPicker(props: ContextPickerProps): ReactElement {
  const { contexts } = props;
  const theme = useTheme();
  const body = Math.max(1, props.height - 2);
  const { cursor, shown, move, current } = useListCursor(
    contexts.length,
    contexts.findIndex((c) => c.current),
    body,
  );
  // Read at the moment of the key, so 'j' and enter in one chunk pick the row 'j' moved to.
  const pick = (): void => {
    const picked = contexts[current()];
    if (picked) props.onPick(picked.name);
  };
  useKeyActions(
    'history',
    {
      up: () => move('up'),
      down: () => move('down'),
      'page-up': () => move('pageUp'),
      'page-down': () => move('pageDown'),
      top: () => move('home'),
      bottom: () => move('end'),
      open: pick,
      'history-diff': pick,
      back: props.onClose,
      quit: props.onClose,
    },
    { isActive: true },
  );
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold>contexts ({contexts.length}) · enter switches · esc goes back</Text>
      <Text bold color={theme.table.heading} wrap="truncate">
        {'  '}
        {'NAME'.padEnd(30)} {'CLUSTER'.padEnd(24)} {'USER'.padEnd(20)} NAMESPACE
      </Text>
      {contexts.slice(shown, shown + body).map((c, i) => (
        <Text key={c.name} inverse={shown + i === cursor} wrap="truncate" color={c.current ? theme.tone.ok : undefined}>
          {c.current ? '* ' : '  '}
          {c.name.padEnd(30)} {c.cluster.padEnd(24)} {c.user.padEnd(20)} {c.namespace ?? ''}
        </Text>
      ))}
    </Box>
  );
}
