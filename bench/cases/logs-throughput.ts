/** `kx logs` against `kubectl logs` piping a long log: runs bench/logs-throughput.ts and reads its medians. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Figure } from '../lib/report.ts';

/** Measures with `lines` lines, `runs` runs each. */
export async function measureLogsThroughput(root: string, lines: number, runs: number): Promise<Figure[]> {
  const out = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'logs-throughput.ts'), String(lines), String(runs)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (b: Buffer) => (text += b.toString()));
    child.stderr.on('data', (b: Buffer) => (text += b.toString()));
    child.once('exit', () => resolve(text));
  });
  const m = /median: kubectl ([\d.]+) s, kx ([\d.]+) s; kx throughput = ([\d.]+)x/.exec(out);
  if (!m)
    return [
      {
        figure: `kx logs, ${lines.toLocaleString('en-US')} lines to a pipe`,
        kx: 'failed',
        kubectl: '',
        ratio: '',
        budget: '≥ 0.9× kubectl',
        verdict: `n/a: ${out.trim().split('\n').at(-1) ?? 'no output'}`,
      },
    ];
  const [, kubectlS, kxS, ratio] = m;
  const r = Number(ratio);
  return [
    {
      figure: `kx logs, ${lines.toLocaleString('en-US')} lines to a pipe`,
      kx: `${kxS} s (${Math.round(lines / Number(kxS)).toLocaleString('en-US')} lines/s)`,
      kubectl: `${kubectlS} s`,
      ratio: `${r.toFixed(2)}× throughput`,
      budget: '≥ 0.9× kubectl',
      verdict: r >= 0.9 ? 'met' : 'missed',
    },
  ];
}
