/** Polling until a condition holds, for tests that watch something change on its own time. */

/** Polls `check` every `intervalMs` until it returns something other than undefined, null or false, and returns that; fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 30_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    // A check may fail while the thing it reads is not up yet (a server starting): try again.
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
      last = value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `last error: ${lastError.message}` : `last: ${JSON.stringify(last)}`;
      throw new Error(`timed out waiting for ${what} (${why})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
