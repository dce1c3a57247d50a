/**
 * `npm run screenshots`: drives the real kx TUI on the built-in demo cluster in tmux, the way a
 * person would, and writes PNGs of the frames it shows to screenshots/. Each shot starts kx afresh,
 * sends keys, waits for the text that proves the screen is there, captures the pane with its
 * colours and renders it (ansi-frame.ts, frame-svg.ts). A shot whose text never appears fails
 * the run with its name. `--only a,b` picks shots.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrame } from './ansi-frame.ts';
import { frameSvg, renderPng } from './frame-svg.ts';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

type Step = { keys: string[] } | { text: string } | { wait: RegExp };

interface Shot {
  file: string;
  /** What it shows, for the log. */
  title: string;
  args: string;
  columns: number;
  rows: number;
  steps: Step[];
  /** Files for kx's config dir (name → text), e.g. a views.yaml; none: an empty config dir. */
  config?: Record<string, string>;
  /** Demo clusters to start, one kubeconfig context each under these names (KUBECONFIG lists them); none: `--demo` in args. */
  clusters?: string[];
}

const prompt = (key: ':' | '/', text: string): Step[] => [{ text: key }, { wait: new RegExp(`^\\${key}\\s*$`, 'm') }, { text }, { keys: ['Enter'] }];

const shots: Shot[] = [
  { file: 'pods.png', title: 'pods in every namespace, live', args: '--demo', columns: 130, rows: 32, steps: [{ wait: /● live\s+\d+/ }] },
  {
    file: 'deployment-drilldown.png',
    title: 'a deployment drilled down to its pods',
    args: '--demo deploy -n shop',
    columns: 130,
    rows: 20,
    steps: [
      { wait: /deployments \(shop\)\s+● live/ },
      ...prompt('/', 'frontend'),
      { wait: /● live\s+1 of/ },
      { keys: ['Enter'] },
      { wait: /replicasets of deployment frontend/ },
      { keys: ['Enter'] },
      { wait: /pods of replicaset frontend-\S+ \(shop\)\s+● live\s+[1-9]/ },
    ],
  },
  {
    file: 'custom-resources.png',
    title: 'a custom resource through the server’s printer columns',
    args: '--demo',
    columns: 130,
    rows: 16,
    steps: [{ wait: /● live/ }, ...prompt(':', 'ct'), { wait: /crontabs \(all namespaces\)\s+● live\s+\d/ }],
  },
  {
    file: 'logs.png',
    title: 'logs of a deployment, its pods interleaved',
    args: '--demo deploy -n shop',
    columns: 130,
    rows: 24,
    steps: [
      { wait: /deployments \(shop\)\s+● live/ },
      ...prompt('/', 'api'),
      { wait: /● live\s+1 of/ },
      { keys: ['l'] },
      { wait: /following · all containers · last 500 lines per container · [\d,]+ lines/ },
    ],
  },
  {
    file: 'describe.png',
    title: 'describe, live',
    args: '--demo deploy -n shop',
    columns: 130,
    rows: 30,
    steps: [{ wait: /deployments \(shop\)\s+● live/ }, ...prompt('/', 'cart'), { wait: /● live\s+1 of/ }, { keys: ['d'] }, { wait: /^Replicas:/m }],
  },
  {
    file: 'port-forwards.png',
    title: 'port-forwards (:pf): a deployment’s forward follows its pods',
    args: '--demo deploy -n shop',
    columns: 130,
    rows: 16,
    steps: [
      { wait: /deployments \(shop\)\s+● live/ },
      ...prompt('/', 'frontend'),
      { wait: /● live\s+1 of/ },
      { keys: ['F'] },
      { wait: /its ports:/ },
      { keys: ['Enter'] },
      { wait: /Forwarding .* \(:pf lists the forwards\)/ },
      ...prompt(':', 'pf'),
      { wait: /port-forwards \(1\)[\s\S]*forwarding/ },
    ],
  },
  {
    file: 'usage.png',
    title: 'usage from the metrics API: k9s’s percentages, busiest first, the cluster in the header',
    args: '--demo pods -n payments',
    columns: 150,
    rows: 12,
    steps: [{ wait: /pods \(payments\)\s+● live/ }, { wait: /^ledger-\S+.*\s\d+m\s+\d+Mi\s/m }, { text: 'C' }, { wait: /\sCPU↓\s/ }],
  },
  {
    file: 'marks.png',
    title: 'three pods marked: ctrl-d, ctrl-k and r act on all of them after one question',
    args: '--demo pods -n shop',
    columns: 130,
    rows: 18,
    steps: [
      { wait: /pods \(shop\)\s+● live\s+\d/ },
      { text: ' ' },
      { wait: /1 marked/ },
      { keys: ['Down'] },
      { text: ' ' },
      { wait: /2 marked/ },
      { keys: ['Down', 'Down'] },
      { text: ' ' },
      { wait: /3 marked/ },
    ],
  },
  {
    file: 'custom-columns.png',
    title: 'a k9s views.yaml: columns chosen and reordered, JSONPath IMAGE and QOS columns, sorted by NODE',
    args: '--demo pods -n shop',
    columns: 130,
    rows: 14,
    config: {
      'views.yaml': [
        'views:',
        '  v1/pods:',
        '    sortColumn: NODE:asc',
        '    columns:',
        '      - NAME',
        '      - STATUS',
        '      - NODE',
        '      - "IMAGE:.spec.containers[0].image"',
        '      - "QOS:.status.qosClass"',
        '      - AGE',
        '',
      ].join('\n'),
    },
    steps: [{ wait: /pods \(shop\)\s+● live\s+\d/ }, { wait: /^NAME\s+STATUS\s+NODE\S*\s+IMAGE\s+QOS\s+AGE/m }],
  },
  {
    file: 'triage.png',
    title: ':triage: what is wrong now and why, worst first',
    args: '--demo',
    columns: 150,
    rows: 16,
    steps: [{ wait: /● live/ }, ...prompt(':', 'triage'), { wait: /triage \(all namespaces\)\s+● live\s+\d/ }, { wait: /CrashLoopBackOff/ }],
  },
  {
    file: 'changes.png',
    title: ':changes: what kx saw change on its watches',
    args: '--demo deploy -A',
    columns: 150,
    rows: 16,
    steps: [
      { wait: /deployments \(all namespaces\)\s+● live/ },
      { wait: /● live\s+\d+/ },
      ...prompt(':', 'po -A'),
      { wait: /pods \(all namespaces\)\s+● live/ },
      ...prompt(':', 'changes'),
      { wait: /changes \([1-9]\d*\)/ },
    ],
  },
  {
    file: 'several-clusters.png',
    title: 'two clusters in one table: a CONTEXT column, one stream per context, each one’s state',
    args: 'pods -n shop --context prod,staging',
    clusters: ['prod', 'staging'],
    columns: 130,
    rows: 20,
    steps: [{ wait: /pods \(shop\) @prod,staging\s+● prod live · staging live\s+\d/ }, ...prompt('/', 'api'), { wait: /● prod live · staging live\s+\d+ of/ }],
  },
  { file: 'help.png', title: 'help, generated from the keymap', args: '--demo', columns: 130, rows: 40, steps: [{ wait: /● live/ }, { text: '?' }, { wait: /^Keys · ids go in/m }] },
];

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

