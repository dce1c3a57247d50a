import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourceKey } from '../../src/kube/resource-info.ts';
import { parseCommand, type Command, type CommandContext } from '../../src/explorer/commands/parse-command.ts';
import { completeCommand } from '../../src/explorer/commands/complete-command.ts';
import { commandContext } from '../support/command-context.ts';

const ctx: CommandContext = commandContext(['default', 'kube-system', 'shop', 'web']);

/** What a view command opens, as one line; the command's kind otherwise. */
function viewOf(input: string): string {
  const c = parseCommand(input, ctx);
  if (c.kind !== 'view') return c.kind === 'error' ? `error: ${c.message}` : c.kind;
  const s = c.scope;
  const scope = s.kind === 'namespace' ? `ns=${s.name}` : s.kind === 'namespaces' ? `ns=${s.names.join('+')}` : s.kind;
  return [resourceKey(c.resource), scope, c.filter !== undefined ? `filter=${c.filter}` : '', c.context !== undefined ? `ctx=${c.context}` : ''].filter((p) => p !== '').join(' ');
}

function errorOf(input: string): Extract<Command, { kind: 'error' }> {
  const c = parseCommand(input, ctx);
  if (c.kind !== 'error') assert.fail(`${input} should be an error, got ${c.kind}`);
  return c;
}

test('k9s inline forms: label selector, filter, context, several namespaces, and combinations', () => {
  assert.equal(viewOf('po app=web'), 'pods current filter=-l app=web');
  assert.equal(viewOf('po app!=web,tier'), 'pods current filter=-l app!=web,tier');
  assert.equal(viewOf('po -l app=web'), 'pods current filter=-l app=web');
  assert.equal(viewOf('po /web running'), 'pods current filter=web running', 'the filter runs to the end of the line');
  assert.equal(viewOf('po /~^web-.*$'), 'pods current filter=~^web-.*$', 'any `/` filter, a regex too');
  assert.equal(viewOf('po @prod-eu'), 'pods current ctx=prod-eu');
  assert.equal(viewOf('po shop,web'), 'pods ns=shop+web');
  assert.equal(viewOf('po shop,shop'), 'pods ns=shop', 'a repeated name is one namespace');
  assert.equal(viewOf('po -n shop,kube-system'), 'pods ns=shop+kube-system');
  assert.equal(viewOf('po shop'), 'pods ns=shop', 'one namespace, as before');
  assert.equal(viewOf('deploy kube-system app=web'), 'deployments.apps ns=kube-system filter=-l app=web');
  assert.equal(viewOf('deploy app=web kube-system'), 'deployments.apps ns=kube-system filter=-l app=web', 'in any order');
  assert.equal(viewOf('po @prod-us elsewhere /api'), 'pods ns=elsewhere filter=api ctx=prod-us', "another context's namespaces are the server's to check");
  assert.equal(viewOf('po shop,web tier=db /x'), 'error: ":po" takes a label selector or a /FILTER, not both (type -l SELECTOR after / instead).');
});

test('bad input is one sentence, with did-you-mean where there is one', () => {
  const ctxTypo = errorOf('po @prd-eu');
  assert.equal(ctxTypo.message, 'There is no context "prd-eu"; did you mean "prod-eu"?');
  assert.equal(ctxTypo.suggestion, 'po @prod-eu');
  assert.equal(errorOf('po @nowhere-at-all').message, 'There is no context "nowhere-at-all" in the kubeconfig.');
  const nsTypo = errorOf('po shop,kube-sytem');
  assert.equal(nsTypo.message, 'namespace "kube-sytem" not found; did you mean "kube-system"?');
  assert.equal(nsTypo.suggestion, 'po shop,kube-system');
  assert.equal(errorOf('po a=b=c').message, 'Label selector "a=b=c" is invalid: found "=" where "," or the end was expected.');
  assert.match(errorOf('po Shop,web').message, /"Shop" is not a valid namespace name/);
  assert.match(errorOf('po shop web').message, /not "shop web"\./, 'one namespace list');
  assert.match(errorOf('po -A shop').message, /not "-A shop"\./);
});

test(':ns NAME still switches namespace; :helm keeps its one namespace', () => {
  assert.deepEqual(parseCommand('ns shop', ctx), { kind: 'namespace', name: 'shop' });
  assert.equal(parseCommand('helm shop,web', ctx).kind, 'error');
});

const words = (input: string): string[] => completeCommand(input, ctx).candidates.map((c) => c.word);

test('completion: contexts after @, namespaces in a comma list, nothing in a filter or a selector', () => {
  assert.deepEqual(words('po @prod'), ['@prod-eu', '@prod-us']);
  assert.equal(completeCommand('po @ki', ctx).completed, 'po @kind-kx');
  assert.deepEqual(
    words('po shop,'),
    ['default', 'kube-system', 'web'].map((n) => `shop,${n}`),
    'names already listed are not offered',
  );
  assert.equal(completeCommand('po shop,ku', ctx).completed, 'po shop,kube-system');
  assert.deepEqual(words('po app=web '), ['default', 'kube-system', 'shop', 'web', '-A'], 'namespaces after a selector');
  assert.deepEqual(words('po app=w'), []);
  assert.deepEqual(words('po /we'), []);
  assert.deepEqual(words('po /web '), []);
  assert.deepEqual(words('po shop @'), ['@kind-kx', '@prod-eu', '@prod-us'], 'a context after the namespace');
  for (const input of ['po @prod', 'po shop,ku', 'deploy kube-system @k']) {
    for (const cand of completeCommand(input, ctx).candidates) assert.equal(parseCommand(cand.text, ctx).kind, 'view', cand.text);
  }
});
