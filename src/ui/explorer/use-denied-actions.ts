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
      const q = questionFor('access' in spec ? spec.access : undefined, resource, namespace);
      return q && !(await reviewer.can(q)) ? spec.id : undefined;
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
