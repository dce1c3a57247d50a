/** A container's log, generated lazily from its start time: nothing is stored per container, so 50,000 pods cost nothing. */
import type { LogLine, LogSource } from '../../types.ts';

/** One container instance's log, described by how to make line k. */
export interface LogInstance {
  line(k: number, time: Date): string;
  /** Wall-clock ms of the instance's start. */
  startMs: number;
  /** Wall-clock ms between lines. */
  intervalMs: number;
  /** When the instance stopped (already ended), if it did. */
  endMs?: number;
  /** Lines written right before the end (a crash's last words). */
  lastWords?: string[];
  /** At most this many lines are kept, like a rotated container log. */
  maxLines?: number;
}

/** LogSource over a LogInstance; followed sources tick on a timer until ended. */
export class GeneratedLog implements LogSource {
  private readonly followers = new Set<(line: LogLine) => void>();
  private readonly enders = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private emitted = -1;
  private done: boolean;

  constructor(private readonly inst: LogInstance) {
    this.done = inst.endMs !== undefined;
  }

  history(): LogLine[] {
    const end = this.inst.endMs ?? Date.now();
    const last = this.lastIndex(end);
    const max = this.inst.maxLines ?? 1000;
    const out: LogLine[] = [];
    for (let k = Math.max(0, last - max + 1); k <= last; k++) out.push(this.at(k));
    if (this.inst.endMs !== undefined) for (const text of this.inst.lastWords ?? []) out.push({ time: new Date(this.inst.endMs), text });
    this.emitted = Math.max(this.emitted, last);
    return out.slice(-max);
  }

  follow(listener: (line: LogLine) => void): () => void {
    if (this.done) return () => {};
    if (this.emitted < 0) this.emitted = this.lastIndex(Date.now());
    this.followers.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), Math.max(20, this.inst.intervalMs));
      this.timer.unref();
    }
    return () => {
      this.followers.delete(listener);
      if (this.followers.size === 0) this.stopTimer();
    };
  }

  onEnd(listener: () => void): () => void {
    this.enders.add(listener);
    return () => this.enders.delete(listener);
  }

  ended(): boolean {
    return this.done;
  }

  /** The container stopped writing: flush its last words to followers and end them. */
  end(lastWords: string[] = []): void {
    if (this.done) return;
    this.tick();
    for (const text of lastWords) for (const f of this.followers) f({ time: new Date(), text });
    this.done = true;
    this.stopTimer();
    this.followers.clear();
    for (const e of [...this.enders]) e();
    this.enders.clear();
  }

  private tick(): void {
    const last = this.lastIndex(Date.now());
    for (let k = this.emitted + 1; k <= last; k++) {
      const line = this.at(k);
      for (const f of this.followers) f(line);
    }
    this.emitted = Math.max(this.emitted, last);
  }

  private lastIndex(until: number): number {
    return Math.floor((until - this.inst.startMs) / this.inst.intervalMs);
  }

  private at(k: number): LogLine {
    const time = new Date(this.inst.startMs + k * this.inst.intervalMs);
    return { time, text: this.inst.line(k, time) };
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
