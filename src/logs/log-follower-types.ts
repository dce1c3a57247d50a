/** The options, counters and handle of the multi-source log follower (see log-follower.ts). */
import type { ApiClient } from '../kube/api-client.ts';
import type { BackoffOptions } from '../kube/backoff.ts';
import type { KubeObject } from '../kube/object.ts';
import type { LineQueueOptions } from './line-queue.ts';
import type { ResumePoint } from './log-timestamp.ts';
import type { ContainerChoice, ContainerState, LogLine, LogNotice, LogOrigin, LogQuery, PodSelection } from './log-types.ts';

/** What to follow and how. */
export interface LogFollowerOptions {
  client: ApiClient;
  /** undefined: every namespace (selectors only). */
  namespace: string | undefined;
  selection: PodSelection;
  containers: ContainerChoice;
  /** stern's pod query: only pods whose name this matches (unanchored). */
  podName?: RegExp | undefined;
  /** stern's -E: containers whose name matches any of these are left out. */
  excludeContainers?: readonly RegExp[] | undefined;
  /** stern's --container-state: only containers in one of these states are read (undefined: any). */
  containerStates?: readonly ContainerState[] | undefined;
  query: LogQuery;
  /**
   * Following: at most this many log streams at once (kubectl's --max-log-requests); more at the
   * start is kubectl's error, later pods that would exceed it are skipped. Default 50.
   */
  maxLogRequests?: number;
  /** The hand-over to the consumer; default 8,192 lines with back-pressure ('block'). */
  queue?: LineQueueOptions;
  onNotice?: (notice: LogNotice) => void;
  backoff?: BackoffOptions;
  /** How long a deleted pod's streams may still deliver before they are cut; default 5 s. */
  deletedGraceMs?: number;
}

/** Counters for the consumer (a pane shows `dropped`). */
export interface LogFollowerStats {
  lines: number;
  dropped: number;
  activeStreams: number;
  pods: number;
  /** Containers whose log could not be read. */
  failures: number;
}

/** A running follower. */
export interface LogFollower {
  /**
   * The next batch of lines, oldest first; undefined when there will be no more. Rejects with a
   * KxError when the whole selection failed (not found, forbidden, too many pods).
   */
  next(): Promise<LogLine[] | undefined>;
  /** Stops every request; next() then returns what is queued and undefined. */
  stop(): void;
  stats(): LogFollowerStats;
}

/** One container of a followed pod: where its log got to and whether a stream is open. */
export interface Slot {
  origin: LogOrigin;
  resume: ResumePoint;
  /** The instance streamed last (or now), so a restart is noticed and a finished one not re-read. */
  instance: string | undefined;
  active: AbortController | undefined;
  /** Named pod, following: this container has run and exited (or never will). */
  done: boolean;
  waitingSaid: string | undefined;
}

/** One followed pod and its containers. */
export interface PodEntry {
  key: string;
  latest: KubeObject;
  /** Present at the start: the first stream of each container honours tail/since. */
  initial: boolean;
  slots: Slot[];
  removed: boolean;
}
