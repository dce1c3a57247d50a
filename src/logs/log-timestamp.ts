/**
 * kx always asks the server for timestamps (`timestamps=true`) and splits them off each line:
 * they let a followed stream resume exactly after its last line (`sinceTime`), and a stamped line
 * is never empty, so blank lines a container wrote survive the line splitter.
 */

/** A raw stamped line split into the server's timestamp and the container's text. */
export interface StampedLine {
  timestamp: string;
  text: string;
}

/**
 * Where the timestamp of a stamped line ends (the index of the space after it, or the length of a
 * line that is only a timestamp); -1 when the line does not start with one.
 */
export function timestampEnd(raw: string): number {
  // Cheap shape check (YYYY-MM-DDT…) instead of a regex: this runs once per line.
  if (raw.length < 20 || raw.charCodeAt(4) !== 45 || raw.charCodeAt(10) !== 84) return -1;
  const space = raw.indexOf(' ', 19);
  return space < 0 ? raw.length : space;
}

/** Splits `2024-05-01T10:00:00.123456789Z text`; a line without a timestamp is all text. */
export function splitTimestamp(raw: string): StampedLine {
  const cut = timestampEnd(raw);
  if (cut < 0) return { timestamp: '', text: raw };
  return { timestamp: raw.slice(0, cut), text: raw.slice(cut + 1) };
}

/**
 * A key that orders RFC 3339 timestamps correctly as plain strings: UTC, nanoseconds always nine
 * digits ('…05Z' sorts after '…04.9Z', which the raw text does not). Undefined if unparseable.
 */
export function timestampKey(timestamp: string): string | undefined {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/i.exec(timestamp);
  if (!m) return undefined;
  const fraction = (m[2] ?? '').padEnd(9, '0');
  let seconds = m[1]!;
  if (m[3]!.toUpperCase() !== 'Z') {
    const ms = Date.parse(`${seconds}${m[3]}`);
    if (Number.isNaN(ms)) return undefined;
    seconds = new Date(ms).toISOString().slice(0, 19);
  }
  return `${seconds}.${fraction}`;
}

/**
 * Remembers where a stream got to, and after a reconnect with `sinceTime` drops what was already
 * delivered: the API server may round sinceTime down to the second, so lines up to and including
 * the last timestamp come again; the ones at exactly that timestamp are dropped by count.
 */
export class ResumePoint {
  #last = '';
  #seenAtLast = 0;
  // Set by beginResume until the first line past the resume point; keys are only computed then,
  // so the normal path costs one string comparison per line.
  #skip: { key: string; sameToSkip: number } | undefined;

  /** The timestamp of the last line delivered ('' before any). */
  get lastTimestamp(): string {
    return this.#last;
  }

  /** Call before reading a resumed stream: its lines up to the last delivered one are dropped. */
  beginResume(): void {
    const key = this.#last ? timestampKey(this.#last) : undefined;
    this.#skip = key === undefined ? undefined : { key, sameToSkip: this.#seenAtLast };
  }

  /** Whether a line with this timestamp is new (and then records it as delivered). */
  accept(timestamp: string): boolean {
    if (!timestamp) return true;
    const skip = this.#skip;
    if (skip) {
      const key = timestampKey(timestamp);
      if (key !== undefined && key < skip.key) return false;
      if (key === skip.key) {
        // At the resume instant: the first lines there were delivered before (also when the
        // server wrote the same instant with other trailing zeros).
        if (skip.sameToSkip > 0) {
          skip.sameToSkip--;
          return false;
        }
      } else {
        this.#skip = undefined;
      }
    }
    if (timestamp === this.#last) {
      this.#seenAtLast++;
    } else {
      this.#last = timestamp;
      this.#seenAtLast = 1;
    }
    return true;
  }
}
