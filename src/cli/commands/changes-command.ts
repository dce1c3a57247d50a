/** `kx changes FILE`: the changes `kx record` wrote, newest first, as a table like the `:changes` view. */
import { readFileSync } from 'node:fs';
import { parseCommandLine, UsageError } from '../args.ts';
import { parseDuration } from '../duration-flag.ts';
import { KxError } from '../../kube/errors.ts';
import type { ChangeRecord } from '../../store/changes/change-recorder.ts';
import { changeCells, changeColumns, changeMatches, parseChangeLine, textTable } from '../../store/changes/change-log.ts';
import type { SubcommandContext } from '../subcommands.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  kind: { type: 'string' },
  since: { type: 'string' },
} as const;

function help(invokedAs: string): string {
  return `Print the changes '${invokedAs} record' wrote, newest first.

Usage:
  ${invokedAs} changes FILE [--kind KIND] [-n NS] [--since DURATION]

Examples:
  ${invokedAs} changes changes.jsonl --since 10m
  ${invokedAs} changes changes.jsonl --kind deployment --namespace shop
`;
}

/** Reads a file of changes; a line that is not one is an error naming the line. */
export function readChanges(file: string): ChangeRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new KxError('notFound', `the file "${file}" does not exist or cannot be read`);
  }
  const out: ChangeRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const change = parseChangeLine(line);
    if (!change) throw new KxError('invalid', `${file}:${i + 1} is not a change kx record wrote`);
    out.push(change);
  });
  return out;
}

/** Runs `kx changes`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['changes', ...argv], options, { invokedAs: ctx.invokedAs, command: 'changes' });
  if (args.flags.help) {
    process.stdout.write(help(ctx.invokedAs));
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError(`changes needs the file '${ctx.invokedAs} record' wrote, e.g. '${ctx.invokedAs} changes changes.jsonl'`);
  if (extra.length > 0) throw new UsageError(`one file at a time: unexpected "${extra.join(' ')}"`);
  const now = Date.now();
  const since = parseDuration(args.options['since'] as string | undefined, '--since');
  const filter = { kind: args.options['kind'] as string | undefined, namespace: args.flags.namespace, since: since === undefined ? undefined : now - since };
  const changes = readChanges(file)
    .filter((c) => changeMatches(c, filter))
    .sort((a, b) => b.at - a.at);
  if (changes.length === 0) {
    process.stderr.write('No changes found.\n');
    return 0;
  }
  process.stdout.write(
    textTable(
      changeColumns,
      changes.map((c) => changeCells(c, now)),
    ),
  );
  return await Promise.resolve(0);
}
