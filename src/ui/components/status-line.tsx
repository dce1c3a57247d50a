/** The bottom line: the stream's state, counts, and the latest flash message. */
import { Box, Text, useWindowSize } from 'ink';
import type { ReactElement } from 'react';
import type { StreamState } from '../../kube/stream-types.ts';
import { fitStatusLine, formatCount, statusGap, streamStateText, streamStateTone } from '../status-text.ts';
import { cellWidth } from '../text-fit.ts';
import { useTheme } from '../theme-context.tsx';

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
  now: number;
  /** What is listed, e.g. 'pods (all namespaces)'. */
  title?: string | undefined;
  /** Cells the line may take; defaults to the terminal's width. */
  width?: number | undefined;
  /** Rows marked for a bulk action ('3 marked' after the counts). */
  marked?: number | undefined;
  /** Said instead of the state (a view of several contexts names each one's). */
  stateText?: string | undefined;
}

/**
 * One line: '● live  120 of 3,400 pods' and the flash message on the right. Both are fitted here,
 * at word boundaries, so that they never run into each other (Ink's truncate would cut both mid-word).
 */
export function StatusLine({ state, shown, total, flash, now, title, width, marked, stateText }: StatusLineProps): ReactElement {
  const theme = useTheme();
  const terminal = useWindowSize();
  const tone = streamStateTone(state);
  const counts = (shown === total ? formatCount(total) : `${formatCount(shown)} of ${formatCount(total)}`) + (marked ? `  ${formatCount(marked)} marked` : '');
  const titleText = title ? `${title}  ` : '';
  const fixed = cellWidth(titleText) + cellWidth('● ') + cellWidth(`  ${counts}`);
  const lineWidth = width ?? terminal.columns;
  const parts = fitStatusLine(stateText ?? streamStateText(state, now), flash?.text, fixed, lineWidth);
  return (
    <Box justifyContent="space-between" columnGap={statusGap} width={lineWidth}>
      <Text wrap="truncate">
        {titleText ? <Text bold>{titleText}</Text> : null}
        <Text color={theme.tone[tone]}>● {parts.state}</Text>
        <Text color={theme.tone.muted}>{`  ${counts}`}</Text>
      </Text>
      {flash ? (
        <Text color={flash.level === 'error' ? theme.flash.error : theme.flash.info} wrap="truncate">
          {parts.flash}
        </Text>
      ) : null}
    </Box>
  );
}
