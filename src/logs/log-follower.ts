/**
 * The multi-source follower: finds the pods of a selection (one pod, a workload's selector, -l),
 * streams the chosen containers of each, and hands whole tagged lines to one consumer through a
 * bounded LineQueue. Without follow the containers are read one after another (kubectl's order,
 * output grouped per container); with follow they stream side by side, new pods and restarted
 * containers are picked up, and a named pod ends when each of its containers has run and exited.
 */
import { KxError, toKxError } from '../kube/errors.ts';
import type { KubeObject } from '../kube/object.ts';
import { chooseContainers } from './container-choice.ts';
import { streamContainerLog } from './container-log-stream.ts';
import { LineQueue } from './line-queue.ts';
import type { LogFollower, LogFollowerOptions, LogFollowerStats, PodEntry, Slot } from './log-follower-types.ts';
import { ResumePoint } from './log-timestamp.ts';
import type { LogLine, LogNotice, LogQuery, StreamEnd } from './log-types.ts';
import { podContainers, podPhase } from './pod-containers.ts';
import { trackPods, type PodTracker } from './pod-tracker.ts';

export type { LogFollower, LogFollowerOptions, LogFollowerStats } from './log-follower-types.ts';

/** Starts following; read the lines with next(). */
export function startLogFollower(opts: LogFollowerOptions): LogFollower {
  return new Follower(opts);
}