async function waitFor(session: string, pattern: RegExp, shot: Shot, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < deadline) {
    screen = tmux('capture-pane', '-p', '-t', session);
    if (pattern.test(screen)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`shot ${shot.file}: "${String(pattern)}" never appeared; the screen was:\n${screen}`);
}

async function take(shot: Shot, outDir: string): Promise<string> {
  const session = `kx-shot-${process.pid}-${shot.file.replace(/\W/g, '')}`;
  const kx = join(root, 'bin', 'kx');
  // A private config, k9s and state dir: the user's files (keys.yaml, k9s's views, recent namespaces) must not change the pictures.
  const home = mkdtempSync(join(tmpdir(), 'kx-shot-'));
  for (const [name, text] of Object.entries(shot.config ?? {})) writeFileSync(join(home, name), text);
  // Several clusters: a demo each, its kubeconfig renamed to the cluster's name, merged by KUBECONFIG as kubectl merges files.
  const demos: DemoCluster[] = [];
  const files: string[] = [];
  for (const [i, name] of (shot.clusters ?? []).entries()) {
    // A seed each: two clusters of one demo would otherwise be twins, down to their pods' names.
    const demo = await startDemoCluster({ kubeconfigPath: join(home, `${name}.demo`), seed: 11 + i });
    demos.push(demo);
    const file = join(home, name);
    writeFileSync(file, readFileSync(demo.kubeconfigPath, 'utf8').replaceAll('kx-demo', name));
    files.push(file);
  }
  const env = `KX_CONFIG_DIR=${home} K9S_CONFIG_DIR=${home}/k9s XDG_STATE_HOME=${home}/state${files.length ? ` KUBECONFIG=${files.join(':')}` : ''}`;
  const command = `sleep 0.3; ${env} ${process.execPath} ${kx} ${shot.args}; sleep 3600`;
  tmux('new-session', '-d', '-s', session, '-x', String(shot.columns), '-y', String(shot.rows), command);
  try {
    for (const step of shot.steps) {
      if ('wait' in step) await waitFor(session, step.wait, shot);
      else if ('text' in step) tmux('send-keys', '-t', session, '-l', '--', step.text);
      else tmux('send-keys', '-t', session, ...step.keys);
    }
    // Let the last frame settle (ages, the cursor row).
    await new Promise((r) => setTimeout(r, 400));
    const frame = tmux('capture-pane', '-e', '-p', '-t', session);
    const { png } = renderPng(frameSvg(parseFrame(frame), shot.columns));
    const file = join(outDir, shot.file);
    writeFileSync(file, png);
    return file;
  } finally {
    try {
      tmux('kill-session', '-t', session);
    } catch {
      // already gone
    }
    for (const demo of demos) await demo.stop();
  }
}

async function main(): Promise<void> {
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').map((s) => (s.endsWith('.png') ? s : `${s}.png`))) : undefined;
  if (!existsSync(join(root, 'dist', 'main.js'))) {
    console.error('kx is not built: run `npm run build` (or `npm install`) first');
    process.exit(1);
  }
  const outDir = join(root, 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  let failed = 0;
  for (const shot of shots) {
    if (only && !only.has(shot.file)) continue;
    try {
      const file = await take(shot, outDir);
      console.log(`${shot.file}: ${shot.title} → ${file}`);
    } catch (err) {
      failed++;
      console.error(err instanceof Error ? err.message : String(err));
    }
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failed > 0) process.exit(1);
}

await main();
