/**
 * What one-shot commands share: a session from the global flags (never the demo), and
 * `TYPE/NAME` or `TYPE NAME` resolved the way kubectl resolves resource names.
 */
import { UsageError, type GlobalFlags } from './args.ts';
import { parseDuration } from './duration-flag.ts';
import { checkObjectName, splitResourceName } from './object-name.ts';
import { setDefaultRequestTimeout } from '../kube/api-client.ts';
import { pickFromDiscovery } from '../kube/discovery-disk-cache.ts';
import { KxError } from '../kube/errors.ts';
import { loadKubeconfig } from '../kube/kubeconfig.ts';
import { findResource } from '../kube/resource-resolver.ts';
import type { ResourceInfo } from '../kube/resource-info.ts';
import { openSession, type KubeSession } from '../kube/session.ts';

/** Opens the session the global flags name. */
export async function sessionFromFlags(flags: GlobalFlags, invokedAs: string, command: string): Promise<KubeSession> {
  if (flags.demo) throw new UsageError(`${invokedAs} ${command} does not start the demo cluster: run '${invokedAs} demo' and pass --kubeconfig with the path it prints`);
  const timeout = parseDuration(flags.requestTimeout, '--request-timeout');
  // kubectl's "0" means no timeout; kx keeps its own default then.
  if (timeout) setDefaultRequestTimeout(timeout);
  return openSession(loadKubeconfig({ kubeconfig: flags.kubeconfig }), { context: flags.context, namespace: flags.namespace });
}

/** A named object of a resource. */
export interface NamedTarget {
  resource: ResourceInfo;
  name: string;
}

/**
 * Splits `deploy/web` or `deploy web` (positionals) into a type and a name, as kubectl accepts them;
 * a name kubectl would refuse (".", "..", "a%b") is refused here, before any request.
 */
export function splitTarget(positionals: readonly string[], invokedAs: string, command: string): { type: string; name: string } {
  const [first, second, ...rest] = positionals;
  if (!first) throw new UsageError(`a resource is required, e.g. '${invokedAs} ${command} deployment/web'`);
  const split = splitResourceName(first);
  if (split) {
    if (second !== undefined) throw typeGivenTwice(invokedAs, command);
    if (!split.type || !split.name) throw new UsageError(`"${first}" is not TYPE/NAME (e.g. deployment/web)`);
    checkObjectName(split.name);
    return split;
  }
  if (second === undefined) throw new UsageError(`a name is required after "${first}" (e.g. '${invokedAs} ${command} ${first}/NAME')`);
  if (rest.length > 0) throw new UsageError(`one object at a time: unexpected "${rest.join(' ')}"`);
  // kubectl reads `deploy a/b` as a TYPE/NAME given after a type.
  if (second.includes('/')) throw typeGivenTwice(invokedAs, command);
  checkObjectName(second);
  return { type: first, name: second };
}

function typeGivenTwice(invokedAs: string, command: string): UsageError {
  return new UsageError(
    `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${invokedAs} ${command} resource/<resource_name>' instead of '${invokedAs} ${command} resource resource/<resource_name>')`,
  );
}

/** Resolves the type through the server's discovery; an unknown type is kubectl's sentence (exit 1). */
export async function resolveTarget(session: KubeSession, type: string, name: string): Promise<NamedTarget> {
  const resource = await pickFromDiscovery(session.client, session.discoveryCache, (d) => findResource(d, type));
  if (!resource) throw new KxError('notFound', `the server doesn't have a resource type "${type}"`);
  return { resource, name };
}
