/** The title line and the footer line of the text pane. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { cellWidth, fit } from '../text-fit.ts';
import type { PaneStatus } from './text-pane.tsx';
import { useTheme } from '../theme-context.tsx';

/** The title, its status and the position, cut to one line of `width` cells. */
export function TitleLine(props: { width: number; title: string; status: PaneStatus | undefined; position: string }): ReactElement {
  const { width, position } = props;
  const theme = useTheme();
  const right = position ? ` ${position}` : '';
  const room = Math.max(0, width - cellWidth(right));
  const status = props.status ? `  ${props.status.text}` : '';
  const left = fit(props.title + status, room);
  // The cut may fall inside the title (nothing of the status left) or after it; the rest is padding.
  const titleFits = cellWidth(props.title) <= room;
  const titleShown = titleFits ? props.title : left;
  const rest = titleFits ? left.slice(props.title.length) : '';
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end">
        <Text bold>{titleShown}</Text>
        <Text color={props.status ? theme.tone[props.status.tone] : undefined}>{rest}</Text>
        <Text color={theme.tone.muted}>{right}</Text>
      </Text>
    </Box>
  );
}

/** The footer: the active search and its match count, or a note and the search hint; and wrap on/off with the sideways scroll. */
export function Footer(props: { width: number; query: string; count: number; current: number; note: string | undefined; sideways?: string }): ReactElement {
  const { query, count, current } = props;
  const sideways = props.sideways ? `${props.sideways} · ` : '';
  const theme = useTheme();
  if (query !== '') {
    return (
      <Box width={props.width}>
        <Text wrap="truncate-end" color={count === 0 ? theme.tone.warn : undefined}>
          {count === 0 ? `/${query}  no match` : `/${query}  match ${Math.max(1, current + 1)} of ${count} · n next · N previous`}
          {sideways ? ` · ${props.sideways}` : ''}
        </Text>
      </Box>
    );
  }
  return (
    <Box width={props.width}>
      <Text wrap="truncate-end" color={theme.tone.muted}>
        {sideways}
        {props.note ? `${props.note} · ` : ''}/ search · esc close
      </Text>
    </Box>
  );
}
