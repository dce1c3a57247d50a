/** `kx demo --log-rate N`: pod flood writes N lines a second, each stamped with when it was written (the logs pane benchmark reads them). */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startDemoCluster } from '../../src/demo/index.ts';

/** `kubectl logs -f` for `ms`, then stopped: the lines it printed. */
function followFor(kubeconfig: string, ms: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn('kubectl', ['--kubeconfig', kubeconfig, 'logs', '-f', '--tail', '0', '-n', 'default', 'flood']);
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    setTimeout(() => child.kill('SIGTERM'), ms);
    child.once('exit', () => resolve(out.split('\n').filter(Boolean)));
  });
}

test('the flood pod writes about N lines a second, in order, each with its write time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kx-flood-'));
  const demo = await startDemoCluster({ churn: false, logRate: 2000, kubeconfigPath: join(dir, 'config') });
  try {
    const lines = await followFor(demo.kubeconfigPath, 2000);
    // kubectl's own start takes part of the 2 s; a second's worth is the floor.
    assert.ok(lines.length >= 1000 && lines.length <= 4400, `${lines.length} lines in 2 s at 2,000 lines/s`);
    const parsed = lines.map((l) => /^flood seq=(\d+) at=(\d{13}) /.exec(l)).filter((m) => m !== null);
    assert.equal(parsed.length, lines.length, `every line is a flood line: ${lines[0]}`);
    for (let i = 1; i < parsed.length; i++) assert.equal(Number(parsed[i]![1]), Number(parsed[i - 1]![1]) + 1, 'no line lost or repeated');
    const newest = Number(parsed.at(-1)![2]);
    assert.ok(Math.abs(Date.now() - newest) < 3000, 'stamped with the wall-clock time it was written');
  } finally {
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
