/** The title line and status word shared by the describe and YAML panes. */
import type { PaneStatus } from './text-pane.tsx';
import type { ObjectTarget } from './pane-types.ts';
import type { LiveObject } from './use-live-object.ts';

/** 'Describe Deployment shop/web', 'YAML Node kx-worker'. */
export function paneTitle(verb: string, target: ObjectTarget): string {
  const where = target.namespace ? `${target.namespace}/${target.name}` : target.name;
  return `${verb} ${target.resource.kind} ${where}`;
}

/** The status after the title: live, loading, reconnecting, deleted, or the error. */
export function paneStatus(live: LiveObject): PaneStatus {
  switch (live.phase) {
    case 'loading':
      return { text: 'loading', tone: 'muted' };
    case 'live':
      return { text: 'live', tone: 'ok' };
    case 'reconnecting':
      return { text: `reconnecting${live.message ? ` (${live.message})` : ''}`, tone: 'warn' };
    case 'deleted':
      return { text: 'deleted · showing its last state', tone: 'error' };
    case 'error':
      return { text: live.object ? `not live: ${live.message ?? 'error'}` : 'error', tone: 'error' };
    default: {
      const never: never = live.phase;
      return never;
    }
  }
}
