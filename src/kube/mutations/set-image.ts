/**
 * Changing container images like `kubectl set image`: a GET of the object, then a strategic merge
 * patch of the pod spec with kubectl's exact body (the changed containers by name, plus
 * `$setElementOrder` for each list it touches) and kubectl's sentence (`deployment.apps/web image
 * updated`). `*` names every container, init containers included, as in kubectl. Unlike kubectl,
 * which patches the names it found and then reports the others, a name that matches no container
 * refuses the whole change before anything is sent.
 */
import type { ApiClient } from '../api-client.ts';
import { KxError } from '../errors.ts';
import type { KubeObject } from '../object.ts';
import { resourceKey, resourcePath, type ResourceInfo } from '../resource-info.ts';
import { kubectlKind } from './delete.ts';

/** Where each kind kubectl's set image supports keeps its pod spec (polymorphichelpers' list). */
const podSpecPaths: Record<string, readonly string[]> = {
  pods: ['spec'],
  replicationcontrollers: ['spec', 'template', 'spec'],
  'deployments.apps': ['spec', 'template', 'spec'],
  'statefulsets.apps': ['spec', 'template', 'spec'],
  'daemonsets.apps': ['spec', 'template', 'spec'],
  'replicasets.apps': ['spec', 'template', 'spec'],
  'jobs.batch': ['spec', 'template', 'spec'],
  'cronjobs.batch': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The path from the object to its pod spec, or undefined for kinds without one (set image refuses them). */
export function podSpecPathOf(resource: Pick<ResourceInfo, 'group' | 'plural'>): readonly string[] | undefined {
  return podSpecPaths[resourceKey(resource)];
}

/** What to change. */
export interface SetImageTarget {
  resource: ResourceInfo;
  namespace: string;
  name: string;
}

/** One container of the pod spec and its image. */
export interface ContainerImage {
  name: string;
  image: string;
  init: boolean;
}

interface Container {
  name: string;
  image?: string;
}

type ListName = 'initContainers' | 'containers';

function podSpecOf(obj: KubeObject, path: readonly string[]): Partial<Record<ListName, Container[]>> {
  let at: unknown = obj;
  for (const key of path) at = (at as Record<string, unknown> | undefined)?.[key];
  return (at ?? {}) as Partial<Record<ListName, Container[]>>;
}

/** The containers of `obj` (init containers first, as the pod runs them) with their images. */
export function containerImagesOf(obj: KubeObject, path: readonly string[]): ContainerImage[] {
  const spec = podSpecOf(obj, path);
  return [
    ...(spec.initContainers ?? []).map((c) => ({ name: c.name, image: c.image ?? '', init: true })),
    ...(spec.containers ?? []).map((c) => ({ name: c.name, image: c.image ?? '', init: false })),
  ];
}

/** The names (in the order given) that match no container, `*` matching any. */
export function unknownContainers(containers: readonly ContainerImage[], images: ReadonlyMap<string, string>): string[] {
  return [...images.keys()].filter((name) => name !== '*' && !containers.some((c) => c.name === name));
}

/**
 * kubectl's strategic merge patch for `images` (container name or `*` → image), or undefined when
 * nothing would change. Keys are in Go's order (sorted), so the body is byte for byte kubectl's.
 */
export function setImagePatch(obj: KubeObject, path: readonly string[], images: ReadonlyMap<string, string>): Record<string, unknown> | undefined {
  const spec = podSpecOf(obj, path);
  const inner: Record<string, unknown> = {};
  for (const list of ['containers', 'initContainers'] as const) {
    const containers = spec[list] ?? [];
    const changed = containers.flatMap((c) => {
      const image = images.get(c.name) ?? images.get('*');
      return image === undefined || image === c.image ? [] : [{ image, name: c.name }];
    });
    if (changed.length === 0) continue;
    inner[`$setElementOrder/${list}`] = containers.map((c) => ({ name: c.name }));
    inner[list] = changed;
  }
  if (Object.keys(inner).length === 0) return undefined;
  const sorted = Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)));
  return path.reduceRight<Record<string, unknown>>((body, key) => ({ [key]: body }), sorted);
}

/** The object and its containers, for a dialog that offers them. */
export async function readContainerImages(client: ApiClient, target: SetImageTarget): Promise<ContainerImage[]> {
  const path = requirePodSpecPath(target);
  return containerImagesOf(await client.get<KubeObject>(resourcePath(target.resource, target.namespace, target.name)), path);
}

function requirePodSpecPath(target: SetImageTarget): readonly string[] {
  const path = podSpecPathOf(target.resource);
  if (!path) throw new KxError('invalid', `${target.resource.plural}/${target.name} the object is not a pod or does not have a pod template: *${target.resource.version}.${target.resource.kind}`);
  return path;
}

/** What setImage did: kubectl's sentence, or undefined when the images were already those (kubectl prints nothing then). */
export interface SetImageResult {
  said: string | undefined;
}

/**
 * Sets the images of `target`'s containers (name or `*` → image). `dryRun: 'server'` sends the patch
 * with dryRun=All; `'client'` sends nothing after the GET. Unknown names reject with kubectl's
 * sentence before any write.
 */
export async function setImage(client: ApiClient, target: SetImageTarget, images: ReadonlyMap<string, string>, opts: { dryRun?: 'client' | 'server' | undefined } = {}): Promise<SetImageResult> {
  const podSpecPath = requirePodSpecPath(target);
  const path = resourcePath(target.resource, target.namespace, target.name);
  const obj = await client.get<KubeObject>(path);
  const unknown = unknownContainers(containerImagesOf(obj, podSpecPath), images);
  // kubectl prints one line per name it could not find.
  if (unknown.length > 0) throw new KxError('invalid', unknown.map((name) => `unable to find container named "${name}"`).join('\nerror: '));
  const patch = setImagePatch(obj, podSpecPath, images);
  if (!patch) return { said: undefined };
  const said = `${kubectlKind(target.resource)}/${target.name} image updated`;
  if (opts.dryRun === 'client') return { said: `${said} (dry run)` };
  try {
    await client.patch(path, 'strategic', patch, opts.dryRun === 'server' ? { query: { dryRun: 'All' } } : {});
  } catch (err) {
    // kubectl's framing, with the server's own sentence (a Job's template is immutable, for one).
    if (err instanceof KxError && err.status?.message) throw new KxError(err.kind, `failed to patch image update to pod template: ${err.status.message}`, { cause: err });
    throw err;
  }
  return { said: opts.dryRun === 'server' ? `${said} (server dry run)` : said };
}
