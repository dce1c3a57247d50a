/**
 * serviceaccounts/NAME/token (`kubectl create token`, dashboards' logins): a TokenRequest answered
 * with a bound token the demo then accepts as it accepts its own, until it expires. The token has
 * a JWT's shape and claims (sub system:serviceaccount:NS:NAME, aud, exp); it is signed by nobody,
 * since only this server reads it. With no RBAC in the demo, it may do what the kubeconfig's may.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context.ts';
import { getExisting } from './crud.ts';
import { invalid } from './errors.ts';
import { isRecord, readJson, sendJson } from './http-util.ts';
import { rfc3339 } from './object-meta.ts';
import type { ResourceRoute } from './router.ts';

const tokenRequests = { group: 'authentication.k8s.io', plural: 'tokenrequests', kind: 'TokenRequest' };
const defaultAudience = 'https://kubernetes.default.svc.cluster.local';
/** The API server's bounds: at least 10 minutes; without --service-account-max-token-expiration, a default of one hour. */
const minSeconds = 600;
const defaultSeconds = 3600;

/** Tokens this server issued, by value, with when each expires (ms since the epoch). */
export type IssuedTokens = Map<string, number>;

/** Whether `token` is one this server issued and has not expired. */
export function isIssuedToken(issued: IssuedTokens, token: string): boolean {
  const expires = issued.get(token);
  if (expires === undefined) return false;
  if (expires > Date.now()) return true;
  issued.delete(token);
  return false;
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** POST serviceaccounts/NAME/token. */
export async function handleTokenRequest(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute): Promise<void> {
  const account = getExisting(ctx, route);
  const body = await readJson(req);
  const spec = isRecord(body) && isRecord(body.spec) ? body.spec : {};
  const seconds = typeof spec.expirationSeconds === 'number' ? spec.expirationSeconds : defaultSeconds;
  if (seconds < minSeconds) throw invalid(tokenRequests, account.metadata.name, 'spec.expirationSeconds', `Invalid value: ${seconds}: may not specify a duration less than 10 minutes`);
  const audiences = Array.isArray(spec.audiences) && spec.audiences.length > 0 ? (spec.audiences as string[]) : [defaultAudience];
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: audiences,
    exp: now + seconds,
    iat: now,
    iss: defaultAudience,
    'kubernetes.io': { namespace: account.metadata.namespace, serviceaccount: { name: account.metadata.name, uid: account.metadata.uid } },
    nbf: now,
    sub: `system:serviceaccount:${account.metadata.namespace ?? ''}:${account.metadata.name}`,
  };
  const token = `${base64url({ alg: 'RS256', kid: 'kx-demo' })}.${base64url(claims)}.${randomBytes(32).toString('base64url')}`;
  ctx.issuedTokens.set(token, (now + seconds) * 1000);
  sendJson(res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: account.metadata.name, namespace: account.metadata.namespace, creationTimestamp: null },
    spec: { audiences, expirationSeconds: seconds, boundObjectRef: isRecord(spec.boundObjectRef) ? spec.boundObjectRef : null },
    status: { token, expirationTimestamp: rfc3339(new Date((now + seconds) * 1000)) },
  });
}
