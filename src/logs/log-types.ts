/**
 * The shapes shared by kx's log streaming core: where a line came from, the line itself, what to
 * ask the server for, which pods and containers to follow, and the notices a consumer may show.
 */
import type { KxError } from '../kube/errors.ts';

/** What kind of container a log comes from (sidecars are init containers with restartPolicy Always). */
export type ContainerKind = 'init' | 'sidecar' | 'regular' | 'ephemeral';

/**
 * One container of one pod. Every line of that container points at the same object, so a line
 * costs one small allocation however long the names are.
 */
export interface LogOrigin {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly kind: ContainerKind;
  /** The node the pod runs on ('' before it is scheduled), for stern's json output. */
  readonly node?: string;
}

/** One whole log line (never a fragment), without its newline. */
export interface LogLine {
  readonly origin: LogOrigin;
  /** The server's RFC 3339 timestamp for the line ('' when the server sent none). */
  readonly timestamp: string;
  /** The line as the container wrote it, without the timestamp. */
  readonly text: string;
}

/** What to ask the server for; timestamps are always requested and split off (see log-timestamp.ts). */
export interface LogQuery {
  follow: boolean;
  /** Only the last N lines of each container's log (undefined: all). */
  tailLines?: number | undefined;
  /** Only lines newer than this many seconds. */
  sinceSeconds?: number | undefined;
  /** Only lines at or after this RFC 3339 time. */
  sinceTime?: string | undefined;
  /** The previous (terminated) instance of each container. */
  previous: boolean;
  /**
   * kubectl's --limit-bytes: at most this many bytes of each container's log. Counted here, not
   * by the server, whose count would include the timestamps kx always asks for.
   */
  limitBytes?: number | undefined;
}

/** Which pods to read: one named pod, or every pod a label selector matches. */
export type PodSelection =
  | { kind: 'pod'; name: string }
  /** `labelSelector` '' is every pod; `fieldSelector` (--field-selector, --node) narrows on the server. */
  | { kind: 'selector'; labelSelector: string; description: string; fieldSelector?: string | undefined };

/** Which containers of each pod: the named one, all of them, or the default (all, said once). */
export type ContainerChoice = { kind: 'named'; name: string } | { kind: 'all' } | { kind: 'default' } | { kind: 'pattern'; pattern: RegExp };

/** A container's state as stern's --container-state names it. */
export type ContainerState = 'running' | 'waiting' | 'terminated';

/** Why one container's stream stopped. */
export type StreamEnd = 'complete' | 'exited' | 'podDeleted' | 'aborted';

/** Things a consumer may want to show beside the lines (kx logs prints some on stderr). */
export type LogNotice =
  /** The containers chosen for a pod, before any of its lines. `defaulted`: no -c was given and the pod has several. */
  | { type: 'containers'; namespace: string; pod: string; containers: string[]; defaulted: boolean }
  /** A container has not started yet; when following, kx waits for it. */
  | { type: 'waiting'; origin: LogOrigin; reason: string }
  | { type: 'started'; origin: LogOrigin }
  | { type: 'ended'; origin: LogOrigin; reason: StreamEnd }
  /** A followed stream broke while the container still runs; kx resumes after the last line it has. */
  | { type: 'reconnecting'; origin: LogOrigin; attempt: number; reason: string }
  /** A followed pod was deleted; its streams end once the server has sent their last lines. */
  | { type: 'podDeleted'; namespace: string; pod: string }
  /** One container's log could not be read (the others go on). */
  | { type: 'error'; origin: LogOrigin | undefined; error: KxError }
  /** A pod or container left out, with the sentence saying why. */
  | { type: 'skipped'; namespace: string; pod: string; message: string };
