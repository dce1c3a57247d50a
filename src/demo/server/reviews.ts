/**
 * The review kinds a client creates to ask about itself, answered and never stored (as the real
 * server does): SelfSubjectAccessReview (`kubectl auth can-i`, kx's permission gate),
 * SelfSubjectRulesReview (`kubectl auth can-i --list`) and SelfSubjectReview (`kubectl auth
 * whoami`). The demo has no RBAC: every question is answered "allowed".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, readJson, sendJson } from './http-util.ts';
import type { ResourceDef } from './resource-def.ts';

/** Who the demo's token is: a cluster admin, as kubeadm's admin.conf user is. */
export const demoUser = { username: 'kx-demo-admin', groups: ['system:masters', 'system:authenticated'] };

type Answer = (spec: Record<string, unknown>) => object;

const answers: Record<string, { kind: string; apiVersion: string; answer: Answer }> = {
  'authorization.k8s.io/selfsubjectaccessreviews': {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    answer: () => ({ allowed: true, reason: 'the demo cluster allows everything' }),
  },
  'authorization.k8s.io/selfsubjectrulesreviews': {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    answer: () => ({
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    }),
  },
  'authentication.k8s.io/selfsubjectreviews': {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    answer: () => ({ userInfo: demoUser }),
  },
};

/** Answers a POST of a review kind; false for any other resource. */
export async function handleReview(def: ResourceDef, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const review = answers[`${def.group}/${def.plural}`];
  if (!review) return false;
  // The question is echoed back; the answer does not depend on it, so a body the demo cannot read
  // (a kind its protobuf table lacks) still gets one.
  const body = await readJson(req).catch(() => undefined);
  const spec = isRecord(body) && isRecord(body.spec) ? body.spec : {};
  const reply: Record<string, unknown> = { apiVersion: review.apiVersion, kind: review.kind, metadata: { creationTimestamp: null } };
  if (def.plural !== 'selfsubjectreviews') reply.spec = spec;
  reply.status = review.answer(spec);
  sendJson(res, 201, reply);
  return true;
}
