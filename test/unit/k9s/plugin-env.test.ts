/** A plugin's variables and k9s's substitution; a plugin's program and how its end is told. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pluginEnv, substitute } from '../../../src/explorer/plugin-env.ts';
import { pluginInScope, viewScopeNames } from '../../../src/explorer/plugin-scopes.ts';
import { viewOf } from '../../../src/explorer/view-entry.ts';
import type { Row } from '../../../src/kinds/types.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';
import { runLocalCommand } from '../../../src/kube/exec/run-local-command.ts';
import { outcomeFlash, commandLine } from '../../../src/ui/explorer/run-plugin.ts';
import type { PluginBinding } from '../../../src/keys/user-binding.ts';
import { podsResource } from '../../support/pods-resource.ts';

const pods = podsResource;
const deployments: ResourceInfo = {
  ...pods,
  group: 'apps',
  plural: 'deployments',
  singular: 'deployment',
  kind: 'Deployment',
  shortNames: ['deploy'],
  subresources: { scale: true, status: true, log: false, exec: false },
};

const row = (extra: Partial<Row> = {}): Row => ({
  uid: 'u1',
  resourceKey: 'pods',
  namespace: 'shop',
  name: 'web-1',
  resourceVersion: '1',
  createdAt: 0,
  deleting: false,
  cells: [],
  timeCells: [],
  labels: {},
  ownerRefs: [],
  ...extra,
});
const session = { context: 'kind-kx', cluster: 'kind-kx', user: 'admin', kubeconfig: '/tmp/kc.yaml' };

test("the variables k9s documents, for a row of a resource view and of a pod's containers", () => {
  const env = pluginEnv(session, viewOf(deployments, 'shop'), row({ name: 'web' }), { NAME: 'web', READY: '2/2', '%CPU/R': '10' });
  assert.deepEqual(env, {
    CONTEXT: 'kind-kx',
    CLUSTER: 'kind-kx',
    USER: 'admin',
    GROUPS: 'n/a',
    KUBECONFIG: '/tmp/kc.yaml',
    NAMESPACE: 'shop',
    NAME: 'web',
    RESOURCE_GROUP: 'apps',
    RESOURCE_VERSION: 'v1',
    RESOURCE_NAME: 'deployments',
    'COL-NAME': 'web',
    'COL-READY': '2/2',
    'COL-%CPU/R': '10',
    FILTER: 'web',
  });
  const containers = viewOf(pods, 'shop', { scope: { kind: 'containers', podUid: 'u1', pod: 'web-1', podNamespace: 'shop', label: 'web-1' }, filter: 'ng' });
  const c = pluginEnv(session, containers, row({ name: 'nginx', container: { pod: 'web-1', podUid: 'u1', type: 'main' } }), {});
  assert.deepEqual([c['NAMESPACE'], c['POD'], c['NAME'], c['CONTAINER'], c['FILTER']], ['shop', 'web-1', 'nginx', 'nginx', 'ng']);
});

test('substitution as k9s does it: $X, ${X}, $!X, case-insensitive names, unknown names left for the shell', () => {
  const env = { NAME: 'web-1', NAMESPACE: 'shop', 'COL-STATUS': 'Running', 'COL-%CPU/R': '10', 'COL-READY': 'True', 'COL-ZERO': '0' };
  assert.equal(substitute('$NAMESPACE/$NAME', env), 'shop/web-1');
  assert.equal(substitute('echo $NAMESPACE/$NAME/$COL-STATUS > $HOME/out', env), 'echo shop/web-1/Running > $HOME/out');
  assert.equal(substitute('${NAME}-example ${COL-%CPU/R}', env), 'web-1-example 10');
  assert.equal(substitute('$!COL-READY ${!COL-READY} $COL-READY', env), 'false false true');
  assert.equal(substitute('$!COL-ZERO', env), '0', 'numbers are not booleans');
  assert.equal(substitute('$name', env), 'web-1');
  assert.equal(substitute('$NAMEX', env), '$NAMEX', 'no partial match');
});

test('plugin scopes: any name of the view, all, containers for a pod’s containers', () => {
  const names = viewScopeNames(viewOf(deployments, 'shop'), new Map([['dd', { name: 'dd', value: 'apps/v1/deployments', where: 'x' }]]));
  for (const scope of ['deployments', 'deployment', 'deploy', 'dp', 'Deployment', 'apps/v1/deployments', 'deployments.apps', 'dd', 'all']) assert.ok(pluginInScope([scope], names), scope);
  assert.ok(!pluginInScope(['pods', 'po'], names));
  const containers = viewScopeNames(viewOf(pods, 'shop', { scope: { kind: 'containers', podUid: 'u', pod: 'p', podNamespace: 'shop', label: 'p' } }));
  assert.ok(pluginInScope(['containers'], containers));
  assert.ok(!pluginInScope(['pods'], containers));
});

const plugin = (extra: Partial<PluginBinding> = {}): PluginBinding => ({
  kind: 'plugin',
  name: 'p',
  key: 'ctrl-y',
  shortCut: 'Ctrl-Y',
  description: 'd',
  override: false,
  scopes: ['all'],
  command: 'sh',
  args: [],
  background: true,
  confirm: false,
  dangerous: false,
  overwriteOutput: false,
  where: 'x',
  ...extra,
});

test('a missing command, a failing one and a good one are each one sentence', async () => {
  const missing = await runLocalCommand('kx-no-such-command-here', [], { background: true });
  assert.deepEqual(outcomeFlash(plugin({ command: 'kx-no-such-command-here' }), missing), { text: 'x: plugin "p": command "kx-no-such-command-here" was not found on PATH.', level: 'error' });
  const failing = await runLocalCommand('sh', ['-c', 'echo working; echo it broke >&2; exit 3'], { background: true });
  assert.deepEqual(outcomeFlash(plugin(), failing), { text: 'plugin "p" (sh) exited with status 3: it broke', level: 'error' });
  const good = await runLocalCommand('sh', ['-c', 'echo first; echo done'], { background: true });
  assert.deepEqual(outcomeFlash(plugin(), good), { text: 'plugin "p" (sh) exited with status 0', level: 'info' });
  assert.deepEqual(outcomeFlash(plugin({ overwriteOutput: true }), good), { text: 'done', level: 'info' }, "k9s's overwriteOutput");
  assert.equal(commandLine('sh', ['-c', "echo 'x' $HOME"]), `sh -c 'echo '\\''x'\\'' $HOME'`);
});
