/**
 * One-shot commands against the same demo cluster: the wall time of kx and of kubectl for the
 * same work, run alternately; the medians and their ratio. Commands kx does not have yet are
 * reported as such.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { DemoProcess } from '../lib/demo-process.ts';
import { ratioText, type Figure } from '../lib/report.ts';
import { formatMs, median } from '../lib/stats.ts';

async function wall(cmd: string, args: string[]): Promise<{ ms: number; code: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    child.once('exit', (code) => resolve({ ms: performance.now() - t0, code: code ?? 1 }));
    child.once('error', () => resolve({ ms: NaN, code: 1 }));
  });
}

/** Measures each pair of commands `runs` times. */
export async function measureOneShots(root: string, demo: DemoProcess, runs: number): Promise<Figure[]> {
  const kx = (args: string[]): [string, string[]] => [process.execPath, [join(root, 'bin', 'kx'), ...args]];
  const kc = (args: string[]): [string, string[]] => ['kubectl', args];
  const k = ['--kubeconfig', demo.kubeconfig];
  const pairs: { figure: string; kx: [string, string[]]; kubectl: [string, string[]]; needs?: string }[] = [
    { figure: 'start-up floor (version)', kx: kx(['--version']), kubectl: kc(['version', '--client']) },
    { figure: 'logs --tail 100', kx: kx(['logs', ...k, '-n', 'shop', 'redis-0', '--tail', '100']), kubectl: kc([...k, 'logs', '-n', 'shop', 'redis-0', '--tail', '100']) },
    { figure: 'exec -- true', kx: kx(['exec', ...k, '-n', 'shop', 'redis-0', '--', 'true']), kubectl: kc([...k, 'exec', '-n', 'shop', 'redis-0', '--', 'true']) },
    { figure: 'scale', kx: kx(['scale', ...k, '-n', 'shop', 'deployment/cart', '--replicas', '3']), kubectl: kc([...k, 'scale', '-n', 'shop', 'deployment/cart', '--replicas', '3']), needs: 'scale' },
    { figure: 'rollout undo', kx: kx(['rollout', 'undo', ...k, '-n', 'shop', 'deployment/frontend']), kubectl: kc([...k, 'rollout', 'undo', '-n', 'shop', 'deployment/frontend']), needs: 'rollout' },
  ];
  const figures: Figure[] = [];
  for (const pair of pairs) {
    const needs = pair.needs;
    if (needs) {
      // `kx NAME --help` falls back to the general help when NAME is not a command: look for its own usage line.
      const probe = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [join(root, 'bin', 'kx'), needs, '--help']);
        let out = '';
        child.stdout.on('data', (b: Buffer) => (out += b.toString()));
        child.once('exit', () => resolve(out));
      });
      if (!probe.includes(`kx ${needs} `)) {
        figures.push({ figure: `one-shot: ${pair.figure}`, kx: 'n/a', kubectl: '', ratio: '', budget: '≤ 1.0× kubectl', verdict: `n/a: kx ${pair.needs} is not built yet` });
        continue;
      }
    }
    const mine: number[] = [];
    const theirs: number[] = [];
    let failures = 0;
    for (let i = 0; i < runs; i++) {
      const a = await wall(...pair.kx);
      if (a.code !== 0) failures++;
      mine.push(a.ms);
      theirs.push((await wall(...pair.kubectl)).ms);
    }
    if (failures > 0) {
      figures.push({ figure: `one-shot: ${pair.figure}`, kx: 'failed', kubectl: '', ratio: '', budget: '≤ 1.0× kubectl', verdict: `n/a: kx exited non-zero in ${failures} of ${runs} runs` });
      continue;
    }
    const a = median(mine);
    const b = median(theirs);
    figures.push({
      figure: `one-shot: ${pair.figure}`,
      kx: formatMs(a),
      kubectl: formatMs(b),
      ratio: ratioText(a, b),
      budget: pair.figure.startsWith('start-up floor') ? '—' : '≤ 1.0× kubectl',
      verdict: pair.figure.startsWith('start-up floor') ? '' : a <= b ? 'met' : 'missed',
      raw: { mine, theirs },
    });
  }
  return figures;
}
