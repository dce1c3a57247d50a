/**
 * The daily loop on the real 1.20 control plane, kubectl 1.32 as the oracle: kx edit through
 * scripted editors (a change, no change, a conflict made meanwhile, invalid YAML), kx set image on
 * a twin of what kubectl set image changed, kx port-forward to a pod, a service and a deployment
 * (and on through the deployment's replacement pod), kx attach, and what RBAC refuses user alice
 * on the command line and hides from her in the explorer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { apply, kubectl, kubectlOk, waitForJson } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';
import { freePort, httpGet, kubectlForward, startForward, type ForwardProcess } from '../support/port-forward.ts';
import { kxBin } from '../support/kx-process.ts';
import { killTerminals, lastLine, openKx } from '../support/tmux-terminal.ts';
import { waitFor } from '../support/wait-for.ts';

let cp: ControlPlane;
const admin = () => ({ kubeconfig: cp.kubeconfigPath });
const get = (...args: string[]) => kubectlOk(['get', ...args], admin());
const kx = (args: string[], env: NodeJS.ProcessEnv = {}, kubeconfig = cp.kubeconfigPath) =>
  runKx(['--kubeconfig', kubeconfig, ...args], { env: { ...process.env, KX_CONFIG_DIR: join(cp.dir, 'kx-config'), ...env } });

/** A Deployment with one container `main` listening on 8080. */
function deployment(name: string, namespace = 'default', image = 'nginx:1.25') {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image, ports: [{ containerPort: 8080 }] }] } },
    },
  };
}

