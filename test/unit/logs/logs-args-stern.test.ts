import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../../src/cli/args.ts';
import { parseLogsArgs } from '../../../src/cli/logs/logs-args.ts';
import { looksLikeRegex } from '../../../src/cli/logs/regex-flag.ts';

test('--include/-i and --exclude/-e are repeatable regexes', () => {
  const r = parseLogsArgs(['web-1', '-i', 'GET', '--include', 'POST|PUT', '-e', 'healthz', '--exclude=^$']);
  assert.deepEqual(
    r.lines.include.map((re) => re.source),
    ['GET', 'POST|PUT'],
  );
  assert.deepEqual(
    r.lines.exclude.map((re) => re.source),
    ['healthz', '^$'],
  );
  assert.deepEqual(parseLogsArgs(['web-1']).lines, { include: [], exclude: [] });
});

test('a regex that does not compile is one usage sentence naming the flag', () => {
  for (const [argv, message] of [
    [['web-1', '-i', '('], 'invalid argument "(" for "--include" flag: not a regular expression: Unterminated group'],
    [['web-1', '-e', '[a'], 'invalid argument "[a" for "--exclude" flag: not a regular expression: Unterminated character class'],
  ] as const) {
    assert.throws(
      () => parseLogsArgs([...argv]),
      (err: unknown) => err instanceof UsageError && err.message === message,
      argv.join(' '),
    );
  }
});

test('a Kubernetes name is a name; anything else is a pattern', () => {
  for (const name of ['web-1', 'api-867cffb79b-htj5g', 'a.b', 'x', '.', '..', 'a%b']) assert.equal(looksLikeRegex(name), false, name);
  for (const pattern of ['api-.*', 'web-\\w', '^redis', 'api-', '(a|b)', 'Web']) assert.equal(looksLikeRegex(pattern), true, pattern);
});
