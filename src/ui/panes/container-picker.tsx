/**
 * Which container: `s` on a pod with several containers lists them, the cursor on the one kubectl
 * would take (the default-container annotation, else the first); enter goes in, esc goes back.
 */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { useKeyActions } from '../keys/keymap-context.tsx';
import { useListCursor } from '../hooks/use-list-cursor.ts';
import { useTheme } from '../theme-context.tsx';

/** Props of ContainerPicker. */
export interface ContainerPickerProps {
  /** What the pick is for and of which pod: 'shell into pod api-7d9f'. */
  title: string;
  containers: readonly string[];
  /** The index the cursor starts on. */
  initial: number;
  width: number;
  height: number;
  onPick: (container: string) => void;
  onClose: () => void;
}

/** A list of container names with a cursor. */
export function ContainerPicker(props: ContainerPickerProps): ReactElement {
  const { containers } = props;
  const theme = useTheme();
  const body = Math.max(1, props.height - 1);
  const { cursor, shown, move, current } = useListCursor(containers.length, props.initial, body);
  const pick = (): void => {
    const picked = containers[current()];
    if (picked !== undefined) props.onPick(picked);
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
      <Text bold wrap="truncate">
        {props.title}: which container? · enter goes in · esc goes back
      </Text>
      {containers.slice(shown, shown + body).map((name, i) => (
        <Text key={name} inverse={shown + i === cursor} wrap="truncate" color={shown + i === props.initial ? theme.tone.ok : undefined}>
          {shown + i === props.initial ? '* ' : '  '}
          {name}
        </Text>
      ))}
    </Box>
  );
}
