/**
 * `:ctx`: the kubeconfig's contexts as a list; enter switches to the selected one (streams,
 * discovery and header follow), esc goes back. The current context is starred. Space marks
 * contexts (the table's mark key): with marks, enter shows the view in all the marked contexts
 * at once, as `:po @a,b` does.
 */
import { Box, Text } from 'ink';
import { useReducer, useRef, type ReactElement } from 'react';
import type { ContextInfo } from '../../kube/kubeconfig.ts';
import { useKeyActions, useKeymap } from '../keys/keymap-context.tsx';
import { useListCursor } from '../hooks/use-list-cursor.ts';
import { useTheme } from '../theme-context.tsx';

/** Props of ContextPicker. */
export interface ContextPickerProps {
  contexts: readonly ContextInfo[];
  width: number;
  height: number;
  onPick: (name: string) => void;
  /** Enter with marks: the marked contexts, in the kubeconfig's order. */
  onPickSeveral: (names: readonly string[]) => void;
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
  const keymap = useKeymap();
  // Marks are read at the moment of the key (space then enter in one chunk): a ref, and a render per change.
  const marks = useRef<Set<string>>(new Set());
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const marked = marks.current;
  // Read at the moment of the key, so 'j' and enter in one chunk pick the row 'j' moved to.
  const pick = (): void => {
    if (marks.current.size > 0) return props.onPickSeveral(contexts.filter((c) => marks.current.has(c.name)).map((c) => c.name));
    const picked = contexts[current()];
    if (picked) props.onPick(picked.name);
  };
  const toggleMark = (): void => {
    const name = contexts[current()]?.name;
    if (name === undefined) return;
    if (!marks.current.delete(name)) marks.current.add(name);
    redraw();
    move('down');
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
    // The mark key belongs to tables; here it marks contexts.
    { isActive: true, onOtherKey: (name) => (keymap.keysFor('mark').includes(name) ? toggleMark() : undefined) },
  );
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold>
        {marked.size > 0
          ? `contexts (${contexts.length}, ${marked.size} marked) · enter shows the view in the marked contexts · space unmarks · esc goes back`
          : `contexts (${contexts.length}) · enter switches · space marks several · esc goes back`}
      </Text>
      <Text bold color={theme.table.heading} wrap="truncate">
        {'  '}
        {'NAME'.padEnd(30)} {'CLUSTER'.padEnd(24)} {'USER'.padEnd(20)} NAMESPACE
      </Text>
      {contexts.slice(shown, shown + body).map((c, i) => (
        <Text key={c.name} inverse={shown + i === cursor} wrap="truncate" color={marked.has(c.name) ? theme.tone.info : c.current ? theme.tone.ok : undefined}>
          {marked.has(c.name) ? '✓ ' : c.current ? '* ' : '  '}
          {c.name.padEnd(30)} {c.cluster.padEnd(24)} {c.user.padEnd(20)} {c.namespace ?? ''}
        </Text>
      ))}
    </Box>
  );
}
