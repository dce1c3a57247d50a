/**
 * The logs pane under a flood: the demo's pod `flood` writes `rate` lines a second, each carrying
 * the time it was written (at=…ms); kx follows it in the logs pane in a real pty. For every chunk
 * the terminal receives, the newest line on it is how far the screen lags behind the container
 * (same machine, same clock). RSS is read once the pane has filled its ring and again at the end:
 * flat means bounded memory, not a backlog growing.
 */
import type { DemoProcess } from '../lib/demo-process.ts';
import { kxCommand } from '../lib/kx-command.ts';
import { cpuMs, rssMb, startInPty } from '../lib/pty.ts';
import type { Figure } from '../lib/report.ts';
import { formatMs, median, percentile } from '../lib/stats.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Follows pod `flood` (started with `kx demo --log-rate rate`) for `seconds`. */
export async function measureLogsPane(root: string, demo: DemoProcess, opts: { rate: number; seconds: number }): Promise<Figure[]> {
  const kx = startInPty(kxCommand(root, ['--kubeconfig', demo.kubeconfig, '-n', 'default']), { env: { KX_CONFIG_DIR: '/nonexistent' } });
  try {
    await kx.waitFor(/flood/, 60_000);
    // As a person would: filter to the pod, take the filter, open its logs.
    kx.send('/');
    await sleep(400);
    kx.send('flood');
    await sleep(400);
    kx.send('\r');
    await sleep(400);
    const opened = performance.now() - kx.started;
    kx.send('l');
    await kx.waitFor(/at=\d{13}/, 30_000, opened);
    // The pane's ring (20,000 lines) fills in about a second at 20k lines/s; then memory should hold.
    await sleep(5000);
    const pid = kx.pid()!;
    const rssStart = rssMb(pid);
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();
    const lags: number[] = [];
    let newestSeen = 0;
    const stop = kx.onChunk((text) => {
      let newest = 0;
      for (const m of text.matchAll(/at=(\d{13})/g)) newest = Math.max(newest, Number(m[1]));
      if (newest === 0) return;
      newestSeen = Math.max(newestSeen, newest);
      lags.push(Date.now() - newest);
    });
    await sleep(opts.seconds * 1000);
    stop();
    const cpuShare = ((cpuMs(pid) - cpu0) / (performance.now() - t0)) * 100;
    const rssEnd = rssMb(pid);
    const p95 = percentile(lags, 95);
    const growth = (rssEnd - rssStart) / rssStart;
    const stale = Date.now() - newestSeen;
    return [
      {
        figure: `logs pane, a pod writing ${opts.rate.toLocaleString('en-US')} lines/s, ${opts.seconds} s`,
        kx: `line→screen p50 ${formatMs(median(lags))}, p95 ${formatMs(p95)} (${lags.length} frames); RSS ${rssStart.toFixed(0)}→${rssEnd.toFixed(0)} MB; CPU ${cpuShare.toFixed(0)} %`,
        kubectl: '—',
        ratio: '',
        budget: 'on screen ≤ 250 ms p95; RSS flat (≤ 10 % growth)',
        verdict: lags.length > 0 && p95 <= 250 && growth <= 0.1 && stale < 1000 ? 'met' : 'missed',
        raw: { lags },
      },
    ];
  } finally {
    await kx.stop();
  }
}
