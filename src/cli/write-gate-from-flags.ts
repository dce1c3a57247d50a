/** The write gate for a one-shot command: --readonly, or the session's context read-only in config.yaml. */
import { loadKxConfig } from '../config/kx-config.ts';
import type { KubeSession } from '../kube/session.ts';
import { writeGateFor, type WriteGate } from '../kube/access/write-gate.ts';
import type { GlobalFlags } from './args.ts';

/** The gate a one-shot passes before its first write (or exec session) on `session`. */
export function writeGateFromFlags(flags: Pick<GlobalFlags, 'readonly'>, session: Pick<KubeSession, 'context'>): WriteGate {
  // The settings file matters only when the flag does not already decide (it costs a file read).
  const readonlyContexts = flags.readonly ? new Set<string>() : loadKxConfig().readonlyContexts;
  return writeGateFor({ readonlyFlag: flags.readonly, context: session.context.name, readonlyContexts });
}
