/**
 * `:changes` in tmux against the demo: a kubectl scale made while kx watches deployments shows as
 * a row (newest first, with its diff), `/` filters the rows, enter shows the object's changes as a
 * diff, and describe lists them under "Changes seen".
 */
import { after, before, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { filterToOne, killTerminals, openKx, prompt } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-changes-view-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath);

test(':changes lists a scale seen on the watches, / filters it, enter diffs it, describe lists it', async () => {
  const env = { KX_CONFIG_DIR: join(dir, 'cfg'), K9S_CONFIG_DIR: join(dir, 'k9s'), XDG_STATE_HOME: join(dir, 'state') };
  const t = openKx('-n shop deploy', { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 30, env });
  await t.waitFor(/frontend/);
  const replicas = Number((await kubectl.ok('get', 'deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}')).trim());
  await kubectl.ok('scale', 'deploy/cart', '-n', 'shop', `--replicas=${replicas + 3}`);
  await kubectl.ok('label', 'deploy/api', '-n', 'shop', 'tier=web');
  const scaled = new RegExp(`Deployment +shop +cart +replicas ${replicas} → ${replicas + 3} +unknown`);
  await prompt(t, ':', 'changes');
  t.send('Enter');
  await t.waitFor((s) => scaled.test(s) && /Deployment +shop +api +label tier=web/.test(s));

  // The pane's own prompt sits above the key hints.
  t.type('/');
  await t.waitFor((s) => s.split('\n').some((line) => line.trim() === '/'));
  await new Promise((r) => setTimeout(r, 200));
  t.type('cart replicas');
  t.send('Enter');
  await t.waitFor((s) => /changes \(\d+ of \d+ · \/cart replicas\)/.test(s) && scaled.test(s) && !/label tier=web/.test(s));

  t.send('Enter');
  await t.waitFor((s) => /changes seen · Deployment shop\/cart/.test(s) && s.includes(`- replicas ${replicas}`) && s.includes(`+ replicas ${replicas + 3}`));
  t.send('Escape');
  await t.waitFor(/changes \(\d+ of/);
  // esc clears the filter first, then closes the pane.
  t.send('Escape');
  await t.waitFor((s) => /changes \(\d+\)/.test(s) && /label tier=web/.test(s));
  t.send('Escape');
  await t.waitFor((s) => !/changes \(/.test(s) && /frontend/.test(s));

  await filterToOne(t, 'cart');
  t.send('d');
  await t.waitFor(/Name: +cart/);
  // Describe is live and may grow after the first frame (events, the changes): G again until the
  // bottom holds the section.
  const seen = (s: string): boolean => s.includes('Changes seen:') && new RegExp(`replicas ${replicas} → ${replicas + 3} +unknown`).test(s);
  for (let i = 0; i < 20; i++) {
    t.send('G');
    if (seen(await t.waitFor(/Describe Deployment shop\/cart/))) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await t.waitFor(seen, 10_000);
});
