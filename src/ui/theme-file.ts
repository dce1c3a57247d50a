/**
 * The user's theme.yaml: kx's semantic colours by section and token. Format:
 *
 * ```yaml
 * tone:   { ok: green, warn: yellow, error: red, muted: gray, info: cyan, normal: default }
 * header: { label: yellow, value: white, demo: magenta }
 * table:  { heading: cyan, cursor: cyan, added: blue, changed: white, deleted: gray, match: yellowBright }
 * flash:  { info: cyan, error: red }
 * ```
 *
 * A colour is a name Ink knows (red, redBright, gray, …), `#rgb` or `#rrggbb`, `ansi256(N)`,
 * `rgb(R, G, B)`, or `default` (the terminal's own). Like keys.yaml nothing here throws: each
 * problem is one sentence naming the file and line, that token keeps its default, and the rest
 * applies. NO_COLOR wins over the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { configDir, displayPath } from '../config/paths.ts';
import { closestName } from '../keys/did-you-mean.ts';
import { colourful, themeFor, type Colour, type Theme } from './theme.ts';

/** The theme to use and what was wrong with the file (empty when it is fine or absent). */
export interface ThemeFile {
  theme: Theme;
  problems: string[];
}

/** Where theme.yaml is, which may not exist. */
export function themeFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'theme.yaml');
}

/** The sections of the file and their tokens: exactly the Theme's colour groups. */
type Section = Exclude<keyof Theme, 'colour'>;
const sections = Object.keys(colourful).filter((k): k is Section => k !== 'colour');

/** chalk's foreground names, which Ink's `color` takes. */
const namedColours = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'gray',
  'grey',
  'blackBright',
  'redBright',
  'greenBright',
  'yellowBright',
  'blueBright',
  'magentaBright',
  'cyanBright',
  'whiteBright',
];

/** Reads theme.yaml at `path`; a missing file means the defaults and no problem. Never throws. */
export function loadThemeFile(path: string = themeFilePath(), env: NodeJS.ProcessEnv = process.env): ThemeFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { theme: themeFor(env), problems: [] };
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unknown error');
    return { theme: themeFor(env), problems: [`${displayPath(path)} cannot be read (${why}), so kx uses the default colours.`] };
  }
  return parseThemeFile(text, path, env);
}

interface Problem {
  line: number;
  text: string;
}

/** Validates the text of theme.yaml (`path` only names the file in messages) and applies it over the defaults. */
export function parseThemeFile(text: string, path: string, env: NodeJS.ProcessEnv = process.env): ThemeFile {
  const where = displayPath(path);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const lineOf = (node: Node | null | undefined): number => lines.linePos(node?.range?.[0] ?? 0).line;
  const problems: Problem[] = [];
  const done = (theme: Theme): ThemeFile => ({
    // NO_COLOR (no-color.org) wins over any file; the problems are still worth knowing.
    theme: themeFor(env).colour ? theme : themeFor(env),
    problems: problems.sort((x, y) => x.line - y.line).map((p) => `${where} line ${p.line}: ${p.text}`),
  });

  const syntax = doc.errors[0];
  if (syntax) {
    const what = (syntax.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    problems.push({ line: syntax.linePos?.[0]?.line ?? 1, text: `the YAML is not valid (${what.charAt(0).toLowerCase()}${what.slice(1)}), so kx uses the default colours.` });
    return done(colourful);
  }
  const top = doc.contents;
  if (top === null || (isScalar(top) && top.value === null)) return done(colourful);
  if (!isMap(top)) {
    problems.push({ line: lineOf(top), text: `expected sections (${sections.join(', ')}) with colours under them, so kx uses the default colours.` });
    return done(colourful);
  }

  const theme: Theme = { tone: { ...colourful.tone }, header: { ...colourful.header }, table: { ...colourful.table }, flash: { ...colourful.flash }, colour: true };
  const seen = new Map<string, number>();
  for (const pair of top.items) {
    const keyNode = pair.key as Node | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    const section = sections.find((s) => s === name);
    if (section === undefined) {
      const near = closestName(name, sections);
      problems.push({ line: lineOf(keyNode), text: `unknown section "${name}" (${near ? `did you mean "${near}"?` : `kx reads ${sections.join(', ')}`}), so it is ignored.` });
      continue;
    }
    const body = pair.value as Node | null;
    if (body === null || (isScalar(body) && body.value === null)) continue;
    if (!isMap(body)) {
      problems.push({ line: lineOf(body), text: `"${section}" must map tokens to colours (like ${Object.keys(colourful[section])[0]}: red), so it keeps its default colours.` });
      continue;
    }
    const tokens: Record<string, Colour> = theme[section];
    const defaults: Record<string, Colour> = colourful[section];
    for (const entry of body.items) {
      const tokenNode = entry.key as Node | null;
      const line = lineOf(tokenNode);
      const token = isScalar(tokenNode) ? String(tokenNode.value) : '';
      if (!Object.hasOwn(defaults, token)) {
        const near = closestName(token, Object.keys(defaults));
        problems.push({ line, text: `there is no colour "${section}.${token}" (${near ? `did you mean "${near}"?` : `${section} has ${Object.keys(defaults).join(', ')}`}), so the line is ignored.` });
        continue;
      }
      const id = `${section}.${token}`;
      const keeps = `so ${id} keeps its default (${defaults[token] ?? 'default'})`;
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push({ line, text: `${id} is set again (first on line ${first}), ${keeps}.` });
        tokens[token] = defaults[token];
        continue;
      }
      seen.set(id, line);
      const valueNode = entry.value as Node | null;
      const written = isScalar(valueNode) && valueNode.value !== null ? String(valueNode.value) : undefined;
      const colour = written === undefined ? { problem: `${id} has no colour` } : colourOf(written);
      if ('problem' in colour) problems.push({ line, text: `${colour.problem}, ${keeps}.` });
      else tokens[token] = colour.colour;
    }
  }
  return done(theme);
}

/** What Ink's `color` takes for `written`, or why it cannot be used. */
function colourOf(written: string): { colour: Colour } | { problem: string } {
  const text = written.trim();
  if (text === 'default') return { colour: undefined };
  if (namedColours.includes(text)) return { colour: text };
  if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(text)) return { colour: text };
  const ansi = /^ansi256\(\s*(\d+)\s*\)$/.exec(text);
  if (ansi) return Number(ansi[1]) <= 255 ? { colour: `ansi256(${ansi[1]})` } : { problem: `"${text}" is out of range (ansi256 takes 0 to 255)` };
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(text);
  if (rgb) return rgb.slice(1).every((v) => Number(v) <= 255) ? { colour: `rgb(${rgb[1]},${rgb[2]},${rgb[3]})` } : { problem: `"${text}" is out of range (rgb takes 0 to 255 each)` };
  const near = closestName(text, [...namedColours, 'default']);
  return { problem: `"${text}" is not a colour (${near ? `did you mean "${near}"?` : 'write a name like red or cyanBright, #rrggbb, ansi256(N), rgb(R, G, B) or default'})` };
}
