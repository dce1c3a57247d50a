import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeCommand } from '../../src/explorer/commands/complete-command.ts';
import { parseCommand, type CommandContext } from '../../src/explorer/commands/parse-command.ts';
import { commandContext } from '../support/command-context.ts';

const ctx: CommandContext = commandContext(['default', 'kube-public', 'kube-system', 'shop']);
const words = (input: string) => completeCommand(input, ctx).candidates.map((c) => c.word);

test('a partial command completes to the canonical name of what it starts', () => {
  const dep = completeCommand('dep', ctx);
  assert.equal(dep.completed, 'deployments');
  assert.equal(dep.hint, 'loyments');
  assert.equal(dep.candidates[0]!.detail, 'deployments.apps');
  assert.equal(completeCommand('cro', ctx).completed, 'cronjobs');
  assert.equal(completeCommand('crontabs.st', ctx).completed, 'crontabs.stable.example.com');
});

test('prefix matches come first, shortest first, one per resource; then fuzzy ones', () => {
  assert.deepEqual(words('s').slice(0, 2), ['services', 'statefulsets']);
  const cr = completeCommand('cr', ctx).candidates;
  assert.deepEqual(
    cr.filter((c) => c.prefix).map((c) => c.word),
    ['crd', 'cronjobs', 'crontabs'],
  );
  assert.ok(
    cr.every((c, i) => i === 0 || c.prefix <= cr[i - 1]!.prefix),
    'no prefix match after a fuzzy one',
  );
  const dpl = completeCommand('dpl', ctx);
  assert.equal(dpl.candidates[0]!.word, 'deployments', 'fuzzy when nothing starts with the word');
  assert.equal(dpl.candidates[0]!.prefix, false);
  assert.equal(dpl.hint, '', 'no ghost text for a fuzzy match');
  const details = completeCommand('d', ctx).candidates.map((c) => c.detail);
  assert.equal(new Set(details).size, details.length, 'one candidate per target');
});

test('a word that already names something completes to itself first', () => {
  const po = completeCommand('po', ctx);
  assert.equal(po.completed, 'po');
  assert.equal(po.hint, '');
  assert.equal(po.candidates[0]!.detail, 'pods');
  assert.equal(completeCommand('q', ctx).candidates[0]!.detail, 'quit');
});

test('arguments: namespaces and -A after a namespaced resource, namespaces after ns, contexts after ctx', () => {
  assert.deepEqual(words('po '), ['default', 'kube-public', 'kube-system', 'shop', '-A']);
  const kube = completeCommand('po kube-s', ctx);
  assert.equal(kube.completed, 'po kube-system');
  assert.equal(kube.hint, 'ystem');
  assert.equal(completeCommand('deploy -', ctx).completed, 'deploy -A');
  assert.equal(completeCommand('po -n sh', ctx).completed, 'po -n shop');
  assert.deepEqual(words('ns k'), ['kube-public', 'kube-system']);
  assert.deepEqual(words('ctx prod'), ['prod-eu', 'prod-us']);
  assert.equal(completeCommand('ctx kx', ctx).candidates[0]!.word, 'kind-kx', 'fuzzy for arguments too');
  assert.deepEqual(words('no '), [], 'nodes are cluster-scoped');
  assert.deepEqual(words('po shop '), [], 'nothing after the namespace');
  assert.deepEqual(words('xyzzy '), []);
});

test('whatever Tab completes to parses to what the candidate says', () => {
  for (const input of ['d', 'dep', 'cr', 'ct', 'hp', 'ev', 'net', 'c', 'po kube', 'ctx prod', 'ns sh']) {
    for (const cand of completeCommand(input, ctx).candidates) {
      const c = parseCommand(cand.text, ctx);
      assert.notEqual(c.kind, 'error', `${input} → ${cand.text}`);
      if (c.kind === 'view' && cand.detail !== 'namespace') {
        const key = c.resource.group ? `${c.resource.plural}.${c.resource.group}` : c.resource.plural;
        assert.equal(key, cand.detail, `${input} → ${cand.text}`);
      }
    }
  }
});

test(':tri completes to :triage, which parses to the triage view', () => {
  const tri = completeCommand('tri', ctx);
  assert.equal(tri.completed, 'triage');
  assert.equal(tri.candidates[0]!.detail, 'triage');
  assert.deepEqual(parseCommand('triage', ctx), { kind: 'triage' });
});
