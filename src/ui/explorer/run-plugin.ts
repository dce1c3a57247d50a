/**
 * A plugin's run (plugins.yaml): in the foreground the TUI steps aside (as for a shell) and comes
 * back when the program exits; in the background kx carries on and flashes how it ended. A
 * program that is missing or fails is one sentence; kx keeps running either way.
 */
import { runLocalCommand, type LocalOutcome } from '../../kube/exec/run-local-command.ts';
import type { PluginBinding } from '../../keys/user-binding.ts';
import type { Flash } from '../components/status-line.tsx';

/** The command line as a person would type it, for the confirmation and the sentences. */
export function commandLine(command: string, args: readonly string[]): string {
  const quote = (word: string): string => (word === '' ? "''" : /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
  return [command, ...args].map(quote).join(' ');
}

/** What to flash once the plugin's program has ended (or could not start). */
export function outcomeFlash(plugin: PluginBinding, outcome: LocalOutcome): Flash {
  const who = `plugin "${plugin.name}" (${plugin.command})`;
  switch (outcome.kind) {
    case 'not-started':
      return { text: `${plugin.where}: plugin "${plugin.name}": command "${plugin.command}" ${outcome.reason}.`, level: 'error' };
    case 'signalled':
      return { text: `${who} was ended by ${outcome.signal}.`, level: 'error' };
    case 'exited':
      if (outcome.code !== 0) return { text: `${who} exited with status ${outcome.code}${outcome.lastErr ? `: ${outcome.lastErr}` : ''}`, level: 'error' };
      if (plugin.background && plugin.overwriteOutput && outcome.lastOut) return { text: outcome.lastOut, level: 'info' };
      return { text: `${who} exited with status 0`, level: 'info' };
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

/** Runs `plugin` with its substituted `args`; `say` gets the sentences (a background one's later). */
export async function runPlugin(plugin: PluginBinding, args: readonly string[], suspendTerminal: (work: () => Promise<void>) => Promise<void>, say: (flash: Flash) => void): Promise<void> {
  if (plugin.background) {
    say({ text: `plugin "${plugin.name}" runs in the background: ${commandLine(plugin.command, args)}`, level: 'info' });
    say(outcomeFlash(plugin, await runLocalCommand(plugin.command, args, { background: true })));
    return;
  }
  let outcome: LocalOutcome = { kind: 'not-started', reason: 'did not run' };
  await suspendTerminal(async () => {
    outcome = await runLocalCommand(plugin.command, args, { background: false });
  });
  say(outcomeFlash(plugin, outcome));
}
