import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { Exec, KubeConfig, type V1Status } from '@kubernetes/client-node';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { kubectl, kubectlOk, waitForJson } from '../support/kubectl.ts';
import type { PodJson } from './support/pod-types.ts';
import { runKx } from '../support/kx-process.ts';

let cp: ControlPlane;
const kc = () => cp.kubeconfigPath;

before(async () => {
  cp = await startControlPlane();
  await kubectlOk(['run', 'talker', '--image=nginx'], { kubeconfig: kc() });
  await kubectlOk(['run', 'crashy', '--image=busybox-crash'], { kubeconfig: kc() });
  await kubectlOk(['wait', '--for=condition=Ready', 'pod/talker', '--timeout=60s'], { kubeconfig: kc() });
});
after(async () => {
  await cp?.stop();
});

/** Collects what client-node's Exec prints, through the API server to the fake kubelet. */
async function clientExec(command: string[], opts: { tty: boolean; stdin?: string }): Promise<{ out: string; status: V1Status }> {
  const config = new KubeConfig();
  config.loadFromFile(kc());
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const stdin = opts.stdin === undefined ? null : Readable.from([opts.stdin]);
  const status = await new Promise<V1Status>((resolve, reject) => {
    new Exec(config).exec('default', 'talker', 'talker', command, stdout, stdout, stdin, opts.tty, resolve).catch(reject);
  });
  return { out, status };
}

describe('logs and exec through the API server reach the fake kubelet', () => {
  it('kubectl logs --tail returns the last lines of the running container', async () => {
    await new Promise((r) => setTimeout(r, 1500)); // let a few lines accumulate
    const out = await kubectlOk(['logs', 'talker', '--tail=2'], { kubeconfig: kc() });
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /pod=talker container=talker run=0 seq=\d+/);
    const stamped = await kubectlOk(['logs', 'talker', '--tail=1', '--timestamps'], { kubeconfig: kc() });
    assert.match(stamped, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z level=/);
  });

  it('kubectl logs --limit-bytes and --since cut the output like the kubelet does', async () => {
    const limited = await kubectlOk(['logs', 'talker', '--limit-bytes=25'], { kubeconfig: kc() });
    assert.equal(Buffer.byteLength(limited), 25);
    const all = await kubectlOk(['logs', 'talker'], { kubeconfig: kc() });
    const recent = await kubectlOk(['logs', 'talker', '--since=1s'], { kubeconfig: kc() });
    const count = (text: string) => text.trimEnd().split('\n').length;
    assert.ok(count(recent) <= 3 && count(recent) < count(all), `since=1s gave ${count(recent)} of ${count(all)} lines`);
  });

  it('kubectl logs -f keeps streaming new lines', async () => {
    const res = await kubectl(['logs', '-f', 'talker', '--tail=1'], { kubeconfig: kc(), timeoutMs: 2500 });
    const seqs = [...res.stdout.matchAll(/seq=(\d+)/g)].map((m) => Number(m[1]));
    assert.ok(seqs.length >= 3, `expected streamed lines, got: ${res.stdout}`);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b),
    );
    assert.equal(new Set(seqs).size, seqs.length, 'no line twice');
  });

  it('kubectl logs --previous shows the crashed instance of a crash-looping container', async () => {
    await waitForJson<PodJson, true>('crashy to restart once', ['pod', 'crashy'], kc(), (p) => ((p.status.containerStatuses?.[0]?.restartCount ?? 0) >= 1 ? true : undefined));
    const prev = await kubectlOk(['logs', 'crashy', '--previous'], { kubeconfig: kc() });
    assert.match(prev, /run=0 seq=0/);
    assert.match(prev.trimEnd().split('\n').at(-1) ?? '', /simulated crash, exiting with code 1/);
    const none = await kubectl(['logs', 'talker', '--previous'], { kubeconfig: kc() });
    assert.notEqual(none.code, 0);
    assert.match(none.stderr, /previous terminated container "talker" in pod "talker" not found/);
  });

  it('kubectl exec runs a real process (stdout, stderr, exit code)', async () => {
    assert.equal(await kubectlOk(['exec', 'talker', '--', 'echo', 'hi'], { kubeconfig: kc() }), 'hi\n');
    const failing = await kubectl(['exec', 'talker', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'], { kubeconfig: kc() });
    assert.equal(failing.code, 3);
    assert.equal(failing.stdout, 'out\n');
    assert.match(failing.stderr, /err\n/);
    assert.match(failing.stderr, /command terminated with exit code 3/);
  });

  it('kubectl exec -i forwards stdin and ends it at EOF', async () => {
    const out = await kubectlOk(['exec', '-i', 'talker', '--', 'sh', '-c', 'wc -l; cat'], {
      kubeconfig: kc(),
      input: 'one\ntwo\nthree\n',
    });
    assert.equal(out.trim(), '3');
  });

  it("client-node's Exec (WebSocket) gets output, a Success status, and a real tty when asked", async () => {
    const plain = await clientExec(['sh', '-c', 'echo via-client-node'], { tty: false });
    assert.equal(plain.out, 'via-client-node\n');
    assert.equal(plain.status.status, 'Success');
    const tty = await clientExec(['sh', '-c', 'test -t 1 && echo is-a-tty'], { tty: true });
    assert.match(tty.out, /is-a-tty/);
    const failed = await clientExec(['sh', '-c', 'exit 7'], { tty: false });
    assert.equal(failed.status.status, 'Failure');
    assert.equal(failed.status.reason, 'NonZeroExitCode');
    assert.equal(failed.status.details?.causes?.[0]?.message, '7');
  });

  it('kx exec gives what kubectl exec gives: output, stderr, exit code, stdin; kx exec -it finds a shell', async () => {
    const kxExec = (args: string[], input?: string) => runKx(['exec', '--kubeconfig', kc(), ...args], { input: input ?? '' });
    const script = ['sh', '-c', 'echo out; echo err >&2; exit 3'];
    const mine = await kxExec(['talker', '--', ...script]);
    const theirs = await kubectl(['exec', 'talker', '--', ...script], { kubeconfig: kc() });
    assert.equal(mine.code, theirs.code);
    assert.equal(mine.stdout, theirs.stdout);
    assert.equal(mine.stderr, theirs.stderr);
    const counted = await kxExec(['-i', 'talker', '--', 'sh', '-c', 'wc -l'], 'one\ntwo\nthree\n');
    assert.equal(counted.stdout.trim(), '3');
  });
});
