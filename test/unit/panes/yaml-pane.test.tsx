/** The YAML pane against the demo API server, and the YAML text it shows. */
import { WriteGate } from '../../../src/kube/access/write-gate.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { startDemoSetup, type DemoSetup } from '../../support/demo-server-setup.ts';
import { discover, type DiscoveryResult } from '../../../src/kube/discovery.ts';
import { loadKubeconfig } from '../../../src/kube/kubeconfig.ts';
import type { KubeObject } from '../../../src/kube/object.ts';
import { resolveResource } from '../../../src/kube/resource-resolver.ts';
import { openSession, type KubeSession } from '../../../src/kube/session.ts';
import { themeFor } from '../../../src/ui/theme.ts';
import type { PaneProps } from '../../../src/ui/panes/pane-types.ts';
import { plainFrame, waitForFrame } from '../../support/ink-frame.ts';
import { captureOsc52 } from '../../support/osc52-capture.ts';
import { waitFor } from '../../support/wait-for.ts';

// Colour on for Ink and for cli-highlight's chalk, which both read it when they load.
process.env['FORCE_COLOR'] = '1';
const { renderThemed } = await import('../../support/render-themed.tsx');
const { maskedValue, yamlLines, yamlText } = await import('../../../src/ui/panes/yaml-text.ts');
const { YamlPane } = await import('../../../src/ui/panes/yaml-pane.tsx');

let demo: DemoSetup;
let session: KubeSession;
let discovery: DiscoveryResult;
const password = 'hunter2-hunter2';
const managedFields = [{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {} } } }];

before(async () => {
  demo = await startDemoSetup();
  const s = demo.server.store;
  s.create({ group: '', plural: 'secrets' }, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'default', uid: '', managedFields },
    type: 'Opaque',
    data: { password: Buffer.from(password).toString('base64'), 'key.bin': Buffer.from([0, 1, 2, 255, 254]).toString('base64') },
  } as KubeObject);
  s.create({ group: '', plural: 'configmaps' }, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'default', uid: '', managedFields, labels: { app: 'web' } },
    data: { 'app.yaml': 'port: 8080\nlevel: info\n', future: 'x' },
  } as KubeObject);
  session = await openSession(loadKubeconfig({ kubeconfig: demo.kubeconfig }));
  discovery = await discover(session.client);
});
after(async () => {
  await session?.close();
  await demo?.close();
});

function props(kind: string, name: string): PaneProps {
  return {
    client: session.client,
    target: { resource: resolveResource(discovery, kind), namespace: 'default', name },
    contextName: 'kx-demo',
    width: 100,
    height: 40,
    active: true,
    gate: new WriteGate(undefined),
    onClose: () => undefined,
    onFlash: () => undefined,
  };
}

