/**
 * k9s's `shortCut` names (tcell's key names plus k9s's own) as kx key names: `a`, `Shift-A` (A),
 * `Ctrl-A`, `Shift-0`…`Shift-9` (the US layout's `)`, `!`, `@`, … that k9s maps them to), `?`,
 * `/`, `space`, `Enter`, `Esc`, `Up`, `PgDn`, `Backtab`. Function keys and Insert reach kx as
 * escape sequences Ink does not name, so they are refused with a sentence.
 */
import { normaliseKeyName } from './key-name.ts';
import { terminalTwins } from './keys-file.ts';

/** What k9s binds Shift-<digit> to (ui/key.go: KeyShift0 is ')', KeyShift1 '!', …). */
const shiftDigits: Readonly<Record<string, string>> = { '0': ')', '1': '!', '2': '@', '3': '#', '4': '$', '5': '%', '6': '^', '7': '&', '8': '*', '9': '(' };

/** The kx key for a k9s shortCut, or the sentence (after `"<name>" `) saying why there is none. */
export function k9sShortcutKey(written: string): { key: string } | { problem: string } {
  const text = written.trim();
  const digit = /^shift-([0-9])$/i.exec(text);
  if (digit) return { key: shiftDigits[digit[1]!]! };
  const key = /^backtab$/i.test(text) ? 'shift-tab' : normaliseKeyName(text);
  if (key === undefined) return { problem: 'names no key kx can read (write a–z, Shift-A…Shift-Z, Shift-0…Shift-9, Ctrl-A…Ctrl-Z or a named key such as Enter)' };
  if (key === 'ctrl-c') return { problem: 'is ctrl-c, which always quits kx' };
  const twin = terminalTwins[key];
  if (twin) return { problem: `is sent by a terminal as ${twin}, so kx cannot tell them apart` };
  return { key };
}
