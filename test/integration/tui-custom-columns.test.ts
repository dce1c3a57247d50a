/**
 * views.yaml in the TUI: a k9s user's file (in K9S_CONFIG_DIR) reorders the pods' columns, adds a
 * JSONPath ZONE column and sorts by it; kx's own views.yaml wins over k9s's, and a JSONPath that
 * does not parse is one sentence naming the file and line while kx starts without that column.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { pod } from '../support/demo-fixtures.ts';
import { killTerminals, openKx } from '../support/tmux-terminal.ts';

let demo: DemoSetup;
let dir: string;

const zones: Record<string, string | undefined> = { 'web-a': 'eu-1b', 'web-b': 'eu-1a', 'web-c': 'eu-1c', 'web-d': undefined };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-views-tui-'));
  demo = await startDemoSetup();
  for (const [name, zone] of Object.entries(zones)) {
    const o = pod('default', name, { labels: { app: 'web', ...(zone ? { 'topology.kubernetes.io/zone': zone } : {}) } });
    demo.server.store.create({ group: '', plural: 'pods' }, o);
  }
});

after(async () => {
  killTerminals();
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Config directories for one run: kx's (maybe with a views.yaml) and k9s's with the k9s-shaped one. */
function configDirs(name: string, kxViews?: string): Record<string, string> {
  const kx = join(dir, name, 'kx');
  const k9s = join(dir, name, 'k9s');
  mkdirSync(kx, { recursive: true });
  mkdirSync(k9s, { recursive: true });
  writeFileSync(
    join(k9s, 'views.yaml'),
    `views:
  v1/pods:
    sortColumn: ZONE:asc
    columns:
      - AGE
      - NAMESPACE
      - NAME
      - "ZONE:.metadata.labels.topology\\\\.kubernetes\\\\.io/zone"
      - "IMAGE:.spec.containers[0].image|W"
`,
  );
  if (kxViews !== undefined) writeFileSync(join(kx, 'views.yaml'), kxViews);
  return { KX_CONFIG_DIR: kx, K9S_CONFIG_DIR: k9s };
}

/** The table's lines from the heading down. */
function table(screen: string): string[] {
  const lines = screen.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('AGE') || l.startsWith('NAME')));
}

test('a k9s views.yaml: columns in its order, the ZONE column from a JSONPath, sorted by ZONE', async () => {
  const t = openKx('pods -A', { kubeconfig: demo.kubeconfig, columns: 160, rows: 20, env: configDirs('k9s') });
  const screen = await t.waitFor(/^web-d|\sweb-d\s/m);
  const [heading, ...rows] = table(screen);
  assert.match(heading!, /^AGE\s+NAMESPACE\s+NAME\s+ZONE↑?\s+IMAGE\s*$/);
  assert.doesNotMatch(heading!, /READY|STATUS|RESTARTS/);
  const order = rows.filter((l) => /\sweb-/.test(l)).map((l) => l.trim().split(/\s+/));
  // Sorted by ZONE ascending: no zone ('<none>') first, then eu-1a, eu-1b, eu-1c.
  assert.deepEqual(
    order.map((cells) => [cells[2], cells[3], cells[4]]),
    [
      ['web-d', '<none>', 'nginx:1.27'],
      ['web-b', 'eu-1a', 'nginx:1.27'],
      ['web-a', 'eu-1b', 'nginx:1.27'],
      ['web-c', 'eu-1c', 'nginx:1.27'],
    ],
  );
  // Reversing the sort works on the JSONPath column as on any other.
  t.type('R');
  await t.waitFor((s) => /\sweb-c\s/.test(table(s)[1] ?? ''));
  t.kill();
});

test("kx's own views.yaml wins; a JSONPath that does not parse is named with file and line, and kx starts without it", async () => {
  const kxViews = `views:
  pods:
    columns:
      - NAME
      - "BAD:.spec.containers[0"
      - STATUS
`;
  const env = configDirs('kx', kxViews);
  const t = openKx('pods -n default', { kubeconfig: demo.kubeconfig, columns: 220, rows: 20, env });
  const screen = await t.waitFor(/line 5: the column "BAD"/);
  assert.match(screen, /views\.yaml line 5: the column "BAD" has a JSONPath kubectl cannot parse \(unterminated array\): \.spec\.containers\[0, so kx shows pods without it\./);
  const [heading] = table(await t.waitFor(/^web-a\s/m));
  assert.match(heading!, /^NAME\s+STATUS\s*$/);
  t.kill();
});
