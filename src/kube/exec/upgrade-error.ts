/**
 * The sentence for a refused exec or attach upgrade. client-node rejects one with a bare
 * "Unexpected server response: 400" (the WebSocket library drops the body). The server's own
 * sentence is in that body, so ask again without the upgrade: the apiserver validates the pod and
 * container before it upgrades, and answers the plain request with the same Status (kubectl prints
 * `Error from server (BadRequest): unable to upgrade connection: container not found ("app")`).
 */
import type { KubeSession } from '../session.ts';
import { KxError, toKxError } from '../errors.ts';

/** Where the refused request went and what it was for (`exec into`, `attach to`). */
export interface RefusedUpgrade {
  session: KubeSession;
  namespace: string;
  pod: string;
  /** The same subresource path and query, asked as a plain GET. */
  plainPath: string;
  /** How the 403 sentence names the operation: `exec into`, `attach to`. */
  verb: string;
}

/** The KxError to report for a failed upgrade. */
export async function upgradeError(err: unknown, req: RefusedUpgrade): Promise<KxError> {
  const text = err instanceof Error ? err.message : typeof (err as { message?: unknown })?.message === 'string' ? String((err as { message: string }).message) : String(err);
  if (/Unexpected server response: \d+/.test(text)) {
    try {
      await req.session.client.get(req.plainPath);
    } catch (plain) {
      const answer = toKxError(plain);
      // "Upgrade request required" only says the plain request was plain: no better sentence.
      if (answer.code !== undefined && !/upgrade request required/i.test(answer.message)) return answer;
    }
  }
  if (/\b404\b/.test(text)) return new KxError('notFound', `pods "${req.pod}" not found`);
  if (/\b403\b/.test(text)) return new KxError('forbidden', `you may not ${req.verb} pod "${req.pod}" in namespace "${req.namespace}"`);
  return toKxError(err instanceof Error ? err : new Error(text));
}
