/** views.yaml: k9s's format, where it is read from, and one sentence per problem with its line. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadViewsFile, parseViewColumn, parseViewsFile } from '../../src/kinds/views-file.ts';

const k9sFile = `views:
  v1/pods:
    sortColumn: AGE:desc
    columns:
      - AGE
      - NAMESPACE
      - NAME
      - "ZONE:.metadata.labels.topology\\\\.kubernetes\\\\.io/zone"
      - "IMAGE:.spec.containers[0].image|WR"
      - IP|H
  apps/v1/deployments:
    columns: [NAME, READY]
`;

test('a k9s views.yaml: columns in order, JSONPath columns with flags, the first sort', () => {
  const file = parseViewsFile(k9sFile, '/x/views.yaml');
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.views.map((v) => v.key),
    ['v1/pods', 'apps/v1/deployments'],
  );
  const pods = file.views[0]!;
  assert.deepEqual(pods.sort, { column: 'AGE', descending: true });
  assert.deepEqual(
    pods.columns.map((c) => [c.name, c.expression ?? '', c.line]),
    [
      ['AGE', '', 5],
      ['NAMESPACE', '', 6],
      ['NAME', '', 7],
      ['ZONE', '.metadata.labels.topology\\.kubernetes\\.io/zone', 8],
      ['IMAGE', '.spec.containers[0].image', 9],
      ['IP', '', 10],
    ],
  );
  assert.deepEqual(pods.columns[4]!.flags, { number: false, time: false, wide: true, hidden: false, align: 'right' });
  assert.equal(pods.columns[5]!.flags.hidden, true);
  assert.deepEqual(
    file.views[1]!.columns.map((c) => c.name),
    ['NAME', 'READY'],
  );
});

test('flags need their bar, so a path ending in a capital letter stays whole', () => {
  const column = parseViewColumn('X:.metadata.labels.TIER');
  assert.ok(!('problem' in column));
  assert.equal(column.expression, '.metadata.labels.TIER');
  assert.equal(column.flags.hidden, false);
  const numeric = parseViewColumn('RESTARTS:.status.containerStatuses[0].restartCount|N');
  assert.ok(!('problem' in numeric) && numeric.flags.number && numeric.flags.align === 'right');
});

test('a JSONPath that does not parse is one sentence with the file, the line and the expression; the other columns stay', () => {
  const file = parseViewsFile(
    `views:
  v1/pods:
    columns:
      - NAME
      - "BAD:.spec.containers[0"
      - "OK:.spec.nodeName"
`,
    '/x/views.yaml',
  );
  assert.deepEqual(file.problems, ['/x/views.yaml line 5: the column "BAD" has a JSONPath kubectl cannot parse (unterminated array): .spec.containers[0, so kx shows v1/pods without it.']);
  assert.deepEqual(
    file.views[0]!.columns.map((c) => c.name),
    ['NAME', 'OK'],
  );
});

test('other problems: bad YAML, unknown settings, a bad sortColumn, a column that is not text', () => {
  assert.match(parseViewsFile('views:\n  v1/pods: [\n', '/x/views.yaml').problems[0]!, /^\/x\/views\.yaml line \d+: the YAML is not valid/);
  assert.deepEqual(parseViewsFile('view:\n  v1/pods: {}\n', '/x/views.yaml').problems, [
    '/x/views.yaml line 1: expected "views:" with resources under it (like v1/pods), so kx shows its own columns.',
  ]);
  const file = parseViewsFile('views:\n  v1/pods:\n    sortColumn: AGE:up\n    colums: [NAME]\n    columns:\n      - {a: 1}\n      - NAME\n', '/x/views.yaml');
  assert.deepEqual(file.problems, [
    '/x/views.yaml line 3: sortColumn of v1/pods must be COLUMN:asc or COLUMN:desc, so kx sorts v1/pods by name.',
    '/x/views.yaml line 4: unknown setting "colums" in the view of v1/pods (known: columns, sortColumn), so it is ignored.',
    '/x/views.yaml line 6: a column of v1/pods is not text (quote it), so it is left out.',
  ]);
  assert.deepEqual(
    file.views[0]!.columns.map((c) => c.name),
    ['NAME'],
  );
});

test("kx's own views.yaml wins over k9s's; k9s's is read when kx has none", () => {
  const dir = mkdtempSync(join(tmpdir(), 'kx-views-'));
  try {
    const env = { KX_CONFIG_DIR: join(dir, 'kx'), K9S_CONFIG_DIR: join(dir, 'k9s') };
    assert.deepEqual(loadViewsFile(env), { path: undefined, views: [], problems: [] });
    const k9s = join(dir, 'k9s');
    const kx = join(dir, 'kx');
    mkdirSync(k9s);
    writeFileSync(join(k9s, 'views.yaml'), 'views:\n  v1/pods:\n    columns: [NAME]\n');
    assert.equal(loadViewsFile(env).path, join(k9s, 'views.yaml'));
    mkdirSync(kx);
    writeFileSync(join(kx, 'views.yaml'), 'views:\n  v1/pods:\n    columns: [AGE, NAME]\n');
    const mine = loadViewsFile(env);
    assert.equal(mine.path, join(kx, 'views.yaml'));
    assert.deepEqual(
      mine.views[0]!.columns.map((c) => c.name),
      ['AGE', 'NAME'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
