/**
 * `kubectl edit`: the object as YAML in the user's editor, the change sent back as a patch. As
 * kubectl: comment lines are ignored, an unchanged file cancels, an empty one aborts, a file that
 * does not parse or that the server refuses is reopened with the failure as a comment block at the
 * top and the user's text kept, and quitting after a failure without another change keeps a copy
 * in a temp file. Beyond kubectl: the patch carries the resourceVersion the user saw, so a change
 * made meanwhile by someone else is a conflict the user sees, not a silent overwrite.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, parse } from 'yaml';
import type { ApiClient } from '../api-client.ts';
import { KxError, toKxError } from '../errors.ts';
import type { KubeObject } from '../object.ts';
import { resourcePath, type ResourceInfo } from '../resource-info.ts';
import { kubectlKind } from './delete.ts';
import { mergePatch } from './merge-patch.ts';

/** kubectl's header, word for word. */
const header = [
  "# Please edit the object below. Lines beginning with a '#' will be ignored,",
  '# and an empty file will abort the edit. If an error occurs while saving this file will be',
  '# reopened with the relevant failures.',
  '#',
];

/** What to edit. */
export interface EditTarget {
  resource: ResourceInfo;
  namespace: string;
  name: string;
}

/** How an edit ended. `savedTo`: where the user's text was kept when it could not be applied. */
export type EditOutcome = { kind: 'edited'; message: string } | { kind: 'cancelled'; message: string } | { kind: 'failed'; message: string; savedTo: string };

/** Opens `file` in the user's editor and resolves when it exits (rejects when the editor fails). */
export type RunEditor = (file: string) => Promise<void>;

/** The editor kubectl would start: $KUBE_EDITOR, else $EDITOR, else vi. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env['KUBE_EDITOR']?.trim() || env['EDITOR']?.trim() || 'vi';
}

/** The object as the editor shows it: managedFields left out (kubectl's default), keys sorted. */
export function editText(object: KubeObject): string {
  const shown = structuredClone(object);
  delete shown.metadata.managedFields;
  return new Document(shown, { sortMapEntries: true }).toString({ indentSeq: false, lineWidth: 0 });
}

/** The text without comment lines, as kubectl reads the saved file. */
export function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

/** Edits one object; the editor runs with the terminal (the caller steps aside first). */
export async function editObject(client: ApiClient, target: EditTarget, runEditor: RunEditor): Promise<EditOutcome> {
  const path = resourcePath(target.resource, target.namespace || undefined, target.name);
  const name = `${kubectlKind(target.resource)}/${target.name}`;
  const original = await client.get<KubeObject>(path);
  const shown = parse(editText(original)) as KubeObject;
  const dir = mkdtempSync(join(tmpdir(), 'kx-edit-'));
  const file = join(dir, `${target.name}.yaml`);
  let resourceVersion = original.metadata.resourceVersion;
  let body = editText(original);
  let failure: string[] | undefined;
  let lastSaved: string | undefined;
  // After a conflict the text is the user's change, shown again: saving it unchanged applies it.
  let conflicted = false;
  for (;;) {
    // 0600: a Secret's values are in this file.
    writeFileSync(file, [...header, ...(failure ?? []).map((l) => `# ${l}`), ...(failure ? ['#'] : []), body].join('\n'), { mode: 0o600 });
    await runEditor(file);
    const saved = withoutComments(readFileSync(file, 'utf8'));
    if (saved.trim() === '') return { kind: 'cancelled', message: 'Edit cancelled, saved file was empty.' };
    if ((saved === lastSaved && !conflicted) || (failure === undefined && saved.trim() === body.trim())) {
      if (failure === undefined) return { kind: 'cancelled', message: 'Edit cancelled, no changes made.' };
      return { kind: 'failed', message: 'Edit cancelled, no valid changes were saved.', savedTo: file };
    }
    lastSaved = saved;
    body = saved;
    conflicted = false;
    let edited: unknown;
    try {
      edited = parse(saved);
    } catch (err) {
      failure = [`The edited file had a syntax error: error parsing edited-file: ${firstLine(err)}`];
      continue;
    }
    if (!edited || typeof edited !== 'object' || Array.isArray(edited)) {
      failure = ['The edited file had a syntax error: the object must be a YAML mapping'];
      continue;
    }
    const patch = mergePatch(shown, edited as Record<string, unknown>) as Record<string, unknown> | undefined;
    if (patch === undefined) return { kind: 'cancelled', message: 'Edit cancelled, no changes made.' };
    // The precondition: the version the user saw (or, after a conflict, the one they were shown it against).
    const metadata = (patch['metadata'] ?? {}) as Record<string, unknown>;
    patch['metadata'] = { ...metadata, resourceVersion };
    try {
      await client.patch(path, 'merge', patch, { query: { fieldManager: 'kx-edit' } });
      return { kind: 'edited', message: `${name} edited` };
    } catch (err) {
      const e = toKxError(err);
      if (e.kind === 'conflict') {
        // Someone changed it meanwhile: the user's changes stay, against the latest version.
        const latest = await client.get<KubeObject>(path).catch(() => undefined);
        if (latest) resourceVersion = latest.metadata.resourceVersion;
        failure = [`${name} was changed by someone else while you edited it: ${e.status?.message ?? e.message}`, 'Your changes are below; save again to apply them to the latest version.'];
        conflicted = true;
        continue;
      }
      if (e.kind === 'invalid') {
        failure = invalidLines(target, e);
        continue;
      }
      throw new KxError(e.kind, e.message, { ...(e.code !== undefined ? { code: e.code } : {}), cause: new EditSaved(file) });
    }
  }
}

/** The reason an edit could not be applied carries where the user's text was kept. */
export class EditSaved extends Error {
  constructor(readonly file: string) {
    super(`A copy of your changes has been stored to "${file}"`);
  }
}

/** kubectl's block for a refused object: `deployments.apps "web" was not valid:` and one line a cause. */
function invalidLines(target: EditTarget, e: KxError): string[] {
  const causes = (e.status?.details?.causes ?? []) as { field?: string; message?: string }[];
  const resource = target.resource.group ? `${target.resource.plural}.${target.resource.group}` : target.resource.plural;
  const lines = causes.length > 0 ? causes.map((c) => `* ${c.field ? `${c.field}: ` : ''}${c.message ?? ''}`) : [`* ${e.status?.message ?? e.message}`];
  return [`${resource} "${target.name}" was not valid:`, ...lines];
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
