/**
 * Readable panes in a real terminal against the demo cluster: the logs filter (&) on a pod that
 * logs fast, including and excluding, with the header's counts; and a 150-character annotation
 * at 80 columns that describe and YAML show whole, wrapped (w) or scrolled sideways (l).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { filterToOne, killTerminals, openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';
import { kubectlFor } from '../support/kubectl.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-pane-filter-wrap-'));
  demo = await startDemoCluster({ churn: false, logRate: 300, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const open = (args: string, columns: number) => openKx(args, { kubeconfig: demo.kubeconfigPath, columns, rows: 30, env: { XDG_STATE_HOME: join(dir, 'state') } });
const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const num = (text: string) => Number(text.replace(/,/g, ''));

/** The filter line's counts, and the header's line count, read off one screen. */
function counts(screen: string): { hidden: number; total: number; header: number } | undefined {
  const m = /filter: .* · ([\d,]+) of ([\d,]+) lines hidden/.exec(screen);
  const h = /· ([\d,]+) lines/.exec(screen);
  return m && h ? { hidden: num(m[1]!), total: num(m[2]!), header: num(h[1]!) } : undefined;
}

/** Opens the & prompt, replaces its text with `text`, and submits it once the prompt shows it. */
async function filterLogs(t: TmuxTerminal, text: string): Promise<void> {
  t.type('&');
  await t.waitFor((s) => s.split('\n').some((l) => l.startsWith('&')));
  await pause(200);
  // Under a flood a loaded machine draws late: look for the typed text on the prompt line before
  // Enter (as a person would), typing it again if it did not land.
  // (The prompt line may carry the filter's error after the text.)
  const typed = (s: string): boolean => s.split('\n').some((l) => (text === '' ? l.trimEnd() === '&' : l.startsWith(`&${text}`)));
  for (let attempt = 0; attempt < 3; attempt++) {
    t.send('C-u');
    if (text !== '') t.type(text);
    try {
      await t.waitFor(typed, 3_000);
      break;
    } catch {
      if (attempt === 2) throw new Error(`the & prompt never showed "${text}"`);
    }
  }
  t.send('Enter');
}

const floodLines = (screen: string) => screen.split('\n').filter((l) => l.startsWith('flood seq='));

