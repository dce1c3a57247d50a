/**
 * The mutating actions RBAC forbids in the current view, found with SelfSubjectAccessReviews
 * (cached by the reviewer). Until the answers arrive nothing is hidden; the server still decides.
 */
import { useEffect, useState } from 'react';
import type { ResourceInfo } from '../../kube/resource-info.ts';
import type { AccessReviewer } from '../../kube/access/access-review.ts';
import { questionsFor } from '../../kube/access/access-review.ts';

const mutating = ['delete', 'kill', 'scale', 'restart', 'shell', 'history-undo'];

/** Ids of actions the user may not take on `resource` in `namespace`. */
export function useDeniedActions(reviewer: AccessReviewer, resource: ResourceInfo, namespace: string | undefined): ReadonlySet<string> {
  const [denied, setDenied] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let live = true;
    const checks = mutating.map(async (id) => {
      const q = questionsFor(id, resource, namespace);
      return q && !(await reviewer.can(q)) ? id : undefined;
    });
    void Promise.all(checks).then((ids) => {
      if (live) setDenied(new Set(ids.filter((id): id is string => id !== undefined)));
    });
    return () => {
      live = false;
    };
  }, [reviewer, resource, namespace]);
  return denied;
}
