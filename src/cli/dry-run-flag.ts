/** kubectl's --dry-run flag: none (or absent), client or server. */
import { UsageError } from './args.ts';
import type { DryRun } from '../kube/mutations/cordon.ts';

/** The --dry-run value as kx's DryRun; anything else is kubectl's usage sentence. */
export function dryRunFlag(value: string | undefined): DryRun {
  if (value === undefined || value === 'none') return undefined;
  if (value === 'client' || value === 'server') return value;
  throw new UsageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}
