/** Opaque continue tokens in the real server's shape (base64 of {v, rv, start}). */
import { badRequest, expired } from './errors.ts';

/** The decoded state of a continue token. */
export interface ContinueState {
  rv: number;
  /** The key of the last item returned; the next page starts after it. */
  after: string;
}

/** Encodes where the next page starts. */
export function encodeContinue(state: ContinueState): string {
  const json = JSON.stringify({ v: 'meta.k8s.io/v1', rv: state.rv, start: `${state.after}\u0000` });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** Decodes a token; a garbled one is a 400, one older than the kept history a 410 Expired. */
export function decodeContinue(token: string, oldestResumable: number): ContinueState {
  let parsed: { v?: unknown; rv?: unknown; start?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    throw badRequest('continue key is not valid: invalid continue token');
  }
  if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof parsed.start !== 'string' || !parsed.start.endsWith('\u0000')) {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  if (parsed.rv < oldestResumable) {
    throw expired(
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
    );
  }
  return { rv: parsed.rv, after: parsed.start.slice(0, -1) };
}
