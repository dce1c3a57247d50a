/**
 * What `c` copies from a text pane (describe, YAML, logs): the line of the current search match
 * while a search is active, otherwise the lines on screen, as plain text (colours stripped).
 * Copying what is shown keeps a Secret's values masked in YAML until `x` reveals them.
 */
import { copyToClipboard } from '../clipboard.ts';
import type { PaneFlash } from './pane-types.ts';

/** The text to copy: the match's line when there is one, else the visible lines joined by newlines. */
export function paneCopyText(visible: readonly string[], matchLine: string | undefined): string {
  return matchLine ?? visible.join('\n');
}

/** Copies `text` over OSC 52 and says what was copied (a line, or how many lines). */
export function copyPaneText(text: string, fromMatch: boolean, onFlash: (flash: PaneFlash) => void): void {
  copyToClipboard(text);
  const count = text === '' ? 0 : text.split('\n').length;
  const what = fromMatch ? 'the matching line' : count === 1 ? '1 line' : `${count} lines`;
  onFlash({ text: `Copied ${what} to the clipboard`, level: 'info' });
}
