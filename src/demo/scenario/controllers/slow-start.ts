/** How controllers create many pods: at most a burst per sync, in batches that double while they succeed. */

/** Most pods one sync creates or deletes: the ReplicaSet controller's burstReplicas, the Job controller's MaxPodCreateDeletePerSync. */
export const burstReplicas = 500;

/**
 * Runs `work` for 0..count-1 in batches of 1, 2, 4, … like the controllers' slowStartBatch, so a
 * template that cannot work fails once instead of count times: a batch with a failure is the last,
 * and its first error is thrown (the work queue retries the sync). Returns how many ran.
 */
export function slowStartBatch(count: number, work: (i: number) => void): number {
  let done = 0;
  for (let size = 1; done < count; size *= 2) {
    const end = Math.min(count, done + size);
    let failure: { err: unknown } | undefined;
    for (; done < end; done++) {
      try {
        work(done);
      } catch (err) {
        failure ??= { err };
      }
    }
    if (failure) throw failure.err;
  }
  return done;
}
