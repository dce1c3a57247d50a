/**
 * What the user may do, asked of the API server itself with SelfSubjectAccessReview (what
 * `kubectl auth can-i` does), and remembered for a few minutes per context. kx hides the actions
 * RBAC forbids instead of letting a key fail; a server that cannot answer hides nothing.
 */
import type { ApiClient } from '../api-client.ts';
import type { ResourceInfo } from '../resource-info.ts';

/** One question: may I VERB RESOURCE[/SUBRESOURCE] in NAMESPACE? */
export interface AccessQuestion {
  verb: string;
  resource: Pick<ResourceInfo, 'group' | 'plural'>;
  subresource?: string | undefined;
  /** '' or undefined for cluster-wide (all namespaces, or cluster-scoped resources). */
  namespace?: string | undefined;
}

interface Answer {
  allowed: boolean;
  at: number;
}

/** Asks and caches SelfSubjectAccessReviews for one client (one context). */
export class AccessReviewer {
  readonly #client: ApiClient;
  readonly #ttlMs: number;
  readonly #answers = new Map<string, Answer>();
  readonly #pending = new Map<string, Promise<boolean>>();
  /** Reviews sent to the server (for tests and benchmarks: the cache should keep this low). */
  requests = 0;

  constructor(client: ApiClient, opts: { ttlMs?: number } = {}) {
    this.#client = client;
    this.#ttlMs = opts.ttlMs ?? 5 * 60_000;
  }

  /** The cached answer, or undefined when not asked (or expired). */
  cached(q: AccessQuestion, now = Date.now()): boolean | undefined {
    const a = this.#answers.get(keyOf(q));
    return a && now - a.at < this.#ttlMs ? a.allowed : undefined;
  }

  /** Whether the server allows it. Errors (no such API, network) count as allowed: the server has the last word anyway. */
  can(q: AccessQuestion, now = Date.now()): Promise<boolean> {
    const cached = this.cached(q, now);
    if (cached !== undefined) return Promise.resolve(cached);
    const key = keyOf(q);
    const pending = this.#pending.get(key);
    if (pending) return pending;
    this.requests++;
    const asked = this.#client
      .post<{ status?: { allowed?: boolean } }>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {
          resourceAttributes: {
            verb: q.verb,
            group: q.resource.group,
            resource: q.resource.plural,
            ...(q.subresource ? { subresource: q.subresource } : {}),
            ...(q.namespace ? { namespace: q.namespace } : {}),
          },
        },
      })
      .then(
        (review) => review.status?.allowed === true,
        () => true,
      )
      .then((allowed) => {
        this.#answers.set(key, { allowed, at: Date.now() });
        this.#pending.delete(key);
        return allowed;
      });
    this.#pending.set(key, asked);
    return asked;
  }
}

function keyOf(q: AccessQuestion): string {
  return [q.verb, q.resource.group, q.resource.plural, q.subresource ?? '', q.namespace ?? ''].join('|');
}

/**
 * The question an action's declared access asks (keys/actions.ts `access`): `self` is the view's
 * resource, `pods` the pods of the selected pod, `jobs` batch's jobs (a cron job's manual run).
 * Undefined for actions that need nothing.
 */
export function questionFor(
  access: { verb: string; resource: 'self' | 'pods' | 'jobs'; subresource?: string } | undefined,
  resource: ResourceInfo,
  namespace: string | undefined,
): AccessQuestion | undefined {
  if (!access) return undefined;
  const target = access.resource === 'pods' ? { group: '', plural: 'pods' } : access.resource === 'jobs' ? { group: 'batch', plural: 'jobs' } : resource;
  return { verb: access.verb, resource: target, ...(access.subresource ? { subresource: access.subresource } : {}), namespace };
}