/** A shell script as the editor; `$1` is the file, `$n` the run. Each run keeps a copy of what it was shown (seen(name, n)). */
function editor(name: string, body: string): string {
  const path = join(cp.dir, `${name}.sh`);
  writeFileSync(path, `#!/bin/sh\nn=$(cat "${cp.dir}/${name}.n" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "${cp.dir}/${name}.n"\ncp "$1" "${cp.dir}/${name}-seen-$n"\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
const seen = (name: string, n: number) => readFileSync(join(cp.dir, `${name}-seen-${n}`), 'utf8');

/** The one running, not-deleting pod of app=NAME. */
async function podOf(app: string): Promise<string> {
  type Pods = { items: { metadata: { name: string; deletionTimestamp?: string }; status: { phase?: string; conditions?: { type: string; status: string }[] } }[] };
  return waitForJson<Pods, string>(`a ready pod of ${app}`, ['pods', '-l', `app=${app}`], cp.kubeconfigPath, (list) => {
    const ready = list.items.filter((p) => !p.metadata.deletionTimestamp && p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    return ready.length === 1 ? ready[0]?.metadata.name : undefined;
  });
}

/** Which pod answered through a forward (the fake kubelet's body names it). */
const answeredBy = (body: string): string => /^pod=(\S+) /.exec(body)?.[1] ?? `(no pod in ${JSON.stringify(body)})`;

const kxForward = (args: string[], kubeconfig = cp.kubeconfigPath): Promise<ForwardProcess> =>
  startForward(process.execPath, [kxBin, 'port-forward', '--kubeconfig', kubeconfig, ...args], 1, { ...process.env, KUBECONFIG: '' });

async function stop(pf: ForwardProcess): Promise<number | null> {
  pf.child.kill('SIGINT');
  return pf.exited;
}

before(async () => {
  cp = await startControlPlane();
  for (const name of ['web', 'edit-me', 'edit-twin', 'img-a', 'img-b']) await apply(deployment(name), cp.kubeconfigPath);
  await apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } }, cp.kubeconfigPath);
  await apply(
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', namespace: 'default' }, spec: { containers: [{ name: 'solo', image: 'busybox', stdin: true, ports: [{ containerPort: 9090 }] }] } },
    cp.kubeconfigPath,
  );
  // alice may read (not write) namespace viewonly, and do anything in team-a.
  await kubectlOk(['create', 'namespace', 'viewonly'], admin());
  await apply(deployment('locked', 'viewonly'), cp.kubeconfigPath);
  await apply(deployment('mine', 'team-a'), cp.kubeconfigPath);
  await kubectlOk(['create', 'role', 'reader', '-n', 'viewonly', '--verb=get,list,watch', '--resource=pods,deployments,replicasets,services'], admin());
  await kubectlOk(['create', 'rolebinding', 'alice-reads', '-n', 'viewonly', '--role=reader', '--user=alice'], admin());
  for (const d of ['web', 'edit-me', 'edit-twin', 'img-a', 'img-b']) await kubectlOk(['rollout', 'status', `deployment/${d}`, '--timeout=60s'], admin());
  await kubectlOk(['rollout', 'status', 'deployment/locked', '-n', 'viewonly', '--timeout=60s'], admin());
  await kubectlOk(['wait', '--for=condition=Ready', 'pod/solo', '--timeout=60s'], admin());
});

after(async () => {
  killTerminals();
  await cp?.stop();
});

describe('kx edit through $KUBE_EDITOR on the real API server', () => {
  it('a change: kubectl reads it, and kx prints what kubectl edit prints for the same change', async () => {
    const ed = editor('change', `sed -i 's/^  replicas: [0-9]*$/  replicas: 2/' "$1"`);
    const mine = await kx(['edit', 'deployment/edit-me'], { KUBE_EDITOR: ed });
    const theirs = await kubectl(['edit', 'deployment/edit-twin'], { ...admin(), env: { KUBE_EDITOR: ed } });
    assert.equal(mine.code, 0, mine.stderr);
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.equal(mine.stdout, theirs.stdout.replaceAll('edit-twin', 'edit-me'));
    assert.equal(mine.stdout, 'deployment.apps/edit-me edited\n');
    assert.equal(await get('deploy', 'edit-me', '-o', 'jsonpath={.spec.replicas}'), '2');
    assert.match(seen('change', 1), /^kind: Deployment$/m);
  });

  it('no change: the same exit code, stdout and stderr as kubectl edit, and nothing written', async () => {
    const ed = editor('same', 'true');
    const generation = await get('deploy', 'edit-me', '-o', 'jsonpath={.metadata.generation}');
    const mine = await kx(['edit', 'deployment/edit-me'], { KUBE_EDITOR: ed });
    const theirs = await kubectl(['edit', 'deployment/edit-me'], { ...admin(), env: { KUBE_EDITOR: ed } });
    assert.deepEqual({ code: mine.code, stdout: mine.stdout, stderr: mine.stderr }, { code: theirs.code, stdout: theirs.stdout, stderr: theirs.stderr });
    assert.equal(mine.stderr, 'Edit cancelled, no changes made.\n');
    assert.equal(await get('deploy', 'edit-me', '-o', 'jsonpath={.metadata.generation}'), generation);
  });

  it('a conflict made by kubectl between open and save: the reopened file names it, both changes land', async () => {
    const ed = editor(
      'conflict',
      `if [ $n = 1 ]; then kubectl --kubeconfig "${cp.kubeconfigPath}" annotate deploy edit-me meanwhile=yes >/dev/null; sed -i 's/^  replicas: [0-9]*$/  replicas: 3/' "$1"; fi`,
    );
    const mine = await kx(['edit', 'deployment/edit-me'], { KUBE_EDITOR: ed });
    assert.equal(mine.code, 0, mine.stderr);
    assert.equal(mine.stdout, 'deployment.apps/edit-me edited\n');
    const reopened = seen('conflict', 2);
    assert.match(reopened, /^# deployment\.apps\/edit-me was changed by someone else while you edited it: .*the object has been modified/m);
    assert.match(reopened, /^ {2}replicas: 3$/m, 'the user’s change is kept in the reopened file');
    assert.equal(await get('deploy', 'edit-me', '-o', 'jsonpath={.spec.replicas} {.metadata.annotations.meanwhile}'), '3 yes');
  });

  it('invalid YAML: reopened with the syntax error and the text kept; left broken, kx ends like kubectl edit', async () => {
    const broken = `printf 'apiVersion: apps/v1\\nkind: [broken\\n' > "$1"`;
    const mine = await kx(['edit', 'deployment/edit-me'], { KUBE_EDITOR: editor('broken', broken) });
    const theirs = await kubectl(['edit', 'deployment/edit-me'], { ...admin(), env: { KUBE_EDITOR: editor('broken-kubectl', broken) } });
    const reopened = seen('broken', 2);
    assert.match(reopened, /^# The edited file had a syntax error: error parsing edited-file: /m);
    assert.match(reopened, /^kind: \[broken$/m);
    // kubectl reopens it too, with the parser's sentence under its own heading.
    assert.match(seen('broken-kubectl', 2), /^# \* <nil>: Invalid value: "The edited file failed validation": yaml: line 2: /m);
    assert.match(seen('broken-kubectl', 2), /^kind: \[broken$/m);
    assert.equal(mine.code, theirs.code);
    assert.equal(mine.code, 1);
    const tail = (s: string) => s.replace(/^.*A copy of your changes has been stored to "[^"]+"\n/s, '');
    assert.equal(tail(mine.stderr), tail(theirs.stderr));
    assert.equal(await get('deploy', 'edit-me', '-o', 'jsonpath={.spec.replicas}'), '3');
  });
});

describe('kx set image on the real API server', () => {
  it('twins changed by kubectl and kx end with identical pod templates and a new revision', async () => {
    const theirs = await kubectl(['set', 'image', 'deployment/img-a', 'main=nginx:1.27'], admin());
    const mine = await kx(['set', 'image', 'deployment/img-b', 'main=nginx:1.27']);
    assert.equal(mine.code, 0, mine.stderr);
    assert.equal(mine.stdout, theirs.stdout.replaceAll('img-a', 'img-b'));
    const template = async (name: string) => (await get('deploy', name, '-o', 'jsonpath={.spec.template}')).replaceAll(name, 'TWIN');
    assert.equal(await template('img-b'), await template('img-a'));
    const history = await waitFor(
      'revision 2 of img-b',
      async () => {
        const out = await kubectlOk(['rollout', 'history', 'deployment/img-b'], admin());
        return /^2\s/m.test(out) ? out : undefined;
      },
      30_000,
      300,
    );
    assert.match(history, /^1\s+<none>$/m);
    assert.equal(history, (await kubectlOk(['rollout', 'history', 'deployment/img-a'], admin())).replaceAll('img-a', 'img-b'));
  });
});

describe('kx port-forward through the API server to the fake kubelet', () => {
  for (const [what, target, remote] of [
    ['a pod', 'pod/solo', '9090'],
    ['a service (port 80 mapped to targetPort 8080)', 'svc/web', '80'],
    ['a deployment', 'deployment/web', '8080'],
  ] as const) {
    it(`to ${what}: kx's first line and answer are kubectl's`, async () => {
      const [kxPort, kubectlPort] = [await freePort(), await freePort()];
      const mine = await kxForward([target, `${kxPort}:${remote}`]);
      const theirs = await kubectlForward(cp.kubeconfigPath, [target, `${kubectlPort}:${remote}`]);
      try {
        const first = (out: string, port: number) => out.split('\n')[0]?.replace(String(port), 'PORT');
        assert.equal(first(mine.stdout(), kxPort), first(theirs.stdout(), kubectlPort));
        const [viaKx, viaKubectl] = [await httpGet(kxPort, '/hi'), await httpGet(kubectlPort, '/hi')];
        assert.equal(viaKx.status, 200);
        assert.equal(viaKx.body, viaKubectl.body);
        assert.match(viaKx.body, new RegExp(`^pod=${target === 'pod/solo' ? 'solo' : 'web-'}\\S* namespace=default port=${target === 'pod/solo' ? 9090 : 8080} path=/hi\\n$`));
      } finally {
        await stop(theirs);
        assert.equal(await stop(mine), 0, mine.stderr());
      }
    });
  }

  it("a deployment's forward keeps answering through the replacement when kubectl deletes its pod", async () => {
    const port = await freePort();
    const mine = await kxForward(['deployment/web', `${port}:8080`]);
    try {
      const first = await podOf('web');
      assert.equal(answeredBy((await httpGet(port)).body), first);
      await kubectlOk(['delete', 'pod', first, '--wait=false'], admin());
      const second = await podOf('web');
      assert.notEqual(second, first);
      const answer = await waitFor(
        'an answer from the replacement pod',
        async () => {
          const res = await httpGet(port).catch(() => undefined);
          return res && answeredBy(res.body) === second ? res : undefined;
        },
        30_000,
        300,
      );
      assert.equal(answer.status, 200);
      assert.match(mine.stderr(), new RegExp(`Forwarding to pod ${second} \\(port 8080\\) now: the previous pod went away\\n`));
    } finally {
      assert.equal(await stop(mine), 0, mine.stderr());
    }
  });
});

describe('kx attach through the API server to the fake kubelet', () => {
  it("shows the container's output like kubectl attach, and -i sends stdin (echoed back)", async () => {
    const line = /^level=\w+ pod=solo container=solo run=0 seq=\d+ msg=/m;
    const theirs = await kubectl(['attach', 'solo'], { ...admin(), timeoutMs: 2000 });
    const mine = await runKx(['attach', 'solo', '--kubeconfig', cp.kubeconfigPath], { timeoutMs: 2000 });
    assert.match(theirs.stdout, line);
    assert.match(mine.stdout, line, mine.stderr);
    assert.equal(mine.stderr, theirs.stderr);
    const echoed = await runKx(['attach', '-i', 'solo', '--kubeconfig', cp.kubeconfigPath], { input: 'hello from kx\n', timeoutMs: 2500 });
    assert.match(echoed.stdout, /^echo: hello from kx$/m, echoed.stderr);
    const oracle = await kubectl(['attach', '-i', 'solo'], { ...admin(), input: 'hello from kubectl\n', timeoutMs: 2500 });
    assert.match(oracle.stdout, /^echo: hello from kubectl$/m);
  });
});

describe('RBAC: alice may read viewonly but write only team-a', () => {
  const alice = () => cp.aliceKubeconfigPath;

  it("kx edit, set image and port-forward outside team-a get the server's Forbidden sentence, exit 1, nothing changed", async () => {
    const before = await get('deploy', 'locked', '-n', 'viewonly', '-o', 'jsonpath={.metadata.resourceVersion}');
    const ed = editor('alice', `sed -i 's/^  replicas: [0-9]*$/  replicas: 4/' "$1"`);
    const forbidden = (verb: string, resource: string) =>
      `is forbidden: User "alice" cannot ${verb} resource "${resource}" in API group "${resource === 'deployments' ? 'apps' : ''}" in the namespace "viewonly"`;

    const image = await kx(['set', 'image', 'deployment/locked', 'main=nginx:9', '-n', 'viewonly'], {}, alice());
    const imageOracle = await kubectl(['set', 'image', 'deployment/locked', 'main=nginx:9', '-n', 'viewonly'], { kubeconfig: alice() });
    assert.equal(image.code, 1);
    assert.equal(image.stderr, imageOracle.stderr);
    assert.equal(image.stderr, `error: failed to patch image update to pod template: deployments.apps "locked" ${forbidden('patch', 'deployments')}\n`);
    assert.ok(image.stderr.includes(forbidden('patch', 'deployments')), image.stderr);

    const edit = await kx(['edit', 'deployment/locked', '-n', 'viewonly'], { KUBE_EDITOR: ed }, alice());
    const editOracle = await kubectl(['edit', 'deployment/locked', '-n', 'viewonly'], { kubeconfig: alice(), env: { KUBE_EDITOR: ed } });
    assert.equal(edit.code, 1);
    assert.equal(editOracle.code, 1);
    assert.ok(edit.stderr.includes(forbidden('patch', 'deployments')), `kx: ${edit.stderr}\nkubectl: ${editOracle.stderr}`);
    assert.ok(editOracle.stderr.includes(forbidden('patch', 'deployments')), editOracle.stderr);

    const port = await freePort();
    const pod = await kubectlOk(['get', 'pods', '-n', 'viewonly', '-l', 'app=locked', '-o', 'jsonpath={.items[0].metadata.name}'], admin());
    // kubectl dials before it listens, so the refusal comes at once; kx dials per connection, so a GET asks it.
    const pfOracle = await kubectl(['port-forward', '-n', 'viewonly', `pod/${pod}`, `${port}:8080`], { kubeconfig: alice(), timeoutMs: 15_000 });
    assert.equal(pfOracle.code, 1, pfOracle.stdout + pfOracle.stderr);
    assert.match(pfOracle.stderr, /is forbidden: User "alice" cannot (get|create) resource "pods\/portforward" in API group "" in the namespace "viewonly"/);
    const pf = await kxForward(['-n', 'viewonly', `pod/${pod}`, `${port}:8080`], alice());
    const through = await httpGet(port).catch((err: Error) => err.message);
    const code = await Promise.race([pf.exited, new Promise<string>((r) => setTimeout(() => r('still running'), 5000))]);
    if (code === 'still running') await stop(pf);
    assert.equal(code, 1, `kx: exit ${String(code)}, stdout ${JSON.stringify(pf.stdout())}, stderr ${JSON.stringify(pf.stderr())}, GET: ${JSON.stringify(through)}\nkubectl: ${pfOracle.stderr}`);
    assert.match(pf.stderr(), /is forbidden: User "alice" cannot (get|create) resource "pods\/portforward" in API group "" in the namespace "viewonly"/);

    assert.equal(await get('deploy', 'locked', '-n', 'viewonly', '-o', 'jsonpath={.metadata.resourceVersion}'), before);
  });

  it('the explorer asks the server first: outside team-a e, i and F refuse with an RBAC flash (no editor), scale and delete leave the hints', async () => {
    const ran = join(cp.dir, 'alice-editor-ran');
    const ed = editor('alice-tui', `touch "${ran}"`);
    const guarded = [/\bs scale\b/, /<ctrl-d> delete\b/];
    const open = (ns: string) => openKx(`deploy -n ${ns}`, { kubeconfig: alice(), columns: 200, rows: 14, env: { KUBE_EDITOR: ed } });

    const mine = open('team-a');
    try {
      await mine.waitFor(/\bmine\b/);
      const hints = lastLine(await mine.waitFor((screen) => guarded.every((g) => g.test(lastLine(screen)))));
      assert.match(hints, /\bd describe\b/);
    } finally {
      mine.kill();
    }

    const t = open('viewonly');
    try {
      await t.waitFor(/\blocked\b/);
      // Until the access reviews answer nothing is hidden: scale and delete leaving the bar is their answer.
      const hints = lastLine(await t.waitFor((screen) => /\bd describe\b/.test(lastLine(screen)) && guarded.every((g) => !g.test(lastLine(screen)))));
      assert.match(hints, /\bl logs\b/);
      for (const [key, sentence] of [
        ['e', 'You may not edit deployments in namespace viewonly (RBAC)'],
        ['i', 'You may not image deployments in namespace viewonly (RBAC)'],
        ['F', 'You may not port-forward pods in namespace viewonly (RBAC)'],
      ] as const) {
        t.send(key);
        await t.waitFor((screen) => screen.includes(sentence)).catch((err: Error) => assert.fail(`after ${key}: ${err.message}`));
        // No esc between keys: nothing is open, and an esc followed at once by a key reads as alt-key.
      }
    } finally {
      t.kill();
    }
    assert.equal(existsSync(ran), false, 'the editor never opened');
    assert.equal(await get('deploy', 'locked', '-n', 'viewonly', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}'), '1 nginx:1.25');
  });
});
