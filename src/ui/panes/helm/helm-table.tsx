/** A plain table of text cells for the Helm pane: a heading, the rows that fit around the cursor, columns as wide as their cells. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { useTheme } from '../../theme-context.tsx';
import type { Tone } from '../../theme.ts';

/** Props of HelmTable. */
export interface HelmTableProps {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  /** Each row's colour. */
  tones: readonly (Tone | undefined)[];
  /** The row marked for a diff, flagged with '+'. */
  marked?: number | undefined;
  cursor: number;
  width: number;
  height: number;
  empty: string;
  error?: string | undefined;
}

/** The table. */
export function HelmTable(props: HelmTableProps): ReactElement {
  const theme = useTheme();
  const { rows, columns, cursor } = props;
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)) + 3);
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('');
  const room = Math.max(1, props.height - 2 - (props.error ? 1 : 0));
  const top = Math.max(0, Math.min(cursor - room + 1, rows.length - room));
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text bold wrap="truncate">
        {props.title}
      </Text>
      {props.error ? (
        <Text color={theme.tone.error} wrap="truncate">
          {props.error}
        </Text>
      ) : null}
      {rows.length === 0 ? (
        <Text color={theme.tone.muted}>{props.empty}</Text>
      ) : (
        <Text bold color={theme.table.heading} wrap="truncate">
          {`  ${line(columns)}`}
        </Text>
      )}
      {rows.slice(top, top + room).map((cells, j) => {
        const i = top + j;
        const tone = props.tones[i];
        return (
          <Text key={i} inverse={i === cursor} color={tone ? theme.tone[tone] : undefined} wrap="truncate">
            {`${props.marked === i ? '+ ' : '  '}${line(cells)}`}
          </Text>
        );
      })}
    </Box>
  );
}
