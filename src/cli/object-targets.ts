/**
 * Several objects on one command line, as kubectl's resource builder reads them: `TYPE NAME…`,
 * `TYPE/NAME…`, or `TYPE` with `--all` or `-l` (or alone, for the commands where kubectl takes a
 * bare type as every object of it in the namespace); and kubectl's way of reporting the objects
 * that failed while the others go on.
 */
import { UsageError } from './args.ts';
import { checkObjectName, splitResourceName } from './object-name.ts';
import { manifestItems, type ManifestItem } from './manifest-targets.ts';
import { resolveTarget, type NamedTarget } from './target.ts';
import { KxError } from '../kube/errors.ts';
import type { KubeList, KubeObject } from '../kube/object.ts';
import { resourcePath } from '../kube/resource-info.ts';
import type { KubeSession } from '../kube/session.ts';

/** What the positionals named: objects by name, or every object of one type (with a selector). */
export type TargetArgs =
  | { kind: 'named'; items: { type: string; name: string }[] }
  | { kind: 'list'; type: string; selector: string | undefined }
  /** `-f`: the objects manifests name; `explicitNamespace` when -n was given (a manifest's own must then agree). */
  | { kind: 'files'; items: ManifestItem[]; explicitNamespace: boolean };

/** How a command lets a type stand for many objects. */
export interface TargetFlags {
  all: boolean;
  selector: string | undefined;
  /** kubectl's rollout pause|resume|restart|undo take a bare TYPE as every object of it; scale does not. */
  bareTypeIsAll: boolean;
  /** `-f FILE|DIR|-` (with -R): the objects the manifests name, read already. */
  files?: { items: ManifestItem[]; explicitNamespace: boolean } | undefined;
}

/** `-f`'s paths read into the objects they name (undefined without -f); -R walks directories down. */
export function filesFlag(paths: readonly string[] | undefined, recursive: boolean, explicitNamespace: boolean): TargetFlags['files'] {
  if (paths === undefined || paths.length === 0) return undefined;
  return { items: manifestItems(paths, recursive), explicitNamespace };
}

/** Parses the object arguments with kubectl's rules and sentences; refuses before any request. */
export function parseTargetArgs(positionals: readonly string[], flags: TargetFlags, invokedAs: string, command: string): TargetArgs {
  if (flags.files) {
    // kubectl's two sentences: TYPE/NAME arguments, or a bare TYPE and names.
    if (positionals.some((p) => splitResourceName(p))) throw new KxError('invalid', 'resource/name arguments cannot be provided when a path is specified');
    if (positionals.length > 0) throw new KxError('invalid', 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    if (flags.selector !== undefined || flags.all) throw new KxError('invalid', 'selectors and the all flag cannot be used when passing resource/name arguments');
    return { kind: 'files', ...flags.files };
  }
  const [first, ...rest] = positionals;
  if (first === undefined) throw new UsageError(`a resource is required, e.g. '${invokedAs} ${command} deployment/web'`);
  if (splitResourceName(first)) {
    if (flags.all || flags.selector !== undefined) throw new KxError('invalid', 'selectors and the all flag cannot be used when passing resource/name arguments');
    const items = positionals.map((arg) => {
      const split = splitResourceName(arg);
      if (!split) throw new KxError('invalid', 'arguments in resource/name form must have a single resource and name');
      if (!split.type || !split.name) throw new UsageError(`"${arg}" is not TYPE/NAME (e.g. deployment/web)`);
      checkObjectName(split.name);
      return split;
    });
    return { kind: 'named', items };
  }
  if (rest.some((a) => a.includes('/'))) {
    throw new UsageError(
      `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${invokedAs} ${command} resource/<resource_name>' instead of '${invokedAs} ${command} resource resource/<resource_name>')`,
    );
  }
  if (rest.length > 0) {
    if (flags.selector !== undefined) throw new KxError('invalid', 'name cannot be provided when a selector is specified');
    for (const name of rest) checkObjectName(name);
    // Names win over --all, as in kubectl.
    return { kind: 'named', items: rest.map((name) => ({ type: first, name })) };
  }
  if (flags.all || flags.selector !== undefined || flags.bareTypeIsAll) return { kind: 'list', type: first, selector: flags.selector };
  throw new KxError('invalid', 'resource(s) were provided, but no name was specified');
}

/** An object found in the session's namespace. */
export type FoundTarget = NamedTarget & { namespace: string };

/**
 * Finds the objects: each named one is read (a missing one becomes an error and the rest go on,
 * kubectl's ContinueOnError); a listed type is listed with its selector, in the server's order;
 * a manifest's objects are read too unless `readFiles` is false.
 */
export async function findTargets(session: KubeSession, args: TargetArgs, opts: { readFiles?: boolean } = {}): Promise<{ targets: FoundTarget[]; errors: unknown[] }> {
  const namespace = session.namespace;
  if (args.kind === 'list') {
    const { resource } = await resolveTarget(session, args.type, '');
    const list = await session.client.get<KubeList>(resourcePath(resource, namespace), { query: { labelSelector: args.selector || undefined } });
    return { targets: list.items.map((o: KubeObject) => ({ resource, namespace, name: o.metadata.name })), errors: [] };
  }
  const targets: FoundTarget[] = [];
  const errors: unknown[] = [];
  if (args.kind === 'files') {
    for (const item of args.items) {
      try {
        // kubectl's rule: a manifest's own namespace wins, but may not disagree with an explicit -n.
        if (item.namespace !== undefined && args.explicitNamespace && item.namespace !== namespace) {
          throw new KxError(
            'invalid',
            `the namespace from the provided object "${item.namespace}" does not match the namespace "${namespace}". You must pass '--namespace=${item.namespace}' to perform this operation.`,
          );
        }
        const at = item.namespace ?? namespace;
        const { resource } = await resolveTarget(session, item.type, item.name);
        const where = resource.namespaced ? at : '';
        // kubectl's client dry run of `-f` takes the manifest's objects as they are, unread.
        if (opts.readFiles !== false) await session.client.get(resourcePath(resource, where, item.name));
        targets.push({ resource, namespace: where, name: item.name });
      } catch (err) {
        errors.push(err);
      }
    }
    return { targets, errors };
  }
  for (const item of args.items) {
    try {
      const { resource } = await resolveTarget(session, item.type, item.name);
      await session.client.get(resourcePath(resource, namespace, item.name));
      targets.push({ resource, namespace, name: item.name });
    } catch (err) {
      errors.push(err);
    }
  }
  return { targets, errors };
}

/**
 * Prints the errors as kubectl's CheckErr does and returns the exit code: one error gets
 * `error: ` unless it already speaks for itself; several are printed one a line as they are.
 */
export function reportErrors(errors: readonly unknown[]): number {
  if (errors.length === 0) return 0;
  const messages = errors.map((e) => (e instanceof Error ? e.message : String(e)));
  const single = messages.length === 1 && !/^(error|Error from server|Unable to connect to the server)/.test(messages[0]!);
  process.stderr.write(single ? `error: ${messages[0]}\n` : `${messages.join('\n')}\n`);
  return 1;
}
