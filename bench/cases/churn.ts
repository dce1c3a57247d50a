/**
 * Churn: while patches hit the demo's pods at a steady rate, a marker pod is created every
 * second in namespace `aaa-bench` (sorted first, so on screen in kx -A) and the time until its
 * name reaches the terminal is the event-to-screen latency. kx's CPU share and RSS growth over
 * the run show whether a backlog builds.
 */
import { readFileSync } from 'node:fs';
import type { DemoProcess } from '../lib/demo-process.ts';
import { cpuMs, rssMb, startInPty } from '../lib/pty.ts';
import { kxCommand } from '../lib/kx-command.ts';
import type { Figure } from '../lib/report.ts';
import { formatMs, median, percentile } from '../lib/stats.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Measures kx under `rate` events per second for `seconds`. */
export async function measureChurn(root: string, demo: DemoProcess, opts: { rate: number; seconds: number }): Promise<Figure[]> {
  const token = /token: (\S+)/.exec(readFileSync(demo.kubeconfig, 'utf8'))?.[1] ?? '';
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json' };
  const list = (await (await fetch(`${demo.base}/api/v1/pods?limit=20000`, { headers })).json()) as { items: { metadata: { name: string; namespace: string } }[] };
  const pods = list.items.map((p) => p.metadata);
  // The markers' namespace sorts first in kx -A, so new markers are always on screen.
  await fetch(`${demo.base}/api/v1/namespaces`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'aaa-bench' } }),
  });
  const kx = startInPty(kxCommand(root, ['--kubeconfig', demo.kubeconfig, '-A']), { env: { KX_CONFIG_DIR: '/nonexistent' } });
  try {
    await kx.waitFor(/● live/, 120_000);
    await sleep(2000);
    const pid = kx.pid()!;
    const rss0 = rssMb(pid);
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();
    let sent = 0;
    let failed = 0;
    const latencies: number[] = [];
    const deadline = t0 + opts.seconds * 1000;
    let marker = 0;
    const markers: Promise<void>[] = [];
    while (performance.now() < deadline) {
      const tickStart = performance.now();
      // One tick of 100 ms: rate/10 patches, fired without waiting for each other.
      const batch: Promise<unknown>[] = [];
      for (let i = 0; i < opts.rate / 10; i++) {
        const p = pods[(sent + i) % pods.length]!;
        const body = JSON.stringify({ metadata: { annotations: { 'bench.kx/tick': String(sent + i) } } });
        batch.push(
          fetch(`${demo.base}/api/v1/namespaces/${p.namespace}/pods/${p.name}`, { method: 'PATCH', headers, body })
            .then((r) => r.arrayBuffer())
            .catch(() => failed++),
        );
      }
      sent += opts.rate / 10;
      if (Math.floor((tickStart - t0) / 1000) >= marker) {
        // Names count down so the newest marker sorts first, above the cursor. Each marker is
        // deleted once seen: the explorer keeps the cursor on its object, so rows piling up above
        // it would scroll the newest ones out of the window.
        const name = `aaa-m-${String(9999 - marker).padStart(4, '0')}`;
        marker++;
        markers.push(
          (async () => {
            const body = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'aaa-bench' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };
            const at = performance.now() - kx.started;
            await fetch(`${demo.base}/api/v1/namespaces/aaa-bench/pods`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
            const seen = await kx.waitFor(new RegExp(name), 10_000, at).catch(() => NaN);
            latencies.push(seen - at);
            await fetch(`${demo.base}/api/v1/namespaces/aaa-bench/pods/${name}?gracePeriodSeconds=0`, { method: 'DELETE', headers }).catch(() => undefined);
          })(),
        );
      }
      await Promise.all(batch);
      const spent = performance.now() - tickStart;
      if (spent < 100) await sleep(100 - spent);
    }
    await Promise.all(markers);
    const elapsed = performance.now() - t0;
    const cpuShare = ((cpuMs(pid) - cpu0) / elapsed) * 100;
    const rss1 = rssMb(pid);
    const achieved = ((sent - failed) * 1000) / elapsed;
    // A marker not on screen within 10 s counts as a miss (and fails the budget), not as a number.
    const seen = latencies.filter((l) => Number.isFinite(l));
    const missed = latencies.length - seen.length;
    const p95 = missed > 0 ? Infinity : percentile(seen, 95);
    return [
      {
        figure: `churn: ${achieved.toFixed(0)} events/s for ${(elapsed / 1000).toFixed(0)} s on ${pods.length.toLocaleString('en-US')} pods`,
        kx: `event→screen p50 ${formatMs(median(seen))}, p95 ${missed > 0 ? `— (${missed} of ${latencies.length} markers not seen in 10 s)` : formatMs(p95)}; CPU ${cpuShare.toFixed(0)} %; RSS ${rss0.toFixed(0)}→${rss1.toFixed(0)} MB`,
        kubectl: '—',
        ratio: '',
        budget: 'p95 ≤ 250 ms, CPU ≤ 60 %, no growing backlog',
        verdict: p95 <= 250 && cpuShare <= 60 && achieved >= opts.rate * 0.8 ? 'met' : achieved < opts.rate * 0.8 ? `n/a: load reached ${achieved.toFixed(0)}/s` : 'missed',
        raw: { latencies, achieved, cpuShare, rss0, rss1 },
      },
    ];
  } finally {
    // KX_BENCH_DEBUG=1: the last frame kx drew, to see what a missed marker looked like.
    if (process.env['KX_BENCH_DEBUG']) process.stderr.write(`--- last output of kx ---\n${kx.output().slice(-6000)}\n`);
    await kx.stop();
  }
}
