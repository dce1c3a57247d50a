/**
 * A key the user's k9s-shaped files bind: a hotkey (hotkeys.yaml: a key that runs a `:` command)
 * or a plugin (plugins.yaml: a key that runs a program on the selected row). They live in the
 * keymap beside the built-in actions, so help lists them and clashes are found by one rule.
 */

/** What both kinds share. */
interface BindingBase {
  /** The entry's name in its file (the id help shows). */
  readonly name: string;
  /** The kx key name (k9s's `Shift-0` is `)`). */
  readonly key: string;
  /** The shortCut as written, for messages. */
  readonly shortCut: string;
  readonly description: string;
  /** k9s's `override: true`: take the key from a built-in action in tables. */
  readonly override: boolean;
  /** Where it was set: `~/.config/k9s/plugins.yaml line 4`. */
  readonly where: string;
}

/** hotkeys.yaml: a key that runs a `:` command (k9s's `hotKeys:` entries). */
export interface HotkeyBinding extends BindingBase {
  readonly kind: 'hotkey';
  /** The `:` command, with plugin variables ($NAMESPACE …) substituted when the key is pressed. */
  readonly command: string;
  readonly keepHistory: boolean;
}

/** plugins.yaml: a key that runs a program (k9s's `plugins:` entries). */
export interface PluginBinding extends BindingBase {
  readonly kind: 'plugin';
  /** Resource names (pods, po, deploy, containers, …) or `all`. */
  readonly scopes: readonly string[];
  readonly command: string;
  /** Arguments before substitution of $NAMESPACE, $NAME, $COL-STATUS, … */
  readonly args: readonly string[];
  /** Runs without the terminal; kx flashes its exit. */
  readonly background: boolean;
  /** Asks first, naming the command line. */
  readonly confirm: boolean;
  /** Hidden and refused when kx is read-only, like k9s. */
  readonly dangerous: boolean;
  /** A background plugin's last line of output is flashed instead of its exit status. */
  readonly overwriteOutput: boolean;
}

/** A hotkey or a plugin. */
export type UserBinding = HotkeyBinding | PluginBinding;
