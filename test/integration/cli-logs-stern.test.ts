/**
 * `kx logs` with stern's flags (and kubectl's where kubectl has them) against the demo API server:
 * each flag's effect on the lines, kubectl as the oracle for the flags it shares.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/cli/args.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { pod } from '../support/demo-fixtures.ts';
import { kxLogs } from '../support/kx-logs-in-process.ts';

const pods = { group: '', plural: 'pods' };
let demo: DemoSetup;

before(async () => {
  demo = await startDemoSetup();
  const { store } = demo.server;
  store.create(pods, pod('default', 'api-1', { labels: { app: 'api' }, containers: ['api', 'envoy'], node: 'node-1' }));
  store.create(pods, pod('default', 'api-2', { labels: { app: 'api' }, containers: ['api', 'envoy'], node: 'node-2' }));
  store.create(pods, pod('default', 'web-1', { labels: { app: 'web' }, node: 'node-1' }));
  const start = Date.parse('2025-01-01T10:00:00Z');
  for (const name of ['api-1', 'api-2']) {
    ['GET /healthz 200', 'POST /cart 201', 'GET /api 500'].forEach((t, i) => demo.runtime.log('default', name, 'api').write(`${name} ${t}`, new Date(start + i * 1000)));
    demo.runtime.log('default', name, 'envoy').write(`${name} envoy ready`, new Date(start + 5000));
  }
  demo.runtime.log('default', 'web-1', 'app').write('web-1 serving', new Date(start));
});
after(async () => {
  await demo.close();
});

const kx = (args: string[], opts?: { tty?: boolean; env?: Record<string, string> }) => kxLogs(demo.kubeconfig, args, opts);

test('--include keeps the lines matching any include, --exclude drops what it matches', async () => {
  const included = await kx(['api-1', '-c', 'api', '-i', 'POST', '--include', '500$']);
  assert.equal(included.stdout, 'api-1 POST /cart 201\napi-1 GET /api 500\n');
  const excluded = await kx(['api-1', '-c', 'api', '-e', 'healthz']);
  assert.equal(excluded.stdout, 'api-1 POST /cart 201\napi-1 GET /api 500\n');
  const both = await kx(['api-1', '-c', 'api', '-i', '^api-1 GET', '-e', 'healthz']);
  assert.equal(both.stdout, 'api-1 GET /api 500\n');
});

test('a regex that does not compile: one sentence, a usage error', async () => {
  const r = await kx(['api-1', '-i', '(']);
  assert.ok(r.error instanceof UsageError);
  assert.equal(r.error.message, 'invalid argument "(" for "--include" flag: not a regular expression: Unterminated group');
});
