/**
 * NetworkPolicy, the kind added as one module: its table and describe next to what kubectl 1.32
 * printed for the same objects on the real 1.20 control plane (test/e2e/cluster). The objects are
 * test/fixtures/real/networkpolicies.json (`kubectl get -o json` after `kubectl create -f` of four
 * policies that reach every branch kubectl's describeNetworkPolicy has on a 1.20 server);
 * networkpolicies-describe.txt is `TZ=UTC kubectl describe networkpolicies -n shop` and
 * networkpolicies-get-wide.txt is `kubectl get networkpolicies -A -o wide`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cellsAt } from '../../../src/kinds/cells.ts';
import { networkPoliciesKind } from '../../../src/kinds/networkpolicies.ts';
import { kindFor } from '../../../src/kinds/registry.ts';
import type { Describer } from '../../../src/kinds/describe/describe-types.ts';
import type { KubeList, KubeObject } from '../../../src/kube/object.ts';

const fixture = (file: string): string => readFileSync(new URL(`../../fixtures/real/${file}`, import.meta.url), 'utf8');
const policies = (JSON.parse(fixture('networkpolicies.json')) as KubeList).items;
const byName = (name: string): KubeObject => policies.find((p) => p.metadata.name === name) ?? assert.fail(`no ${name}`);
let describeNetworkPolicy: Describer;
const savedTz = process.env['TZ'];

before(async () => {
  process.env['TZ'] = 'UTC';
  describeNetworkPolicy = await networkPoliciesKind.module.describe!();
});
after(() => {
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});

/** kubectl's output per object: describes of several objects are separated by two blank lines. */
function kubectlDescribes(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const chunk of fixture('networkpolicies-describe.txt').split(/\n\n\n(?=Name:)/)) {
    const lines = chunk.replace(/\n+$/, '').split('\n');
    out.set(lines[0]!.replace(/^Name:\s+/, ''), lines);
  }
  return out;
}

test('networkpolicies: describe equals kubectl describe line for line (ports, peers, ipBlocks, policy types)', () => {
  const expected = kubectlDescribes();
  assert.deepEqual([...expected.keys()].sort(), policies.map((p) => p.metadata.name).sort());
  for (const [name, lines] of expected) {
    assert.deepEqual(describeNetworkPolicy({ object: byName(name), related: {}, now: Date.now() }), lines, name);
  }
});

test('networkpolicies: Created on is Go time.String() in the local zone, with its abbreviation', () => {
  process.env['TZ'] = 'America/Los_Angeles';
  try {
    const lines = describeNetworkPolicy({ object: byName('db-egress'), related: {}, now: Date.now() });
    // kubectl 1.32 with TZ=America/Los_Angeles against the same object.
    assert.equal(lines[2], 'Created on:   2026-12-04 08:59:37 -0800 PST');
  } finally {
    process.env['TZ'] = 'UTC';
  }
});

test('networkpolicies: a port range prints as kubectl 1.32 prints endPort (served from 1.21)', () => {
  const object: KubeObject = {
    ...byName('both-ways'),
    spec: {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          ports: [
            { protocol: 'UDP', port: 32000, endPort: 32768 },
            { port: 53, endPort: 60 },
          ],
        },
      ],
    },
  };
  const lines = describeNetworkPolicy({ object, related: {}, now: Date.now() });
  assert.deepEqual(lines.slice(lines.indexOf('  Allowing egress traffic:')), [
    '  Allowing egress traffic:',
    '    To Port Range: 32000-32768/UDP',
    '    To Port Range: 53-60/TCP',
    '    To: <any> (traffic not restricted by destination)',
    '  Policy Types: Egress',
  ]);
});

test('networkpolicies: the table is kubectl get -o wide (NAMESPACE, NAME, POD-SELECTOR, AGE) and rows carry the podSelector', () => {
  const kind = kindFor('networkpolicies.networking.k8s.io');
  assert.equal(kind, networkPoliciesKind, 'registered');
  const wide = fixture('networkpolicies-get-wide.txt').trimEnd().split('\n');
  const header = wide[0]!.split(/\s{2,}/);
  assert.deepEqual(
    kind.columns.map((c) => c.name),
    header,
  );
  const created = Date.parse(policies[0]!.metadata.creationTimestamp!);
  for (const line of wide.slice(1)) {
    const [namespace, name, selector, age] = line.split(/\s{2,}/);
    const row = kind.toRow(byName(name!), created + 1000);
    // kubectl printed its AGE one second after creation.
    assert.deepEqual(cellsAt(row, created + 1000), [namespace, name, selector, age], name);
  }
  assert.deepEqual(kind.toRow(byName('allow-from-frontend'), 0).selector, { matchLabels: { app: 'api' }, matchExpressions: [] });
  assert.deepEqual(kind.toRow(byName('default-deny'), 0).selector, { matchLabels: {}, matchExpressions: [] }, 'an empty podSelector selects every pod');
  assert.deepEqual(networkPoliciesKind.module.drill, { kind: 'selected-pods' });
  assert.deepEqual([networkPoliciesKind.module.related, networkPoliciesKind.module.pods, networkPoliciesKind.module.rollout], [[], undefined, undefined]);
});
