/**
 * A bulk action (delete, force delete, restart of marked objects): the same single-object
 * mutation run on each object in turn, where one failure (an object already gone, a refusal) is
 * that object's result and does not stop the others.
 */
import { toKxError } from '../errors.ts';

/** What happened to one object: kubectl's result sentence, or the error's. */
export interface ObjectResult<T> {
  target: T;
  ok: boolean;
  text: string;
}

/**
 * Runs `act` on each of `targets` one after another (the server sees what a shell loop of kubectl
 * commands would send), reporting each result as it comes; resolves with all of them in order.
 */
export async function forEachObject<T>(
  targets: readonly T[],
  act: (target: T) => Promise<string>,
  onResult: (result: ObjectResult<T>, index: number) => void = () => undefined,
): Promise<ObjectResult<T>[]> {
  const results: ObjectResult<T>[] = [];
  for (const [index, target] of targets.entries()) {
    let result: ObjectResult<T>;
    try {
      result = { target, ok: true, text: await act(target) };
    } catch (err) {
      result = { target, ok: false, text: toKxError(err).message };
    }
    results.push(result);
    onResult(result, index);
  }
  return results;
}
