import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCommit } from '../../src/cli/build-commit.ts';
import { versionText } from '../../src/cli/help.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Through a URL: the script is plain JS outside the tsconfig's types.
const { gitCommit } = (await import(new URL('../../scripts/build-commit.mjs', import.meta.url).href)) as { gitCommit: (dir: string) => string };

test("the build names the checkout's commit, marked -dirty when tracked files changed", () => {
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
  assert.equal(gitCommit(root), dirty ? `${head}-dirty` : head);
});

test('outside git, or in a folder inside some other checkout, the commit is unknown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kx-commit-'));
  try {
    assert.equal(gitCommit(dir), 'unknown');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(gitCommit(join(root, 'src')), 'unknown');
});

test('kx version names the version, the Node, the platform and the commit (unknown when run from source)', () => {
  assert.equal(buildCommit(), 'unknown');
  assert.match(versionText(), /^kx \d+\.\d+\.\d+ \(node v\d+\.\d+\.\d+, [a-z0-9]+\/[a-z0-9]+, commit unknown\)\n$/);
  assert.ok(versionText().includes(`${process.platform}/${process.arch}`));
});
