/**
 * The checks kubectl makes on an object's name before it goes into a URL path, so kx refuses the
 * same names with the same sentences (exit 1) instead of sending them to the server.
 */
import { KxError } from '../kube/errors.ts';

/**
 * Throws kubectl's sentence when `name` cannot be one path segment (apimachinery's
 * IsValidPathSegmentName): "." and ".." would change the path, "/" and "%" would escape it.
 */
export function checkObjectName(name: string): void {
  const problems = name === '.' || name === '..' ? [`may not be '${name}'`] : ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
  // Go prints the []string with %v: the items space-separated in brackets.
  if (problems.length > 0) throw new KxError('invalid', `invalid resource name ${JSON.stringify(name)}: [${problems.join(' ')}]`);
}

/** Splits `TYPE/NAME` at its one slash, as kubectl's resource builder does; undefined without a slash. */
export function splitResourceName(arg: string): { type: string; name: string } | undefined {
  const parts = arg.split('/');
  if (parts.length === 1) return undefined;
  if (parts.length > 2) throw new KxError('invalid', 'arguments in resource/name form may not have more than one slash');
  return { type: parts[0]!, name: parts[1]! };
}