test('a secret is masked until x, then shown base64-decoded (binary stays base64 with a note), x masks again', async () => {
  const pane = renderThemed(<YamlPane {...props('secret', 'db')} />);
  try {
    const masked = await waitForFrame(pane.lastFrame, (t) => t.includes('password:'), 'the secret');
    assert.match(masked, /^YAML Secret default\/db {2}live/);
    assert.match(masked, /password: •••••• \(15 bytes\)/);
    assert.match(masked, /key\.bin: •••••• \(5 bytes\)/);
    assert.ok(!masked.includes(password) && !masked.includes(Buffer.from(password).toString('base64')), 'neither the value nor its base64');
    assert.match(masked, /values masked · x reveals/);
    pane.stdin.write('x');
    const shown = await waitForFrame(pane.lastFrame, (t) => t.includes(password), 'the revealed value');
    assert.match(shown, new RegExp(`password: ${password}`));
    assert.match(shown, /key\.bin: AAEC\/\/4= # binary \(5 bytes\), shown as base64/);
    assert.match(shown, /data: # base64-decoded for display/);
    pane.stdin.write('x');
    await waitForFrame(pane.lastFrame, (t) => !t.includes(password) && t.includes('•••'), 'masked again');
  } finally {
    pane.unmount();
  }
});

test('c copies what the pane shows: a Secret’s values stay masked until x reveals them', async () => {
  const clipboard = captureOsc52();
  const pane = renderThemed(<YamlPane {...props('secret', 'db')} />);
  try {
    await waitForFrame(pane.lastFrame, (t) => t.includes('password:'), 'the secret');
    pane.stdin.write('c');
    await waitFor('the copy', () => clipboard.sequences.length === 1);
    const masked = clipboard.texts()[0]!;
    assert.match(masked, /^apiVersion: v1\ndata: # masked[^\n]*\n {2}key\.bin: •••••• \(5 bytes\)\n {2}password: •••••• \(15 bytes\)\n/);
    assert.ok(!masked.includes(password) && !masked.includes(Buffer.from(password).toString('base64')), 'neither the value nor its base64');
    assert.ok(!masked.includes('\x1b'), 'no colours');
    pane.stdin.write('x');
    await waitForFrame(pane.lastFrame, (t) => t.includes(password), 'the revealed value');
    pane.stdin.write('c');
    await waitFor('the second copy', () => clipboard.sequences.length === 2);
    assert.match(clipboard.texts()[1]!, new RegExp(`password: ${password}`));
  } finally {
    pane.unmount();
    clipboard.restore();
  }
});

test('managedFields are hidden until m; search finds text in the YAML', async () => {
  const pane = renderThemed(<YamlPane {...props('cm', 'settings')} />);
  try {
    const hidden = await waitForFrame(pane.lastFrame, (t) => t.includes('app.yaml'), 'the configmap');
    assert.ok(!hidden.includes('managedFields:'), 'hidden by default');
    assert.match(hidden, /managedFields hidden · m shows/);
    assert.match(hidden, /app\.yaml: \|\n\s+port: 8080/, 'multi-line strings as literal blocks');
    pane.stdin.write('m');
    const shown = await waitForFrame(pane.lastFrame, (t) => t.includes('managedFields:'), 'managedFields');
    assert.match(shown, /manager: kubectl-client-side-apply/);
    pane.stdin.write('x');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(!plainFrame(pane.lastFrame()).includes('masked'), 'x does nothing outside secrets');
    pane.stdin.write('/');
    await new Promise((resolve) => setImmediate(resolve));
    for (const ch of 'web') pane.stdin.write(ch);
    pane.stdin.write('\r');
    await waitForFrame(pane.lastFrame, (t) => /\/web {2}match 1 of 1/.test(t), 'one match');
  } finally {
    pane.unmount();
  }
});

test('colour on: highlighted with cli-highlight; NO_COLOR: plain text', async () => {
  const coloured = renderThemed(<YamlPane {...props('cm', 'settings')} />, themeFor({}));
  try {
    await waitForFrame(coloured.lastFrame, (t) => t.includes('app.yaml'), 'the configmap');
    const raw = coloured.lastFrame()!;
    const keyLine = raw.split('\n').find((l) => plainFrame(l).startsWith('apiVersion:'))!;
    assert.notEqual(keyLine, plainFrame(keyLine), 'keys are coloured');
  } finally {
    coloured.unmount();
  }
  const text = yamlText({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', uid: 'u' } }, { managedFields: false, reveal: false });
  assert.deepEqual(yamlLines(text, false), ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', '  uid: u']);
});

test('yaml text: the whole object, keys sorted like kubectl, round-trips', () => {
  const object = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'p', uid: 'u', managedFields, labels: { b: '2', a: 'true' } },
    spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }], unknownFutureField: { keep: true } },
  } as KubeObject;
  const text = yamlText(object, { managedFields: true, reveal: false });
  assert.deepEqual(parse(text), object, 'nothing lost or changed');
  assert.ok(text.startsWith('apiVersion: v1\nkind: Pod\nmetadata:'));
  assert.match(text, /containers:\n {2}- image: nginx/, 'sequences not indented, as kubectl prints them');
  assert.match(text, /a: "true"/, 'strings that look like booleans stay strings');
  assert.ok(!yamlText(object, { managedFields: false, reveal: false }).includes('managedFields'));
  assert.equal(maskedValue(3), '•••••• (3 bytes)');
});
