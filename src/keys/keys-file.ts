/**
 * The user's keys.yaml: new keys for actions of the default table. Format:
 *
 * ```yaml
 * keys:
 *   describe: D            # one key
 *   delete: [ctrl-x]       # or a list; the list replaces all default keys of the action
 *   logs-wrap: W
 *   help: "?"              # quote keys YAML reads as syntax: "?", ":", "#", "[", "{", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`"
 * ```
 *
 * Ids are the ones the `?` help screen shows next to each key. Key names: a character stands for
 * itself (`d`, `D`, `?`), named keys are words (enter, esc, tab, space, backspace, delete, up,
 * down, left, right, pgup, pgdn, home, end) and modifiers are prefixes (ctrl-d, alt-x, shift-tab).
 *
 * Nothing here throws: every problem becomes one sentence naming the file and line, that action
 * keeps its default keys (a clash keeps the defaults of both actions), and the rest applies.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { closestName } from './did-you-mean.ts';
import { actionSpecs, isActionId, scopesFor, type KeyScope } from './actions.ts';
import { displayPath } from '../config/paths.ts';
import { displayKey, normaliseKeyName } from './key-name.ts';
import { buildKeymap, defaultKeymap, findClashes, mayMeet, type Keymap } from './keymap.ts';

/** The keymap to use and what was wrong with the file (empty when it is fine or absent). */
export interface KeysFile {
  keymap: Keymap;
  problems: string[];
}

/** Reads keys.yaml at `path`; a missing file means the defaults and no problem. Never throws. */
export function loadKeysFile(path: string): KeysFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { keymap: defaultKeymap, problems: [] };
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unknown error');
    return { keymap: defaultKeymap, problems: [`${displayPath(path)} cannot be read (${why}), so kx uses the default keys.`] };
  }
  return parseKeysFile(text, path);
}

/** One action's new keys, from the line that set them. */
interface Override {
  id: string;
  keys: string[];
  line: number;
}

interface Problem {
  line: number;
  text: string;
}

const quoteTip = 'quote keys such as "?", ":" and "#"';
const actionIds = actionSpecs.map((spec) => spec.id);
/** Control characters a terminal sends for these, so Ink reports the named key instead. */
export const terminalTwins: Readonly<Record<string, string>> = { 'ctrl-m': 'enter', 'ctrl-i': 'tab', 'ctrl-h': 'backspace', 'ctrl-[': 'esc' };

/** Validates the text of keys.yaml (`path` only names the file in messages) and applies it. */
export function parseKeysFile(text: string, path: string): KeysFile {
  const where = displayPath(path);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const lineOf = (node: Node | null | undefined): number => lines.linePos(node?.range?.[0] ?? 0).line;
  const all = (problems: Problem[]): string[] => problems.sort((x, y) => x.line - y.line).map((p) => `${where} line ${p.line}: ${p.text}`);

  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line ?? 1;
    const what = (syntax.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const said = what.charAt(0).toLowerCase() + what.slice(1);
    return { keymap: defaultKeymap, problems: all([{ line, text: `the YAML is not valid (${said}), so kx uses the default keys; ${quoteTip}.` }]) };
  }

  const problems: Problem[] = [];
  const top = doc.contents;
  if (top === null || (isScalar(top) && top.value === null)) return { keymap: defaultKeymap, problems: [] };
  if (!isMap(top)) {
    problems.push({ line: lineOf(top), text: 'expected "keys:" with action ids under it, so kx uses the default keys.' });
    return { keymap: defaultKeymap, problems: all(problems) };
  }

  const overrides = new Map<string, Override>();
  const repeated = new Set<string>();
  let keysSeen = false;
  for (const pair of top.items) {
    const keyNode = pair.key as Node | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    if (name !== 'keys') {
      const near = closestName(name, ['keys']);
      problems.push({ line: lineOf(keyNode), text: `unknown setting "${name}" (${near ? `did you mean "${near}"?` : 'kx reads only "keys"'}), so it is ignored.` });
      continue;
    }
    if (keysSeen) {
      problems.push({ line: lineOf(keyNode), text: '"keys" appears a second time, so this one is ignored.' });
      continue;
    }
    keysSeen = true;
    const body = pair.value as Node | null;
    if (body === null || (isScalar(body) && body.value === null)) continue;
    if (!isMap(body)) {
      problems.push({ line: lineOf(body), text: '"keys" must map action ids to keys (like describe: D), so kx uses the default keys.' });
      continue;
    }
    for (const entry of body.items) {
      const idNode = entry.key as Node | null;
      const line = lineOf(idNode);
      const id = isScalar(idNode) ? scalarText(idNode) : undefined;
      if (id === undefined) {
        problems.push({ line, text: 'expected an action id before the colon, so the line is ignored.' });
        continue;
      }
      if (!isActionId(id)) {
        const near = closestName(id, actionIds);
        problems.push({ line, text: `there is no action "${id}"${near ? ` (did you mean "${near}"?)` : ' (the ? help screen shows every id)'}, so the line is ignored.` });
        continue;
      }
      const earlier = overrides.get(id);
      if (earlier || repeated.has(id)) {
        problems.push({ line, text: `"${id}" is set again${earlier ? ` (first on line ${earlier.line})` : ''}, so it keeps its default keys.` });
        overrides.delete(id);
        repeated.add(id);
        continue;
      }
      const keys = keysOf(entry.value as Node | null, id);
      if ('problem' in keys) problems.push({ line, text: keys.problem });
      else overrides.set(id, { id, keys: keys.keys, line });
    }
  }

  const keymap = withoutConflicts(overrides, problems);
  return { keymap, problems: all(problems) };
}

