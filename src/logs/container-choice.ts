/** Which containers of a pod to read, from -c / --all-containers / neither. */
import type { KubeObject } from '../kube/object.ts';
import type { ContainerChoice } from './log-types.ts';
import { podContainers, type PodContainer } from './pod-containers.ts';

/** The chosen containers, or why none: the named container is not in this pod. */
export type ChosenContainers = { ok: true; containers: PodContainer[]; defaulted: boolean } | { ok: false; message: string };

/**
 * -c NAME: that container. --all-containers: every one (init, sidecar, regular, ephemeral).
 * -c PATTERN (not a plain name): every container it matches. `exclude` (-E) leaves containers out first.
 * Neither: a pod with one container that runs alongside the others (regular or sidecar) shows
 * just that one, like kubectl; a pod with several shows all of them and says so (`defaulted`).
 */
export function chooseContainers(pod: KubeObject, choice: ContainerChoice, exclude: readonly RegExp[] = []): ChosenContainers {
  // stern's -E/--exclude-container: those containers are not there as far as logs go.
  const all = podContainers(pod).filter((c) => !exclude.some((re) => re.test(c.name)));
  switch (choice.kind) {
    case 'named': {
      const hit = all.find((c) => c.name === choice.name);
      return hit ? { ok: true, containers: [hit], defaulted: false } : { ok: false, message: `container ${choice.name} is not valid for pod ${pod.metadata.name}` };
    }
    case 'all':
      return { ok: true, containers: all, defaulted: false };
    case 'pattern':
      // stern's -c: every container whose name the pattern matches (none is not an error).
      return { ok: true, containers: all.filter((c) => choice.pattern.test(c.name)), defaulted: false };
    case 'default': {
      const main = all.filter((c) => c.kind === 'regular' || c.kind === 'sidecar');
      if (main.length === 1) return { ok: true, containers: main, defaulted: false };
      return { ok: true, containers: all, defaulted: all.length > 1 };
    }
    default: {
      const never: never = choice;
      return never;
    }
  }
}
