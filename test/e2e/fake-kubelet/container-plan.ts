/**
 * How the fake kubelet decides what a container "does", from its spec alone. Conventions
 * (documented in test/e2e/README.md):
 * - name or image contains `crash`: runs ~2 s, exits 1, and is restarted per restartPolicy
 *   (Always/OnFailure → CrashLoopBackOff with a growing back-off capped at 10 s).
 * - image contains `complete`, or command/args contain `exit N`: exits with N (0 for `complete`)
 *   after ~1.5 s, or after `sleep S` seconds when the command contains `sleep S`.
 * - init containers finish with 0 after ~0.5 s (or `sleep S`), unless they match `crash`.
 * - image contains `never-ready`: runs but never reports ready.
 * - anything else runs forever; it turns ready after readinessProbe.initialDelaySeconds.
 */

/** The subset of a container spec the plan is derived from. */
export interface ContainerSpecLike {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  readinessProbe?: { initialDelaySeconds?: number };
  ports?: { containerPort?: number }[];
}

/** What one container instance will do once started. */
export interface ContainerPlan {
  /** Exit code the instance ends with, or undefined when it runs until deleted. */
  exitCode: number | undefined;
  /** How long an instance runs before exiting (ignored when exitCode is undefined). */
  runMs: number;
  /** Whether the container ever reports ready. */
  neverReady: boolean;
  /** Delay after start before the container reports ready. */
  readyDelayMs: number;
}

const MAX_SLEEP_MS = 600_000;

function sleepMs(text: string): number | undefined {
  const match = /\bsleep\s+(\d+(?:\.\d+)?)/.exec(text);
  return match?.[1] === undefined ? undefined : Math.min(MAX_SLEEP_MS, Math.round(Number(match[1]) * 1000));
}

/** Derives a container's behaviour from its name, image, command and args. */
export function planFor(spec: ContainerSpecLike, isInit: boolean): ContainerPlan {
  const image = spec.image ?? '';
  const commandText = [...(spec.command ?? []), ...(spec.args ?? [])].join(' ');
  const crash = spec.name.includes('crash') || image.includes('crash');
  const exitMatch = /\bexit\s+(\d+)/.exec(commandText);
  const sleep = sleepMs(commandText);
  const neverReady = image.includes('never-ready');
  const readyDelayMs = Math.min(MAX_SLEEP_MS, (spec.readinessProbe?.initialDelaySeconds ?? 0) * 1000);
  if (crash) {
    const code = exitMatch?.[1] !== undefined && Number(exitMatch[1]) !== 0 ? Number(exitMatch[1]) : 1;
    return { exitCode: code, runMs: sleep ?? 2000, neverReady, readyDelayMs };
  }
  if (isInit) return { exitCode: exitMatch?.[1] !== undefined ? Number(exitMatch[1]) : 0, runMs: sleep ?? 500, neverReady, readyDelayMs };
  if (exitMatch?.[1] !== undefined) return { exitCode: Number(exitMatch[1]), runMs: sleep ?? 1500, neverReady, readyDelayMs };
  if (image.includes('complete')) return { exitCode: 0, runMs: sleep ?? 1500, neverReady, readyDelayMs };
  return { exitCode: undefined, runMs: 0, neverReady, readyDelayMs };
}

/** Restart back-off after the n-th restart: 2 s doubling, capped at 10 s (kubelet: 10 s … 5 min). */
export function backoffMs(restartCount: number): number {
  return Math.min(10_000, 2000 * 2 ** Math.min(restartCount, 4));
}
