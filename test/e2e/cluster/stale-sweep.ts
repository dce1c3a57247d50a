import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Prefix of every control plane's temp dir; the sweep only looks at these. */
export const RUN_DIR_PREFIX = 'kx-e2e-';

interface OwnerRecord {
  ownerPid: number;
  pids: number[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Records which test process owns `dir` and which process groups it started there. */
export function writeOwner(dir: string, pids: number[]): void {
  const record: OwnerRecord = { ownerPid: process.pid, pids };
  writeFileSync(join(dir, 'owner.json'), JSON.stringify(record));
}

/**
 * Kills control planes left behind by test processes that died without cleaning up (SIGKILL,
 * OOM), and removes their temp dirs. A pid is only killed if its command line still names the
 * dead run's dir, so a recycled pid is never hit.
 */
export function sweepStaleRuns(): void {
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith(RUN_DIR_PREFIX)) continue;
    const dir = join(tmpdir(), entry);
    let record: OwnerRecord;
    try {
      record = JSON.parse(readFileSync(join(dir, 'owner.json'), 'utf8')) as OwnerRecord;
    } catch {
      continue; // Still being set up by a live run, or not ours.
    }
    if (alive(record.ownerPid)) continue;
    for (const pid of record.pids) {
      if (cmdline(pid).includes(dir)) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

const dirsToRemove = new Set<string>();

/**
 * Removes `dir` when the process exits (after the exit hook in processes.ts killed the
 * components), for runs that end without stop(). Returns a function that cancels it.
 */
export function removeOnExit(dir: string): () => void {
  if (dirsToRemove.size === 0) {
    process.on('exit', () => {
      for (const d of dirsToRemove) rmSync(d, { recursive: true, force: true });
    });
  }
  dirsToRemove.add(dir);
  return () => dirsToRemove.delete(dir);
}
