/**
 * `kx set image TYPE/NAME CONTAINER=IMAGE… [--dry-run=client|server] [-o name]`, like kubectl set
 * image: the same strategic merge patch, the same output (`deployment.apps/web image updated`),
 * `*=IMAGE` for every container (init containers too). Exit 1 on API errors and unknown
 * containers (nothing is changed then), 2 on usage errors.
 */
import { parseCommandLine, UsageError } from '../args.ts';
import { setImage } from '../../kube/mutations/set-image.ts';
import { resolveTarget, sessionFromFlags, splitTarget } from '../target.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { writeGateFromFlags } from '../write-gate-from-flags.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  'dry-run': { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

const subcommands = ['image'] as const;

function help(invokedAs: string): string {
  return `Update the container images of a pod or a pod template.

Usage:
  ${invokedAs} set image TYPE/NAME CONTAINER=IMAGE [CONTAINER=IMAGE…] [--dry-run=client|server] [-o name]

Examples:
  ${invokedAs} set image deployment/web nginx=nginx:1.27 -n shop
  ${invokedAs} set image deployment/web nginx=nginx:1.27 sidecar=envoy:1.31
  ${invokedAs} set image daemonset/agent '*=agent:2.0'      # every container, init containers too
  ${invokedAs} set image cronjob/backup main=backup:3 --dry-run=server

Works on pods, deployments, stateful sets, daemon sets, replica sets, replication controllers,
jobs and cron jobs, with kubectl's strategic merge patch and messages. A container name that
does not exist changes nothing. Exit codes: 0 done, 1 the API refused or no such container, 2 usage.
`;
}

/** Splits kubectl-style arguments: resources first, then NAME=IMAGE pairs (kubectl's GetResourcesAndPairs). */
export function resourcesAndImages(args: readonly string[]): { resources: string[]; images: Map<string, string> } {
  const resources: string[] = [];
  const images = new Map<string, string>();
  for (const arg of args) {
    if (!arg.includes('=')) {
      if (images.size > 0) throw new UsageError(`all resources must be specified before image changes: ${arg}`);
      resources.push(arg);
      continue;
    }
    const at = arg.indexOf('=');
    // kubectl sends an empty image (and the server refuses it); refusing here says which argument is wrong.
    if (at === 0 || at === arg.length - 1) throw new UsageError(`invalid image format: ${arg}`);
    images.set(arg.slice(0, at), arg.slice(at + 1));
  }
  if (images.size === 0) throw new UsageError('at least one image update is required');
  if (images.size > 1 && images.has('*')) throw new UsageError('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  return { resources, images };
}

function dryRunFlag(value: string | undefined): 'client' | 'server' | undefined {
  if (value === undefined || value === 'none') return undefined;
  if (value === 'client' || value === 'server') return value;
  throw new UsageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** Runs `kx set …`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['set', ...argv], options, { invokedAs: ctx.invokedAs, command: 'set' });
  const [sub, ...rest] = args.positionals;
  if (args.flags.help || sub === undefined) {
    process.stdout.write(help(ctx.invokedAs));
    return sub === undefined && !args.flags.help ? 2 : 0;
  }
  if (!(subcommands as readonly string[]).includes(sub)) throw new UsageError(`unknown set command "${sub}": kx sets only image (see '${ctx.invokedAs} set --help')`);
  const { resources, images } = resourcesAndImages(rest);
  if (resources.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const { type, name } = splitTarget(resources, ctx.invokedAs, 'set image');
  const dryRun = dryRunFlag(args.options['dry-run'] as string | undefined);
  const output = args.options['output'] as string | undefined;
  if (output !== undefined && output !== 'name') throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: name`);
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'set image');
  try {
    writeGateFromFlags(args.flags, session).enter('set image');
    const target = { ...(await resolveTarget(session, type, name)), namespace: session.namespace };
    const { said } = await setImage(session.client, target, images, { dryRun });
    // Nothing to change: kubectl sends no patch and prints nothing.
    if (said !== undefined) process.stdout.write(output === 'name' ? `${said.replace(/ image updated.*$/, '')}\n` : `${said}\n`);
    return 0;
  } finally {
    await session.close();
  }
}
