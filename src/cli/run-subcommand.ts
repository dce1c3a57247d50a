/**
 * Runs a one-shot command from its module. Built, the module's own single file in dist/one-shot/
 * is preferred: one file read and compiled instead of the ~40 shared chunks it would link
 * (measured ~10 ms of a ~80 ms `kx scale`). That file has its own copies of kx's modules, so it
 * turns its errors into exit codes itself (runGuarded, scripts/build.mjs): an error class of
 * one copy is not an instance of the other's.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Subcommand, SubcommandContext, SubcommandRun } from './subcommands.ts';

interface SingleFileModule {
  runGuarded(run: string, argv: string[], ctx: SubcommandContext): Promise<number | void>;
}

/** Runs `command` with `argv`; resolves to its exit code. */
export async function runSubcommand(command: Subcommand, argv: string[], ctx: SubcommandContext): Promise<number | void> {
  const name = command.run ?? 'run';
  // Beside the bundle's chunks in dist/ (.mjs in the single executable's bundle, as this file is);
  // from source (tsx) there is none and the module loads as is.
  const extension = import.meta.url.endsWith('.mjs') ? '.mjs' : '.js';
  const single = new URL(`./one-shot/${command.file}${extension}`, import.meta.url);
  if (single.protocol === 'file:' && existsSync(fileURLToPath(single))) {
    const module = (await import(single.href)) as SingleFileModule;
    return module.runGuarded(name, argv, ctx);
  }
  const module = (await import(`./commands/${command.file}.ts`)) as Record<string, SubcommandRun | undefined>;
  const run = module[name];
  if (!run) throw new Error(`kx is built wrong: src/cli/commands/${command.file}.ts has no ${name}()`);
  return run(argv, ctx);
}
