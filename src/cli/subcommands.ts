/**
 * One-shot commands by name: the module in src/cli/commands/ that runs each, and its function
 * (`run` unless named). A module is loaded only when its command runs, so `kx scale` loads only
 * what scaling needs (never Ink, React or the TUI); built, each module is also one file of its
 * own in dist/one-shot/ (scripts/build.mjs), which starts faster than its shared chunks. A
 * command's function is `(argv: string[], ctx: SubcommandContext) => Promise<number | void>`: it
 * parses its own flags with parseCommandLine(argv, itsOptions); the number is the exit code.
 */
export interface SubcommandContext {
  /** 'kx' or 'kubectl kx', for help text and hints. */
  invokedAs: string;
}

export type SubcommandRun = (argv: string[], ctx: SubcommandContext) => Promise<number | void>;

/** Where a command lives: src/cli/commands/FILE.ts, and its function there. */
export interface Subcommand {
  file: string;
  run?: string;
}

/** Commands other than the TUI and `demo`; add one line per command. */
export const subcommands: Readonly<Record<string, Subcommand>> = {
  logs: { file: 'logs-command' },
  exec: { file: 'exec-command' },
  'port-forward': { file: 'port-forward-command' },
  attach: { file: 'attach-command' },
  scale: { file: 'scale-command' },
  rollout: { file: 'rollout-command' },
  edit: { file: 'edit-command' },
  set: { file: 'set-command' },
  create: { file: 'create-command' },
  top: { file: 'top-command' },
  record: { file: 'record-command' },
  changes: { file: 'changes-command' },
  snapshot: { file: 'snapshot-command' },
  cordon: { file: 'node-commands', run: 'runCordon' },
  uncordon: { file: 'node-commands', run: 'runUncordon' },
  drain: { file: 'node-commands', run: 'runDrain' },
  completion: { file: 'completion-command' },
  // Hidden: what the completion scripts and kubectl_complete-kx call.
  __complete: { file: 'completion-command', run: 'complete' },
};
