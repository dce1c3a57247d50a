/**
 * stern-like prefixes for interleaved logs: `POD CONTAINER line`, the pod and the container each in
 * a colour that depends only on its name (the same pod has the same colour in every run), and no
 * colour at all when the output is not a terminal or NO_COLOR is set.
 */
import type { LogLine, LogOrigin } from './log-types.ts';

// The 12 foreground colours every terminal has (bright ones included); black and white are left
// out because they vanish on one background or the other.
const palette = [31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96] as const;

/** Whether to colour output on `stream`: a terminal, and NO_COLOR unset or empty (no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !env['NO_COLOR'];
}

/** FNV-1a, for colours that stay put from run to run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The palette indexes for a pod and one of its containers (never the same, so they read apart). */
export function colorIndexes(pod: string, container: string): { pod: number; container: number } {
  const p = hash(pod) % palette.length;
  const c = (p + 1 + (hash(`${pod}/${container}`) % (palette.length - 1))) % palette.length;
  return { pod: p, container: c };
}

/** How lines look. */
export interface LineFormatOptions {
  /** `POD CONTAINER ` before each line. */
  prefix: boolean;
  color: boolean;
  /** The server's timestamp before the text, like kubectl --timestamps. */
  timestamps: boolean;
  /** Name the namespace too (`NS/POD CONTAINER`), for selections across namespaces. */
  namespace?: boolean;
}

/** Formats lines for a terminal or a pipe; prefixes are built once per container. */
export class LineFormatter {
  readonly #prefixes = new WeakMap<LogOrigin, string>();
  /** Settable while running: kx logs turns prefixes on once a pod turns out to have several containers. */
  options: LineFormatOptions;

  constructor(options: LineFormatOptions) {
    this.options = options;
  }

  /** The prefix of a container's lines ('' when prefixes are off). */
  prefix(origin: LogOrigin): string {
    if (!this.options.prefix) return '';
    let text = this.#prefixes.get(origin);
    if (text === undefined) {
      const pod = this.options.namespace ? `${origin.namespace}/${origin.pod}` : origin.pod;
      if (this.options.color) {
        const colors = colorIndexes(origin.pod, origin.container);
        text = `\x1b[${palette[colors.pod]}m${pod}\x1b[0m \x1b[${palette[colors.container]}m${origin.container}\x1b[0m `;
      } else {
        text = `${pod} ${origin.container} `;
      }
      this.#prefixes.set(origin, text);
    }
    return text;
  }

  /** One line with its newline. */
  format(line: LogLine): string {
    const stamp = this.options.timestamps && line.timestamp ? `${line.timestamp} ` : '';
    return `${this.prefix(line.origin)}${stamp}${line.text}\n`;
  }

  /** A batch of lines as one string, so it goes out in one write and no line is ever torn. */
  formatBatch(lines: readonly LogLine[]): string {
    if (lines.length === 0) return '';
    // join() builds one flat string; += would build a rope of a million pieces to flatten later.
    const parts = new Array<string>(lines.length);
    if (!this.options.prefix && !this.options.timestamps) {
      for (let i = 0; i < lines.length; i++) parts[i] = lines[i]!.text;
    } else {
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        const stamp = this.options.timestamps && line.timestamp ? `${line.timestamp} ` : '';
        parts[i] = `${this.prefix(line.origin)}${stamp}${line.text}`;
      }
    }
    return `${parts.join('\n')}\n`;
  }
}
