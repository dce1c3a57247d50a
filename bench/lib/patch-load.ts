/**
 * A steady stream of watch events for the benchmarks: merge patches (one annotation each) at a
 * fixed rate, cycling through every pod of the demo, in ticks of 100 ms whose patches are sent
 * without waiting for each other.
 */
import { readFileSync } from 'node:fs';
import type { DemoProcess } from './demo-process.ts';

/** A running load; stop() ends it and says what it achieved. */
export interface PatchLoad {
  stop(): Promise<{ sent: number; failed: number; seconds: number }>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts patching the demo's pods at `rate` per second until stopped. */
export async function startPatchLoad(demo: DemoProcess, rate: number): Promise<PatchLoad> {
  const token = /token: (\S+)/.exec(readFileSync(demo.kubeconfig, 'utf8'))?.[1] ?? '';
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json' };
  const list = (await (await fetch(`${demo.base}/api/v1/pods?limit=1000000`, { headers })).json()) as { items: { metadata: { name: string; namespace: string } }[] };
  const pods = list.items.map((p) => p.metadata);
  const t0 = performance.now();
  let sent = 0;
  let failed = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const tickStart = performance.now();
      const batch: Promise<unknown>[] = [];
      for (let i = 0; i < rate / 10; i++) {
        const p = pods[(sent + i) % pods.length]!;
        const body = JSON.stringify({ metadata: { annotations: { 'bench.kx/tick': String(sent + i) } } });
        batch.push(
          fetch(`${demo.base}/api/v1/namespaces/${p.namespace}/pods/${p.name}`, { method: 'PATCH', headers, body })
            .then((r) => r.arrayBuffer())
            .catch(() => failed++),
        );
      }
      sent += rate / 10;
      await Promise.all(batch);
      const spent = performance.now() - tickStart;
      if (spent < 100) await sleep(100 - spent);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { sent, failed, seconds: (performance.now() - t0) / 1000 };
    },
  };
}
