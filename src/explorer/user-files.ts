/**
 * The k9s-shaped files a user brings along: aliases.yaml, hotkeys.yaml and plugins.yaml, read
 * where k9s reads them and then from kx's own config folder:
 *
 * 1. k9s's config folder (`k9sConfigDir`: K9S_CONFIG_DIR, else XDG, else the platform's);
 * 2. the context's folder in k9s's data folder, `clusters/<cluster>/<context>/` (k9s loads it
 *    after the global file, so its entries win);
 * 3. kx's config folder (`configDir`): a kx file wins over both of k9s's.
 *
 * Entries merge by name, the later file winning; each problem is one sentence naming file and line.
 */
import { join } from 'node:path';
import { configDir, k9sConfigDir, k9sContextDir } from '../config/paths.ts';
import { loadAliasesFile, type UserAlias } from './commands/aliases-file.ts';
import { loadHotkeysFile } from '../keys/hotkeys-file.ts';
import { loadPluginsFile } from '../keys/plugins-file.ts';
import { acceptBindings } from '../keys/user-bindings.ts';
import { defaultKeymap, type Keymap } from '../keys/keymap.ts';
import type { UserBinding } from '../keys/user-binding.ts';
import { isOnPath } from '../kube/exec/find-on-path.ts';

/** Which context's files to read. */
export interface UserFilesContext {
  cluster: string;
  context: string;
}

/** What the files say, merged, and every problem found in them. */
export interface UserFiles {
  aliases: ReadonlyMap<string, UserAlias>;
  /** Hotkeys and plugins whose keys are free (or taken with override: true), highest precedence first. */
  bindings: readonly UserBinding[];
  problems: string[];
}

/** The folders to read, lowest precedence first. */
export function userFileFolders(at: UserFilesContext, env: NodeJS.ProcessEnv = process.env): string[] {
  return [k9sConfigDir(env), k9sContextDir(at.cluster, at.context, env), configDir(env)];
}

/** Reads and merges the files for `at`; hotkeys and plugins are checked against `keymap`'s keys. Never throws. */
export function loadUserFiles(at: UserFilesContext, keymap: Keymap = defaultKeymap, env: NodeJS.ProcessEnv = process.env): UserFiles {
  const problems: string[] = [];
  const aliases = new Map<string, UserAlias>();
  // Per folder, lowest precedence first: hotkeys and plugins of a later folder replace same-named ones.
  const hotkeys = new Map<string, Ranked>();
  const plugins = new Map<string, Ranked>();
  let rank = 0;
  for (const folder of new Set(userFileFolders(at, env))) {
    rank++;
    const aliasFile = loadAliasesFile(join(folder, 'aliases.yaml'));
    const hotkeyFile = loadHotkeysFile(join(folder, 'hotkeys.yaml'));
    const pluginFile = loadPluginsFile(join(folder, 'plugins.yaml'));
    problems.push(...aliasFile.problems, ...hotkeyFile.problems, ...pluginFile.problems);
    for (const alias of aliasFile.aliases) aliases.set(alias.name, alias);
    hotkeyFile.hotkeys.forEach((binding, order) => hotkeys.set(binding.name, { binding, rank, order }));
    pluginFile.plugins.forEach((binding, order) => plugins.set(binding.name, { binding, rank, order }));
  }
  // Highest precedence first (kx's folder, then the context's, then k9s's), hotkeys before plugins,
  // each file in its order: a clash between the user's own keys keeps the first.
  const kindOrder = (r: Ranked): number => (r.binding.kind === 'hotkey' ? 0 : 1);
  const ordered = [...hotkeys.values(), ...plugins.values()].sort((x, y) => y.rank - x.rank || kindOrder(x) - kindOrder(y) || x.order - y.order);
  const accepted = acceptBindings(
    ordered.map((r) => r.binding),
    keymap,
  );
  // Said at start rather than at the first key press; the plugin stays (pressing it says the same).
  const missing = accepted.bindings.flatMap((b) => (b.kind === 'plugin' && !isOnPath(b.command, env) ? [`${b.where}: plugin "${b.name}": command "${b.command}" was not found on PATH.`] : []));
  return { aliases, bindings: accepted.bindings, problems: [...problems, ...accepted.problems, ...missing] };
}

/** A binding with the precedence of its folder (higher wins) and its place in the file. */
interface Ranked {
  binding: UserBinding;
  rank: number;
  order: number;
}
