/**
 * The logs pane under a flood: the demo's pod `flood` writes `rate` lines a second, each carrying
 * its sequence number and the time it was written (`seq=… at=…ms`); kx follows it in the logs
 * pane in a real pty. Same machine, same clock (Date.now() on both sides).
 *
 * Line→screen latency, per line: a line is on screen from the first frame whose newest line is
 * it or a later one (at 20,000 lines/s most lines scroll past between two frames, and a person
 * sees the pane as caught up to that frame's newest line). For each chunk the terminal receives,
 * the lines since the previous chunk's newest get now − their write time (write times between two
 * stamped lines are interpolated: the pod writes at an even rate). So a frame every 100 ms, 10 ms
 * behind, makes lines 10–110 ms late, not 10 ms. Also reported: the age of the newest line on
 * screen sampled every 100 ms (what a glance at the pane shows), frames a second and the rate
 * that reached the screen (seq numbers), so a pane that skips or a demo that cannot write `rate`
 * lines a second shows.
 *
 * RSS flat: read once a second from 5 s after the first lines show (the pane's ring fills in
 * about a second at 20k lines/s, then memory should hold); the verdict compares the mean of the
 * last 3 readings to the first 3 (one reading is GC noise) and allows 10 % growth.
 */
import type { DemoProcess } from '../lib/demo-process.ts';
import { kxCommand } from '../lib/kx-command.ts';
import { cpuMs, rssMb, startInPty } from '../lib/pty.ts';
import type { Figure } from '../lib/report.ts';
import { formatMs, median, percentile } from '../lib/stats.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const stamp = /seq=(\d+) at=(\d{13})/g;

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
    await kx.waitFor(/seq=\d+ at=\d{13}/, 30_000, opened);
    const shown = performance.now() - kx.started;
    // The pane's ring fills in about a second at 20k lines/s; then memory should hold.
    await sleep(5000);
    const pid = kx.pid()!;
    const rss: number[] = [rssMb(pid)];
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();

    const lineLags: number[] = [];
    const frameLags: number[] = [];
    let frames = 0;
    let first: { seq: number; at: number; seen: number } | undefined;
    let newest: { seq: number; at: number; seen: number } | undefined;
    const stop = kx.onChunk((text) => {
      const now = Date.now();
      let best: { seq: number; at: number; seen: number } | undefined;
      for (const m of text.matchAll(stamp)) {
        const seq = Number(m[1]);
        if (!best || seq > best.seq) best = { seq, at: Number(m[2]), seen: now };
      }
      if (!best || (newest && best.seq <= newest.seq)) return;
      frames++;
      frameLags.push(now - best.at);
      if (newest) {
        // Lines newest.seq+1 … best.seq reach the screen now; their write times, interpolated.
        const n = best.seq - newest.seq;
        const step = (best.at - newest.at) / n;
        for (let i = 1; i <= n; i++) lineLags.push(now - (newest.at + step * i));
      } else {
        first = best;
      }
      newest = best;
    });
    // Every 100 ms: how old the newest line on screen is; every second: RSS.
    const ages: number[] = [];
    const end = t0 + opts.seconds * 1000;
    let nextRss = t0 + 1000;
    while (performance.now() < end) {
      await sleep(100);
      if (newest) ages.push(Date.now() - newest.at);
      if (performance.now() >= nextRss) {
        rss.push(rssMb(pid));
        nextRss += 1000;
      }
    }
    stop();
    const elapsed = performance.now() - t0;
    const cpuShare = ((cpuMs(pid) - cpu0) / elapsed) * 100;
    rss.push(rssMb(pid));
    const p50 = median(lineLags);
    const p95 = percentile(lineLags, 95);
    const rssStart = mean(rss.slice(0, 3));
    const rssEnd = mean(rss.slice(-3));
    const growth = (rssEnd - rssStart) / rssStart;
    // Lines a second of wall-clock time between the first and the last frame: the demo's output
    // as it reached the screen (a demo falling behind its rate, or a pane falling behind, shows).
    const onScreenRate = first && newest && newest.seen > first.seen ? ((newest.seq - first.seq) * 1000) / (newest.seen - first.seen) : 0;
    const framesPerSecond = (frames * 1000) / elapsed;
    const notes = [
      `lines on screen after pressing l: ${formatMs(shown - opened)}`,
      `frames with newer lines: ${frames} (${framesPerSecond.toFixed(1)}/s); newest line when it reached the pty: p50 ${formatMs(median(frameLags))}, p95 ${formatMs(percentile(frameLags, 95))}`,
      `age of the newest line on screen, every 100 ms: p50 ${formatMs(median(ages))}, p95 ${formatMs(percentile(ages, 95))}, max ${formatMs(Math.max(...ages))}`,
      `rate that reached the screen: ${onScreenRate.toFixed(0)} lines/s (seq ${first?.seq}→${newest?.seq})`,
      `RSS each second (MB): ${rss.map((r) => r.toFixed(0)).join(' ')}`,
    ].join('\n');
    const keptUp = onScreenRate >= opts.rate * 0.9;
    let verdict: string;
    if (lineLags.length === 0) verdict = 'missed: no new lines reached the screen';
    else if (!keptUp) verdict = `missed: ${onScreenRate.toFixed(0)} of ${opts.rate} lines/s reached the screen`;
    else verdict = p95 <= 250 && growth <= 0.1 ? 'met' : 'missed';
    return [
      {
        figure: `logs pane, a pod writing ${opts.rate.toLocaleString('en-US')} lines/s, ${Math.round(elapsed / 1000)} s`,
        kx: `line→screen p50 ${formatMs(p50)}, p95 ${formatMs(p95)}; RSS ${rssStart.toFixed(0)}→${rssEnd.toFixed(0)} MB; CPU ${cpuShare.toFixed(0)} %`,
        kubectl: '—',
        ratio: '',
        budget: 'on screen ≤ 250 ms p95; RSS flat (≤ 10 % growth after the first 5 s)',
        verdict,
        raw: { p50, p95, frameLags, ages, rss, rssStart, rssEnd, cpuShare, frames, onScreenRate, lines: lineLags.length, notes },
      },
    ];
  } finally {
    // KX_BENCH_DEBUG=1: the last frames kx drew.
    if (process.env['KX_BENCH_DEBUG']) process.stderr.write(`--- last output of kx ---\n${kx.output().slice(-6000)}\n`);
    await kx.stop();
  }
}
