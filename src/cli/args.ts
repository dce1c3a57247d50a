/** Parses kx's command line: kubectl's global flags, then a command and its own arguments. */
import { parseArgs } from 'node:util';

/** Flags every kx command understands, spelled as kubectl spells them. */
export interface GlobalFlags {
  kubeconfig?: string | undefined;
  context?: string | undefined;
  namespace?: string | undefined;
  allNamespaces: boolean;
  demo: boolean;
  readonly: boolean;
  help: boolean;
  version: boolean;
  /** --request-timeout as kubectl spells it (30s, 1m, or plain seconds); undefined: the default. */
  requestTimeout?: string | undefined;
}

/** A parsed command line: the command word ('' for the TUI), its positionals and the flags. */
export interface ParsedArgs {
  command: string;
  positionals: string[];
  flags: GlobalFlags;
  /** Command-specific options, as parseArgs returned them. */
  options: Record<string, string | boolean | string[] | undefined>;
}

/** A mistake on the command line: exit code 2 and one sentence with a hint. */
export class UsageError extends Error {}

/** The flags every command takes (kubectl's global ones kx honours). */
export const globalOptions = {
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  'all-namespaces': { type: 'boolean', short: 'A' },
  demo: { type: 'boolean' },
  readonly: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  'request-timeout': { type: 'string' },
} as const;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Who is parsing, for the hint of a usage error: `see 'kx logs --help'`. */
export interface UsageContext {
  /** 'kx' or 'kubectl kx'. */
  invokedAs: string;
  /** The command word ('logs', 'rollout'); '' for kx itself. */
  command: string;
}

/**
 * Parses argv with the global flags plus `commandOptions`; throws UsageError on bad input, whose
 * hint names the help of `usage`'s command.
 */
export function parseCommandLine(argv: string[], commandOptions: OptionSpec = {}, usage: UsageContext = { invokedAs: 'kx', command: '' }): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinDashValues(argv, { ...globalOptions, ...commandOptions }),
      options: { ...globalOptions, ...commandOptions },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    const help = [usage.invokedAs, usage.command, '--help'].filter(Boolean).join(' ');
    throw new UsageError(`${usageSentence(err)} (see '${help}')`);
  }
  const v = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const [command = '', ...positionals] = parsed.positionals;
  return {
    command,
    positionals,
    flags: {
      kubeconfig: v['kubeconfig'] as string | undefined,
      context: v['context'] as string | undefined,
      namespace: v['namespace'] as string | undefined,
      allNamespaces: v['all-namespaces'] === true,
      demo: v['demo'] === true,
      readonly: v['readonly'] === true,
      help: v['help'] === true,
      version: v['version'] === true,
      requestTimeout: v['request-timeout'] as string | undefined,
    },
    options: v,
  };
}

/**
 * pflag's rule, which kubectl's users rely on: a flag that takes a value takes the next word, even
 * one starting with a dash (`--tail -1`, `--since -5m`). parseArgs calls that ambiguous, so such a
 * pair becomes `--flag=value` first; each flag's own check then judges the value.
 */
function joinDashValues(argv: string[], options: OptionSpec): string[] {
  const valueFlags = new Map<string, string>();
  const booleanFlags = new Set<string>();
  for (const [name, spec] of Object.entries(options)) {
    if (spec.type !== 'string') {
      booleanFlags.add(`--${name}`);
      if (spec.short) booleanFlags.add(`-${spec.short}`);
      continue;
    }
    valueFlags.set(`--${name}`, name);
    if (spec.short) valueFlags.set(`-${spec.short}`, name);
  }
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // After `--` every word is an argument (exec's command).
    if (arg === '--') return [...joined, ...argv.slice(i)];
    // pflag's `--all=true` / `--all=false`: the flag, or (false, the default) nothing.
    const boolean = /^(-{1,2}[^=]+)=(true|false)$/.exec(arg);
    if (boolean && booleanFlags.has(boolean[1]!)) {
      if (boolean[2] === 'true') joined.push(boolean[1]!);
      continue;
    }
    const name = valueFlags.get(arg);
    const next = argv[i + 1];
    if (name !== undefined && next?.startsWith('-')) {
      joined.push(`--${name}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** parseArgs's complaint in pflag's words, as kubectl prints them. */
function usageSentence(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown flag: ${unknown[1]}`;
  const missing = /Option '(?:-\w, )?(--[^ ']+) <value>' argument missing/.exec(message);
  if (missing) return `flag needs an argument: ${missing[1]}`;
  return message.replace(/\.$/, '');
}
