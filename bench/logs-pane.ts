/**
 * The logs pane under a flood, alone (`npm run bench -- --only logs-pane` runs the same case in
 * the full table): a demo cluster in its own process whose pod `flood` writes `rate` lines a
 * second, kx in a real pty following it in the logs pane for `seconds`. Prints the figure
 * (line→screen latency, RSS, CPU) with issue 7's budget.
 *
 * Run: npm run build && PATH=node_modules/.bin:$PATH node --import tsx bench/logs-pane.ts [rate] [seconds]
 * (defaults 20000 lines/s for 30 s; KX_BENCH_DEBUG=1 prints the last frames kx drew)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureLogsPane } from './cases/logs-pane.ts';
import { startDemoProcess } from './lib/demo-process.ts';
import { hasProc } from './lib/pty.ts';
import { table } from './lib/report.ts';

const rate = Number(process.argv[2] ?? 20_000);
const seconds = Number(process.argv[3] ?? 30);
const root = fileURLToPath(new URL('..', import.meta.url));

if (!(rate > 0 && Number.isInteger(rate)) || !(seconds > 0)) {
  console.error('usage: node --import tsx bench/logs-pane.ts [rate lines/s > 0] [seconds > 0]');
  process.exit(2);
}
if (!hasProc()) {
  console.error('the logs pane benchmark reads /proc for memory and CPU: run it on Linux');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'kx-logs-pane-'));
try {
  const demo = await startDemoProcess(root, dir, { extraPods: 0, churn: false, logRate: rate });
  try {
    const figures = await measureLogsPane(root, demo, { rate, seconds });
    console.log(table(figures));
    for (const f of figures) if (f.raw?.['notes']) console.log(`\n${String(f.raw['notes'])}`);
  } finally {
    await demo.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
