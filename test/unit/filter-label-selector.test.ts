import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabelSelector, toLabelSelector } from '../../src/explorer/filter/label-selector.ts';
import { parseFilterInput } from '../../src/explorer/filter/filter-query.ts';
import { selectorMatches } from '../../src/kinds/selector.ts';

function ok(text: string) {
  const parsed = parseLabelSelector(text);
  if (!parsed.ok) assert.fail(`${text}: ${parsed.message}`);
  return parsed.selector;
}

function bad(text: string): string {
  const parsed = parseLabelSelector(text);
  if (parsed.ok) assert.fail(`${text} should be rejected, got ${parsed.selector.text}`);
  return parsed.message;
}

test('every operator kubectl accepts, in canonical form', () => {
  assert.equal(ok('app=web,tier!=db').text, 'app=web,tier!=db');
  assert.equal(ok('app == web').text, 'app=web');
  assert.equal(ok(' env in (prod, dev ,prod) ').text, 'env in (dev,prod)', 'values sorted and deduplicated');
  assert.equal(ok('env notin (a,b)').text, 'env notin (a,b)');
  assert.equal(ok('canary').text, 'canary');
  assert.equal(ok('!canary, app.kubernetes.io/name=web').text, '!canary,app.kubernetes.io/name=web');
  assert.equal(ok('replicas>2,replicas<10').text, 'replicas>2,replicas<10');
  assert.equal(ok('app=').text, 'app=', 'an empty value is allowed');
  assert.equal(ok('').text, '', 'an empty selector selects everything');
  assert.deepEqual(ok('env in ()').requirements, [{ key: 'env', operator: 'In', values: [''] }]);
  assert.deepEqual(ok('a!=b,c in (x,y),!d,e').requirements, [
    { key: 'a', operator: 'NotIn', values: ['b'] },
    { key: 'c', operator: 'In', values: ['x', 'y'] },
    { key: 'd', operator: 'DoesNotExist' },
    { key: 'e', operator: 'Exists' },
  ]);
});

test('bad syntax becomes one sentence that names the problem', () => {
  const cases: [string, RegExp][] = [
    ['app in web', /expected "\(" after "in", found "web"/],
    ['app in (a b)', /found "b" where "," or "\)" was expected/],
    ['app in (a', /found end of selector where "," or "\)" was expected/],
    ['a=b=c', /found "=" where "," or the end was expected/],
    ['app,', /label key was expected after ","/],
    [',app', /found "," where a label key was expected/],
    ['app ~ web', /label key "~"|found "~"/],
    ['app web', /found "web" after "app" where an operator/],
    ['-app=web', /label key "-app" must be/],
    ['Example.COM/app=x', /prefix of label key "Example.COM\/app" must be a DNS subdomain/],
    ['a/b/c=x', /at most one "\/"/],
    [`${'k'.repeat(64)}=x`, /must be at most 63/],
    ['app=-web', /label value "-web" must be/],
    ['replicas>two', /">" needs a whole number, found "two"/],
    ['!', /found end of selector where a label key was expected/],
  ];
  for (const [text, expected] of cases) {
    const message = bad(text);
    assert.match(message, expected, text);
    assert.match(message, /^Label selector ".*" is invalid: [^\n]+\.$/, `${text}: one sentence`);
  }
});

test('a parsed selector selects the same labels as the cache would', () => {
  const sel = toLabelSelector(ok('app=web,tier!=db,env in (prod,dev),!canary'))!;
  assert.equal(selectorMatches({ app: 'web', tier: 'front', env: 'prod' }, sel), true);
  assert.equal(selectorMatches({ app: 'web', env: 'dev' }, sel), true, '!= also matches a missing key');
  assert.equal(selectorMatches({ app: 'web', tier: 'db', env: 'prod' }, sel), false);
  assert.equal(selectorMatches({ app: 'web', env: 'prod', canary: 'yes' }, sel), false);
  assert.equal(selectorMatches({ app: 'api', env: 'prod' }, sel), false);
  assert.equal(toLabelSelector(ok('replicas>2')), undefined, 'Gt has no LabelSelector form');
});

test('the / input: text, !inverse, -f text, -l selector', () => {
  assert.deepEqual(parseFilterInput('web'), { kind: 'text', text: 'web', inverse: false });
  assert.deepEqual(parseFilterInput('!web '), { kind: 'text', text: 'web', inverse: true });
  assert.deepEqual(parseFilterInput('-f web'), { kind: 'text', text: 'web', inverse: false });
  assert.deepEqual(parseFilterInput('-lonely'), { kind: 'text', text: '-lonely', inverse: false }, '-l needs a space');
  assert.deepEqual(parseFilterInput(''), { kind: 'none' });
  assert.deepEqual(parseFilterInput('!'), { kind: 'none' });
  const labels = parseFilterInput('-l app=web,tier!=db');
  assert.equal(labels.kind, 'labels');
  assert.equal(labels.kind === 'labels' && labels.selector.text, 'app=web,tier!=db');
  const invalid = parseFilterInput('-l app in web');
  assert.equal(invalid.kind, 'invalid');
  assert.match(invalid.kind === 'invalid' ? invalid.message : '', /^Label selector "app in web" is invalid/);
  const empty = parseFilterInput('-l ');
  assert.match(empty.kind === 'invalid' ? empty.message : '', /after -l/);
});
