/**
 * The actions RBAC forbids in the current view, found with SelfSubjectAccessReviews (cached by
 * the reviewer) for every action that declares an access (keys/actions.ts). Until the answers
 * arrive nothing is hidden; the server still decides.
 */
import { useEffect, useState } from 'react';
import { actionSpecs, type ActionId } from '../../keys/actions.ts';
import type { ResourceInfo } from '../../kube/resource-info.ts';
import type { AccessReviewer } from '../../kube/access/access-review.ts';
import { questionFor } from '../../kube/access/access-review.ts';

const guarded = actionSpecs.filter((spec) => spec.mutates);

/** Ids of actions the user may not take on `resource` in `namespace`. */
export function useDeniedActions(reviewer: AccessReviewer, resource: ResourceInfo, namespace: string | undefined): ReadonlySet<ActionId> {
  const [denied, setDenied] = useState<ReadonlySet<ActionId>>(new Set());
  useEffect(() => {
    let live = true;
    const checks = guarded.map(async (spec) => {
      const access = 'access' in spec ? spec.access : undefined;
      // Every permission the action declares must be granted (drain: the node's patch and pods/eviction).
      for (const part of [access, access && 'also' in access ? access.also : undefined]) {
        const q = questionFor(part, resource, namespace);
        if (q && !(await reviewer.can(q))) return spec.id;
      }
      return undefined;
    });
    void Promise.all(checks).then((ids) => {
      if (live) setDenied(new Set(ids.filter((id): id is ActionId => id !== undefined)));
    });
    return () => {
      live = false;
    };
  }, [reviewer, resource, namespace]);
  return denied;
}
