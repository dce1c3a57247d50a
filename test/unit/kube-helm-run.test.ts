/** Whether helm is on PATH (only an executable file counts) and the arguments kx gives it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helmArgs, helmOnPath } from '../../src/kube/helm/run-helm.ts';

test('helm is found only as an executable file on PATH', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kx-helm-path-'));
  try {
    const plain = join(dir, 'plain');
    const exec = join(dir, 'exec');
    mkdirSync(plain);
    mkdirSync(exec);
    writeFileSync(join(plain, 'helm'), '#!/bin/sh\n');
    writeFileSync(join(exec, 'helm'), '#!/bin/sh\n');
    chmodSync(join(exec, 'helm'), 0o755);
    assert.equal(helmOnPath({ PATH: plain }), undefined);
    assert.equal(helmOnPath({ PATH: `${plain}:${exec}` }), join(exec, 'helm'));
    assert.equal(helmOnPath({}), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rollback names the revision; both name the release’s namespace', () => {
  assert.deepEqual(helmArgs({ kind: 'rollback', revision: 2 }, 'web', 'shop'), ['rollback', 'web', '2', '--namespace', 'shop']);
  assert.deepEqual(helmArgs({ kind: 'uninstall' }, 'web', 'shop'), ['uninstall', 'web', '--namespace', 'shop']);
});