test('& filters a flood: only matching lines show, new ones too; ! excludes; the header counts what is hidden; a bad regex keeps the filter', async () => {
  const t = open('-n default', 120);
  await t.waitFor(/pods \(default\)\s+● live/);
  await filterToOne(t, 'flood');
  t.send('l');
  await t.waitFor(/logs pod\/flood \(default\)\s+following/);
  await t.waitFor((s) => floodLines(s).length > 10);

  await filterLogs(t, 'status=500');
  const first = await t.waitFor((s) => counts(s) !== undefined && floodLines(s).length > 0);
  const c1 = counts(first)!;
  assert.equal(c1.total, c1.header, 'the filter counts the lines the header says are held');
  // One status in nine is 500: most lines are hidden, not all.
  assert.ok(c1.hidden > c1.total / 2 && c1.hidden < c1.total, `${c1.hidden} of ${c1.total} hidden`);
  for (const line of floodLines(first)) assert.match(line, /status=500 /);

  // The flood goes on: the counts grow, and the new lines are filtered too.
  const later = await t.waitFor((s) => (counts(s)?.total ?? 0) > c1.total + 300);
  assert.ok(counts(later)!.hidden > c1.hidden);
  const seqs = floodLines(later).map((l) => Number(/seq=(\d+)/.exec(l)![1]));
  assert.ok(seqs.length > 0 && seqs.at(-1)! > Math.max(...floodLines(first).map((l) => Number(/seq=(\d+)/.exec(l)![1]))), 'newer lines are on screen');
  for (const line of floodLines(later)) assert.match(line, /status=500 /);

  await filterLogs(t, '!status=200');
  const excluded = await t.waitFor(/filter: !status=200 · /);
  const c2 = counts(excluded)!;
  assert.ok(c2.hidden > 0 && c2.hidden < c2.total / 2 + c2.total / 4, `about 5 in 9 hidden: ${c2.hidden} of ${c2.total}`);
  const shown = floodLines(excluded);
  assert.ok(shown.length > 0);
  for (const line of shown) assert.doesNotMatch(line, /status=200 /);
  assert.ok(
    shown.some((l) => !/status=500 /.test(l)),
    'lines the include filter hid are back',
  );

  await filterLogs(t, '(oops');
  const refused = await t.waitFor(/Invalid regular expression "\(oops": unterminated group, so the previous filter is kept\./);
  assert.match(refused, /filter: !status=200 · /);

  await filterLogs(t, '');
  await t.waitFor((s) => !/filter: /.test(s) && floodLines(s).some((l) => /status=200 /.test(l)));
  // One q closes the logs, the next quits: wait between them (keys in one chunk after a pane
  // closes are dropped on purpose, so they never land in the wrong view).
  t.send('q');
  await t.waitFor(/pods \(default\)\s+● live/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

// 25 distinct pieces, 150 characters: every piece seen whole means the whole value was readable.
const pieces = Array.from({ length: 25 }, (_, i) => `seg${String(i).padStart(2, '0')}.`);
const value = pieces.join('');

/** Pieces of the value shown whole on `screen`. */
const piecesOn = (screen: string) => new Set(screen.match(/seg\d\d\./g) ?? []);

/** Scrolls right with l until the footer says the last column shows: the pieces seen, and the last screen. */
async function readSideways(t: TmuxTerminal): Promise<{ seen: string[]; last: string }> {
  const seen = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const screen = t.screen();
    for (const p of piecesOn(screen)) seen.add(p);
    const m = /col (\d+)-(\d+) of (\d+)/.exec(screen);
    assert.ok(m, `the footer says which columns show:\n${screen}`);
    if (m[2] === m[3]) return { seen: [...seen].sort(), last: screen };
    t.send('l');
    await t.waitFor((s) => /col (\d+)-/.exec(s)?.[1] !== m[1]);
  }
  throw new Error(`l never reached the last column:\n${t.screen()}`);
}

/** With w, the value's rows on screen, joined, hold all of `expected`. */
async function readWrapped(t: TmuxTerminal, expected: string): Promise<void> {
  t.send('w');
  const screen = await t.waitFor(/wrap on/);
  const rows = screen.split('\n');
  const at = rows.findIndex((r) => r.includes('seg00.'));
  assert.ok(at >= 0, screen);
  // Each full row is exactly 80 cells, so joining them gives back the line.
  assert.ok(
    rows
      .slice(at, at + 4)
      .join('')
      .includes(expected),
    `the wrapped rows hold ${expected}:\n${screen}`,
  );
  t.send('w');
  await t.waitFor(/wrap off/);
}

test('a 150-character annotation at 80 columns, wrapped (w) or scrolled sideways (l): YAML shows all of it, describe all of kubectl describe’s line (shortened there to 138 characters)', async () => {
  const pod = (await kubectl('get', 'pods', '-n', 'shop', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
  await kubectl('annotate', 'pod', '-n', 'shop', pod, `kx.dev/long=${value}`);
  const t = open('po -n shop', 80);
  await t.waitFor(/pods \(shop\)\s+● live/);
  await filterToOne(t, pod);

  // kubectl describe shortens an annotation to 138 characters and '...': the oracle is its line.
  const kubectlLine = (await kubectl('describe', 'pod', '-n', 'shop', pod))
    .split('\n')
    .find((l) => l.includes('seg00.'))!
    .trim();
  assert.ok(kubectlLine.endsWith('...') && kubectlLine.length === 141, kubectlLine);
  t.send('d');
  const described = await t.waitFor(/kx\.dev\/long:/);
  assert.ok(piecesOn(described).size < piecesOn(kubectlLine).size, 'cut at 80 columns, not all of it shows');
  assert.match(described, /wrap off · col 1-80 of \d+ · h\/l scroll/);
  const sideways = await readSideways(t);
  assert.deepEqual(sideways.seen, [...piecesOn(kubectlLine)].sort());
  assert.ok(sideways.last.includes(kubectlLine.slice(-40)), `the end of the line shows:\n${sideways.last}`);
  await readWrapped(t, kubectlLine);
  t.send('Escape');
  await t.waitFor(/pods \(shop\)\s+● live/);

  t.send('y');
  await t.waitFor(/kx\.dev\/long: seg00/);
  assert.deepEqual((await readSideways(t)).seen, pieces);
  await readWrapped(t, value);
  t.send('Escape');
  await t.waitFor(/pods \(shop\)\s+● live/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});
