/**
 * The keymap in use: the default action table with the user's overrides applied, and the lookup
 * views use to turn a key name into an action. Clashes are found here, so keys.yaml problems and
 * the defaults are checked by the same rule.
 */
import { actionSpecs, scopesFor, type ActionId, type ActionSpec, type Capability, type KeyScope } from './actions.ts';
import type { PluginBinding, UserBinding } from './user-binding.ts';

/** A user's override: new keys for one action id. */
export type KeyOverrides = Readonly<Record<string, readonly string[]>>;

/** Two actions that would answer the same key in the same scope. */
export interface KeyClash {
  key: string;
  scope: KeyScope;
  actions: [string, string];
}

/** Bindings resolved for use; immutable. */
export class Keymap {
  readonly actions: readonly ActionSpec[];
  /** The user's hotkeys and plugins (already checked for clashes: user-bindings.ts); they act in tables. */
  readonly user: readonly UserBinding[];
  readonly #byId: ReadonlyMap<string, ActionSpec>;

  constructor(actions: readonly ActionSpec[], user: readonly UserBinding[] = []) {
    this.actions = actions;
    this.user = user;
    this.#byId = new Map(actions.map((spec) => [spec.id, spec]));
  }

  /** The same actions with `user` as the hotkeys and plugins. */
  withUser(user: readonly UserBinding[]): Keymap {
    return new Keymap(this.actions, user);
  }

  /** The hotkey or plugin `key` runs in a table; `inScope` says whether a plugin applies to the view. */
  userBinding(key: string, inScope: (plugin: PluginBinding) => boolean): UserBinding | undefined {
    return this.user.find((b) => b.key === key && (b.kind === 'hotkey' || inScope(b)));
  }

  /** The action spec by id. */
  action(id: string): ActionSpec | undefined {
    return this.#byId.get(id);
  }

  /** The keys bound to `id` (empty when unbound or unknown). */
  keysFor(id: string): readonly string[] {
    return this.#byId.get(id)?.keys ?? [];
  }

  /**
   * The action `key` triggers in `scope`: the first binding in the scope's order whose
   * capability the selection has and that `available` accepts (a view passes the ids it handles).
   */
  resolve(scope: KeyScope, key: string, opts: { capabilities?: ReadonlySet<Capability>; available?: (id: ActionId) => boolean } = {}): ActionSpec | undefined {
    for (const s of scopesFor(scope)) {
      for (const spec of this.actions) {
        if (spec.scope !== s || !spec.keys.includes(key)) continue;
        if (spec.needs && opts.capabilities && !opts.capabilities.has(spec.needs)) continue;
        if (opts.available && !opts.available(spec.id)) continue;
        return spec;
      }
    }
    return undefined;
  }
}

/** The defaults with `overrides` applied (unknown ids are ignored here; see validateKeysFile). */
export function buildKeymap(overrides: KeyOverrides = {}): Keymap {
  return new Keymap(actionSpecs.map((spec) => (overrides[spec.id] ? { ...spec, keys: [...overrides[spec.id]!] } : spec)));
}

/** The default keymap. */
export const defaultKeymap: Keymap = buildKeymap();

/**
 * Capabilities no object has together: only pods exec, and pods cannot be scaled, rolled out or
 * drilled into; a cron job neither execs, scales nor has logs (its jobs do). Other pairs do meet (a pod has logs and exec, a deployment scale and rollout), so
 * "needs different capabilities" alone does not keep two actions apart.
 */
const neverTogether: ReadonlySet<string> = new Set(['exec+scale', 'exec+rollout', 'exec+drill', 'cronjob+exec', 'cronjob+scale', 'cronjob+logs', 'node-ops+used-by', 'node-ops+rollout']);

/** Whether one selected object could offer both actions (so they must not share a key). */
export function mayMeet(x: ActionSpec, y: ActionSpec): boolean {
  if (!x.needs || !y.needs || x.needs === y.needs) return true;
  return !neverTogether.has(`${x.needs}+${y.needs}`) && !neverTogether.has(`${y.needs}+${x.needs}`);
}

/**
 * Whether `first` (earlier in the table) deliberately hides `later` on the same key: an action that
 * needs a capability, listed before one that needs none, wins on the rows that have the capability
 * and leaves the key to `later` everywhere else (resolve's order). This is how k9s's node keys
 * (c cordon, u uncordon, r drain) coexist with c copy-name on every other row.
 */
export function shadows(first: ActionSpec, later: ActionSpec): boolean {
  return first.needs !== undefined && later.needs === undefined;
}

/**
 * Pairs of actions sharing a key in one scope. Two actions may share a key only when no object
 * offers both (k9s's `s`: shell on pods, scale on workloads; see mayMeet), or when the earlier one
 * needs a capability and the later one none (see shadows).
 */
export function findClashes(keymap: Keymap): KeyClash[] {
  const clashes: KeyClash[] = [];
  const list = keymap.actions;
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const x = list[i]!;
      const y = list[j]!;
      if (x.scope !== y.scope) continue;
      if (!mayMeet(x, y) || shadows(x, y)) continue;
      for (const key of x.keys) {
        if (y.keys.includes(key)) clashes.push({ key, scope: x.scope, actions: [x.id, y.id] });
      }
    }
  }
  return clashes;
}
