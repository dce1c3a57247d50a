/** Entry point called by bin/kx and bin/kubectl-kx: parse, dispatch, and turn errors into exit codes. */
import { parseCommandLine } from './args.ts';
import { exitWith } from './exit.ts';
import { helpText, versionText } from './help.ts';
import { subcommands } from './subcommands.ts';

/** Runs kx with `argv` (without node and script); `invokedAs` is 'kx' or 'kubectl kx'. */
export async function main(argv: string[], opts: { invokedAs: string }): Promise<void> {
  try {
    const first = argv.find((a) => !a.startsWith('-'));
    if (first === 'demo') {
      const { runDemoCommand } = await import('./demo-command.ts');
      await runDemoCommand(argv.filter((a) => a !== 'demo'));
      return;
    }
    const load = first === undefined ? undefined : subcommands[first];
    if (load) {
      // argv keeps the command word out: each command parses its own flags plus the global ones.
      const index = argv.indexOf(first!);
      const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
      const code = await (await load()).run(rest, { invokedAs: opts.invokedAs });
      if (typeof code === 'number' && code !== 0) process.exitCode = code;
      return;
    }
    const args = parseCommandLine(argv);
    if (args.flags.version || args.command === 'version') {
      process.stdout.write(versionText());
      return;
    }
    if (args.flags.help || args.command === 'help') {
      process.stdout.write(helpText(opts.invokedAs));
      return;
    }
    // The TUI and everything it needs (Ink, React) load only here, so one-shot commands start fast.
    const { runTui } = await import('./tui-command.ts');
    await runTui(args);
  } catch (err) {
    exitWith(err);
  }
}
