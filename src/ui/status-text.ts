/** Words for the status line: what a stream is doing, as a person reads it. */
import type { StreamState } from '../kube/stream-types.ts';
import { cellWidth } from './text-fit.ts';

/** 'syncing 3,400 of 10,000', 'live', 'reconnecting for 12 s: reason', 'forbidden: …', 'failed: …'. */
export function streamStateText(state: StreamState, now: number): string {
  switch (state.phase) {
    case 'connecting':
      return 'connecting…';
    case 'syncing':
      return state.total === undefined ? `syncing ${formatCount(state.loaded)}…` : `syncing ${formatCount(state.loaded)} of ${formatCount(state.total)}`;
    case 'live':
      return 'live';
    case 'reconnecting': {
      const seconds = Math.max(0, Math.round((now - state.since) / 1000));
      return `reconnecting for ${seconds} s: ${state.reason}`;
    }
    case 'forbidden':
      return `forbidden: ${state.message}`;
    case 'failed':
      return `failed: ${state.reason}`;
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** The tone the status line uses for a stream state. */
export function streamStateTone(state: StreamState): 'ok' | 'info' | 'warn' | 'error' {
  switch (state.phase) {
    case 'live':
      return 'ok';
    case 'connecting':
    case 'syncing':
      return 'info';
    case 'reconnecting':
      return 'warn';
    case 'forbidden':
    case 'failed':
      return 'error';
    default: {
      const never: never = state;
      return never;
    }
  }
}

/**
 * A whole number with thousands separators (10,000), as en-US prints it. Written out rather than
 * Intl.NumberFormat: constructing that loads ICU's number data and code, ~12 MB of resident memory
 * for commas (measured in a bare Node 24).
 */
export function formatCount(n: number): string {
  // A comma before every run of three digits that ends the number (whole numbers only).
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : String(n);
}

/**
 * `text` cut to at most `width` cells after a whole word, ending in '…' (trailing punctuation
 * dropped); a word is never cut in the middle, so a first word that does not fit leaves only '…'.
 */
export function truncateWords(text: string, width: number): string {
  if (cellWidth(text) <= width) return text;
  if (width < 1) return '';
  let out = '';
  for (const word of text.split(' ')) {
    const next = out ? `${out} ${word}` : word;
    if (cellWidth(next) > width - 1) break;
    out = next;
  }
  return `${out.replace(/[\s:;,.(-]+$/, '')}…`;
}

/** The status line's parts as they are drawn, each fitted so that together they take at most `width` cells. */
export interface StatusLineParts {
  /** The stream's words after the dot: the full text with its reason, or only the headline while a flash is up. */
  state: string;
  /** The flash message, cut at a word boundary; '' when there is none. */
  flash: string;
}

/** Gap between the stream's part and the flash. */
export const statusGap = 2;

/**
 * One message at a time: with a flash up the stream shows only its headline ('failed',
 * 'reconnecting for 7 s') and the flash gets the rest of the line; without one the stream's reason
 * gets it. `fixed` is the width of everything else on the line (title, dot, counts).
 */
export function fitStatusLine(stateText: string, flash: string | undefined, fixed: number, width: number): StatusLineParts {
  if (!flash) return { state: truncateWords(stateText, width - fixed), flash: '' };
  const colon = stateText.indexOf(': ');
  const headline = colon === -1 ? stateText : stateText.slice(0, colon);
  return { state: headline, flash: truncateWords(flash, width - fixed - cellWidth(headline) - statusGap) };
}
