import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourceKey } from '../../src/kube/resource-info.ts';
import { parseCommand, type Command, type CommandContext } from '../../src/explorer/commands/parse-command.ts';
import { commandNames } from '../../src/explorer/commands/command-names.ts';
import { closestName, editDistance } from '../../src/keys/did-you-mean.ts';
import { commandContext } from '../support/command-context.ts';

const ctx: CommandContext = commandContext(['default', 'kube-system', 'shop']);

/** The resource key and scope a view command opens, or the command's kind otherwise. */
function viewOf(input: string): string {
  const c = parseCommand(input, ctx);
  if (c.kind !== 'view') return c.kind;
  const scope = c.scope.kind === 'namespace' ? `ns=${c.scope.name}` : c.scope.kind;
  return `${resourceKey(c.resource)} ${scope}`;
}

function errorOf(input: string): Extract<Command, { kind: 'error' }> {
  const c = parseCommand(input, ctx);
  if (c.kind !== 'error') assert.fail(`${input} should be an error, got ${c.kind}`);
  return c;
}

test('resources by plural, singular, short name, kind and plural.group, as kubectl resolves them', () => {
  const cases: [string, string][] = [
    ['po', 'pods'],
    ['pods', 'pods'],
    ['pod', 'pods'],
    ['Pod', 'pods'],
    [':po', 'pods'],
    ['deploy', 'deployments.apps'],
    ['deployments.apps', 'deployments.apps'],
    ['deployment.v1.apps', 'deployments.apps'],
    ['ct', 'crontabs.stable.example.com'],
    ['crontabs.stable.example.com', 'crontabs.stable.example.com'],
    ['ct.stable', 'crontabs.stable.example.com'],
    ['crd', 'customresourcedefinitions.apiextensions.k8s.io'],
    ['crds', 'customresourcedefinitions.apiextensions.k8s.io'],
    ['cj', 'cronjobs.batch'],
    ['svc', 'services'],
    ['ev', 'events'],
    ['events.events.k8s.io', 'events.events.k8s.io'],
  ];
  for (const [input, key] of cases) assert.equal(viewOf(input), `${key} current`, input);
});

test("k9s's aliases work for resources the server has and kubectl has no name for", () => {
  assert.equal(viewOf('dp'), 'deployments.apps current');
  assert.equal(viewOf('jo'), 'jobs.batch current');
  assert.equal(viewOf('np'), 'networkpolicies.networking.k8s.io current');
  // This 1.20 fixture serves no secrets or RBAC: their aliases are unknown commands here.
  assert.equal(parseCommand('sec', ctx).kind, 'error');
  assert.equal(parseCommand('crb', ctx).kind, 'error');
});

test('a namespace after the resource, -n, --namespace= or -A for all namespaces', () => {
  assert.equal(viewOf('po kube-system'), 'pods ns=kube-system');
  assert.equal(viewOf('po -n shop'), 'pods ns=shop');
  assert.equal(viewOf('po --namespace=shop'), 'pods ns=shop');
  assert.equal(viewOf('po -A'), 'pods all');
  assert.equal(viewOf('deploy --all-namespaces'), 'deployments.apps all');
  assert.match(errorOf('po -x').message, /":po" takes namespaces \(ns1,ns2\), -n NAMESPACE or -A, @CONTEXT, a label selector \(app=web\) or \/FILTER, not "-x"\./);
  assert.match(errorOf('po a b').message, /not "a b"/);
  assert.match(errorOf('po Kube_System').message, /"Kube_System" is not a valid namespace name/);
});

test(':ns NAME switches namespace, :ns alone opens the namespaces view', () => {
  assert.deepEqual(parseCommand('ns shop', ctx), { kind: 'namespace', name: 'shop' });
  assert.deepEqual(parseCommand('namespace kube-system', ctx), { kind: 'namespace', name: 'kube-system' });
  assert.equal(viewOf('ns'), 'namespaces current');
});

test(':ctx, :q, :quit, :help and nothing at all', () => {
  assert.deepEqual(parseCommand('ctx', ctx), { kind: 'context' });
  assert.deepEqual(parseCommand('ctx prod-eu', ctx), { kind: 'context', name: 'prod-eu' });
  assert.deepEqual(parseCommand('context kind-kx', ctx), { kind: 'context', name: 'kind-kx' });
  const typo = errorOf('ctx prd-eu');
  assert.equal(typo.message, 'There is no context "prd-eu"; did you mean "prod-eu"?');
  assert.equal(typo.suggestion, 'ctx prod-eu');
  assert.equal(errorOf('ctx staging-west').message, 'There is no context "staging-west" in the kubeconfig.');
  assert.deepEqual(parseCommand('q', ctx), { kind: 'quit' });
  assert.deepEqual(parseCommand(':quit', ctx), { kind: 'quit' });
  assert.deepEqual(parseCommand('help', ctx), { kind: 'help' });
  assert.deepEqual(parseCommand('?', ctx), { kind: 'help' });
  assert.deepEqual(parseCommand('   ', ctx), { kind: 'none' });
  assert.match(errorOf('q now').message, /":q" takes no arguments/);
});

test('an unknown command suggests the closest name', () => {
  const deplo = errorOf('deplo');
  assert.equal(deplo.message, 'unknown command ":deplo"; did you mean ":deploy"?');
  assert.equal(deplo.suggestion, 'deploy');
  assert.equal(errorOf('pdos -A').suggestion, 'pods -A', 'a swap of two letters is one edit; arguments are kept');
  assert.equal(errorOf('srevices').suggestion, 'services');
  assert.equal(errorOf('xyzzy').message, 'unknown command ":xyzzy"; :help lists the commands.');
  assert.equal(errorOf('xyzzy').suggestion, undefined);
});

test('edit distance and the closest name', () => {
  assert.equal(editDistance('deplo', 'deploy'), 1);
  assert.equal(editDistance('pdos', 'pods'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(closestName('deplyoment', ['deploy', 'deployment', 'deployments']), 'deployment');
  assert.equal(closestName('zz', ['po', 'no']), undefined, 'too far for a short word');
  assert.equal(closestName('xo', ['po', 'no']), 'po', 'ties keep the first');
});

test('every listed command name parses to the target it is listed for', () => {
  for (const n of commandNames(ctx.discovery)) {
    const c = parseCommand(n.name, ctx);
    if (n.target.kind === 'resource') {
      assert.equal(c.kind, 'view', n.name);
      assert.equal(c.kind === 'view' && resourceKey(c.resource), n.targetId, n.name);
    } else {
      assert.equal(c.kind, n.target.command === 'context' ? 'context' : n.target.command, n.name);
    }
  }
});

test(':ns TYPO and :po TYPO are refused with did-you-mean, as -n TYPO is at start-up', () => {
  const typo = errorOf('ns shpo');
  assert.equal(typo.message, 'namespace "shpo" not found; did you mean "shop"?');
  assert.equal(typo.suggestion, 'ns shop');
  assert.equal(errorOf('po -n kube-sytem').suggestion, 'po -n kube-system');
  assert.equal(errorOf('ns zzzzzzzzzz').message, 'namespace "zzzzzzzzzz" not found.');
  // Without the namespace list (forbidden, or not loaded yet) the server decides.
  assert.deepEqual(parseCommand('ns shpo', commandContext([])), { kind: 'namespace', name: 'shpo' });
});
