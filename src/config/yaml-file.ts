/**
 * Reading a hand-edited YAML file for its problems as well as its content: the text, or why it
 * cannot be read, and the parsed document with the line of every node, so each problem can be
 * one sentence naming the file and line. Used by the k9s-shaped files (aliases, hotkeys, plugins).
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { displayPath } from './paths.ts';

/** One problem in a file: the line it is on and the sentence (without the file and line). */
export interface FileProblem {
  line: number;
  text: string;
}

/** A parsed file: its document and how to find a node's line. */
export interface YamlFile {
  path: string;
  doc: Document.Parsed;
  lineOf: (node: Node | null | undefined) => number;
}

/** The file's text; undefined when it does not exist; a problem when it cannot be read. Never throws. */
export function readOptionalText(path: string): { text: string } | { problem: string } | undefined {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unknown error');
    return { problem: `${displayPath(path)} cannot be read (${why}), so kx ignores it.` };
  }
}

/** Parses `text`; a syntax error is the one problem of the file (nothing of it applies then). */
export function parseYamlFile(text: string, path: string): YamlFile | FileProblem {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line ?? 1;
    const what = (syntax.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { line, text: `the YAML is not valid (${what.charAt(0).toLowerCase()}${what.slice(1)}), so kx ignores the file.` };
  }
  return { path, doc, lineOf: (node) => lines.linePos(node?.range?.[0] ?? 0).line };
}

/** The sentences for `problems` in file order, each starting with the file and line. */
export function problemSentences(path: string, problems: readonly FileProblem[]): string[] {
  const where = displayPath(path);
  return [...problems].sort((x, y) => x.line - y.line).map((p) => `${where} line ${p.line}: ${p.text}`);
}

/** What a scalar says as text: strings as they are, numbers and booleans as written; undefined for anything else. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value as number | boolean);
}

/**
 * The map under the file's one top-level key `section` (k9s's `aliases:`, `hotKeys:`, `plugins:`),
 * with a problem for every other top-level key and for a section that is not a map. An empty file
 * or section is an empty map. `what` says what the section maps, for the sentences.
 */
export function topSection(file: YamlFile, section: string, what: string, problems: FileProblem[]): YAMLMap | undefined {
  const top = file.doc.contents;
  if (top === null || (isScalar(top) && (top.value === null || top.value === undefined))) return undefined;
  if (!isMap(top)) {
    problems.push({ line: file.lineOf(top), text: `expected "${section}:" with ${what} under it, so kx ignores the file.` });
    return undefined;
  }
  let found: YAMLMap | undefined;
  for (const pair of top.items) {
    const keyNode = pair.key as Node | null;
    const name = scalarText(keyNode) ?? '';
    if (name !== section) {
      // k9s spells it hotKeys; hotkeys is the likely slip.
      const near = name.toLowerCase() === section.toLowerCase();
      problems.push({ line: file.lineOf(keyNode), text: `unknown field "${name}" (${near ? `did you mean "${section}"?` : `kx reads only "${section}"`}), so it is ignored.` });
      continue;
    }
    const body = pair.value as Node | null;
    if (body === null || (isScalar(body) && body.value === null)) continue;
    if (!isMap(body)) {
      problems.push({ line: file.lineOf(body), text: `"${section}" must map names to ${what}, so kx ignores it.` });
      continue;
    }
    found = body;
  }
  return found;
}
