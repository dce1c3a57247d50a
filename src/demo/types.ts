/**
 * The contract between the demo cluster's API server (store + HTTP protocol, src/demo/server/)
 * and its scenario (controllers, simulated kubelet, seed objects, churn, src/demo/scenario/).
 * Controllers work in-process on the store, never over HTTP, so 50,000 pods stay cheap.
 */
import type { KubeObject } from '../kube/object.ts';
import type { Duplex } from 'node:stream';

/** Identifies a served resource in the demo store: group ('' for core) and plural. */
export interface DemoResourceRef {
  group: string;
  plural: string;
}

/** A change committed to the store, as watchers see it. */
export interface StoreChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resource: DemoResourceRef;
  object: KubeObject;
}

/** The in-memory, etcd-like object store of the demo API server. */
export interface DemoStore {
  /** The newest resourceVersion committed (a global counter, like etcd's revision). */
  currentResourceVersion(): number;
  get(resource: DemoResourceRef, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Objects of one resource, in one namespace or all; do not mutate what is returned. */
  list(resource: DemoResourceRef, namespace?: string): KubeObject[];
  /** Stores a new object: fills uid, resourceVersion, creationTimestamp, generation, generateName. Throws DemoApiError 409 if it exists. */
  create(resource: DemoResourceRef, obj: KubeObject): KubeObject;
  /** Replaces an object; bumps resourceVersion, and generation when anything but status/metadata changed. Throws 404/409 (stale resourceVersion when one is given). */
  update(resource: DemoResourceRef, obj: KubeObject): KubeObject;
  /** Convenience for controllers: read-modify-write with a mutator on a deep copy. Returns undefined if the object is gone. */
  mutate(resource: DemoResourceRef, namespace: string | undefined, name: string, fn: (draft: KubeObject) => void): KubeObject | undefined;
  /**
   * Deletes like the API server: with finalizers, or for a pod with a grace period > 0, it only
   * sets deletionTimestamp (the object is removed once finalizers are empty / the kubelet
   * finishes with gracePeriodSeconds 0). propagationPolicy Orphan/Foreground adds the garbage
   * collector's `orphan`/`foregroundDeletion` finalizer; unset means Background unless the object
   * already carries one. Returns the object as deleted or marked; undefined if absent.
   */
  delete(
    resource: DemoResourceRef,
    namespace: string | undefined,
    name: string,
    opts?: { gracePeriodSeconds?: number; propagationPolicy?: 'Orphan' | 'Background' | 'Foreground' },
  ): KubeObject | undefined;
  /** In-process subscription to every committed change, in commit order. Returns unsubscribe. */
  subscribe(listener: (change: StoreChange) => void): () => void;
}

/** An error the demo API answers with a metav1.Status (404 NotFound, 409 Conflict, 422 Invalid, …). */
export class DemoApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** One log line a container wrote. */
export interface LogLine {
  time: Date;
  text: string;
}

/** The log of one container instance (current or previous). */
export interface LogSource {
  /** Lines written so far, oldest first (bounded by the runtime). */
  history(): LogLine[];
  /** New lines as they are written; returns unsubscribe. */
  follow(listener: (line: LogLine) => void): () => void;
  /** Fires when the container stops writing (it exited or the pod was deleted); followers end then. */
  onEnd(listener: () => void): () => void;
  /** True once the container stopped writing. */
  ended(): boolean;
}

/** A running exec session (a process inside a container), as the demo's kubelet runs it. */
export interface ExecSession {
  write(data: Buffer): void;
  resize(cols: number, rows: number): void;
  onStdout(listener: (data: Buffer) => void): void;
  onStderr(listener: (data: Buffer) => void): void;
  /** Fires once with the exit code when the process ends. */
  onExit(listener: (code: number) => void): void;
  kill(): void;
  /** The client closed stdin (exec protocol v5 close frame): the process sees end of input. Optional. */
  closeStdin?(): void;
}

/** What the demo kubelet provides to the API server's pods/log and pods/exec endpoints. */
export interface PodRuntime {
  /** Throws DemoApiError (400 for 'container not found' / 'waiting to start', 404 for a missing pod). */
  logs(req: { namespace: string; pod: string; container: string; previous: boolean }): LogSource;
  /** Throws DemoApiError when the container does not exist or is not running; exit 126/127 style failures come through onExit. */
  exec(req: { namespace: string; pod: string; container: string; command: string[]; tty: boolean }): ExecSession;
  /** Throws what exec would for a pod or container that cannot take one, before any upgrade. */
  checkExec?(req: { namespace: string; pod: string; container: string }): void;
  /** Throws DemoApiError when the pod cannot take a port-forward at all (the kubelet has no running sandbox for it), before any upgrade. */
  checkPortForward?(req: { namespace: string; pod: string }): void;
  /**
   * A TCP connection to `port` inside the pod (pods/portforward), the pod's end of it returned;
   * throws an Error with the kubelet's sentence (`error forwarding port 9999 to pod …`) when nothing listens there.
   */
  connectPort?(req: { namespace: string; pod: string; uid: string; port: number }): Duplex;
  /**
   * Connects to the container's own stdio (pods/attach): its output from now on, and its stdin
   * when `stdin` is set and the container reads one. Detaching (kill) leaves the process running.
   */
  attach?(req: { namespace: string; pod: string; container: string; stdin: boolean }): ExecSession;
  /** Throws what attach would for a container that cannot take one, before any upgrade. */
  checkAttach?(req: { namespace: string; pod: string; container: string }): void;
}
