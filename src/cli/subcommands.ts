/**
 * One-shot commands by name. Each entry imports its module lazily, so `kx scale` loads only what
 * scaling needs (never Ink, React or the TUI). A command module exports
 * `run(argv: string[], ctx: SubcommandContext): Promise<number | void>` and parses its own
 * flags with parseCommandLine(argv, itsOptions); the resolved number is the exit code (default 0).
 */
export interface SubcommandContext {
  /** 'kx' or 'kubectl kx', for help text and hints. */
  invokedAs: string;
}

export interface SubcommandModule {
  run(argv: string[], ctx: SubcommandContext): Promise<number | void>;
}

/** Commands other than the TUI and `demo`; add one line per command. */
export const subcommands: Record<string, () => Promise<SubcommandModule>> = {
  logs: () => import('./commands/logs-command.ts'),
  exec: () => import('./commands/exec-command.ts'),
  'port-forward': () => import('./commands/port-forward-command.ts'),
  attach: () => import('./commands/attach-command.ts'),
  scale: () => import('./commands/scale-command.ts'),
  rollout: () => import('./commands/rollout-command.ts'),
  edit: () => import('./commands/edit-command.ts'),
  set: () => import('./commands/set-command.ts'),
  create: () => import('./commands/create-command.ts'),
  top: () => import('./commands/top-command.ts'),
  record: () => import('./commands/record-command.ts'),
  changes: () => import('./commands/changes-command.ts'),
  snapshot: () => import('./commands/snapshot-command.ts'),
  cordon: async () => ({ run: (await import('./commands/node-commands.ts')).runCordon }),
  uncordon: async () => ({ run: (await import('./commands/node-commands.ts')).runUncordon }),
  drain: async () => ({ run: (await import('./commands/node-commands.ts')).runDrain }),
  completion: () => import('./commands/completion-command.ts'),
  // Hidden: what the completion scripts and kubectl_complete-kx call.
  __complete: async () => {
    const { complete } = await import('./commands/completion-command.ts');
    return { run: (argv) => complete(argv) };
  },
};
