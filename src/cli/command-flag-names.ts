/**
 * The flags a command takes, as `--name` and `-x` words for shell completion: read from the same
 * option tables the commands parse with, so a new flag is offered as soon as it is parsed. Only
 * the command being completed is loaded.
 */
import { globalOptions } from './args.ts';

type Options = Readonly<Record<string, { type: string; short?: string }>>;

const sources: Readonly<Record<string, () => Promise<Options>>> = {
  logs: async () => (await import('./logs/logs-args.ts')).logsOptions,
  exec: async () => (await import('./commands/exec-command.ts')).options,
  attach: async () => (await import('./commands/attach-command.ts')).options,
  'port-forward': async () => (await import('./commands/port-forward-command.ts')).options,
  scale: async () => (await import('./commands/scale-command.ts')).options,
  rollout: async () => (await import('./commands/rollout-command.ts')).options,
  set: async () => (await import('./commands/set-command.ts')).options,
  create: async () => (await import('./commands/create-command.ts')).options,
  top: async () => (await import('./commands/top-command.ts')).options,
  cordon: async () => (await import('./commands/node-commands.ts')).cordonOptions,
  uncordon: async () => (await import('./commands/node-commands.ts')).cordonOptions,
  drain: async () => (await import('./commands/node-commands.ts')).drainOptions,
  record: async () => (await import('./commands/record-command.ts')).options,
  changes: async () => (await import('./commands/changes-command.ts')).options,
  snapshot: async () => (await import('./commands/snapshot-command.ts')).options,
};

function words(options: Options): string[] {
  return Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
}

/** `command`'s own flags: each long name with its one-letter form, if it has one. */
export async function ownFlags(command: string): Promise<{ long: string; short?: string }[]> {
  return Object.entries((await sources[command]?.()) ?? {}).map(([name, o]) => ({ long: `--${name}`, ...(o.short ? { short: `-${o.short}` } : {}) }));
}

/** `--flag` and `-x` words for `command` (kx's own flags when there is no command), sorted. */
export async function flagNames(command: string | undefined): Promise<string[]> {
  const own = command === undefined ? [] : words((await sources[command]?.()) ?? {});
  return [...new Set([...own, ...words(globalOptions)])].sort();
}
