/**
 * A Secret made with `kubectl apply` carries every value again in the last-applied annotation
 * (and may carry stringData): the YAML pane masks all of them, search cannot find them, and only
 * x reveals them. The Secret is applied by kubectl itself, so the annotation is kubectl's own.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startDemoSetup, type DemoSetup } from '../../support/demo-server-setup.ts';
import { discover, type DiscoveryResult } from '../../../src/kube/discovery.ts';
import { loadKubeconfig } from '../../../src/kube/kubeconfig.ts';
import type { KubeObject } from '../../../src/kube/object.ts';
import { resolveResource } from '../../../src/kube/resource-resolver.ts';
import { openSession, type KubeSession } from '../../../src/kube/session.ts';
import { lastAppliedAnnotation, maskSecret } from '../../../src/kinds/secret-mask.ts';
import { WriteGate } from '../../../src/kube/access/write-gate.ts';
import type { PaneProps } from '../../../src/ui/panes/pane-types.ts';
import { waitForFrame } from '../../support/ink-frame.ts';
import { kubectlOk } from '../../support/kubectl.ts';
import { renderThemed } from '../../support/render-themed.tsx';

const { YamlPane } = await import('../../../src/ui/panes/yaml-pane.tsx');
const { yamlText } = await import('../../../src/ui/panes/yaml-text.ts');

const password = 'hunter2-secret';
const username = 'admin-user-x';
let demo: DemoSetup;
let session: KubeSession;
let discovery: DiscoveryResult;
let applied: KubeObject;

before(async () => {
  demo = await startDemoSetup();
  const manifest = join(tmpdir(), `kx-secret-${process.pid}.yaml`);
  writeFileSync(
    manifest,
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\n  namespace: default\ntype: Opaque\ndata:\n  password: ${Buffer.from(password).toString('base64')}\nstringData:\n  username: ${username}\n`,
  );
  // The demo serves no OpenAPI documents, so kubectl's client-side validation is off.
  await kubectlOk(['apply', '--validate=false', '-f', manifest], { kubeconfig: demo.kubeconfig });
  applied = JSON.parse(await kubectlOk(['get', 'secret', 'db-creds', '-n', 'default', '-o', 'json'], { kubeconfig: demo.kubeconfig })) as KubeObject;
  session = await openSession(loadKubeconfig({ kubeconfig: demo.kubeconfig }));
  discovery = await discover(session.client);
});
after(async () => {
  await session?.close();
  await demo?.close();
});

const secrets = [password, Buffer.from(password).toString('base64'), username, Buffer.from(username).toString('base64')];
const leaks = (text: string) => secrets.filter((s) => text.includes(s));

test('kubectl apply put the values in the annotation (the fixture is what the issue describes)', () => {
  const annotation = applied.metadata.annotations?.[lastAppliedAnnotation] ?? '';
  assert.ok(annotation.includes(Buffer.from(password).toString('base64')) && annotation.includes(username), annotation);
});

test('maskSecret masks data, stringData and the last-applied annotation, keeping its shape', () => {
  const masked = maskSecret(applied);
  assert.deepEqual(leaks(JSON.stringify(masked)), []);
  const annotation = JSON.parse(masked.metadata.annotations![lastAppliedAnnotation]!) as { data: Record<string, string>; stringData: Record<string, string>; metadata: { name: string } };
  assert.equal(annotation.data['password'], `•••••• (${password.length} bytes)`);
  assert.equal(annotation.stringData['username'], `•••••• (${username.length} bytes)`);
  assert.equal(annotation.metadata.name, 'db-creds', 'the rest of the manifest stays readable');
  const garbage = maskSecret({ ...applied, metadata: { ...applied.metadata, annotations: { [lastAppliedAnnotation]: `not json ${password}` } } });
  assert.deepEqual(leaks(JSON.stringify(garbage)), [], 'an annotation that is not JSON is masked whole');
  assert.deepEqual(leaks(yamlText(applied, { managedFields: true, reveal: false })), []);
});

test('the YAML pane shows no value until x, and search does not find one', async () => {
  const props: PaneProps = {
    client: session.client,
    target: { resource: resolveResource(discovery, 'secret'), namespace: 'default', name: 'db-creds' },
    contextName: 'kx-demo',
    width: 400,
    height: 60,
    active: true,
    gate: new WriteGate(undefined),
    onClose: () => undefined,
    onFlash: () => undefined,
  };
  const pane = renderThemed(<YamlPane {...props} />);
  try {
    const masked = await waitForFrame(pane.lastFrame, (t) => t.includes('last-applied-configuration'), 'the annotation');
    assert.deepEqual(leaks(masked), [], masked);
    pane.stdin.write('/');
    await new Promise((r) => setImmediate(r));
    for (const ch of 'hunter') pane.stdin.write(ch);
    pane.stdin.write('\r');
    await waitForFrame(pane.lastFrame, (t) => /\/hunter {2}no match/.test(t), 'no match for the hidden value');
    pane.stdin.write('\x1b');
    // Apart, or the terminal reads esc x as alt-x.
    await new Promise((r) => setTimeout(r, 100));
    pane.stdin.write('x');
    const shown = await waitForFrame(pane.lastFrame, (t) => t.includes(password), 'the revealed values');
    assert.ok(shown.includes(username), 'reveal shows the annotation as the server has it');
  } finally {
    pane.unmount();
  }
});
