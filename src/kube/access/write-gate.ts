/**
 * The one gate every operation that writes to the cluster or opens a session in a container
 * passes: TUI keys, one-shot commands and (later) plugins alike. It knows whether kx is read-only
 * here (--readonly, or the context marked `readonly: true` in config.yaml) and refuses with one
 * sentence before any request is sent. RBAC is the server's word: the TUI asks it ahead of time
 * (use-denied-actions) to hide keys, one-shots let the server answer as kubectl does.
 */
import { KxError } from '../errors.ts';

/** Where the read-only setting came from, for the sentence that refuses. */
export type ReadOnlySource = { kind: 'flag' } | { kind: 'context'; context: string } | { kind: 'snapshot' };

/** Refused because kx is read-only here (exit code 1, like any refused operation). */
export class ReadOnlyError extends KxError {
  constructor(message: string) {
    super('forbidden', message, { reason: 'ReadOnly' });
  }
}

/** Read-only mode for one context, asked by everything that would write. */
export class WriteGate {
  readonly source: ReadOnlySource | undefined;

  constructor(source: ReadOnlySource | undefined) {
    this.source = source;
  }

  /** True when nothing may change the cluster here. */
  get readonly(): boolean {
    return this.source !== undefined;
  }

  /** The sentence that refuses `operation` (a short name: scale, restart, undo, exec…), or undefined when allowed. */
  refusal(operation: string): string | undefined {
    if (!this.source) return undefined;
    const why = this.source.kind === 'flag' ? '--readonly' : this.source.kind === 'snapshot' ? 'snapshot' : `context ${this.source.context} in config.yaml`;
    return `kx is read-only here (${why}): ${operation} is off`;
  }

  /** Throws ReadOnlyError when `operation` may not run here; call it before the first request. */
  enter(operation: string): void {
    const refused = this.refusal(operation);
    if (refused) throw new ReadOnlyError(refused);
  }
}

/** The gate for `context`: a snapshot is never written to, then --readonly, else the settings file's per-context flag. */
export function writeGateFor(opts: { readonlyFlag: boolean; context: string; readonlyContexts: ReadonlySet<string>; snapshot?: boolean }): WriteGate {
  if (opts.snapshot) return new WriteGate({ kind: 'snapshot' });
  if (opts.readonlyFlag) return new WriteGate({ kind: 'flag' });
  if (opts.readonlyContexts.has(opts.context)) return new WriteGate({ kind: 'context', context: opts.context });
  return new WriteGate(undefined);
}