/** The canonical keys of one entry's value, or the sentence saying why they cannot be used. */
function keysOf(value: Node | null, id: string): { keys: string[] } | { problem: string } {
  const keeps = `so "${id}" keeps its default keys`;
  const items = isSeq(value) ? value.items : [value];
  if (items.length === 0) return { problem: `"${id}" has no key, so it keeps its default keys.` };
  const keys: string[] = [];
  for (const item of items) {
    const written = isScalar(item) ? scalarText(item) : undefined;
    if (written === undefined) {
      const why = isScalar(item) || item === null ? `has no key (${quoteTip})` : 'must be a key or a list of keys';
      return { problem: `"${id}" ${why}, so it keeps its default keys.` };
    }
    const key = normaliseKeyName(written);
    if (key === undefined) return { problem: `"${written}" names no key (write keys like d, D, ctrl-d, enter, pgdn), ${keeps}.` };
    if (key === 'ctrl-c') return { problem: `ctrl-c always quits kx, ${keeps}.` };
    const twin = terminalTwins[key];
    if (twin) return { problem: `a terminal sends ${key} as ${twin} (write ${twin}), ${keeps}.` };
    if (!keys.includes(key)) keys.push(key);
  }
  return { keys };
}

/** What a scalar says as text: strings as they are, numbers and booleans as written. */
function scalarText(node: Node): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

/** Two actions the keymap cannot tell apart on one key: `actions[0]` hides `actions[1]`. */
interface Conflict {
  key: string;
  scope: KeyScope;
  actions: [string, string];
  /** True when the actions are in nested scopes (a table key hiding a global one), not the same one. */
  hides: boolean;
}

/** Pairs the defaults already have on purpose (`pane-close` takes `q` from `quit` in panes). */
const acceptedPairs = new Set(conflictsOf(defaultKeymap).map(pairOf));

/**
 * The keymap with every override applied that introduces no conflict. A conflicting override
 * goes back to its default, with both actions named; that can expose another conflict (a third
 * override took the default key), so this repeats until none is left, one conflict per round.
 */
function withoutConflicts(overrides: Map<string, Override>, problems: Problem[]): Keymap {
  const applied = new Map(overrides);
  for (;;) {
    if (applied.size === 0) return defaultKeymap;
    const keymap = buildKeymap(Object.fromEntries([...applied.values()].map((o) => [o.id, o.keys])));
    const conflict = conflictsOf(keymap).find((c) => !acceptedPairs.has(pairOf(c)) && c.actions.some((id) => applied.has(id)));
    if (!conflict) return keymap;
    // Name the action the line sets first; for "hides" the order says who hides whom.
    const swap = !conflict.hides && !applied.has(conflict.actions[0]);
    const [first, second] = swap ? [conflict.actions[1], conflict.actions[0]] : conflict.actions;
    const setLines = conflict.actions.flatMap((id) => (applied.has(id) ? [applied.get(id)!.line] : [])).sort((x, y) => x - y);
    const key = keyInProse(conflict.key);
    const what = conflict.hides
      ? `"${first}" on ${key} would hide "${second}" in ${scopeWords(conflict.scope)}`
      : `"${first}" and "${second}" would both answer ${key} in ${scopeWords(conflict.scope)}`;
    const also = setLines.length > 1 ? ` (the other is set on line ${setLines[1]})` : '';
    problems.push({ line: setLines[0] ?? 1, text: `${what}${also}, so both keep their default keys.` });
    for (const id of conflict.actions) applied.delete(id);
  }
}

/**
 * Same-scope clashes (findClashes) plus keys an inner scope takes from an outer one: a table
 * action on `:` would make command mode unreachable from tables. The capability rule is
 * findClashes's (mayMeet): actions no single object offers together may share a key.
 */
function conflictsOf(keymap: Keymap): Conflict[] {
  const out: Conflict[] = findClashes(keymap).map((c) => ({ ...c, hides: false }));
  for (const inner of keymap.actions) {
    for (const outer of keymap.actions) {
      if (inner.scope === outer.scope || !scopesFor(inner.scope).includes(outer.scope)) continue;
      if (!mayMeet(inner, outer)) continue;
      // The panes that borrow the table's movement keys (history, forwards, helm) never offer its object actions.
      if (outer.scope === 'table' && 'target' in outer && inner.scope !== 'global') continue;
      const key = inner.keys.find((k) => outer.keys.includes(k));
      if (key !== undefined) out.push({ key, scope: inner.scope, actions: [inner.id, outer.id], hides: true });
    }
  }
  return out;
}

/** A key in a sentence: "y" for a character (':' alone reads as punctuation), <ctrl-d> for the rest. */
function keyInProse(key: string): string {
  return key.length === 1 ? `"${key}"` : displayKey(key);
}

function pairOf(c: Conflict): string {
  return c.hides ? `${c.actions[0]}>${c.actions[1]}` : [...c.actions].sort().join('=');
}

function scopeWords(scope: KeyScope): string {
  switch (scope) {
    case 'global':
      return 'every view';
    case 'table':
      return 'tables';
    case 'pane':
      return 'panes';
    case 'logs':
      return 'the logs pane';
    case 'yaml':
      return 'the YAML pane';
    case 'history':
      return 'rollout history';
    case 'forwards':
      return 'the port-forwards pane';
    case 'helm':
      return 'the Helm releases pane';
    case 'dialog':
      return 'dialogs';
    default: {
      const never: never = scope;
      return never;
    }
  }
}
