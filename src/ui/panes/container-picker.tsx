/**
 * Which container: `s` on a pod with several containers lists them, the cursor on the one kubectl
 * would take (the default-container annotation, else the first); enter goes in, esc goes back.
 */
import { Box, Text } from 'ink';
import { useRef, useState, type ReactElement } from 'react';
import { useKeyActions } from '../keys/keymap-context.tsx';
import { moveCursor, type CursorMove } from '../table/cursor.ts';
import { windowStart } from '../table/layout.ts';
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
  // The cursor lives in a ref: keys that arrive together ('j' then enter) act before a re-render.
  const cursorRef = useRef(Math.min(props.initial, Math.max(0, containers.length - 1)));
  const [, setTick] = useState(0);
  const cursor = cursorRef.current;
  const body = Math.max(1, props.height - 1);
  const [top, setTop] = useState(0);
  const move = (m: CursorMove): void => {
    const next = moveCursor(cursorRef.current, m, containers.length, body);
    cursorRef.current = next;
    setTick((n) => n + 1);
    setTop((t) => windowStart(t, next, body, containers.length));
  };
  const pick = (): void => {
    const picked = containers[cursorRef.current];
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
  const shown = windowStart(top, cursor, body, containers.length);
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