const keyOf = (pod: KubeObject): string => `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;

class Follower implements LogFollower {
  readonly #opts: LogFollowerOptions;
  readonly #query: LogQuery;
  readonly #queue: LineQueue<LogLine>;
  readonly #stop = new AbortController();
  readonly #pods = new Map<string, PodEntry>();
  readonly #skipped = new Map<string, KubeObject>();
  readonly #maxStreams: number;
  #tracker: PodTracker | undefined;
  #lines = 0;
  #failures = 0;
  #active = 0;

  constructor(opts: LogFollowerOptions) {
    this.#opts = opts;
    // The server does not follow a previous instance: it has ended.
    this.#query = opts.query.previous ? { ...opts.query, follow: false } : opts.query;
    this.#queue = new LineQueue<LogLine>(opts.queue);
    this.#maxStreams = opts.maxLogRequests ?? 50;
    this.#tracker = trackPods(
      { client: opts.client, namespace: opts.namespace, selection: opts.selection, follow: this.#query.follow, signal: this.#stop.signal },
      {
        initial: (pods) => this.#initial(pods),
        upsert: (pod) => this.#upsert(pod),
        remove: (pod) => this.#remove(pod),
        failed: (err) => this.#fail(err),
      },
    );
  }

  next(): Promise<LogLine[] | undefined> {
    return this.#queue.take();
  }

  stop(): void {
    this.#stop.abort();
    this.#tracker?.stop();
    this.#queue.close();
  }

  stats(): LogFollowerStats {
    return { lines: this.#lines, dropped: this.#queue.dropped, activeStreams: this.#active, pods: this.#pods.size, failures: this.#failures };
  }

  get #namedPod(): boolean {
    return this.#opts.selection.kind === 'pod';
  }

  #notice(n: LogNotice): void {
    this.#opts.onNotice?.(n);
  }

  #fail(err: KxError): void {
    if (this.#stop.signal.aborted) return;
    this.#stop.abort();
    this.#tracker?.stop();
    this.#queue.close(err);
  }

  #finish(): void {
    if (this.#stop.signal.aborted) return;
    this.#stop.abort();
    this.#tracker?.stop();
    this.#queue.close();
  }

  #deliver = (line: LogLine): Promise<void> | undefined => {
    this.#lines++;
    return this.#queue.push(line);
  };

  #wanted(pod: KubeObject): boolean {
    return this.#opts.podName === undefined || this.#opts.podName.test(pod.metadata.name);
  }

  // --container-state: whether this container is read now (its state may change while following).
  #stateWanted(entry: PodEntry, slot: Slot): boolean {
    const states = this.#opts.containerStates;
    if (!states) return true;
    const now = podContainers(entry.latest).find((c) => c.name === slot.origin.container);
    return now !== undefined && states.includes(now.state);
  }

  #initial(all: KubeObject[]): void {
    const selection = this.#opts.selection;
    const pods = all.filter((pod) => this.#wanted(pod));
    // kubectl limits concurrent streams only when following (without, they are read one by one).
    const streams = this.#query.follow ? pods.reduce((n, pod) => n + this.#streamsOf(pod), 0) : 0;
    if (streams > this.#maxStreams) {
      this.#fail(new KxError('invalid', `you are attempting to follow ${streams} log streams, but maximum allowed concurrency is ${this.#maxStreams}, use --max-log-requests to increase the limit`));
      return;
    }
    if (pods.length === 0) {
      const where = this.#opts.namespace ? `${this.#opts.namespace} namespace` : 'any namespace';
      const what = selection.kind === 'selector' ? selection.description : selection.name;
      this.#notice({ type: 'skipped', namespace: this.#opts.namespace ?? '', pod: '', message: `no pods match ${what} in ${where}${this.#query.follow ? ' yet; waiting for some' : ''}` });
    }
    for (const pod of pods) {
      if (!this.#addPod(pod, true)) return;
    }
    if (this.#query.follow) {
      for (const entry of this.#pods.values()) this.#reconcile(entry);
      this.#checkDone();
    } else {
      void this.#readAllInTurn();
    }
  }

  #streamsOf(pod: KubeObject): number {
    const chosen = chooseContainers(pod, this.#opts.containers, this.#opts.excludeContainers);
    return chosen.ok ? chosen.containers.length : 0;
  }

  #streamCount(): number {
    let n = 0;
    for (const entry of this.#pods.values()) n += entry.slots.length;
    return n;
  }

  /** Registers a pod and its chosen containers; false when that was fatal (named pod, bad -c). */
  #addPod(pod: KubeObject, initial: boolean): boolean {
    const chosen = chooseContainers(pod, this.#opts.containers, this.#opts.excludeContainers);
    const namespace = pod.metadata.namespace ?? this.#opts.namespace ?? '';
    if (!chosen.ok) {
      if (this.#namedPod) {
        // kubectl checks this itself and words it as a plain error, not a server answer.
        this.#fail(new KxError('invalid', chosen.message));
        return false;
      }
      this.#notice({ type: 'skipped', namespace, pod: pod.metadata.name, message: chosen.message });
      return true;
    }
    const slots = chosen.containers.map<Slot>((c) => ({
      origin: { namespace, pod: pod.metadata.name, container: c.name, kind: c.kind, node: (pod['spec'] as { nodeName?: string } | undefined)?.nodeName ?? '' },
      resume: new ResumePoint(),
      instance: undefined,
      active: undefined,
      done: false,
      waitingSaid: undefined,
    }));
    this.#pods.set(keyOf(pod), { key: keyOf(pod), latest: pod, initial, slots, removed: false });
    this.#notice({ type: 'containers', namespace, pod: pod.metadata.name, containers: slots.map((s) => s.origin.container), defaulted: chosen.defaulted });
    return true;
  }

  // Without follow: one container after another, like kubectl, so the output is grouped.
  async #readAllInTurn(): Promise<void> {
    for (const entry of [...this.#pods.values()]) {
      for (const slot of entry.slots) {
        if (this.#stop.signal.aborted) return;
        if (!this.#stateWanted(entry, slot)) continue;
        await this.#stream(entry, slot, false);
      }
    }
    this.#finish();
  }

  #upsert(pod: KubeObject): void {
    if (this.#stop.signal.aborted) return;
    const entry = this.#pods.get(keyOf(pod));
    if (entry) {
      entry.latest = pod;
      this.#reconcile(entry);
      return;
    }
    if (this.#namedPod || !this.#wanted(pod)) return;
    if (this.#streamCount() + this.#streamsOf(pod) > this.#maxStreams) {
      if (!this.#skipped.has(keyOf(pod))) {
        this.#notice({
          type: 'skipped',
          namespace: pod.metadata.namespace ?? '',
          pod: pod.metadata.name,
          message: `not following pod ${pod.metadata.name}: already following ${this.#streamCount()} log streams, the limit of --max-log-requests is ${this.#maxStreams}`,
        });
      }
      this.#skipped.set(keyOf(pod), pod);
      return;
    }
    this.#skipped.delete(keyOf(pod));
    if (this.#addPod(pod, false)) this.#reconcile(this.#pods.get(keyOf(pod)));
  }

  #remove(pod: KubeObject): void {
    this.#skipped.delete(keyOf(pod));
    const entry = this.#pods.get(keyOf(pod));
    if (!entry || entry.removed) return;
    entry.removed = true;
    this.#notice({ type: 'podDeleted', namespace: entry.slots[0]?.origin.namespace ?? pod.metadata.namespace ?? '', pod: pod.metadata.name });
    // The server ends the streams of a deleted pod; a node that vanished may not, so cut them later.
    const streams = entry.slots.map((s) => s.active).filter((a) => a !== undefined);
    if (streams.length > 0) {
      const timer = setTimeout(() => streams.forEach((a) => a.abort()), this.#opts.deletedGraceMs ?? 5000);
      timer.unref();
    }
    this.#releaseIfIdle(entry);
  }

  // A removed pod whose streams all ended leaves; a skipped pod may take its place.
  #releaseIfIdle(entry: PodEntry): void {
    if (!entry.removed || entry.slots.some((s) => s.active)) return;
    if (this.#namedPod) {
      for (const slot of entry.slots) slot.done = true;
      this.#checkDone();
      return;
    }
    this.#pods.delete(entry.key);
    const [next] = this.#skipped.values();
    if (next) this.#upsert(next);
  }

  // Following: start a stream for every container with an instance not read yet.
  #reconcile(entry: PodEntry | undefined): void {
    if (!entry || entry.removed || !this.#query.follow || this.#stop.signal.aborted) return;
    const containers = podContainers(entry.latest);
    for (const slot of entry.slots) {
      if (slot.active || slot.done) continue;
      const now = containers.find((c) => c.name === slot.origin.container);
      if (!now) continue;
      if (this.#opts.containerStates && !this.#opts.containerStates.includes(now.state)) {
        // A named pod's container that has finished will not come back into a wanted state.
        if (this.#namedPod && now.state === 'terminated' && !now.running) slot.done = true;
        continue;
      }
      if (now.instance === undefined) {
        const finished = podPhase(entry.latest) === 'Succeeded' || podPhase(entry.latest) === 'Failed';
        if (this.#namedPod && finished) {
          slot.done = true;
          continue;
        }
        if (now.waitingReason && slot.waitingSaid !== now.waitingReason) {
          slot.waitingSaid = now.waitingReason;
          this.#notice({ type: 'waiting', origin: slot.origin, reason: now.waitingReason });
        }
        continue;
      }
      if (now.instance === slot.instance) continue;
      slot.instance = now.instance;
      void this.#stream(entry, slot, true);
    }
    this.#checkDone();
  }

  async #stream(entry: PodEntry, slot: Slot, follow: boolean): Promise<void> {
    const control = new AbortController();
    const onStop = (): void => control.abort();
    this.#stop.signal.addEventListener('abort', onStop, { once: true });
    slot.active = control;
    this.#active++;
    // A pod that appeared while following is new: all of its lines, not the last --tail of them.
    const fresh = follow && !entry.initial;
    const query: LogQuery = fresh ? { follow, previous: this.#query.previous } : { ...this.#query, follow };
    let end: StreamEnd | undefined;
    try {
      this.#notice({ type: 'started', origin: slot.origin });
      end = await streamContainerLog({
        client: this.#opts.client,
        origin: slot.origin,
        query,
        signal: control.signal,
        deliver: this.#deliver,
        resume: slot.resume,
        resumeFirst: slot.resume.lastTimestamp !== '',
        ...(this.#opts.onNotice ? { onNotice: this.#opts.onNotice } : {}),
        ...(this.#opts.backoff ? { backoff: this.#opts.backoff } : {}),
      });
      this.#notice({ type: 'ended', origin: slot.origin, reason: end });
    } catch (err) {
      this.#streamFailed(entry, slot, toKxError(err), follow);
    } finally {
      slot.active = undefined;
      this.#active--;
      this.#stop.signal.removeEventListener('abort', onStop);
    }
    if (!follow || this.#stop.signal.aborted) return;
    if (end === 'podDeleted' && !entry.removed) {
      entry.removed = true;
      this.#notice({ type: 'podDeleted', namespace: slot.origin.namespace, pod: slot.origin.pod });
    }
    if (this.#namedPod && (end === 'exited' || end === 'podDeleted')) slot.done = true;
    if (entry.removed) this.#releaseIfIdle(entry);
    else this.#reconcile(entry);
    this.#checkDone();
  }

  #streamFailed(entry: PodEntry, slot: Slot, error: KxError, follow: boolean): void {
    if (follow && error.kind === 'invalid' && /is waiting to start/.test(error.message)) {
      // The status ran ahead of the kubelet: try again on the pod's next change, or in a second
      // if no change comes.
      slot.instance = undefined;
      const retry = setTimeout(() => this.#reconcile(entry), 1000);
      retry.unref();
      return;
    }
    if (follow && error.kind === 'notFound') return;
    this.#failures++;
    if (this.#namedPod) slot.done = true;
    this.#notice({ type: 'error', origin: slot.origin, error });
  }

  // A named pod that is followed ends when each chosen container has had its turn.
  #checkDone(): void {
    if (!this.#query.follow || !this.#namedPod || this.#stop.signal.aborted) return;
    const entries = [...this.#pods.values()];
    if (entries.length > 0 && entries.every((e) => e.slots.every((s) => s.done && !s.active))) this.#finish();
  }
}
