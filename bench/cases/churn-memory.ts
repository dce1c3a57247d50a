/**
 * Memory under churn: kx -A watching every pod while patches arrive at a steady rate for minutes,
 * its RSS sampled every 10 s. What matters is where RSS settles, not how fast it climbs: V8 and
 * glibc keep the room they grew to, so a short run understates it (docs/memory-under-churn.md).
 */
import type { DemoProcess } from '../lib/demo-process.ts';
import { kxCommand } from '../lib/kx-command.ts';
import { startPatchLoad } from '../lib/patch-load.ts';
import { cpuMs, rssMb, startInPty } from '../lib/pty.ts';
import type { Figure } from '../lib/report.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const grouped = (n: number): string => n.toLocaleString('en-US');

/** Settings of one run. */
export interface ChurnMemoryCase {
  root: string;
  demo: DemoProcess;
  /** The demo's extra pods (the row's label). */
  pods: number;
  rate: number;
  minutes: number;
  budgetMb: number;
}

/** RSS of kx after `minutes` of `rate` events per second. */
export async function measureChurnMemory(c: ChurnMemoryCase): Promise<Figure> {
  const kx = startInPty(kxCommand(c.root, ['--kubeconfig', c.demo.kubeconfig, '-A']), { env: { KX_CONFIG_DIR: '/nonexistent' } });
  try {
    // Live with the whole list: the count on the status line has at least as many digits as the demo's pods.
    await kx.waitFor(new RegExp(`● live(?:\\s|\\x1b\\[[0-9;]*m)*[0-9,]{${grouped(c.pods).length},}\\b`), 300_000);
    await sleep(2000);
    const pid = kx.pid()!;
    const rss0 = rssMb(pid);
    const cpu0 = cpuMs(pid);
    const load = await startPatchLoad(c.demo, c.rate);
    const samples: number[] = [];
    const t0 = performance.now();
    while (performance.now() - t0 < c.minutes * 60_000) {
      await sleep(10_000);
      samples.push(rssMb(pid));
    }
    const { sent, failed, seconds } = await load.stop();
    const rss1 = rssMb(pid);
    const cpuShare = ((cpuMs(pid) - cpu0) / (seconds * 1000)) * 100;
    const achieved = (sent - failed) / seconds;
    const max = Math.max(rss1, ...samples);
    return {
      figure: `RSS after ${c.minutes} min of churn at ${c.rate} events/s (${grouped(c.pods / 1000)}k pods)`,
      kx: `${rss0.toFixed(0)}→${rss1.toFixed(0)} MB (max ${max.toFixed(0)}); load ${achieved.toFixed(0)} events/s, CPU ${cpuShare.toFixed(0)} %`,
      kubectl: '—',
      ratio: '',
      budget: `≤ ${c.budgetMb} MB`,
      // On a machine too busy to make the load, the figure is shown but not judged.
      verdict: achieved < c.rate * 0.8 ? `n/a: load reached ${achieved.toFixed(0)}/s` : rss1 <= c.budgetMb ? 'met' : 'missed',
      raw: { rss0, rss1, samples, achieved, cpuShare },
    };
  } finally {
    await kx.stop();
  }
}
