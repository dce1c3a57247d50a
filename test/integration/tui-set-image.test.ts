/**
 * `i` on a deployment opens the set image dialog in a real terminal: it names the object and the
 * context, lists init and main containers with their images, enter applies and flashes kubectl's
 * sentence, kubectl reads the new image and the rollout history has a new revision; esc changes
 * nothing; read-only mode refuses the key.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { filterToOne, killTerminals, openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';
import { kubectlFor } from '../support/kubectl.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-set-image-tui-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;
const images = () => kubectl('get', 'deploy', 'api', '-n', 'shop', '-o', 'jsonpath={.spec.template.spec.initContainers[*].image} | {.spec.template.spec.containers[*].image}');
const revisions = async () => (await kubectl('rollout', 'history', 'deployment/api', '-n', 'shop')).split('\n').filter((l) => /^\d+\s/.test(l)).length;

async function openOnApi(extra = ''): Promise<TmuxTerminal> {
  const t = openKx(`deploy -n shop ${extra}`, { kubeconfig: demo.kubeconfigPath, columns: 150, rows: 30 });
  await t.waitFor(/deployments \(shop\)\s+● live/);
  await filterToOne(t, 'api');
  return t;
}

test('i lists init and main containers; editing the main one and enter sets it like kubectl; esc changes nothing', async () => {
  const t = await openOnApi();
  const before = await images();
  const [, mainImage] = before.split(' | ');
  const history = await revisions();
  t.send('i');
  await t.waitFor(/Set image of deployment\.apps\/api in namespace shop on context kx-demo/);
  const screen = await t.waitFor(/^\W*▸ migrate \(init\)/m);
  assert.match(screen, /envoy \(init\)/, 'the sidecar init container is listed');
  assert.match(screen, new RegExp(`^\\W+api\\s+${mainImage!.replace(/[.]/g, '\\.')}\\s+→`, 'm'), 'the main container with its image');

  // Esc first: nothing changes.
  t.send('Down', 'Down');
  await t.waitFor(/^\W*▸ api /m);
  t.type('-typo');
  await t.waitFor(/-typo/);
  t.send('Escape');
  await t.waitFor((s) => !/Set image of/.test(s));
  assert.equal(await images(), before, 'esc changed nothing');

  t.send('i');
  await t.waitFor(/^\W*▸ migrate \(init\)/m);
  t.send('Up');
  await t.waitFor(/^\W*▸ api /m);
  t.send('C-u');
  t.type('ghcr.io/acme/api:9.9.9');
  await t.waitFor(/→ ghcr\.io\/acme\/api:9\.9\.9/);
  t.send('Enter');
  await t.waitFor(/deployment\.apps\/api image updated/);
  const [init] = before.split(' | ');
  assert.equal(await images(), `${init} | ghcr.io/acme/api:9.9.9`, 'only the edited container changed');
  assert.equal(await revisions(), history + 1, 'a new revision in the rollout history');
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('--readonly: i is refused in one sentence and opens nothing', async () => {
  const t = await openOnApi('--readonly');
  t.send('i');
  await t.waitFor(/read-only/);
  assert.doesNotMatch(t.screen(), /Set image of/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});
