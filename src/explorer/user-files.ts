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

/** Which context's files to read. */
export interface UserFilesContext {
  cluster: string;
  context: string;
}

/** What the files say, merged, and every problem found in them. */
export interface UserFiles {
  aliases: ReadonlyMap<string, UserAlias>;
  problems: string[];
}

/** The folders to read, lowest precedence first. */
export function userFileFolders(at: UserFilesContext, env: NodeJS.ProcessEnv = process.env): string[] {
  return [k9sConfigDir(env), k9sContextDir(at.cluster, at.context, env), configDir(env)];
}

/** Reads and merges the files for `at`. Never throws. */
export function loadUserFiles(at: UserFilesContext, env: NodeJS.ProcessEnv = process.env): UserFiles {
  const problems: string[] = [];
  const aliases = new Map<string, UserAlias>();
  for (const folder of new Set(userFileFolders(at, env))) {
    const file = loadAliasesFile(join(folder, 'aliases.yaml'));
    problems.push(...file.problems);
    for (const alias of file.aliases) aliases.set(alias.name, alias);
  }
  return { aliases, problems };
}
