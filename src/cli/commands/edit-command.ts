/**
 * `kx edit TYPE/NAME` (or `TYPE NAME`), like kubectl edit: the object in $KUBE_EDITOR/$EDITOR/vi,
 * the change sent as a patch with the resourceVersion it was based on (a change made meanwhile is
 * a conflict shown in the reopened file, not an overwrite). Exit codes: 0 edited or cancelled, 1
 * the change could not be applied (a copy is kept), 2 usage.
 */
import { parseCommandLine } from '../args.ts';
import { EditSaved, editObject } from '../../kube/mutations/edit.ts';
import { runEditor } from '../../kube/mutations/run-editor.ts';
import { resolveTarget, sessionFromFlags, splitTarget } from '../target.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { writeGateFromFlags } from '../write-gate-from-flags.ts';

function help(invokedAs: string): string {
  return `Edit an object in your editor ($KUBE_EDITOR, else $EDITOR, else vi), like kubectl edit.

Usage:
  ${invokedAs} edit TYPE/NAME [-n NAMESPACE]
  ${invokedAs} edit TYPE NAME

Examples:
  ${invokedAs} edit deployment/web -n shop
  KUBE_EDITOR="code --wait" ${invokedAs} edit configmap settings

Lines beginning with '#' are ignored; an unchanged file cancels, an empty one aborts. A file that
does not parse, or that the server refuses, is reopened with the reason at the top. The change is
sent with the resourceVersion you edited, so a change someone made meanwhile is shown to you
instead of being overwritten. Exit codes: 0 edited or cancelled, 1 not applied, 2 usage.
`;
}

/** Runs `kx edit`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['edit', ...argv], {}, { invokedAs: ctx.invokedAs, command: 'edit' });
  if (args.flags.help) {
    process.stdout.write(help(ctx.invokedAs));
    return 0;
  }
  const { type, name } = splitTarget(args.positionals, ctx.invokedAs, 'edit');
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'edit');
  try {
    writeGateFromFlags(args.flags, session).enter('edit');
    const { resource } = await resolveTarget(session, type, name);
    const outcome = await editObject(session.client, { resource, namespace: resource.namespaced ? session.namespace : '', name }, (file) => runEditor(file));
    switch (outcome.kind) {
      case 'edited':
        process.stdout.write(`${outcome.message}\n`);
        return 0;
      case 'cancelled':
        process.stderr.write(`${outcome.message}\n`);
        return 0;
      case 'failed':
        process.stderr.write(`A copy of your changes has been stored to "${outcome.savedTo}"\nerror: ${outcome.message}\n`);
        return 1;
      default: {
        const never: never = outcome;
        return never;
      }
    }
  } catch (err) {
    if (err instanceof Error && err.cause instanceof EditSaved) process.stderr.write(`${err.cause.message}\n`);
    throw err;
  } finally {
    await session.close();
  }
}
