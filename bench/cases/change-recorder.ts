/**
 * The change recorder under churn: an in-process cache with its recorder watches every pod of the
 * demo while label patches hit them at `rate` a second for `seconds` (each patch is one recorded
 * change), then reports what the recorder holds and the heap it retains beyond the listed cache.
 * The budget (20 per object, 20,000 in all) must hold whatever the run's length.
 *
 *   node --import tsx bench/cases/change-recorder.ts [SECONDS]   (starts its own demo, 10k pods)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { discover } from '../../src/kube/discovery.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { findResource } from '../../src/kube/resource-resolver.ts';
import { openSession } from '../../src/kube/session.ts';
import { ChangeRecorder } from '../../src/store/changes/change-recorder.ts';
import { ObjectCache } from '../../src/store/object-cache.ts';
import { WatchManager } from '../../src/store/watch-manager.ts';
import { startDemoProcess, type DemoProcess } from '../lib/demo-process.ts';
import type { Figure } from '../lib/report.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap used after a full collection, in MB. */
function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Measures the recorder under `rate` patches a second for `seconds`. */
export async function measureChangeRecorder(demo: DemoProcess, opts: { rate: number; seconds: number }): Promise<Figure[]> {
  const token = /token: (\S+)/.exec(readFileSync(demo.kubeconfig, 'utf8'))?.[1] ?? '';
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json' };
  const list = (await (await fetch(`${demo.base}/api/v1/pods?limit=20000`, { headers })).json()) as { items: { metadata: { name: string; namespace: string } }[] };
  const pods = list.items.map((p) => p.metadata);
  const session = await openSession(loadKubeconfig({ kubeconfig: demo.kubeconfig }));
  const resource = findResource(await discover(session.client), 'pods')!;
  const heap0 = heapMb();
  // Held in variables that are cleared one by one, so the heap can be weighed without each.
  let recorder: ChangeRecorder | undefined = new ChangeRecorder();
  let cache: ObjectCache | undefined = new ObjectCache({ changes: recorder });
  let watches: WatchManager | undefined = new WatchManager(session.client, cache);
  watches.watch({ resource });
  try {
    while (cache.streamState('pods')?.phase !== 'live') await sleep(100);
    const listed = recorder.size();
    const t0 = performance.now();
    let sent = 0;
    while (performance.now() - t0 < opts.seconds * 1000) {
      const tick = performance.now();
      const batch: Promise<unknown>[] = [];
      for (let i = 0; i < opts.rate / 10; i++) {
        const p = pods[(sent + i) % pods.length]!;
        const body = JSON.stringify({ metadata: { labels: { 'bench.kx/tick': String(sent + i) } } });
        batch.push(
          fetch(`${demo.base}/api/v1/namespaces/${p.namespace}/pods/${p.name}`, { method: 'PATCH', headers, body }).then(
            (r) => r.arrayBuffer(),
            () => undefined,
          ),
        );
      }
      sent += opts.rate / 10;
      await Promise.all(batch);
      const spent = performance.now() - tick;
      if (spent < 100) await sleep(100 - spent);
    }
    const seconds = (performance.now() - t0) / 1000;
    await sleep(2000);
    watches.stopAll();
    cache.dispose();
    watches = undefined;
    cache = undefined;
    const withRecorder = heapMb();
    const size = recorder.size();
    // Emptied rather than dropped: a stopped stream's timers may still hold the cache, and so the recorder.
    recorder.clear();
    recorder = undefined;
    const retained = withRecorder - heapMb();
    const raw = { sent, seconds, listed, ...size, heap0, retainedMb: retained, pods: pods.length };
    return [
      {
        figure: `change recorder: changes kept after ${sent} patches in ${seconds.toFixed(0)} s`,
        kx: `${size.changes} (${size.slots} log slots, ${size.fingerprints} fingerprints)`,
        kubectl: '',
        ratio: '',
        budget: '≤ 20,000 changes, ≤ 20 per object',
        verdict: size.changes <= 20_000 && size.slots <= 20_000 ? 'met' : 'missed',
        raw,
      },
      {
        figure: 'change recorder: heap it retains (fingerprints and changes)',
        kx: `${retained.toFixed(1)} MB`,
        kubectl: '',
        ratio: '',
        budget: '≤ 16 MB (10k fingerprints + 20,000 changes)',
        verdict: retained <= 16 ? 'met' : 'missed',
        raw,
      },
    ];
  } finally {
    watches?.stopAll();
    cache?.dispose();
    await session.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'kx-bench-changes-'));
  const demo = await startDemoProcess(root, dir, { extraPods: 10_000, churn: false });
  try {
    for (const f of await measureChangeRecorder(demo, { rate: 500, seconds: Number(process.argv[2] ?? 50) })) console.log(`${f.figure}: ${f.kx}  [budget ${f.budget}: ${f.verdict}]`);
  } finally {
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
