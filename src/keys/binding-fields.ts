/**
 * The fields of one hotkeys.yaml or plugins.yaml entry, checked against k9s's schema: each
 * problem is one sentence with its line; an unknown field is ignored, while a missing or mistyped
 * field, or one kx cannot honour, leaves the whole entry out (running half a plugin is worse).
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { scalarText, type FileProblem, type YamlFile } from '../config/yaml-file.ts';
import { k9sShortcutKey } from './k9s-shortcut.ts';
import { closestName } from './did-you-mean.ts';

/** How a field is written: text, true/false, a list of words, a list of arguments, or a k9s field kx does not run. */
export type FieldType = 'string' | 'bool' | 'strings' | 'args' | 'unsupported';

/** A field's rule. */
export interface FieldRule {
  type: FieldType;
  required?: boolean;
}

/** The values read, by field name (absent when not set). */
export type FieldValues = Partial<Record<string, string | boolean | string[]>>;

/**
 * Reads `entry` (the map under one name) by `rules`; `label` names it in sentences (`plugin "logs"`).
 * Returns undefined when the entry must be left out (its problems are pushed either way).
 */
export function readFields(
  entry: Node | null,
  label: string,
  rules: Readonly<Record<string, FieldRule>>,
  lineOf: (n: Node | null | undefined) => number,
  problems: FileProblem[],
  entryLine: number,
): FieldValues | undefined {
  if (!isMap(entry)) {
    problems.push({ line: entryLine, text: `${label} must be a map of fields (shortCut, description, command, …), so it is ignored.` });
    return undefined;
  }
  const values: FieldValues = {};
  let ok = true;
  const names = Object.keys(rules);
  for (const pair of (entry as YAMLMap).items) {
    const keyNode = pair.key as Node | null;
    const field = scalarText(keyNode) ?? '';
    const line = lineOf(keyNode);
    const rule = rules[field];
    if (!rule) {
      const near = closestName(field, names) ?? names.find((n) => n.toLowerCase() === field.toLowerCase());
      problems.push({ line, text: `${label} has an unknown field "${field}"${near ? ` (did you mean "${near}"?)` : ''}, so the field is ignored.` });
      continue;
    }
    const value = valueOf(pair.value as Node | null, rule.type);
    if (value === undefined) {
      problems.push({ line, text: `${label}: "${field}" ${expected(rule.type)}, so the ${label.split(' ')[0]} is ignored.` });
      ok = false;
      continue;
    }
    if (rule.type === 'unsupported') {
      problems.push({ line, text: `${label} uses "${field}", which kx does not support yet, so it is ignored.` });
      ok = false;
      continue;
    }
    values[field] = value;
  }
  for (const [field, rule] of Object.entries(rules)) {
    if (rule.required && values[field] === undefined && ok) {
      problems.push({ line: entryLine, text: `${label} has no "${field}", so it is ignored.` });
      ok = false;
    }
  }
  return ok ? values : undefined;
}

function valueOf(node: Node | null, type: FieldType): string | boolean | string[] | undefined {
  switch (type) {
    case 'string':
      // YAML reads `shortCut: 1` as a number; k9s (Go's yaml) takes it as text, so does kx.
      return isScalar(node) ? scalarText(node) : undefined;
    case 'bool':
      return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
    case 'strings':
    case 'args': {
      if (!isSeq(node)) return undefined;
      const out: string[] = [];
      for (const item of node.items) {
        // k9s's schema takes numbers as arguments (`- 8080`); a list of scopes is words.
        const ok = isScalar(item) && (typeof item.value === 'string' || (type === 'args' && typeof item.value === 'number'));
        if (!ok) return undefined;
        out.push(scalarText(item)!);
      }
      return out;
    }
    case 'unsupported':
      return true;
    default: {
      const never: never = type;
      return never;
    }
  }
}

function expected(type: FieldType): string {
  switch (type) {
    case 'string':
      return 'must be text';
    case 'bool':
      return 'must be true or false';
    case 'strings':
      return 'must be a list of names';
    case 'args':
      return 'must be a list of arguments';
    case 'unsupported':
      return 'is not supported';
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** One hotkeys.yaml or plugins.yaml entry that passed its rules and whose shortCut kx can read. */
export interface ShortcutEntry {
  name: string;
  line: number;
  /** `hotkey "name"` or `plugin "name"`, for sentences. */
  label: string;
  fields: FieldValues;
  /** As written in the file (`Shift-0`). */
  shortCut: string;
  /** kx's key name for it (`)`). */
  key: string;
}

/**
 * The entries of a hotkeys or plugins map (`what` names them: hotkey, plugin), read by `rules`;
 * an entry whose fields or shortCut do not pass is left out with its sentence in `problems`.
 */
export function shortcutEntries(section: YAMLMap | undefined, file: YamlFile, what: string, rules: Readonly<Record<string, FieldRule>>, problems: FileProblem[]): ShortcutEntry[] {
  const out: ShortcutEntry[] = [];
  for (const pair of section?.items ?? []) {
    const nameNode = pair.key as Node | null;
    const line = file.lineOf(nameNode);
    const name = scalarText(nameNode) ?? '';
    const label = `${what} "${name}"`;
    const fields = readFields(pair.value as Node | null, label, rules, file.lineOf, problems, line);
    if (!fields) continue;
    const shortCut = fields['shortCut'] as string;
    const key = k9sShortcutKey(shortCut);
    if ('problem' in key) {
      problems.push({ line, text: `${label}: shortCut "${shortCut}" ${key.problem}, so it is ignored.` });
      continue;
    }
    out.push({ name, line, label, fields, shortCut, key: key.key });
  }
  return out;
}
