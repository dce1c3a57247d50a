/**
 * stern-like prefixes for interleaved logs: `POD CONTAINER line`, the pod and the container each in
 * a colour that depends only on its name (the same pod has the same colour in every run), and no
 * colour at all when the output is not a terminal or NO_COLOR is set.
 */
import type { LogLine, LogOrigin } from './log-types.ts';

// The 12 foreground colours every terminal has (bright ones included); black and white are left
// out because they vanish on one background or the other.
const palette = [31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96] as const;

/** stern's --color: auto (a terminal without NO_COLOR), always or never. */
export type ColorMode = 'auto' | 'always' | 'never';

/** Whether to colour output on `stream`: with `auto`, a terminal and NO_COLOR unset or empty (no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>, mode: ColorMode = 'auto'): boolean {
  if (mode !== 'auto') return mode === 'always';
  return stream.isTTY === true && !env['NO_COLOR'];
}

/** stern's -o: `default` (prefixes as asked), `raw` (the message only), `json` (stern's Log object, one a line). */
export type OutputFormat = 'default' | 'raw' | 'json';

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
  /** `stern` (default): `POD CONTAINER `; `kubectl` (--prefix): `[pod/POD/CONTAINER] `. */
  prefixStyle?: 'stern' | 'kubectl';
  /** Default: 'default'. raw and json ignore `prefix` and `color`. */
  output?: OutputFormat;
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
    if (!this.options.prefix || (this.options.output ?? 'default') !== 'default') return '';
    let text = this.#prefixes.get(origin);
    if (text === undefined) {
      let pod = this.options.namespace ? `${origin.namespace}/${origin.pod}` : origin.pod;
      let container = origin.container;
      if (this.options.color) {
        const colors = colorIndexes(origin.pod, origin.container);
        pod = `\x1b[${palette[colors.pod]}m${pod}\x1b[0m`;
        container = `\x1b[${palette[colors.container]}m${container}\x1b[0m`;
      }
      // kubectl's --prefix names the object as a reference: [pod/NAME/CONTAINER].
      text = this.options.prefixStyle === 'kubectl' ? `[pod/${pod}/${container}] ` : `${pod} ${container} `;
      this.#prefixes.set(origin, text);
    }
    return text;
  }

  /** One line with its newline. */
  format(line: LogLine): string {
    return `${this.#line(line)}\n`;
  }

  #line(line: LogLine): string {
    const stamp = this.options.timestamps && line.timestamp ? `${line.timestamp} ` : '';
    if (this.options.output === 'json') return jsonLine(line, stamp);
    return `${this.prefix(line.origin)}${stamp}${line.text}`;
  }

  /** A batch of lines as one string, so it goes out in one write and no line is ever torn. */
  formatBatch(lines: readonly LogLine[]): string {
    if (lines.length === 0) return '';
    // join() builds one flat string; += would build a rope of a million pieces to flatten later.
    const parts = new Array<string>(lines.length);
    if (this.options.output === 'json') {
      for (let i = 0; i < lines.length; i++) parts[i] = this.#line(lines[i]!);
    } else if ((!this.options.prefix || this.options.output === 'raw') && !this.options.timestamps) {
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

/**
 * stern's `-o json`: its Log struct's fields and order; like stern, --timestamps puts the
 * timestamp at the start of `message`.
 */
function jsonLine(line: LogLine, stamp: string): string {
  const o = line.origin;
  return JSON.stringify({ message: `${stamp}${line.text}`, nodeName: o.node ?? '', namespace: o.namespace, podName: o.pod, containerName: o.container });
}
