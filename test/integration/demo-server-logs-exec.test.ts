import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import WebSocket from 'ws';
import { Exec, KubeConfig, Log } from '@kubernetes/client-node';
import { api } from '../support/demo-http.ts';
import { pod } from '../support/demo-fixtures.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';

let demo: DemoSetup;
const pods = { group: '', plural: 'pods' };
const t0 = new Date('2025-03-01T10:00:00.120Z');

before(async () => {
  demo = await startDemoSetup();
  demo.server.store.create(pods, pod('default', 'logger'));
  demo.server.store.create(pods, pod('default', 'two', { containers: ['app', 'sidecar'] }));
  const log = demo.runtime.log('default', 'logger', 'app');
  for (let i = 1; i <= 5; i++) log.write(`line ${i}`, new Date(t0.getTime() + i * 1000));
  demo.runtime.log('default', 'logger', 'app', true).write('before the crash', t0);
});
after(() => demo.close());

async function text(path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(demo.server.url + path, { headers: { authorization: `Bearer ${demo.server.token}` } });
  return { status: res.status, body: await res.text() };
}

test('logs: whole, tail, timestamps, previous, limitBytes, sinceTime', async () => {
  assert.deepEqual(await text('/api/v1/namespaces/default/pods/logger/log'), { status: 200, body: 'line 1\nline 2\nline 3\nline 4\nline 5\n' });
  assert.equal((await text('/api/v1/namespaces/default/pods/logger/log?tailLines=2')).body, 'line 4\nline 5\n');
  assert.equal((await text('/api/v1/namespaces/default/pods/logger/log?tailLines=1&timestamps=true')).body, '2025-03-01T10:00:05.12Z line 5\n');
  assert.equal((await text('/api/v1/namespaces/default/pods/logger/log?previous=true')).body, 'before the crash\n');
  assert.equal((await text('/api/v1/namespaces/default/pods/logger/log?limitBytes=9')).body, 'line 1\nli');
  assert.equal((await text(`/api/v1/namespaces/default/pods/logger/log?sinceTime=${encodeURIComponent('2025-03-01T10:00:04Z')}`)).body, 'line 4\nline 5\n');
});

test('log errors are Status JSON: missing pod, ambiguous container, unknown container, not started', async () => {
  const missing = await api(demo.server, '/api/v1/namespaces/default/pods/nope/log');
  assert.deepEqual([missing.status, missing.body.message], [404, 'pods "nope" not found']);
  const ambiguous = await api(demo.server, '/api/v1/namespaces/default/pods/two/log');
  assert.deepEqual([ambiguous.status, ambiguous.body.message], [400, 'a container name must be specified for pod two, choose one of: [app sidecar]']);
  const unknown = await api(demo.server, '/api/v1/namespaces/default/pods/logger/log?container=db');
  assert.deepEqual([unknown.status, unknown.body.message], [400, 'container db is not valid for pod logger']);
  const waiting = await api(demo.server, '/api/v1/namespaces/default/pods/two/log?container=sidecar');
  assert.deepEqual([waiting.status, waiting.body.message], [400, 'container "sidecar" in pod "two" is waiting to start: ContainerCreating']);
});

test('client-node Log follows new lines until the container stops', async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(demo.kubeconfig);
  const log = demo.runtime.log('default', 'two', 'app');
  log.write('first');
  let out = '';
  const finished = new Promise<void>((resolve) => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        out += chunk.toString();
        if (out === 'first\n') {
          log.write('second');
          log.end();
        }
        cb();
      },
      final(cb) {
        resolve();
        cb();
      },
    });
    void new Log(kc).log('default', 'two', 'app', sink, { follow: true });
  });
  await finished;
  assert.equal(out, 'first\nsecond\n');
});

/** Opens an exec WebSocket by hand and collects frames per channel. */
function rawExec(query: string, protocol: string, stdin?: Buffer): Promise<{ protocol: string; channels: Map<number, string>; closeCode: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${demo.server.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/logger/exec?${query}`, [protocol], {
      headers: { authorization: `Bearer ${demo.server.token}` },
    });
    const channels = new Map<number, string>();
    ws.on('open', () => {
      if (stdin) {
        ws.send(Buffer.concat([Buffer.from([0]), stdin]));
        ws.send(Buffer.from([4, ...Buffer.from('{"Width":100,"Height":40}')]));
        if (protocol === 'v5.channel.k8s.io') ws.send(Buffer.from([255, 0]));
      }
    });
    ws.on('message', (data: Buffer) => channels.set(data[0]!, (channels.get(data[0]!) ?? '') + data.subarray(1).toString()));
    ws.on('close', (code) => resolve({ protocol: ws.protocol, channels, closeCode: code }));
    ws.on('error', reject);
  });
}

test('exec over WebSocket v5: stdout, stdin, resize, close channel, success status, close 1000', async () => {
  const echo = await rawExec('command=echo&command=hi&stdout=true&stderr=true', 'v5.channel.k8s.io');
  assert.equal(echo.protocol, 'v5.channel.k8s.io');
  assert.equal(echo.channels.get(1), 'hi\n');
  assert.deepEqual(JSON.parse(echo.channels.get(3) ?? ''), { metadata: {}, status: 'Success' });
  assert.equal(echo.closeCode, 1000);
  const cat = await rawExec('command=cat&stdin=true&stdout=true', 'v5.channel.k8s.io', Buffer.from('typed\n'));
  assert.equal(cat.channels.get(1), 'typed\nresized 100x40\n');
});

test('exec over WebSocket v4: a non-zero exit is a Failure status with the exit code', async () => {
  const failed = await rawExec('command=sh&command=-c&command=exit%203&stdout=true&stderr=true', 'v4.channel.k8s.io');
  assert.equal(failed.protocol, 'v4.channel.k8s.io');
  const status = JSON.parse(failed.channels.get(3) ?? '') as { status: string; reason: string; details: { causes: { reason: string; message: string }[] } };
  assert.deepEqual([status.status, status.reason, status.details.causes[0]], ['Failure', 'NonZeroExitCode', { reason: 'ExitCode', message: '3' }]);
  const err = await rawExec('command=stderr&command=oops&stdout=true&stderr=true', 'v4.channel.k8s.io');
  assert.equal(err.channels.get(2), 'oops\n');
});

test('client-node Exec runs a command through the kubeconfig', async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(demo.kubeconfig);
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const status = await new Promise<{ status?: string }>((resolve, reject) => {
    new Exec(kc).exec('default', 'logger', 'app', ['echo', 'from', 'client-node'], stdout, null, null, false, (s) => resolve(s)).catch(reject);
  });
  assert.equal(status.status, 'Success');
  assert.equal(out, 'from client-node\n');
});

test('exec refuses before upgrading when the pod is missing or the command is empty', async () => {
  const res = await fetch(`${demo.server.url}/api/v1/namespaces/default/pods/logger/exec?stdout=true`, { headers: { authorization: `Bearer ${demo.server.token}` } });
  assert.equal(res.status, 400);
  const missing = await new Promise<number>((resolve) => {
    const ws = new WebSocket(`${demo.server.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/absent/exec?command=ls&stdout=true`, ['v5.channel.k8s.io'], {
      headers: { authorization: `Bearer ${demo.server.token}` },
    });
    ws.on('unexpected-response', (_req, r) => resolve(r.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
  assert.equal(missing, 404);
});
