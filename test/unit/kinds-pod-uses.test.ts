/** The objects a pod uses (kinds/pod-uses.ts), as pod rows keep them for `u`. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { kindFor } from '../../src/kinds/registry.ts';
import { podUses } from '../../src/kinds/pod-uses.ts';
import type { KubeObject } from '../../src/kube/object.ts';

const realPods = (JSON.parse(readFileSync(new URL('../fixtures/real/pods.json', import.meta.url), 'utf8')) as { items: KubeObject[] }).items;

test('real pods (a 1.20 control plane): the token Secret they mount and the ServiceAccount they run as', () => {
  assert.ok(realPods.length > 0);
  for (const pod of realPods) {
    const spec = pod['spec'] as { volumes: { secret?: { secretName: string } }[]; serviceAccountName: string };
    const secrets = spec.volumes.flatMap((v) => (v.secret ? [`secrets/${v.secret.secretName}`] : []));
    const row = kindFor('pods')!.toRow(pod, Date.now());
    assert.deepEqual(row.uses, [...secrets, `serviceaccounts/${spec.serviceAccountName}`], pod.metadata.name);
  }
  assert.deepEqual(kindFor('pods')!.toRow(realPods[0]!, Date.now()).uses, ['secrets/default-token-dx6rw', 'serviceaccounts/default']);
});

test('every kind of reference: volumes, projected sources, env, envFrom, init and ephemeral containers, pull secrets, each once', () => {
  const spec = {
    serviceAccountName: 'runner',
    imagePullSecrets: [{ name: 'registry' }],
    volumes: [
      { name: 'conf', configMap: { name: 'app-config' } },
      { name: 'tls', secret: { secretName: 'tls' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: {} } } },
      { name: 'all', projected: { sources: [{ configMap: { name: 'kube-root-ca.crt' } }, { secret: { name: 'projected-secret' } }, { serviceAccountToken: { path: 'token' } }] } },
      { name: 'tmp', emptyDir: {} },
    ],
    initContainers: [{ name: 'init', envFrom: [{ configMapRef: { name: 'init-env' } }] }],
    containers: [
      {
        name: 'app',
        env: [
          { name: 'PLAIN', value: 'x' },
          { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'level' } } },
          { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        ],
        envFrom: [{ secretRef: { name: 'env-secret' } }],
      },
    ],
    ephemeralContainers: [{ name: 'debug', envFrom: [{ configMapRef: { name: 'debug-env' } }] }],
  };
  assert.deepEqual(podUses(spec, 'web-0'), [
    'configmaps/app-config',
    'secrets/tls',
    'persistentvolumeclaims/data',
    'persistentvolumeclaims/web-0-scratch',
    'configmaps/kube-root-ca.crt',
    'secrets/projected-secret',
    'configmaps/init-env',
    'secrets/db',
    'secrets/env-secret',
    'configmaps/debug-env',
    'secrets/registry',
    'serviceaccounts/runner',
  ]);
});

test('a bare pod uses nothing; the deprecated serviceAccount still names its account', () => {
  assert.deepEqual(podUses({ containers: [{ name: 'c' }] }, 'p'), []);
  assert.deepEqual(podUses({ serviceAccount: 'old' }, 'p'), ['serviceaccounts/old']);
  assert.deepEqual(podUses({ volumes: 'not a list', containers: [{ env: [{ valueFrom: null }] }] }, 'p'), []);
});
