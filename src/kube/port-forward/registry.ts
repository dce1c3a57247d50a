/** The running port-forwards of a kx process, by id: what the TUI lists, starts and stops. */
import { forwardPort, type ForwardPortOptions, type ForwardState, type PortForwarder } from './forward-port.ts';

/** One entry of the list: an id and the forward's state. */
export interface ForwardEntry extends ForwardState {
  id: number;
}

/** Starts, lists and stops forwards; each keeps running until stopped here (or stopAll on exit). */
export class PortForwardRegistry {
  private readonly forwards = new Map<number, PortForwarder>();
  private nextId = 1;

  /** Starts a forward and returns its id; rejects with one sentence when it cannot listen or resolve. */
  async start(opts: ForwardPortOptions): Promise<number> {
    const f = await forwardPort(opts);
    const id = this.nextId++;
    this.forwards.set(id, f);
    return id;
  }

  /** Every running forward with its state and counters, oldest first. */
  list(): ForwardEntry[] {
    return [...this.forwards].map(([id, f]) => ({ id, ...f.state() }));
  }

  /** Stops one forward; false when there is none with that id. */
  async stop(id: number): Promise<boolean> {
    const f = this.forwards.get(id);
    if (!f) return false;
    this.forwards.delete(id);
    await f.stop();
    return true;
  }

  /** Stops them all (kx is leaving). */
  async stopAll(): Promise<void> {
    const all = [...this.forwards.values()];
    this.forwards.clear();
    await Promise.all(all.map((f) => f.stop()));
  }
}
