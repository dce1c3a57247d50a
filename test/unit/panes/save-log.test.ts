/** Saved logs can hold secrets: the file is 0600 in a 0700 folder, also when the folder was there before. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogBuffer } from '../../../src/ui/panes/logs/log-buffer.ts';
import { saveLogBuffer, savedLogsDir } from '../../../src/ui/panes/logs/save-log.ts';

const root = mkdtempSync(join(tmpdir(), 'kx-save-log-'));
after(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string): number => statSync(path).mode & 0o777;

function buffer(): LogBuffer {
  const b = new LogBuffer(10);
  b.append([{ origin: { namespace: 'shop', pod: 'web-1', container: 'app', kind: 'regular' }, timestamp: '2026-11-22T10:00:00Z', text: 'token=abc' }]);
  return b;
}

test('a new folder is made 0700 and the file 0600', { skip: process.platform === 'win32' }, () => {
  const dir = savedLogsDir({ XDG_STATE_HOME: join(root, 'fresh') });
  assert.equal(dir, join(root, 'fresh', 'kx', 'logs'));
  const file = saveLogBuffer(buffer(), 'web-1', dir, new Date('2026-11-22T10:00:00Z'));
  assert.equal(file, join(dir, 'web-1-2026-11-22T10-00-00-000Z.log'));
  assert.equal(readFileSync(file, 'utf8'), 'web-1 app 2026-11-22T10:00:00Z token=abc\n');
  assert.equal(mode(dir).toString(8), '700');
  assert.equal(mode(file).toString(8), '600');
});

test('an existing open folder is tightened to 0700', { skip: process.platform === 'win32' }, () => {
  const dir = join(root, 'old', 'kx', 'logs');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const file = saveLogBuffer(buffer(), 'web-1', dir);
  assert.equal(mode(dir).toString(8), '700');
  assert.equal(mode(file).toString(8), '600');
});
