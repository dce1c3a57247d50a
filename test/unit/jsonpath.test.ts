/** kubectl's JSONPath dialect: what parses, what each expression finds, and the cell kubectl prints. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonPathSyntaxError, parseColumnPath, relaxedJsonPath } from '../../src/kinds/jsonpath/jsonpath-parse.ts';
import { customColumnCell, JsonPathEvalError } from '../../src/kinds/jsonpath/jsonpath-eval.ts';
import { goFloatText, goValueText } from '../../src/kinds/jsonpath/go-value-text.ts';

const pod = {
  metadata: { name: 'web-1', labels: { app: 'web', 'topology.kubernetes.io/zone': 'eu-1a' }, annotations: {} },
  spec: {
    nodeName: 'node-a',
    terminationGracePeriodSeconds: 30,
    containers: [
      { name: 'main', image: 'nginx:1.27', ports: [{ containerPort: 80 }, { containerPort: 443 }] },
      { name: 'sidecar', image: 'envoy:1.30', stdin: true, ports: [{ containerPort: 9901 }] },
    ],
  },
  status: {
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    ratio: 0.25,
    big: 1234567.5,
  },
};

const cell = (expr: string): string => customColumnCell(parseColumnPath(expr), pod);

test('relaxed expressions are wrapped the way kubectl wraps them', () => {
  assert.equal(relaxedJsonPath('.metadata.name'), '{.metadata.name}');
  assert.equal(relaxedJsonPath('metadata.name'), '{.metadata.name}');
  assert.equal(relaxedJsonPath('{.metadata.name}'), '{.metadata.name}');
  assert.equal(relaxedJsonPath('{metadata.name}'), '{.metadata.name}');
  assert.throws(() => relaxedJsonPath('{.metadata.name'), /unexpected path string/);
});

test('fields, escaped dots, quoted keys and missing fields', () => {
  assert.equal(cell('.metadata.name'), 'web-1');
  assert.equal(cell('metadata.name'), 'web-1');
  assert.equal(cell('.metadata.labels.topology\\.kubernetes\\.io/zone'), 'eu-1a');
  assert.equal(cell(".metadata.labels['topology\\.kubernetes\\.io/zone']"), 'eu-1a');
  assert.equal(cell('.metadata.labels.nope'), '<none>');
  assert.equal(cell('.metadata.name.deeper'), '<none>');
  // An unescaped dot is a step, as in kubectl: this looks for labels.topology.kubernetes…
  assert.equal(cell('.metadata.labels.topology.kubernetes.io/zone'), '<none>');
});

test('indexes, slices, wildcards and unions join several results with commas', () => {
  assert.equal(cell('.spec.containers[0].image'), 'nginx:1.27');
  assert.equal(cell('.spec.containers[-1].name'), 'sidecar');
  assert.equal(cell('.spec.containers[*].name'), 'main,sidecar');
  assert.equal(cell('.spec.containers[0:1].name'), 'main');
  assert.equal(cell('.spec.containers[*].ports[*].containerPort'), '80,443,9901');
  assert.equal(cell('.spec.containers[1,0].name'), 'sidecar,main');
  assert.equal(cell('.spec.containers[*].stdin'), 'true');
  assert.equal(cell('.metadata.labels.*'), 'web,eu-1a');
});

test('filters compare like kubectl, and an exists filter keeps items that have the field', () => {
  assert.equal(cell('.status.conditions[?(@.type=="Ready")].status'), 'True');
  assert.equal(cell(".spec.containers[?(@.name!='main')].image"), 'envoy:1.30');
  assert.equal(cell('.spec.containers[?(@.stdin)].name'), 'sidecar');
  assert.equal(cell('.spec.containers[*].ports[?(@.containerPort>100)].containerPort'), '443,9901');
  assert.equal(cell('.status.conditions[?(@.type=="Gone")].status'), '<none>');
  assert.throws(() => cell('.spec.containers[?(@.name==1)].name'), JsonPathEvalError);
});

test('values print as Go %v: maps with sorted keys, lists, numbers', () => {
  assert.equal(cell('.spec.containers[0].ports'), '[map[containerPort:80] map[containerPort:443]]');
  assert.equal(cell('.metadata.labels'), 'map[app:web topology.kubernetes.io/zone:eu-1a]');
  assert.equal(cell('.metadata.annotations'), 'map[]');
  assert.equal(cell('.spec.terminationGracePeriodSeconds'), '30');
  assert.equal(cell('.status.ratio'), '0.25');
  assert.equal(cell('.status.big'), '1.2345675e+06');
  assert.equal(goFloatText(0.00001), '1e-05');
  assert.equal(goValueText(null), '<nil>');
});

test('where kubectl stops on an object, evaluation throws', () => {
  assert.throws(() => cell('.spec.containers[5].image'), /array index out of bounds: index 5, length 2/);
  assert.throws(() => cell('.metadata.labels[0]'), /is not array or slice/);
});

test('expressions kubectl cannot parse are refused with its message', () => {
  const refused: Array<[string, RegExp]> = [
    ['.metadata.name[', /unterminated array/],
    ['.spec.containers[x]', /invalid array index x/],
    ['.spec.containers[?(@.name=="a")', /unclosed array expect \]/],
    ['.metadata.name ^', /unrecognized character in action: U\+005E '\^'/],
    ["{.metadata.labels['a}", /unterminated array/],
    ['{.metadata.name', /unexpected path string/],
    ['.spec.containers[0] "name', /unterminated quoted string/],
  ];
  for (const [expr, message] of refused) {
    assert.throws(
      () => parseColumnPath(expr),
      (err: unknown) => err instanceof JsonPathSyntaxError && message.test(err.message),
      expr,
    );
  }
});
