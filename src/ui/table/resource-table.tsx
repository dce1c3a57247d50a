/** A windowed table: only the rows that fit on screen are rendered, one <Text> line each. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { lineSegments } from '../../explorer/filter/highlight.ts';
import { fit } from '../text-fit.ts';
import type { Theme, Tone } from '../theme.ts';
import { columnWidths, joinCells, type ColumnView } from './layout.ts';
import { useTheme } from '../theme-context.tsx';

/** A row as the table draws it: display cells, a tone and a transient change mark. */
export interface RowView {
  key: string;
  cells: string[];
  tone: Tone;
  mark?: 'added' | 'changed' | 'deleted' | undefined;
  /** Filter matches: displayed column index → matched character indexes of that cell's text. */
  matches?: ReadonlyMap<number, readonly number[]> | undefined;
  /** Marked for a bulk action (space). */
  marked?: boolean | undefined;
}

/** Props of ResourceTable; `top` is the first visible row (see windowStart). */
export interface ResourceTableProps {
  columns: ColumnView[];
  rows: readonly RowView[];
  cursor: number;
  top: number;
  height: number;
  width: number;
  sort?: { column: number; descending: boolean } | undefined;
  /** What to show instead of rows when there are none (loading, empty, forbidden, …). */
  emptyText?: string;
  /** The view has marks: a gutter before the first column shows which rows (colour alone would vanish under NO_COLOR). */
  marking?: boolean | undefined;
}

/** The gutter's text on a marked row, and its width on every row while the view has marks. */
export const markGutter = '✓ ';

/** Draws the header line and the visible window of rows with the cursor highlighted. */
export function ResourceTable(props: ResourceTableProps): ReactElement {
  const { columns, rows, cursor, top, height, width, sort } = props;
  const theme = useTheme();
  const visible = rows.slice(top, top + Math.max(0, height));
  const titled = columns.map((c, i) => ({ ...c, title: sortMarked(c.title, i, sort) }));
  const gutter = props.marking ? markGutter.length : 0;
  const widths = columnWidths(
    titled,
    visible.map((r) => r.cells),
    width - gutter,
  );
  const heading =
    ' '.repeat(gutter) +
    joinCells(
      titled.map((c, i) => fit(c.title, widths[i]!, c.align)),
      widths,
    );
  return (
    <Box flexDirection="column" width={width} height={height + 1}>
      <Text bold color={theme.table.heading} wrap="truncate">
        {heading}
      </Text>
      {visible.length === 0 ? (
        <Text color={theme.tone.muted}>{props.emptyText ?? ''}</Text>
      ) : (
        visible.map((row, i) => {
          const fitted = columns.map((c, ci) => fit(row.cells[ci] ?? '', widths[ci]!, c.align));
          const selected = top + i === cursor;
          const colour = markColour(row, theme) ?? (row.marked ? theme.table.marked : undefined) ?? theme.tone[row.tone];
          return (
            <Text key={row.key} color={colour} inverse={selected} bold={row.marked === true} dimColor={row.mark === 'deleted'} wrap="truncate">
              {gutter > 0 ? (row.marked ? markGutter : ' '.repeat(gutter)) : ''}
              {row.matches && row.matches.size > 0 ? highlighted(row, fitted, widths, theme) : joinCells(fitted, widths)}
            </Text>
          );
        })
      )}
    </Box>
  );
}

/** The line with the filter's matched characters emphasised (colour, and underline for NO_COLOR). */
function highlighted(row: RowView, fitted: readonly string[], widths: readonly number[], theme: Theme): ReactElement[] {
  // The same cells joinCells would join (dropped columns have width 0), as highlight segments.
  const gap = joinCells(['', ''], [1, 1]);
  const cells = fitted.map((text, ci) => ({ original: row.cells[ci] ?? '', fitted: text, indexes: row.matches?.get(ci), width: widths[ci]! })).filter((cell) => cell.width > 0);
  return lineSegments(cells, gap).map(([text, matched], k) =>
    matched ? (
      <Text key={k} color={theme.table.match} bold underline={!theme.colour}>
        {text}
      </Text>
    ) : (
      <Text key={k}>{text}</Text>
    ),
  );
}

function sortMarked(title: string, index: number, sort: ResourceTableProps['sort']): string {
  if (!sort || sort.column !== index) return title;
  return `${title}${sort.descending ? '↓' : '↑'}`;
}

function markColour(row: RowView, theme: Theme): string | undefined {
  switch (row.mark) {
    case undefined:
      return undefined;
    case 'added':
      return theme.table.added;
    case 'changed':
      return theme.table.changed;
    case 'deleted':
      return theme.table.deleted;
    default: {
      const never: never = row.mark;
      return never;
    }
  }
}
