/** Regular-expression flag values (`kx logs 'api-.*'`, -i, -e, -c, -E), compiled once with a usage sentence when they do not. */
import { UsageError } from '../args.ts';

/**
 * Compiles `source` as a regular expression (unanchored, as stern matches); a pattern that does
 * not compile is a UsageError naming the flag and why.
 */
export function compileRegexFlag(source: string, flag: string): RegExp {
  try {
    // No 'g' flag: test() must not carry lastIndex from one line to the next.
    return new RegExp(source);
  } catch (err) {
    // V8 says "Invalid regular expression: /(/: Unterminated group"; the reason is the last part.
    const reason = (err instanceof Error ? err.message : String(err)).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw new UsageError(`invalid argument "${source}" for "${flag}" flag: not a regular expression: ${reason}`);
  }
}

/** Whether a pod or container name given on the command line is a regular expression rather than a plain name. */
export function looksLikeRegex(text: string): boolean {
  // What kubectl refuses as a name (".", "..", "%") stays a name, so it is refused in kubectl's
  // words rather than read as "every pod".
  if (text === '.' || text === '..' || text.includes('%')) return false;
  // A Kubernetes name is lower-case letters, digits, '-' and '.'; anything else is a pattern.
  return !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(text);
}
