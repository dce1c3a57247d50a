/**
 * `npm run bench`: kx beside kubectl on the same demo cluster, in the same run (these machines
 * are noisy: only ratios measured together mean much). Prints a table with the budgets of issue 7
 * and writes the figures with the machine, versions and date to ~/.cache/kx/bench/ (JSON).
 *
 *   npm run bench               1k, 10k and 50k pods; 5 runs; 60 s idle and churn (~10 min)
 *   npm run bench -- --quick    1k and 10k; 3 runs; 10 s idle, 15 s churn (~3 min)
 *   npm run bench -- --only lists,one-shot   only those cases (lists, churn, churn-memory, recorder, one-shot, executable, logs, logs-pane, real)
 *
 * churn-memory adds 2 minutes in quick mode (10k pods) and 20 in full mode (10 min at 10k and at 50k).
 *
 * The real control plane (2k pods quick, 10k full) is measured when its binaries are cached (the
 * e2e suite builds them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, homedir, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureChangeRecorder } from './cases/change-recorder.ts';
import { measureChurn } from './cases/churn.ts';
import { measureChurnMemory } from './cases/churn-memory.ts';
import { measureExecutable } from './cases/executable.ts';
import { measureList } from './cases/list-and-memory.ts';
import { measureLogsPane } from './cases/logs-pane.ts';
import { measureLogsThroughput } from './cases/logs-throughput.ts';
import { measureOneShots } from './cases/one-shot.ts';
import { controlPlaneCached, measureRealControlPlane } from './cases/real-control-plane.ts';
import { binCacheDir } from '../test/e2e/cluster/binaries.ts';
import { startDemoProcess } from './lib/demo-process.ts';
import { hasProc } from './lib/pty.ts';
import { table, type Figure } from './lib/report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
const runs = quick ? 3 : 5;
const idleSeconds = quick ? 10 : 60;
const churnSeconds = quick ? 15 : 60;
// Memory under churn settles over minutes: 10k pods in both modes, 50k in full mode only.
const churnMemoryMinutes = quick ? 2 : 10;
const churnMemoryBudget = (pods: number): number | undefined => (pods === 10_000 ? 150 : pods === 50_000 && !quick ? 400 : undefined);
const onlyArg = process.argv[process.argv.indexOf('--only') + 1];
const only = process.argv.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : undefined;
/** Whether case `name` runs (all of them unless --only names some). */
const wanted = (name: string): boolean => only === undefined || only.has(name);

function version(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n')[0]!;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  if (!hasProc()) throw new Error('the benchmarks read /proc for memory and CPU: run them on Linux');
  const dir = mkdtempSync(join(tmpdir(), 'kx-bench-'));
  const figures: Figure[] = [];
  const started = Date.now();
  const log = (text: string): void => void process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${text}\n`);
  try {
    // A case that fails becomes a row saying so; the others still run.
    const attempt = async (what: string, fn: () => Promise<Figure[]>): Promise<void> => {
      try {
        figures.push(...(await fn()));
      } catch (err) {
        figures.push({ figure: what, kx: 'failed', kubectl: '', ratio: '', budget: '', verdict: `n/a: ${err instanceof Error ? err.message : String(err)}` });
      }
    };
    for (const pods of sizes) {
      const memoryBudget = wanted('churn-memory') ? churnMemoryBudget(pods) : undefined;
      if (!wanted('lists') && memoryBudget === undefined && !(pods === 10_000 && (wanted('churn') || wanted('recorder') || wanted('one-shot') || wanted('executable')))) continue;
      log(`demo cluster with ${pods} extra pods`);
      const demo = await startDemoProcess(root, dir, { extraPods: pods, churn: false });
      try {
        if (wanted('lists')) await attempt(`lists, ${pods} pods`, () => measureList({ root, demo, pods, runs: pods >= 40_000 ? Math.min(runs, 3) : runs, detail: pods === 10_000, idleSeconds }));
        if (pods === 10_000) {
          if (wanted('churn')) {
            log('churn');
            await attempt('churn', () => measureChurn(root, demo, { rate: 500, seconds: churnSeconds }));
          }
          if (wanted('recorder')) {
            log('change recorder under churn');
            // Long enough for 500 patches a second to pass the 20,000-change budget.
            await attempt('change recorder', () => measureChangeRecorder(demo, { rate: 500, seconds: Math.max(churnSeconds, 45) }));
          }
          if (wanted('one-shot')) {
            log('one-shot commands');
            await attempt('one-shot commands', () => measureOneShots(root, demo, runs));
          }
          if (wanted('executable')) {
            log('the single executable (npm run package)');
            await attempt('the single executable', () => measureExecutable(root, demo, runs));
          }
        }
        if (memoryBudget !== undefined) {
          log(`memory under churn, ${churnMemoryMinutes} min`);
          await attempt(`RSS under churn, ${pods} pods`, async () => [await measureChurnMemory({ root, demo, pods, rate: 500, minutes: churnMemoryMinutes, budgetMb: memoryBudget })]);
        }
      } finally {
        await demo.stop();
      }
    }
    if (wanted('logs')) {
      log('kx logs throughput');
      await attempt('kx logs throughput', () => measureLogsThroughput(root, 1_000_000, quick ? 3 : 5));
    }
    if (wanted('logs-pane')) {
      log('logs pane under a 20k lines/s flood');
      const demo = await startDemoProcess(root, dir, { extraPods: 0, churn: false, logRate: 20_000 });
      try {
        await attempt('logs pane', () => measureLogsPane(root, demo, { rate: 20_000, seconds: quick ? 15 : 60 }));
      } finally {
        await demo.stop();
      }
    }
    if (!wanted('real')) {
      // left out by --only
    } else if (controlPlaneCached()) {
      const pods = quick ? 2_000 : 10_000;
      log(`real control plane with ${pods} pods`);
      await attempt('real control plane', () => measureRealControlPlane(root, pods, runs));
    } else {
      figures.push({
        figure: 'the real control plane',
        kx: 'not measured',
        kubectl: '',
        ratio: '',
        budget: 'as on the demo',
        verdict: `n/a: its binaries are not cached in ${binCacheDir()} (npm run test:e2e builds them once)`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const report = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    versions: { node: process.version, kubectl: version('kubectl', ['version', '--client']), kx: version(process.execPath, [join(root, 'bin', 'kx'), '--version']) },
    figures,
  };
  const outDir = join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'kx', 'bench');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `bench-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`kx benchmarks (${report.mode}), ${report.date}, ${report.machine.cpus} cores, ${report.versions.kubectl}, node ${process.version}\n`);
  console.log(table(figures));
  console.log(`\nJSON: ${file}`);
}

await main();
