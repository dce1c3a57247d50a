/**
 * kubectl's `-f FILE|DIR|-` (and `-R`) for commands that act on existing objects: the objects a
 * manifest names (apiVersion, kind, name, namespace), read as kubectl's resource builder reads
 * them — YAML or JSON, several documents, `kind: List` expanded; a directory's .json, .yaml and
 * .yml files (its sub-directories too with -R); `-` for standard input. Only the names are used:
 * the objects are then found on the server like `TYPE/NAME` arguments.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KxError } from '../kube/errors.ts';

/** One object a manifest names: its type as `kind.group` (what discovery resolves), name and namespace. */
export interface ManifestItem {
  type: string;
  name: string;
  namespace: string | undefined;
}

const manifestExtensions = new Set(['.json', '.yaml', '.yml']);

/** The files `path` stands for, in kubectl's order (a directory's entries sorted by name). */
function filesOf(path: string, recursive: boolean, top: boolean): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new KxError('invalid', `the path "${path}" does not exist`);
  }
  if (!stat.isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path).sort()) {
    const full = join(path, entry);
    if (statSync(full).isDirectory()) {
      if (recursive) out.push(...filesOf(full, recursive, false));
    } else if (manifestExtensions.has(extname(entry))) out.push(full);
  }
  if (top && out.length === 0) throw new KxError('invalid', `error reading [${path}]: recognized file extensions are [.json .yaml .yml]`);
  return out;
}

function itemsOf(doc: unknown, source: string): ManifestItem[] {
  if (doc === null || doc === undefined) return [];
  const o = doc as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown }; items?: unknown };
  if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) return o.items.flatMap((i) => itemsOf(i, source));
  if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string' || o.kind === '') {
    throw new KxError('invalid', `error validating "${source}": error validating data: ${typeof o.kind === 'string' && o.kind !== '' ? 'apiVersion not set' : 'kind not set'}`);
  }
  const name = typeof o.metadata?.name === 'string' ? o.metadata.name : '';
  if (name === '') throw new KxError('invalid', `error when retrieving current configuration of ${o.kind} from "${source}": resource name may not be empty`);
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0]! : '';
  const namespace = typeof o.metadata?.namespace === 'string' && o.metadata.namespace !== '' ? o.metadata.namespace : undefined;
  return [{ type: group ? `${o.kind.toLowerCase()}.${group}` : o.kind.toLowerCase(), name, namespace }];
}

/** The objects the files name, in order; `readStdin` reads `-`. */
export function manifestItems(paths: readonly string[], recursive: boolean, readStdin: () => string = () => readFileSync(0, 'utf8')): ManifestItem[] {
  const out: ManifestItem[] = [];
  for (const path of paths) {
    const files = path === '-' ? ['-'] : filesOf(path, recursive, true);
    for (const file of files) {
      const text = file === '-' ? readStdin() : readFileSync(file, 'utf8');
      const source = file === '-' ? 'STDIN' : file;
      for (const doc of parseAllDocuments(text)) {
        if (doc.errors.length > 0) throw new KxError('invalid', `error parsing ${source}: ${doc.errors[0]!.message.split('\n')[0]}`);
        out.push(...itemsOf(doc.toJS(), source));
      }
    }
  }
  return out;
}
