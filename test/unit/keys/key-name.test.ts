/** What people write in keys.yaml becomes the one spelling Ink's key presses are turned into. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Key } from 'ink';
import { displayKey, keyName, normaliseKeyName } from '../../../src/keys/key-name.ts';

test('normaliseKeyName: modifiers, aliases and case as people write them', () => {
  const cases: Array<[string, string]> = [
    ['d', 'd'],
    ['D', 'D'],
    ['?', '?'],
    ['Ctrl-D', 'ctrl-d'],
    ['ctrl+d', 'ctrl-d'],
    ['CTRL-pgdn', 'ctrl-pgdn'],
    ['PgDn', 'pgdn'],
    ['page-down', 'pgdn'],
    ['PageUp', 'pgup'],
    ['Escape', 'esc'],
    ['ESC', 'esc'],
    ['Return', 'enter'],
    ['shift-g', 'G'],
    ['Shift+Tab', 'shift-tab'],
    ['alt-x', 'alt-x'],
    ['space', 'space'],
    [' ', 'space'],
    ['  j  ', 'j'],
  ];
  for (const [written, want] of cases) assert.equal(normaliseKeyName(written), want, JSON.stringify(written));
});

test('normaliseKeyName: text that names no key', () => {
  for (const written of ['', 'ctrl-', 'jj', 'f1', 'shift-1', 'hyper-x', 'ctrl-dd', '\t', '\x7f']) {
    assert.equal(normaliseKeyName(written), undefined, JSON.stringify(written));
  }
});

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

test('what a user writes matches what a press is called', () => {
  const presses: Array<[string, string, Partial<Key>]> = [
    ['ctrl-d', 'd', { ctrl: true }],
    ['Ctrl+D', 'd', { ctrl: true }],
    ['PgDn', '', { pageDown: true }],
    ['shift-tab', '', { tab: true, shift: true }],
    ['G', 'G', { shift: true }],
    ['esc', '', { escape: true }],
    ['space', ' ', {}],
    // NUL and 0x1c: Ink reports ctrl-space as ' ' with ctrl, ctrl-\ as '\' with ctrl.
    ['ctrl-space', ' ', { ctrl: true }],
    ['Ctrl+Space', ' ', { ctrl: true }],
    ['alt-space', ' ', { meta: true }],
    ['ctrl-\\', '\\', { ctrl: true }],
  ];
  for (const [written, input, flags] of presses) {
    assert.equal(keyName(input, { ...noKey, ...flags }), normaliseKeyName(written), written);
  }
});

test('displayKey: characters as they are, named keys in angle brackets', () => {
  assert.equal(displayKey('d'), 'd');
  assert.equal(displayKey('ctrl-d'), '<ctrl-d>');
  assert.equal(displayKey('enter'), '<enter>');
});
