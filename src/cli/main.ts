/** Entry point called by bin/kx and bin/kubectl-kx: parse, dispatch, and turn errors into exit codes. */
import { exitWith } from './exit.ts';
import { runSubcommand } from './run-subcommand.ts';
import { subcommands } from './subcommands.ts';

/** Runs kx with `argv` (without node and script); `invokedAs` is 'kx' or 'kubectl kx'. */
export async function main(argv: string[], opts: { invokedAs: string }): Promise<void> {
  try {
    const at = commandWordIndex(argv);
    const first = at < 0 ? undefined : argv[at];
    if (first === 'demo') {
      const { runDemoCommand } = await import('./demo-command.ts');
      await runDemoCommand([...argv.slice(0, at), ...argv.slice(at + 1)]);
      return;
    }
    const command = first !== undefined && Object.hasOwn(subcommands, first) ? subcommands[first] : undefined;
    if (command) {
      // argv keeps the command word out: each command parses its own flags plus the global ones.
      const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
      const code = await runSubcommand(command, rest, { invokedAs: opts.invokedAs });
      if (typeof code === 'number' && code !== 0) process.exitCode = code;
      return;
    }
    // Loaded only here: a one-shot's start reads no more of kx than it runs.
    const [{ parseCommandLine }, { helpText, versionText }] = await Promise.all([import('./args.ts'), import('./help.ts')]);
    const args = parseCommandLine(argv, { snapshot: { type: 'string' } }, { invokedAs: opts.invokedAs, command: '' });
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

/** Global flags that take a value, so `kx -n shop scale …` reads `scale` as the command, not `shop`. */
const valueFlags = new Set(['--kubeconfig', '--context', '-n', '--namespace', '--request-timeout', '--snapshot']);

/** Where the first positional argument of argv (the command word) is, or -1. */
function commandWordIndex(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (!arg.startsWith('-')) return i;
    if (valueFlags.has(arg)) i++;
  }
  return -1;
}
