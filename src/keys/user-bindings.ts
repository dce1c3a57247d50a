/**
 * Which of the user's hotkeys and plugins get their keys. The rule is keys.yaml's: a key that
 * would hide a built-in action where both act (tables, and the global keys tables answer) is
 * refused with a sentence naming both, and the built-in keeps it; k9s's `override: true` is the
 * user saying the hiding is meant, as in k9s. Between the user's own bindings the file read
 * with more precedence wins (kx's own, then the context's k9s file, then k9s's global one).
 */
import type { Keymap } from './keymap.ts';
import type { PluginBinding, UserBinding } from './user-binding.ts';

/** The bindings kept and a sentence for each left out. */
export interface AcceptedBindings {
  bindings: UserBinding[];
  problems: string[];
}

/** Checks `candidates` (highest precedence first) against the built-in actions of `keymap` and each other. */
export function acceptBindings(candidates: readonly UserBinding[], keymap: Keymap): AcceptedBindings {
  const bindings: UserBinding[] = [];
  const problems: string[] = [];
  for (const b of candidates) {
    const what = `${b.kind} "${b.name}" on ${keyInProse(b.key)}`;
    const builtin = keymap.actions.find((a) => (a.scope === 'table' || a.scope === 'global') && a.keys.includes(b.key));
    if (builtin && !b.override) {
      problems.push(`${b.where}: ${what} would hide "${builtin.id}" in tables, so it is ignored (override: true gives it the key, as in k9s).`);
      continue;
    }
    const other = bindings.find((kept) => kept.key === b.key && overlap(kept, b));
    if (other) {
      problems.push(`${b.where}: ${what} clashes with ${other.kind} "${other.name}" (${other.where}), so it is ignored.`);
      continue;
    }
    bindings.push(b);
  }
  return { bindings, problems };
}

/** Whether two bindings can be offered in one view: hotkeys are in every table, plugins in their scopes. */
function overlap(x: UserBinding, y: UserBinding): boolean {
  if (x.kind === 'hotkey' || y.kind === 'hotkey') return true;
  const names = (p: PluginBinding): Set<string> => new Set(p.scopes.map((s) => s.toLowerCase()));
  const xs = names(x);
  const ys = names(y);
  if (xs.has('all') || ys.has('all')) return true;
  return [...xs].some((s) => ys.has(s));
}

/** A key in a sentence: "S" for a character, <ctrl-l> for the rest (as keys.yaml's sentences write them). */
function keyInProse(key: string): string {
  return key.length === 1 ? `"${key}"` : `<${key}>`;
}
