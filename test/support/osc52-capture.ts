/**
 * Catches the OSC 52 sequences kx writes to the real stdout (ink-testing-library renders to its
 * own stream), so a unit test can check the exact bytes a copy sends; everything else passes on.
 */

/** The sequences caught so far, the text each carries, and how to stop catching. */
export interface Osc52Capture {
  readonly sequences: string[];
  /** The clipboard text of each sequence (base64-decoded). */
  texts(): string[];
  restore(): void;
}

/** Starts catching OSC 52 writes to process.stdout. */
export function captureOsc52(): Osc52Capture {
  const sequences: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.startsWith('\x1b]52;')) {
      sequences.push(text);
      return true;
    }
    return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  return {
    sequences,
    texts: () => sequences.map((s) => Buffer.from(/^\x1b\]52;c;([A-Za-z0-9+/=]*)\x07$/.exec(s)?.[1] ?? '', 'base64').toString('utf8')),
    restore: () => {
      process.stdout.write = original;
    },
  };
}
