/**
 * Semantic colour tokens. Components name a meaning (theme.tone.error), never a colour, so a theme
 * or NO_COLOR changes every view at once.
 */

/** How a row or a value should read: healthy, needs a look, broken, unimportant, informative. */
export type Tone = 'normal' | 'ok' | 'warn' | 'error' | 'muted' | 'info';

/** A colour Ink understands, or undefined for the terminal's default. */
export type Colour = string | undefined;

/** The semantic tokens every view draws with. */
export interface Theme {
  tone: Record<Tone, Colour>;
  header: { label: Colour; value: Colour; demo: Colour };
  table: { heading: Colour; cursor: Colour; added: Colour; changed: Colour; deleted: Colour; match: Colour; marked: Colour };
  flash: { info: Colour; error: Colour };
  /** Whether colour is on at all; without it, emphasis falls back to bold/inverse. */
  colour: boolean;
}

/** kx's default colours (a theme.yaml changes some of them). */
export const colourful: Theme = {
  tone: { normal: undefined, ok: 'green', warn: 'yellow', error: 'red', muted: 'gray', info: 'cyan' },
  header: { label: 'yellow', value: 'white', demo: 'magenta' },
  table: { heading: 'cyan', cursor: 'cyan', added: 'blue', changed: 'white', deleted: 'gray', match: 'yellowBright', marked: 'magentaBright' },
  flash: { info: 'cyan', error: 'red' },
  colour: true,
};

const plain: Theme = {
  tone: { normal: undefined, ok: undefined, warn: undefined, error: undefined, muted: undefined, info: undefined },
  header: { label: undefined, value: undefined, demo: undefined },
  table: { heading: undefined, cursor: undefined, added: undefined, changed: undefined, deleted: undefined, match: undefined, marked: undefined },
  flash: { info: undefined, error: undefined },
  colour: false,
};

/** The theme for this environment: plain when NO_COLOR is set (https://no-color.org). */
export function themeFor(env: NodeJS.ProcessEnv = process.env): Theme {
  return env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '' ? plain : colourful;
}
