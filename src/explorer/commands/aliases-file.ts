/**
 * k9s's aliases.yaml, read as k9s reads it:
 *
 * ```yaml
 * aliases:
 *   pp: v1/pods                      # group/version/resource (core: version/resource)
 *   dep: apps/v1/deployments
 *   fred: pod fred app=blee          # or a whole command: pods in namespace fred labelled app=blee
 * ```
 *
 * Whether a value names something the cluster serves is known only once discovery lands, so
 * `:` says it then; here each entry is checked for its shape, one sentence per problem.
 */
import { isMap, isScalar, type Node } from 'yaml';
import { parseYamlFile, problemSentences, readOptionalText, scalarText, topSection, type FileProblem } from '../../config/yaml-file.ts';
import { displayPath } from '../../config/paths.ts';

/** One alias: the name typed after `:` and the command it stands for. */
export interface UserAlias {
  name: string;
  /** What the alias expands to ('v1/pods', 'pod fred app=blee'). */
  value: string;
  /** Where it was set, for messages ('~/.config/k9s/aliases.yaml line 3'). */
  where: string;
}

/** The aliases of one file and its problems (sentences naming file and line). */
export interface AliasesFile {
  aliases: UserAlias[];
  problems: string[];
}

/** Reads aliases.yaml at `path`; a missing file has no aliases and no problem. Never throws. */
export function loadAliasesFile(path: string): AliasesFile {
  const read = readOptionalText(path);
  if (read === undefined) return { aliases: [], problems: [] };
  if ('problem' in read) return { aliases: [], problems: [read.problem] };
  return parseAliasesFile(read.text, path);
}

/** Validates the text of an aliases.yaml (`path` names the file in messages). */
export function parseAliasesFile(text: string, path: string): AliasesFile {
  const file = parseYamlFile(text, path);
  if (!('doc' in file)) return { aliases: [], problems: problemSentences(path, [file]) };
  const problems: FileProblem[] = [];
  const aliases = new Map<string, UserAlias & { line: number }>();
  const section = topSection(file, 'aliases', 'commands (pp: v1/pods)', problems);
  for (const pair of section?.items ?? []) {
    const keyNode = pair.key as Node | null;
    const line = file.lineOf(keyNode);
    const name = scalarText(keyNode)?.trim();
    const valueNode = pair.value as Node | null;
    const value = isScalar(valueNode) ? scalarText(valueNode)?.trim() : undefined;
    if (!name || /\s/.test(name)) {
      problems.push({ line, text: `expected one word before the colon, so the line is ignored.` });
      continue;
    }
    if (!value) {
      const what = isMap(valueNode) || !isScalar(valueNode) ? 'must be a command like v1/pods or "pod NAMESPACE app=web"' : 'has no command';
      problems.push({ line, text: `alias "${name}" ${what}, so it is ignored.` });
      continue;
    }
    const earlier = aliases.get(name);
    if (earlier) problems.push({ line, text: `alias "${name}" is set again (first on line ${earlier.line}); the later one applies, as in k9s.` });
    aliases.set(name, { name, value, where: `${displayPath(path)} line ${line}`, line });
  }
  return { aliases: [...aliases.values()].map(({ name, value, where }) => ({ name, value, where })), problems: problemSentences(path, problems) };
}
