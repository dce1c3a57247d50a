/** The bottom line: the stream's state, counts, and the latest flash message. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { StreamState } from '../../kube/stream-types.ts';
import { formatCount, streamStateText, streamStateTone } from '../status-text.ts';
import type { Theme } from '../theme.ts';

/** A short message from an action or an error, shown until it expires. */
export interface Flash {
  text: string;
  level: 'info' | 'error';
}

/** Props of StatusLine; `now` lets 'reconnecting for N s' tick without a timer of its own. */
export interface StatusLineProps {
  state: StreamState;
  shown: number;
  total: number;
  flash?: Flash | undefined;
  theme: Theme;
  now: number;
  /** What is listed, e.g. 'pods (all namespaces)'. */
  title?: string;
}

/** One line: '● live  120 of 3,400 pods' and the flash message on the right. */
export function StatusLine({ state, shown, total, flash, theme, now, title }: StatusLineProps): ReactElement {
  const tone = streamStateTone(state);
  const counts = shown === total ? formatCount(total) : `${formatCount(shown)} of ${formatCount(total)}`;
  return (
    <Box justifyContent="space-between">
      <Text wrap="truncate">
        {title ? <Text bold>{title}  </Text> : null}
        <Text color={theme.tone[tone]}>● {streamStateText(state, now)}</Text>
        <Text color={theme.tone.muted}>  {counts}</Text>
      </Text>
      {flash ? (
        <Text color={flash.level === 'error' ? theme.flash.error : theme.flash.info} wrap="truncate">
          {flash.text}
        </Text>
      ) : null}
    </Box>
  );
}
