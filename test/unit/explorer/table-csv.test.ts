/** ctrl-s in a table: RFC 4180 CSV in a private file under the state directory, named by context, resource and time. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField, tableCsv } from '../../../src/explorer/table-csv.ts';
import { saveTableCsv, savedTablesDir } from '../../../src/ui/table/save-table.ts';

test('fields are quoted only when they hold a comma, a quote or a line break; quotes are doubled', () => {
  assert.equal(csvField('web-1'), 'web-1');
  assert.equal(csvField(''), '');
  assert.equal(csvField('80/TCP,443/TCP'), '"80/TCP,443/TCP"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\r'), '"cr\r"');
  assert.equal(csvField(' spaced '), ' spaced ', 'spaces are part of the field (RFC 4180 §2.4)');
});

test('each record ends with CRLF, the heading first', () => {
  assert.equal(
    tableCsv(
      ['NAME', 'PORTS'],
      [
        ['web', '80/TCP,443/TCP'],
        ['db', '5432/TCP'],
      ],
    ),
    'NAME,PORTS\r\nweb,"80/TCP,443/TCP"\r\ndb,5432/TCP\r\n',
  );
  assert.equal(tableCsv(['NAME'], []), 'NAME\r\n');
});

test('the file goes to $XDG_STATE_HOME/kx/dumps, private, named <context>-<resource>-<time>.csv with unsafe characters replaced', () => {
  const root = mkdtempSync(join(tmpdir(), 'kx-dump-'));
  try {
    const dir = savedTablesDir({ XDG_STATE_HOME: root });
    assert.equal(dir, join(root, 'kx', 'dumps'));
    const path = saveTableCsv({ context: 'arn:aws:eks:eu-west-1:1234:cluster/prod', resource: 'deployments.apps', heading: ['NAME'], rows: [['web']] }, dir, new Date('2025-01-02T03:04:05.678Z'));
    assert.equal(path, join(dir, 'arn_aws_eks_eu-west-1_1234_cluster_prod-deployments.apps-2025-01-02T03-04-05-678Z.csv'));
    assert.equal(readFileSync(path, 'utf8'), 'NAME\r\nweb\r\n');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
