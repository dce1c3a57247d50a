/**
 * V8's memory saver for the explorer's first list: while the first view's list loads (the moment
 * the heap grows most: every page is parsed into short-lived objects), the old generation is kept
 * close to what is live instead of growing ahead of it. Once the view is live it goes off again:
 * left on, its frequent collections cost an idle explorer redrawing ages each second 3.5 % of a core
 * instead of 1 % (watching 10,000 pods, all threads counted: V8 collects on workers; RSS 135 vs
 * 147 MB). One-shot commands never ask for it: `kx logs` streaming a million lines spent half its
 * time collecting garbage with it on.
 *
 * Set at run time rather than on the launchers' shebang line: older V8s (Node 22's) refuse the
 * flag, and Node would stop with "bad option" before kx could say anything. V8 reads it on demand.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Turns the memory saver on where this V8 has it (13 and later: Node 24). Returns the function that
 * turns it off again, or undefined where it was not turned on.
 */
export function saveMemory(v8Version: string = process.versions.v8): (() => void) | undefined {
  if (Number(v8Version.split('.')[0]) < 13) return undefined;
  setFlagsFromString('--memory-saver-mode');
  let on = true;
  return () => {
    if (!on) return;
    on = false;
    setFlagsFromString('--no-memory-saver-mode');
    // The old generation may grow 20 % past what is live before the next full collection (V8
    // otherwise lets it grow up to 4× under fast allocation): 500 watch events a second for a minute
    // took RSS 145 → 246 MB without this, 147 → 171 MB with it (the young generation growing to its
    // cap), at 14 % of a core against the memory saver's 37 %.
    setFlagsFromString('--heap-growing-percent=20');
  };
}
