/**
 * Where kx keeps the files a person edits by hand (today: keys.yaml).
 *
 * - `KX_CONFIG_DIR` wins everywhere (tests and unusual setups).
 * - Linux and other Unixes: `$XDG_CONFIG_HOME/kx`, else `~/.config/kx` (env-paths, no suffix).
 * - macOS: `$XDG_CONFIG_HOME/kx`, else `~/.config/kx`, not env-paths' `~/Library/Preferences/kx`:
 *   that folder belongs to the `defaults` system's plists, and the people who run kx next to
 *   kubectl and k9s keep hand-edited YAML under ~/.config (k9s and stern honour XDG_CONFIG_HOME too).
 * - Windows: env-paths' `%APPDATA%\kx\Config`.
 */
import envPaths from 'env-paths';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The name of the keymap override file inside the config directory. */
export const keysFileName = 'keys.yaml';

/** kx's config directory for this environment (see the module comment for the rules). */
export function configDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env['KX_CONFIG_DIR'];
  if (override) return override;
  // The XDG spec says relative values are to be ignored.
  const xdg = env['XDG_CONFIG_HOME'];
  const xdgHome = xdg && isAbsolute(xdg) ? xdg : undefined;
  if (platform === 'darwin') return join(xdgHome ?? join(homedir(), '.config'), 'kx');
  if (platform === 'win32') return envPaths('kx', { suffix: '' }).config;
  return xdgHome ? join(xdgHome, 'kx') : join(homedir(), '.config', 'kx');
}

/**
 * Where kx keeps what it can always rebuild (discovery, V8's code cache): `KX_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/kx`, else `~/.cache/kx` (env-paths' cache folder on Windows).
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env['KX_CACHE_DIR'];
  if (override) return override;
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'kx');
  if (platform === 'win32') return envPaths('kx', { suffix: '' }).cache;
  return join(homedir(), '.cache', 'kx');
}

/**
 * Where kx keeps what it writes for the user and remembers between runs (saved logs and tables,
 * recent namespaces): `$XDG_STATE_HOME/kx`, else `~/.local/state/kx`.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_STATE_HOME'];
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.local', 'state'), 'kx');
}

/** The path of keys.yaml, which may not exist. */
export function keysFilePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(configDir(env, platform), keysFileName);
}

/** `path` with the home directory shown as `~`, for messages (shorter, and no user name on screen). */
export function displayPath(path: string): string {
  const home = homedir();
  return home !== '' && (path === home || path.startsWith(`${home}/`)) ? `~${path.slice(home.length)}` : path;
}

/**
 * k9s's config directory, where a k9s user keeps aliases.yaml, hotkeys.yaml, plugins.yaml, views.yaml
 * and skins: `K9S_CONFIG_DIR`, else `$XDG_CONFIG_HOME/k9s`, else `~/.config/k9s` on Linux and
 * `~/Library/Application Support/k9s` on macOS (k9s resolves XDG with adrg/xdg, whose macOS default
 * is Application Support), `%LOCALAPPDATA%\k9s` on Windows.
 */
export function k9sConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env['K9S_CONFIG_DIR'];
  if (override) return override;
  const xdg = env['XDG_CONFIG_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'k9s');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'k9s');
  if (platform === 'win32') return join(env['LOCALAPPDATA'] ?? join(homedir(), 'AppData', 'Local'), 'k9s');
  return join(homedir(), '.config', 'k9s');
}

/**
 * k9s's data directory, whose `clusters/<cluster>/<context>/` holds per-context aliases, hotkeys and
 * plugins: `K9S_CONFIG_DIR` when set (k9s keeps everything there then), else `$XDG_DATA_HOME/k9s`,
 * else `~/.local/share/k9s` (macOS: `~/Library/Application Support/k9s`).
 */
export function k9sDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env['K9S_CONFIG_DIR'];
  if (override) return override;
  const xdg = env['XDG_DATA_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'k9s');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'k9s');
  if (platform === 'win32') return join(env['LOCALAPPDATA'] ?? join(homedir(), 'AppData', 'Local'), 'k9s');
  return join(homedir(), '.local', 'share', 'k9s');
}

/**
 * The folder of one context's k9s files, `<k9sDataDir>/clusters/<cluster>/<context>`, with k9s's
 * sanitising: every run of ':' and '/' in either name becomes one '-' (k9s data.SanitizeFileName),
 * so `arn:aws:eks:…:cluster/prod` finds the folder k9s made.
 */
export function k9sContextDir(cluster: string, context: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const clean = (name: string): string => name.replace(/[:/]+/g, '-');
  return join(k9sDataDir(env, platform), 'clusters', clean(cluster), clean(context));
}
