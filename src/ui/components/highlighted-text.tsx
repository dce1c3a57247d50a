/**
 * Text with the `/` filter's matches emphasised: matched runs in the theme's 'info' tone and bold
 * (underlined instead of coloured under NO_COLOR). One <Text> per line with nested runs, so it
 * costs little more than plain text; build segments for the visible rows only.
 */
import { Text } from 'ink';
import type { ReactElement } from 'react';
import type { Segment } from '../../explorer/filter/highlight.ts';
import type { Colour } from '../theme.ts';
import { useTheme } from '../theme-context.tsx';

/** Props of HighlightedText: the segments plus the line's own styling. */
export interface HighlightedTextProps {
  segments: readonly Segment[];
  /** The line's colour (e.g. the row's tone); matches override it. */
  color?: Colour;
  inverse?: boolean;
  dimColor?: boolean;
}

/** Draws segments on one line, matches emphasised; truncates rather than wraps. */
export function HighlightedText(props: HighlightedTextProps): ReactElement {
  const { segments } = props;
  const theme = useTheme();
  return (
    <Text color={props.color} inverse={props.inverse} dimColor={props.dimColor} wrap="truncate">
      {segments.map(([text, matched], i) =>
        matched ? (
          <Text key={i} bold color={theme.colour ? theme.tone.info : undefined} underline={!theme.colour}>
            {text}
          </Text>
        ) : (
          text
        ),
      )}
    </Text>
  );
}
