/**
 * What the bulk action pane says: the question naming the count, the first few objects, the
 * namespaces and the context; each object's line; and the summary left in the status line.
 */
import type { ObjectResult } from '../../kube/mutations/for-each-object.ts';
import { kubectlKind } from '../../kube/mutations/delete.ts';
import type { ObjectTarget } from './pane-types.ts';

/** The actions that act on every marked object. */
export type BulkAction = 'delete' | 'kill' | 'restart';

const verbs: Record<BulkAction, { ask: string; doing: string; done: string }> = {
  delete: { ask: 'Delete', doing: 'Deleting', done: 'deleted' },
  kill: { ask: 'Force delete', doing: 'Force deleting', done: 'force deleted' },
  restart: { ask: 'Restart', doing: 'Restarting', done: 'restarted' },
};

/** How many objects the question names before 'and N more'. */
const named = 3;

/** '3 pods', '1 deployment': `n` objects of the targets' resource. */
export function countOf(targets: readonly ObjectTarget[], n = targets.length): string {
  const resource = targets[0]?.resource;
  if (!resource) return `${n} objects`;
  const singular = resource.singular || resource.kind.toLowerCase();
  return `${n} ${n === 1 ? singular : resource.plural}`;
}

/** The distinct namespaces of `targets`, in order ('' for cluster-scoped objects is left out). */
export function namespacesOf(targets: readonly ObjectTarget[]): string[] {
  return [...new Set(targets.map((t) => t.namespace).filter((ns) => ns !== ''))];
}

/** `Delete 5 pods (web-1, web-2, web-3 and 2 more) in namespace shop on context prod?` */
export function bulkQuestion(action: BulkAction, targets: readonly ObjectTarget[], context: string): string {
  const namespaces = namespacesOf(targets);
  // Across namespaces a bare name is ambiguous: name them namespace/name.
  const nameOf = (t: ObjectTarget): string => (namespaces.length > 1 ? `${t.namespace}/${t.name}` : t.name);
  const names = targets.slice(0, named).map(nameOf).join(', ') + (targets.length > named ? ` and ${targets.length - named} more` : '');
  const where =
    namespaces.length === 0
      ? ''
      : namespaces.length === 1
        ? ` in namespace ${namespaces[0]}`
        : ` in namespaces ${namespaces.slice(0, named).join(', ')}${namespaces.length > named ? ` and ${namespaces.length - named} more` : ''}`;
  return `${verbs[action].ask} ${countOf(targets)} (${names})${where} on context ${context}?`;
}

/** The heading while it runs and after: `Deleting 5 pods on context prod: 3 of 5 done`. */
export function bulkProgress(action: BulkAction, targets: readonly ObjectTarget[], done: number, context: string): string {
  return `${verbs[action].doing} ${countOf(targets)} on context ${context}: ${done} of ${targets.length} done`;
}

/** One object's line: its result, or its name while it waits. */
export function resultLine(target: ObjectTarget, result: ObjectResult<ObjectTarget> | undefined): string {
  const name = `${kubectlKind(target.resource)}/${target.name}`;
  if (!result) return `· ${name}`;
  // Success is kubectl's sentence, which names the object; an error sentence may not (a refusal), so the name leads.
  return result.ok ? `✓ ${result.text}` : `✗ ${name}: ${result.text}`;
}

/** `4 pods deleted, 1 failed: web-2`, for the status line once the pane closes. */
export function bulkSummary(action: BulkAction, results: readonly ObjectResult<ObjectTarget>[]): { text: string; level: 'info' | 'error' } {
  const failed = results.filter((r) => !r.ok).map((r) => r.target);
  const done = `${countOf(
    results.map((r) => r.target),
    results.length - failed.length,
  )} ${verbs[action].done}`;
  if (failed.length === 0) return { text: done, level: 'info' };
  return { text: `${done}, ${failed.length} failed: ${failed.map((t) => t.name).join(', ')}`, level: 'error' };
}
