/** Turning match indexes into segments a component can draw, after the table fitted the text. */

/** A run of text and whether it is part of a match. */
export type Segment = [text: string, matched: boolean];

/** Splits `text` into alternating runs of unmatched and matched characters (indexes ascending). */
export function highlightSegments(text: string, indexes: readonly number[] | undefined): Segment[] {
  if (!indexes || indexes.length === 0) return text === '' ? [] : [[text, false]];
  const hit = new Set(indexes);
  const out: Segment[] = [];
  let run = '';
  let runMatched = false;
  for (let i = 0; i < text.length; i++) {
    const matched = hit.has(i);
    if (matched !== runMatched && run !== '') {
      out.push([run, runMatched]);
      run = '';
    }
    runMatched = matched;
    run += text[i];
  }
  if (run !== '') out.push([run, runMatched]);
  return out;
}

/**
 * Moves match indexes of `original` onto `fitted`, the same text after the table padded or
 * truncated it: right alignment shifts them, truncation drops those past the cut.
 */
export function fitIndexes(original: string, fitted: string, indexes: readonly number[] | undefined): number[] {
  if (!indexes || indexes.length === 0) return [];
  const at = fitted.indexOf(original);
  if (at >= 0) return indexes.map((i) => i + at);
  // Truncated (with '…'): only the common prefix is still the original text.
  let kept = 0;
  while (kept < original.length && kept < fitted.length && original[kept] === fitted[kept]) kept++;
  return indexes.filter((i) => i < kept);
}

/**
 * Segments for a whole table line: fitted cells joined by `gap`, each with the indexes of its
 * original text (undefined = no match), so one <Text> line can carry the highlights.
 */
export function lineSegments(cells: readonly { original: string; fitted: string; indexes?: readonly number[] | undefined }[], gap: string): Segment[] {
  const out: Segment[] = [];
  const push = (seg: Segment): void => {
    const last = out[out.length - 1];
    if (last && last[1] === seg[1]) last[0] += seg[0];
    else out.push([seg[0], seg[1]]);
  };
  cells.forEach((cell, i) => {
    if (i > 0 && gap !== '') push([gap, false]);
    for (const seg of highlightSegments(cell.fitted, fitIndexes(cell.original, cell.fitted, cell.indexes))) push(seg);
  });
  return out;
}
