/**
 * k9s's hotkeys.yaml: keys that open a view, as k9s's README writes them:
 *
 * ```yaml
 * hotKeys:
 *   shift-0:
 *     shortCut: Shift-0
 *     description: Viewing pods
 *     command: pods
 *     keepHistory: true
 * ```
 */
import { displayPath } from '../config/paths.ts';
import { parseYamlFile, problemSentences, readOptionalText, topSection, type FileProblem } from '../config/yaml-file.ts';
import { shortcutEntries, type FieldRule } from './binding-fields.ts';
import type { HotkeyBinding } from './user-binding.ts';

/** The hotkeys of one file, in file order, and its problems (sentences naming file and line). */
export interface HotkeysFile {
  hotkeys: HotkeyBinding[];
  problems: string[];
}

/** k9s's hotkey fields (internal/config/json/schemas/hotkeys.json). */
const rules: Readonly<Record<string, FieldRule>> = {
  shortCut: { type: 'string', required: true },
  override: { type: 'bool' },
  description: { type: 'string' },
  command: { type: 'string', required: true },
  keepHistory: { type: 'bool' },
};

/** Reads hotkeys.yaml at `path`; a missing file has none and no problem. Never throws. */
export function loadHotkeysFile(path: string): HotkeysFile {
  const read = readOptionalText(path);
  if (read === undefined) return { hotkeys: [], problems: [] };
  if ('problem' in read) return { hotkeys: [], problems: [read.problem] };
  return parseHotkeysFile(read.text, path);
}

/** Validates the text of a hotkeys.yaml (`path` names the file in messages). */
export function parseHotkeysFile(text: string, path: string): HotkeysFile {
  const file = parseYamlFile(text, path);
  if (!('doc' in file)) return { hotkeys: [], problems: problemSentences(path, [file]) };
  const problems: FileProblem[] = [];
  const hotkeys: HotkeyBinding[] = [];
  const section = topSection(file, 'hotKeys', 'hotkeys (shortCut, description, command)', problems);
  for (const { name, line, label, fields, shortCut, key } of shortcutEntries(section, file, 'hotkey', rules, problems)) {
    const command = (fields['command'] as string).trim();
    if (command === '') {
      problems.push({ line, text: `${label} has an empty "command", so it is ignored.` });
      continue;
    }
    hotkeys.push({
      kind: 'hotkey',
      name,
      key,
      shortCut,
      description: (fields['description'] as string | undefined) ?? `:${command}`,
      override: fields['override'] === true,
      command,
      keepHistory: fields['keepHistory'] === true,
      where: `${displayPath(path)} line ${line}`,
    });
  }
  return { hotkeys, problems: problemSentences(path, problems) };
}
