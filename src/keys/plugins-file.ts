/**
 * k9s's plugins.yaml, as k9s's README writes it:
 *
 * ```yaml
 * plugins:
 *   fred:
 *     shortCut: Ctrl-L
 *     description: Pod logs
 *     scopes: [pods]
 *     command: kubectl
 *     background: false
 *     confirm: false
 *     dangerous: false
 *     args: [logs, -f, $NAME, -n, $NAMESPACE, --context, $CONTEXT]
 * ```
 *
 * k9s also reads a file of plugins without the `plugins:` key (its "multi" form); so does kx.
 * Inputs and pipes are k9s features kx does not have yet: such a plugin is left out, with a sentence.
 */
import { isMap, type YAMLMap } from 'yaml';
import { displayPath } from '../config/paths.ts';
import { parseYamlFile, problemSentences, readOptionalText, scalarText, topSection, type FileProblem, type YamlFile } from '../config/yaml-file.ts';
import { shortcutEntries, type FieldRule } from './binding-fields.ts';
import type { PluginBinding } from './user-binding.ts';

/** The plugins of one file, in file order, and its problems (sentences naming file and line). */
export interface PluginsFile {
  plugins: PluginBinding[];
  problems: string[];
}

/** k9s's plugin fields (internal/config/json/schemas/plugins.json; config/plugin.go). */
const rules: Readonly<Record<string, FieldRule>> = {
  shortCut: { type: 'string', required: true },
  override: { type: 'bool' },
  description: { type: 'string', required: true },
  confirm: { type: 'bool' },
  dangerous: { type: 'bool' },
  scopes: { type: 'strings', required: true },
  command: { type: 'string', required: true },
  background: { type: 'bool' },
  overwriteOutput: { type: 'bool' },
  args: { type: 'args' },
  inputs: { type: 'unsupported' },
  pipes: { type: 'unsupported' },
};

/** Reads plugins.yaml at `path`; a missing file has none and no problem. Never throws. */
export function loadPluginsFile(path: string): PluginsFile {
  const read = readOptionalText(path);
  if (read === undefined) return { plugins: [], problems: [] };
  if ('problem' in read) return { plugins: [], problems: [read.problem] };
  return parsePluginsFile(read.text, path);
}

/** Validates the text of a plugins.yaml (`path` names the file in messages). */
export function parsePluginsFile(text: string, path: string): PluginsFile {
  const file = parseYamlFile(text, path);
  if (!('doc' in file)) return { plugins: [], problems: problemSentences(path, [file]) };
  const problems: FileProblem[] = [];
  const plugins: PluginBinding[] = [];
  for (const { name, line, label, fields, shortCut, key } of shortcutEntries(sectionOf(file, problems), file, 'plugin', rules, problems)) {
    const command = (fields['command'] as string).trim();
    const scopes = fields['scopes'] as string[];
    if (command === '' || scopes.length === 0) {
      problems.push({ line, text: `${label} has ${command === '' ? 'an empty "command"' : 'no scopes (write all for every view)'}, so it is ignored.` });
      continue;
    }
    plugins.push({
      kind: 'plugin',
      name,
      key,
      shortCut,
      description: fields['description'] as string,
      override: fields['override'] === true,
      scopes,
      command,
      args: (fields['args'] as string[] | undefined) ?? [],
      background: fields['background'] === true,
      confirm: fields['confirm'] === true,
      dangerous: fields['dangerous'] === true,
      overwriteOutput: fields['overwriteOutput'] === true,
      where: `${displayPath(path)} line ${line}`,
    });
  }
  return { plugins, problems: problemSentences(path, problems) };
}

/** The map of plugins: under `plugins:`, or the whole file in k9s's multi-plugin form. */
function sectionOf(file: YamlFile, problems: FileProblem[]): YAMLMap | undefined {
  const top = file.doc.contents;
  if (isMap(top) && !top.items.some((p) => scalarText(p.key) === 'plugins') && top.items.length > 0 && top.items.every((p) => isMap(p.value))) return top;
  return topSection(file, 'plugins', 'plugins (shortCut, description, scopes, command)', problems);
}
