import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../../src/cli/args.ts';
import { parseLogsArgs } from '../../../src/cli/logs/logs-args.ts';

test('a pod, a container and kubectl flags', () => {
  const r = parseLogsArgs(['web-1', '-c', 'app', '-f', '--tail', '20', '--since', '5m', '--timestamps', '-n', 'shop']);
  assert.deepEqual(r.target, { type: undefined, name: 'web-1' });
  assert.deepEqual(r.containers, { kind: 'named', name: 'app' });
  assert.deepEqual(r.query, { follow: true, previous: false, tailLines: 20, sinceSeconds: 300 });
  assert.equal(r.timestamps, true);
  assert.equal(r.flags.namespace, 'shop');
  assert.equal(r.maxLogRequests, 50);
});

test('TYPE/NAME, POD CONTAINER, -l with kubectl tail defaults', () => {
  assert.deepEqual(parseLogsArgs(['deploy/web']).target, { type: 'deploy', name: 'web' });
  assert.equal(parseLogsArgs(['deploy/web']).query.tailLines, undefined, 'every line by default');
  assert.deepEqual(parseLogsArgs(['web-1', 'sidecar']).containers, { kind: 'named', name: 'sidecar' });
  const selected = parseLogsArgs(['-l', 'app=web,tier!=cache', '--all-containers', '-A']);
  assert.equal(selected.selector, 'app=web,tier!=cache');
  assert.equal(selected.query.tailLines, 10, 'kubectl shows 10 lines per pod with a selector');
  assert.deepEqual(selected.containers, { kind: 'all' });
  assert.equal(parseLogsArgs(['-l', 'app=web', '--tail=-1']).query.tailLines, undefined);
  assert.equal(parseLogsArgs(['web-1', '--since', '1500ms']).query.sinceSeconds, 2, 'rounded up like kubectl');
  assert.equal(parseLogsArgs(['web-1', '--since-time', '2024-05-01T10:00:00Z']).query.sinceTime, '2024-05-01T10:00:00Z');
  assert.equal(parseLogsArgs(['web-1', '-p', '--max-pods', '3', '--prefix']).query.previous, true);
});

test('mistakes are usage errors with one sentence', () => {
  const cases: [string[], RegExp][] = [
    [[], /expected POD, TYPE\/NAME or -l SELECTOR/],
    [['web', '--tail', 'abc'], /invalid argument "abc" for "--tail" flag/],
    [['web', '--tail=-5'], /^--tail must be greater than or equal to -1$/],
    [['web', '--since', '5x'], /invalid argument "5x" for "--since" flag: time: unknown unit "x" in duration "5x"/],
    [['web', '--since=-5m'], /^--since must be greater than 0$/],
    [['web', '--since-time', 'yesterday'], /--since-time only accepts times matching RFC3339/],
    [['web', '--since', '5m', '--since-time', '2024-05-01T10:00:00Z'], /at most one of --since and --since-time/],
    [['web', '-c', 'a', '--all-containers'], /--all-containers should not be given with a container name/],
    [['web', '-l', 'app=web'], /only a selector \(-l\) or a POD name/],
    [['web', 'a', 'b'], /too many arguments/],
    [['web', 'app', '-c', 'other'], /the container is given twice/],
    [['deploy/'], /is not TYPE\/NAME/],
    [['web', '--max-pods', '0'], /--max-pods must be a whole number of 1 or more/],
    [['-l', 'app in (a'], /invalid selector/],
    [['web', '-A'], /-A\/--all-namespaces goes with -l SELECTOR/],
    [['web', '--bogus'], /unknown flag: --bogus/],
  ];
  for (const [argv, message] of cases) {
    assert.throws(
      () => parseLogsArgs(argv),
      (err: unknown) => err instanceof UsageError && message.test(err.message),
      argv.join(' '),
    );
  }
});

test('--help needs no target', () => {
  assert.equal(parseLogsArgs(['--help']).help, true);
});
