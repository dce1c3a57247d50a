/**
 * The one line under the table: what the keys do here, built from the keymap in use (the same
 * table as the `?` help screen), so a key the user rebound shows its new key.
 */
import { Text } from 'ink';
import type { ReactElement } from 'react';
import { scopesFor, type Capability, type KeyScope } from '../../keys/actions.ts';
import { displayKey } from '../../keys/key-name.ts';
import type { Keymap } from '../../keys/keymap.ts';
import { useKeymap } from '../keys/keymap-context.tsx';
import { cellWidth } from '../text-fit.ts';
import { useTheme } from '../theme-context.tsx';

/** One hint: the key to press and one or two words. */
export interface Hint {
  id: string;
  key: string;
  label: string;
}

/** What decides which hints apply. */
export interface HintContext {
  scope: KeyScope;
  /** The selection's capabilities; without them, actions that need one are not offered. */
  capabilities?: ReadonlySet<Capability> | undefined;
  /** --readonly: actions that change the cluster are not offered. */
  readonly: boolean;
  /** Actions RBAC forbids here (see rbac/access-review.ts): not offered either. */
  hidden?: ReadonlySet<string> | undefined;
}

const gap = '  ';

/**
 * The hints for `context`, in display order: the innermost scope's first (what this view is
 * for), then the enclosing scopes', each in table order. A key an inner action takes (q closes a
 * pane) is not offered for the outer action it hides.
 */
export function hintsFor(keymap: Keymap, context: HintContext): Hint[] {
  const { capabilities } = context;
  const out: Hint[] = [];
  for (const scope of scopesFor(context.scope)) {
    for (const spec of keymap.actions) {
      if (spec.scope !== scope || !spec.hint) continue;
      if (spec.needs && !capabilities?.has(spec.needs)) continue;
      if (context.readonly && spec.mutates) continue;
      if (context.hidden?.has(spec.id)) continue;
      const key = spec.keys.find((k) => keymap.resolve(context.scope, k, capabilities ? { capabilities } : {})?.id === spec.id);
      if (key !== undefined) out.push({ id: spec.id, key: displayKey(key), label: spec.label });
    }
  }
  return out;
}

/** The cells one hint takes: `d describe`. */
function hintWidth(hint: Hint): number {
  return cellWidth(hint.key) + 1 + cellWidth(hint.label);
}

/**
 * The hints that fit in `width` cells, still in display order. What goes first when space runs
 * out follows the action table's order (quit and help are its first rows, so `? help`, the way
 * to every other key, stays longest); whole hints are dropped, never cut.
 */
export function fitHints(hints: readonly Hint[], order: readonly string[], width: number): Hint[] {
  const rank = (h: Hint): number => {
    const i = order.indexOf(h.id);
    return i < 0 ? order.length : i;
  };
  const byPriority = [...hints].sort((x, y) => rank(x) - rank(y));
  const kept = new Set<Hint>();
  let used = 0;
  for (const hint of byPriority) {
    const more = (kept.size > 0 ? gap.length : 0) + hintWidth(hint);
    if (used + more > width) break;
    kept.add(hint);
    used += more;
  }
  return hints.filter((h) => kept.has(h));
}

/** Props of HintsBar. */
export interface HintsBarProps extends HintContext {
  width: number;
}

/** `<enter> open  d describe  y yaml  l logs  …  ? help  q quit`, fitted to one line. */
export function HintsBar(props: HintsBarProps): ReactElement {
  const keymap = useKeymap();
  const all = hintsFor(keymap, props);
  const shown = fitHints(
    all,
    keymap.actions.map((spec) => spec.id),
    props.width,
  );
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      {shown.map((hint, i) => (
        <Text key={hint.id}>
          {i > 0 ? gap : ''}
          <Text color={theme.tone.info} bold={!theme.colour}>
            {hint.key}
          </Text>
          <Text color={theme.tone.muted}> {hint.label}</Text>
        </Text>
      ))}
    </Text>
  );
}
