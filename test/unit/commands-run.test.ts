import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourceKey } from '../../src/kube/resource-info.ts';
import { runCommand, type CommandActions } from '../../src/ui/explorer/use-command-mode.ts';
import { commandContext } from '../support/command-context.ts';

const ctx = commandContext(['default', 'shop']);

/** Runs `text` and returns what it asked the explorer to do, in order, and the error if any. */
function run(text: string): { did: string[]; error: string | undefined } {
  const did: string[] = [];
  const actions: CommandActions = {
    close: () => did.push('close'),
    quit: () => did.push('quit'),
    help: () => did.push('help'),
    forwards: () => did.push('forwards'),
    changes: () => did.push('changes'),
    triage: () => did.push('triage'),
    helm: (scope) => did.push(`helm ${scope.kind === 'namespace' ? scope.name : scope.kind}`),
    namespace: (name) => did.push(`namespace ${name}`),
    context: (name) => did.push(`context ${name ?? '(picker)'}`),
    view: (resource, scope) => did.push(`view ${resourceKey(resource)} ${scope.kind === 'namespace' ? scope.name : scope.kind}`),
  };
  const error = runCommand(text, ctx, actions);
  return { did, error };
}

test('each : command asks the explorer for one thing; the caller closes the prompt', () => {
  assert.deepEqual(run('deploy -n shop'), { did: ['view deployments.apps shop'], error: undefined });
  assert.deepEqual(run('po -A'), { did: ['view pods all'], error: undefined });
  assert.deepEqual(run('ns shop'), { did: ['namespace shop'], error: undefined });
  assert.deepEqual(run('ctx prod-eu'), { did: ['context prod-eu'], error: undefined });
  assert.deepEqual(run('ctx'), { did: ['context (picker)'], error: undefined });
  assert.deepEqual(run('q'), { did: ['quit'], error: undefined });
  assert.deepEqual(run('pf'), { did: ['forwards'], error: undefined });
  assert.deepEqual(run('pf x'), { did: [], error: '":pf" takes no arguments.' });
  assert.deepEqual(run('changes'), { did: ['changes'], error: undefined });
  assert.deepEqual(run('changes x'), { did: [], error: '":changes" takes no arguments.' });
  assert.deepEqual(run('triage'), { did: ['triage'], error: undefined });
  assert.deepEqual(run('triage x'), { did: [], error: '":triage" takes no arguments.' });
  assert.deepEqual(run(''), { did: [], error: undefined });
});

test(':helm lists the Helm releases of the current namespace, of NS, or of all', () => {
  assert.deepEqual(run('helm'), { did: ['helm current'], error: undefined });
  assert.deepEqual(run('helm shop'), { did: ['helm shop'], error: undefined });
  assert.deepEqual(run('hm -A'), { did: ['helm all'], error: undefined });
  assert.deepEqual(run('helm -n shop'), { did: ['helm shop'], error: undefined });
  assert.deepEqual(run('helm shp'), { did: [], error: 'namespace "shp" not found; did you mean "shop"?' });
});

test('Enter on a word the completion extends takes the completion; an unknown word gets one sentence and does nothing', () => {
  assert.deepEqual(run('deploym').did, ['view deployments.apps current']);
  const unknown = run('frobnicate');
  assert.deepEqual(unknown.did, []);
  assert.match(unknown.error ?? '', /frobnicate/);
});
