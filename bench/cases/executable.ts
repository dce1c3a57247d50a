/**
 * The single executable's start-up (npm run package, this machine's archive): kx version, kx scale,
 * kx top pods (a one-shot that reads a list) and the TUI's first frame, each beside kubectl doing
 * the same in the same run, alternately, and beside the npm package's launcher (node bin/kx) for
 * reference. The first start after unpacking writes the bundle to the cache folder: measured once,
 * apart; the rows are warm starts, as users see them from the second run on.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoProcess } from '../lib/demo-process.ts';
import { kxCommand } from '../lib/kx-command.ts';
import { startInPty } from '../lib/pty.ts';
import { ratioText, type Figure } from '../lib/report.ts';
import { formatMs, median } from '../lib/stats.ts';

async function wall(argv: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'ignore'], env });
    child.once('exit', (code) => resolve({ ms: performance.now() - t0, code: code ?? 1 }));
    child.once('error', () => resolve({ ms: NaN, code: 1 }));
  });
}

/** Time to the first frame showing a Running pod, in a pty. */
async function firstFrame(argv: string[], env: Record<string, string>): Promise<{ ms: number; code: number }> {
  const kx = startInPty(argv, { env });
  try {
    return { ms: await kx.waitFor(/Running/, 60_000), code: 0 };
  } catch {
    return { ms: NaN, code: 1 };
  } finally {
    await kx.stop();
  }
}

/** Packages kx for this machine and measures its executable beside kubectl and node bin/kx. */
export async function measureExecutable(root: string, demo: DemoProcess, runs: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kx-bench-exe-'));
  try {
    const target = `${process.platform}-${process.arch}`;
    execFileSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--targets', target, '--out', join(dir, 'release')], { stdio: ['ignore', 'ignore', 'inherit'] });
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    mkdirSync(join(dir, 'bin'));
    execFileSync('tar', ['-xzf', join(dir, 'release', `kx-${version}-${target}.tar.gz`), '-C', join(dir, 'bin')]);
    const exe = join(dir, 'bin', 'kx');
    // Its own cache folder, so the first start after unpacking is the one measured below.
    const ptyEnv = { XDG_CACHE_HOME: join(dir, 'cache'), KX_CONFIG_DIR: '/nonexistent', XDG_STATE_HOME: join(dir, 'state') };
    const env = { ...process.env, ...ptyEnv };
    const k = ['--kubeconfig', demo.kubeconfig];
    const unpacked = await wall([exe, 'version'], env);
    const rows: { figure: string; exe: string[]; npm: string[]; kubectl: string[]; tui?: boolean }[] = [
      { figure: 'version', exe: [exe, 'version'], npm: kxCommand(root, ['version']), kubectl: ['kubectl', 'version', '--client'] },
      {
        figure: 'scale',
        exe: [exe, 'scale', ...k, '-n', 'shop', 'deployment/cart', '--replicas', '3'],
        npm: kxCommand(root, ['scale', ...k, '-n', 'shop', 'deployment/cart', '--replicas', '3']),
        kubectl: ['kubectl', ...k, 'scale', '-n', 'shop', 'deployment/cart', '--replicas', '3'],
      },
      { figure: 'top pods -n shop', exe: [exe, 'top', 'pods', ...k, '-n', 'shop'], npm: kxCommand(root, ['top', 'pods', ...k, '-n', 'shop']), kubectl: ['kubectl', ...k, 'top', 'pods', '-n', 'shop'] },
      {
        figure: 'first frame -n shop (kubectl: get pods)',
        exe: [exe, ...k, '-n', 'shop'],
        npm: kxCommand(root, [...k, '-n', 'shop']),
        kubectl: ['kubectl', ...k, 'get', 'pods', '-n', 'shop'],
        tui: true,
      },
    ];
    const figures: Figure[] = [
      {
        figure: 'executable: first start after unpacking (writes its bundle)',
        kx: formatMs(unpacked.ms),
        kubectl: '',
        ratio: '',
        budget: '—',
        verdict: unpacked.code === 0 ? '' : 'n/a: it failed',
      },
    ];
    for (const row of rows) {
      const run = (argv: string[]) => (row.tui && argv !== row.kubectl ? firstFrame(argv, ptyEnv) : wall(argv, env));
      // One untimed start each: the compile caches fill on a build's first run.
      await run(row.exe);
      await run(row.npm);
      const exeMs: number[] = [];
      const npmMs: number[] = [];
      const kubectlMs: number[] = [];
      let failures = 0;
      for (let i = 0; i < runs; i++) {
        for (const [argv, into] of [
          [row.exe, exeMs],
          [row.npm, npmMs],
          [row.kubectl, kubectlMs],
        ] as const) {
          const r = await run(argv);
          if (r.code !== 0 && argv !== row.kubectl) failures++;
          into.push(r.ms);
        }
      }
      const a = median(exeMs);
      const b = median(kubectlMs);
      figures.push({
        figure: `executable: ${row.figure} (node bin/kx: ${formatMs(median(npmMs))})`,
        kx: failures > 0 ? 'failed' : formatMs(a),
        kubectl: formatMs(b),
        ratio: ratioText(a, b),
        budget: '≤ 1.0× kubectl',
        verdict: failures > 0 ? `n/a: kx exited non-zero ${failures} times` : a <= b ? 'met' : 'missed',
        raw: { exe: exeMs, npm: npmMs, kubectl: kubectlMs },
      });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
