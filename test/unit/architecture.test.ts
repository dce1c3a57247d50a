/**
 * The tree says the data flow: at most 12 top-level folders under src/, no cycle between them
 * (type imports count: a cycle of types is a cycle of ideas), and only kube/ reaches the API
 * server's client library.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const topOf = (file: string): string => relative(src, file).split('/')[0]!;
const files = sourceFiles(src);
const importRe = /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

/** folder → the folders its files import from. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = topOf(file);
    const deps = graph.get(from) ?? new Set<string>();
    graph.set(from, deps);
    for (const m of readFileSync(file, 'utf8').matchAll(importRe)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) continue;
      const to = topOf(resolve(dirname(file), spec));
      if (to !== from && !to.startsWith('..')) deps.add(to);
    }
  }
  return graph;
}

/** One cycle as a path (a → b → a), or undefined. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

test('at most 12 top-level folders under src/', () => {
  const folders = readdirSync(src).filter((n) => statSync(join(src, n)).isDirectory());
  assert.ok(folders.length <= 12, `${folders.length} folders: ${folders.join(', ')}`);
});

test('no cycles between the top-level folders', () => {
  const cycle = findCycle(folderGraph());
  assert.equal(cycle, undefined, `folder cycle: ${cycle?.join(' → ')}`);
});

test('only kube/ imports @kubernetes/client-node', () => {
  const offenders = files.filter((f) => topOf(f) !== 'kube' && /from\s+['"]@kubernetes\/client-node/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(
    offenders.map((f) => relative(src, f)),
    [],
  );
});

test('the checker finds a cycle when there is one', () => {
  const graph = new Map([
    ['a', new Set(['b'])],
    ['b', new Set(['c'])],
    ['c', new Set(['a'])],
  ]);
  assert.deepEqual(findCycle(graph), ['a', 'b', 'c', 'a']);
  assert.equal(
    findCycle(
      new Map([
        ['a', new Set(['b'])],
        ['b', new Set<string>()],
      ]),
    ),
    undefined,
  );
});
