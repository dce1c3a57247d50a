/**
 * The `:` prompt's command mode: what it completes and understands (the cluster's resources,
 * contexts and namespaces), running a command, and holding one typed before discovery has landed
 * until it does. The explorer says what each command does through CommandActions.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { completeCommand, type Completion } from '../../explorer/commands/complete-command.ts';
import { parseCommand, type CommandContext, type ViewScope } from '../../explorer/commands/parse-command.ts';
import type { ClusterConnection } from '../../kube/cluster-connection.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import type { ResourceInfo } from '../../kube/resource-info.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { UserAlias } from '../../explorer/commands/aliases-file.ts';

/** What the explorer does for each command. */
export interface CommandActions {
  /** The command is done: close the prompt. */
  close(): void;
  quit(): void;
  help(): void;
  /** `:pf`: the running port-forwards. */
  forwards(): void;
  /** `:changes`: the changes seen on the watches. */
  changes(): void;
  /** `:helm [NS]`: the Helm releases. */
  helm(scope: ViewScope): void;
  /** `:triage`: what is wrong now. */
  triage(): void;
  namespace(name: string): void;
  /** Switch to a context, or open the picker when no name was given. */
  context(name: string | undefined): void;
  /** Open a view; `filter` is its `/` filter, `context` is switched to first. */
  view(resource: ResourceInfo, scope: ViewScope, extra: { filter?: string | undefined; context?: string | undefined; contexts?: readonly string[] | undefined }): void;
}

/** The prompt's side of command mode. */
export interface CommandMode {
  /** Completions for the text typed so far; undefined until discovery has landed. */
  complete: ((text: string) => Completion) | undefined;
  /** The one sentence the prompt shows under the text (a bad command, or waiting). */
  error: string | undefined;
  submit(text: string): void;
  cancel(): void;
  /** The text changed: an old error no longer applies. */
  edited(): void;
  /** Runs a command now, without the prompt (a hotkey's); returns the sentence when it cannot run. */
  runNow(text: string): string | undefined;
}

/** Command mode for the session's cluster; `open` is whether the `:` prompt is showing. */
export function useCommandMode(opts: {
  discovery: DiscoveryResult | undefined;
  connection: ClusterConnection;
  session: KubeSession;
  open: boolean;
  actions: CommandActions;
  /** The user's aliases (aliases.yaml). */
  aliases?: ReadonlyMap<string, UserAlias>;
}): CommandMode {
  const { discovery, connection, session, open, aliases } = opts;
  const [namespaces, setNamespaces] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  // The newest actions: they close over the explorer's current view.
  const actions = useRef(opts.actions);
  actions.current = opts.actions;

  useEffect(() => {
    if (!open) return;
    void session
      .listNamespaces()
      .then(setNamespaces)
      .catch(() => undefined);
  }, [open, session]);

  const context: CommandContext | undefined = useMemo(
    () => (discovery ? { discovery, contexts: connection.contexts().map((c) => c.name), namespaces, aliases } : undefined),
    // session: a context switch changes what connection.contexts() marks current.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- session is an extra dependency on purpose (above)
    [discovery, connection, namespaces, session, aliases],
  );

  const run = (text: string, ctx: CommandContext): void => {
    const failure = runCommand(text, ctx, actions.current);
    setError(failure);
    if (!failure) actions.current.close();
  };

  // A command submitted while discovery was on its way (a slow or busy cluster) runs when it lands.
  const pending = useRef<string | undefined>(undefined);
  useEffect(() => {
    const text = pending.current;
    if (!context || text === undefined) return;
    pending.current = undefined;
    run(text, context);
  }, [context]);

  return {
    complete: context ? (text) => completeCommand(text, context) : undefined,
    error,
    submit(text) {
      if (context) return run(text, context);
      pending.current = text;
      setError('waiting for the cluster’s resource list…');
    },
    cancel() {
      pending.current = undefined;
      setError(undefined);
    },
    edited() {
      setError(undefined);
    },
    runNow(text) {
      if (!context) return 'Still discovering the cluster’s resources; try again in a moment.';
      return runCommand(text, context, actions.current);
    },
  };
}

/** Runs one `:` command; returns the sentence to show when it cannot run. */
export function runCommand(text: string, context: CommandContext, actions: CommandActions): string | undefined {
  let command = parseCommand(text, context);
  if (command.kind === 'error') {
    // Enter on a word the completion extends (`:dep` → `:deployments`) takes the completion.
    const best = completeCommand(text, context).candidates[0];
    const completed = best?.prefix ? parseCommand(best.text, context) : undefined;
    if (completed && completed.kind !== 'error') command = completed;
  }
  switch (command.kind) {
    case 'none':
      return undefined;
    case 'quit':
      actions.quit();
      return undefined;
    case 'help':
      actions.help();
      return undefined;
    case 'forwards':
      actions.forwards();
      return undefined;
    case 'changes':
      actions.changes();
      return undefined;
    case 'triage':
      actions.triage();
      return undefined;
    case 'helm':
      actions.helm(command.scope);
      return undefined;
    case 'error':
      return command.message;
    case 'namespace':
      actions.namespace(command.name);
      return undefined;
    case 'context':
      actions.context(command.name);
      return undefined;
    case 'view':
      actions.view(command.resource, command.scope, { filter: command.filter, context: command.context, contexts: command.contexts });
      return undefined;
    default: {
      const never: never = command;
      return never;
    }
  }
}
