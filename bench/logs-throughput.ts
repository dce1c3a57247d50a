/**
 * Log throughput probe: `kx logs POD | wc -l` against `kubectl logs POD | wc -l` for one container
 * with a million-line history, served by the demo API server in this process. The history is made
 * once, up front, with the demo kubelet's own line generator, so each run measures the clients
 * (and the server's formatting, the same work for both) rather than log generation. Both commands
 * are run alternately; the table shows each run and the medians. Prints figures; asserts nothing.
 *
 * Run: npm run build && PATH=node_modules/.bin:$PATH node --import tsx bench/logs-throughput.ts [lines] [runs]
 * (set KX_BENCH_FROM_SOURCE=1 to run kx from src/ through tsx instead of the built dist/)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoApiServer } from '../src/demo/server/index.ts';
import { logLine } from '../src/demo/scenario/kubelet/log-lines.ts';
import { DemoApiError, type LogLine, type LogSource, type PodRuntime } from '../src/demo/types.ts';

const lineCount = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));

/** A finished container log whose history is a fixed array. */
class FixedLog implements LogSource {
  constructor(private readonly lines: LogLine[]) {}
  history(): LogLine[] {
    return this.lines;
  }
  follow(): () => void {
    return () => {};
  }
  onEnd(): () => void {
    return () => {};
  }
  ended(): boolean {
    return true;
  }
}

function makeHistory(n: number): LogLine[] {
  const start = Date.now() - n * 10;
  const out: LogLine[] = new Array<LogLine>(n);
  for (let k = 0; k < n; k++) {
    const time = new Date(start + k * 10);
    out[k] = { time, text: logLine('nginx', 42, k, time, 'app') };
  }
  return out;
}

const history = makeHistory(lineCount);
const runtime: PodRuntime = {
  logs: (req) => {
    if (req.pod !== 'chatty' || req.container !== 'app') throw new DemoApiError(404, 'NotFound', `pods "${req.pod}" not found`);
    return new FixedLog(history);
  },
  exec: () => {
    throw new DemoApiError(400, 'BadRequest', 'no exec in the log benchmark');
  },
};

const server = await startDemoApiServer({ runtime });
server.store.create({ group: '', plural: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', uid: '' } });
server.store.create(
  { group: '', plural: 'pods' },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'chatty', namespace: 'default', uid: '' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
    status: {
      phase: 'Succeeded',
      containerStatuses: [{ name: 'app', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date().toISOString(), finishedAt: new Date().toISOString() } } }],
    },
  },
);
const dir = mkdtempSync(join(tmpdir(), 'kx-logs-bench-'));
const kubeconfig = join(dir, 'config');
server.writeKubeconfig(kubeconfig);

const kx = process.env['KX_BENCH_FROM_SOURCE']
  ? `node --import tsx -e "const { main } = await import('${root}src/cli/main.ts'); await main(process.argv.slice(1), { invokedAs: 'kx' })" --input-type=module --`
  : `node ${join(root, 'bin/kx')}`;
const commands = {
  kubectl: `kubectl --kubeconfig ${kubeconfig} logs chatty | wc -l`,
  kx: `${kx} --kubeconfig ${kubeconfig} logs chatty | wc -l`,
};
// The same command printing nothing (--tail 0): start-up, connection and the two requests, so the
// streaming part can be told apart from the fixed cost.
const fixedCost = {
  kubectl: `kubectl --kubeconfig ${kubeconfig} logs chatty --tail 0 | wc -l`,
  kx: `${kx} --kubeconfig ${kubeconfig} logs chatty --tail 0 | wc -l`,
};

/** Runs a shell pipeline and returns its wall time (s) and what wc -l counted. */
function time(command: string): Promise<{ seconds: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'inherit'], cwd: root });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, lines: Number(out.trim()) }));
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const results: Record<keyof typeof commands, number[]> = { kubectl: [], kx: [] };
const fixed: Record<keyof typeof commands, number[]> = { kubectl: [], kx: [] };
console.log(`| tool | run | lines | seconds | lines/s |`);
console.log(`|---|---|---|---|---|`);
for (let run = 1; run <= runs; run++) {
  for (const tool of ['kubectl', 'kx'] as const) {
    const r = await time(commands[tool]);
    if (r.lines !== lineCount) console.log(`(${tool} printed ${r.lines} lines, expected ${lineCount})`);
    results[tool].push(r.seconds);
    console.log(`| ${tool} | ${run} | ${r.lines} | ${r.seconds.toFixed(2)} | ${Math.round(r.lines / r.seconds).toLocaleString('en')} |`);
    fixed[tool].push((await time(fixedCost[tool])).seconds);
  }
}
const kubectlMedian = median(results.kubectl);
const kxMedian = median(results.kx);
console.log(`\nmedian: kubectl ${kubectlMedian.toFixed(2)} s, kx ${kxMedian.toFixed(2)} s; kx throughput = ${(kubectlMedian / kxMedian).toFixed(2)}x kubectl's (target >= 0.9x)`);
const kubectlFixed = median(fixed.kubectl);
const kxFixed = median(fixed.kx);
console.log(`fixed cost (--tail 0, median): kubectl ${kubectlFixed.toFixed(2)} s, kx ${kxFixed.toFixed(2)} s`);
console.log(
  `streaming alone (median minus fixed cost): kubectl ${(kubectlMedian - kubectlFixed).toFixed(2)} s, kx ${(kxMedian - kxFixed).toFixed(2)} s; kx = ${((kubectlMedian - kubectlFixed) / (kxMedian - kxFixed)).toFixed(2)}x kubectl's`,
);
await server.close();
rmSync(dir, { recursive: true, force: true });
