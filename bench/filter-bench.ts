/**
 * `/` filter benchmark: 10,000 pod rows (projected by the real pods kind), typing 'web-7' one
 * character at a time, as the view does on each keystroke (filter every row, then highlight the
 * visible window). Prints p50/p95 ms per keystroke, cold (first time the rows are seen: targets
 * get prepared) and warm. Prints figures; asserts nothing.
 * Run: node --import tsx bench/filter-bench.ts [rows] [rounds]
 */
import type { KubeObject } from '../src/kube/object.ts';
import type { Row } from '../src/kinds/types.ts';
import { podsKind } from '../src/kinds/pods.ts';
import { filterRowsByText } from '../src/explorer/filter/filter-rows.ts';

const N = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 30);
const TYPED = 'web-7';
const VISIBLE = 50;
const now = Date.parse('2024-05-14T10:30:00Z');
const apps = ['web', 'api', 'cart', 'redis', 'payments', 'search', 'worker', 'metrics-server'];

function pod(i: number): KubeObject {
  const app = `${apps[i % apps.length]}-${i % 97}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${app}-7d9c5b7f4-${i.toString(36).padStart(5, '0')}`,
      namespace: `team-${i % 40}`,
      uid: `uid-${i}`,
      resourceVersion: '1',
      creationTimestamp: '2024-05-14T10:00:00Z',
      labels: { app },
    },
    spec: { nodeName: `node-${i % 200}`, containers: [{ name: 'app', image: 'ghcr.io/acme/app:1.0.0' }] },
    status: {
      phase: i % 13 === 0 ? 'Pending' : 'Running',
      podIP: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      containerStatuses: [{ name: 'app', ready: true, restartCount: i % 4, state: { running: { startedAt: '2024-05-14T10:00:05Z' } } }],
    },
  };
}

function makeRows(): Row[] {
  return Array.from({ length: N }, (_, i) => podsKind.toRow(pod(i), now));
}

/** Types TYPED one character at a time; returns ms per keystroke. */
function typeOnce(rows: readonly Row[]): { ms: number[]; shown: number } {
  const ms: number[] = [];
  let shown = 0;
  for (let k = 1; k <= TYPED.length; k++) {
    const t = performance.now();
    const result = filterRowsByText(rows, TYPED.slice(0, k));
    for (const row of result.rows.slice(0, VISIBLE)) result.matchOf(row);
    ms.push(performance.now() - t);
    shown = result.rows.length;
  }
  return { ms, shown };
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const cold: number[] = [];
const warm: number[] = [];
let shown = 0;
for (let round = 0; round < ROUNDS; round++) {
  // New row objects each round, so the first pass is cold (nothing prepared) like fresh rows.
  const rows = makeRows();
  const first = typeOnce(rows);
  cold.push(first.ms[0]!);
  warm.push(...first.ms.slice(1));
  const again = typeOnce(rows);
  warm.push(...again.ms);
  shown = again.shown;
}
cold.sort((a, b) => a - b);
warm.sort((a, b) => a - b);

const f = (n: number): string => n.toFixed(2).padStart(8);
console.log(`filter bench: ${N} pod rows, typing '${TYPED}', ${ROUNDS} rounds, ${shown} rows match '${TYPED}'`);
console.log('keystroke                        p50 ms   p95 ms      max');
console.log(`first (prepares every row) ${f(pct(cold, 50))} ${f(pct(cold, 95))} ${f(cold[cold.length - 1]!)}`);
console.log(`later (targets cached)     ${f(pct(warm, 50))} ${f(pct(warm, 95))} ${f(warm[warm.length - 1]!)}`);
