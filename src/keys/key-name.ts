/**
 * One spelling for every key press, used by the keymap, the user's keys.yaml and the help screen:
 * a printable character stands for itself ('j', 'G', '?', ':'), named keys are lower-case words
 * ('enter', 'esc', 'up', 'pgdn', 'home', 'tab', 'space', 'backspace'), and modifiers are prefixes
 * ('ctrl-d', 'shift-tab', 'alt-x'). Upper-case letters already say shift, so 'shift-g' is 'G'.
 */
import type { Key } from 'ink';

/** Named keys, in the order the help screen explains them. */
export const namedKeys = ['enter', 'esc', 'tab', 'space', 'backspace', 'delete', 'up', 'down', 'left', 'right', 'pgup', 'pgdn', 'home', 'end'] as const;

/** The canonical name of what Ink reported, or undefined for input that is not one key (pasted text). */
export function keyName(input: string, key: Key): string | undefined {
  const named = namedKey(input, key);
  if (named) return withModifiers(named, key, true);
  if (input.length !== 1) return undefined;
  if (key.ctrl) return `ctrl-${input.toLowerCase()}`;
  if (key.meta) return `alt-${input}`;
  if (input === ' ') return 'space';
  return input;
}

function namedKey(input: string, key: Key): string | undefined {
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return 'tab';
  if (key.backspace) return 'backspace';
  if (key.delete) return 'delete';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  // ctrl-space arrives as NUL, which Ink reports as ' ' with ctrl: it is 'ctrl-space', not 'ctrl- '.
  if (input === ' ') return 'space';
  return undefined;
}

function withModifiers(name: string, key: Key, allowShift: boolean): string {
  let out = name;
  if (allowShift && key.shift) out = `shift-${out}`;
  if (key.meta && name !== 'esc') out = `alt-${out}`;
  if (key.ctrl) out = `ctrl-${out}`;
  return out;
}

const modifierPattern = /^((?:ctrl|alt|shift)-)*/;

/**
 * Normalises a key as a person writes it in keys.yaml ('Ctrl-D', 'ctrl+d', 'PgDn', 'Escape',
 * 'shift-g') to the canonical name, or undefined when it names no key.
 */
export function normaliseKeyName(written: string): string | undefined {
  // A quoted " " is the space bar; trimming first would lose it.
  if (written === ' ') return 'space';
  const text = written.trim();
  if (text.length === 1) return /[\x00-\x1f\x7f]/.test(text) ? undefined : text;
  const lowered = text.replace(/\+/g, '-');
  const prefix = modifierPattern.exec(lowered.toLowerCase())?.[0] ?? '';
  const base = lowered.slice(prefix.length);
  const mods = new Set(prefix.split('-').filter((m) => m !== ''));
  const aliases: Record<string, string> = {
    return: 'enter',
    escape: 'esc',
    pageup: 'pgup',
    pagedown: 'pgdn',
    'page-up': 'pgup',
    'page-down': 'pgdn',
    del: 'delete',
    bs: 'backspace',
    arrowup: 'up',
    arrowdown: 'down',
    arrowleft: 'left',
    arrowright: 'right',
  };
  let name: string;
  if (base.length === 1) {
    name = base;
    if (mods.has('shift') && /[a-z]/i.test(base)) {
      // 'shift-g' is what a terminal sends as 'G'.
      mods.delete('shift');
      name = base.toUpperCase();
    }
    if (mods.has('ctrl')) name = name.toLowerCase();
  } else {
    const lower = base.toLowerCase();
    name = aliases[lower] ?? lower;
    if (!(namedKeys as readonly string[]).includes(name)) return undefined;
  }
  if (mods.has('shift') && base.length === 1) return undefined;
  let out = name;
  if (mods.has('shift')) out = `shift-${out}`;
  if (mods.has('alt')) out = `alt-${out}`;
  if (mods.has('ctrl')) out = `ctrl-${out}`;
  return out;
}

/** How the help screen and hints bar print a key: '<ctrl-d>' style for named keys, the character otherwise. */
export function displayKey(name: string): string {
  return name.length === 1 ? name : `<${name}>`;
}
