/**
 * `kx completion bash|zsh|fish` prints a completion script; the script asks `kx __complete
 * WORDS…` for candidates (commands, TYPE/NAME from the cluster, namespaces, contexts).
 * `kubectl_complete-kx` (bin/) answers kubectl's plugin completion through the same function.
 */
import { UsageError } from '../args.ts';
import { completeWords } from '../complete-words.ts';
import type { SubcommandContext } from '../subcommands.ts';

const scripts: Record<string, (cmd: string) => string> = {
  bash: (cmd) => `# kx completion for bash: source <(${cmd} completion bash)
_kx_complete() {
  local IFS=$'\\n'
  COMPREPLY=( $(${cmd} __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) )
  [[ \${#COMPREPLY[@]} -eq 1 && \${COMPREPLY[0]} == */ ]] && compopt -o nospace 2>/dev/null
}
complete -F _kx_complete ${cmd}
`,
  zsh: (cmd) => `#compdef ${cmd}
# kx completion for zsh: source <(${cmd} completion zsh)
_kx() {
  local -a candidates
  candidates=("\${(@f)$(${cmd} __complete "\${words[@]:1:CURRENT-1}" 2>/dev/null)}")
  compadd -S '' -- "\${candidates[@]}"
}
compdef _kx ${cmd}
`,
  fish: (cmd) => `# kx completion for fish: ${cmd} completion fish | source
complete -c ${cmd} -f -a '(${cmd} __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`,
};

/** Runs `kx completion SHELL`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const shell = argv.find((a) => !a.startsWith('-'));
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`Print a shell completion script.\n\nUsage:\n  ${ctx.invokedAs} completion bash|zsh|fish\n\nExamples:\n  source <(kx completion bash)\n  kx completion fish | source\n`);
    return 0;
  }
  const script = shell === undefined ? undefined : scripts[shell];
  if (!script) throw new UsageError(`completion needs a shell: bash, zsh or fish${shell ? ` (not "${shell}")` : ''}`);
  process.stdout.write(script('kx'));
  return 0;
}

/** `kx __complete WORDS…`: candidates, one per line. */
export async function complete(argv: string[]): Promise<number> {
  for (const c of await completeWords(argv)) process.stdout.write(`${c}\n`);
  return 0;
}
