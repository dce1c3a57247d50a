/** `kx version` of the built bundle names the commit scripts/build.mjs baked in. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { runKx } from '../support/kx-process.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { gitCommit } = (await import(new URL('../../scripts/build-commit.mjs', import.meta.url).href)) as { gitCommit: (dir: string) => string };

test('kx version and kx --version print the version, Node, platform/arch and the commit dist/ was built from', async () => {
  for (const args of [['version'], ['--version']]) {
    const r = await runKx(args);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `kx ${r.stdout.split(' ')[1]} (node ${process.version}, ${process.platform}/${process.arch}, commit ${gitCommit(root)})\n`);
    assert.match(r.stdout, /^kx \d+\.\d+\.\d+ /);
  }
});
