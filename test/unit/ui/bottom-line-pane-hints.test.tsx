/** The hints under a pane offer only what applies to its object: `x reveal` for Secrets only. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BottomLine } from '../../../src/ui/explorer/bottom-line.tsx';
import { viewOf } from '../../../src/explorer/view-entry.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';
import { renderThemed } from '../../support/render-themed.tsx';

function core(plural: string, kind: string): ResourceInfo {
  return {
    group: '',
    version: 'v1',
    versions: ['v1'],
    plural,
    singular: kind.toLowerCase(),
    kind,
    shortNames: [],
    categories: [],
    namespaced: true,
    verbs: ['get', 'list', 'watch'],
    subresources: { scale: false, status: false, log: false, exec: false },
  };
}

function hintsUnderYaml(resource: ResourceInfo): string {
  const { lastFrame, unmount } = renderThemed(
    <BottomLine
      entry={viewOf(resource, 'default')}
      pane={{ kind: 'yaml', target: { resource, namespace: 'default', name: 'x' } }}

      width={200}
      readonly={false}
      selected={undefined}
      denied={new Set()}
    />,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

test('the YAML pane of a Secret offers reveal; of anything else it does not', () => {
  const secret = hintsUnderYaml(core('secrets', 'Secret'));
  assert.match(secret, /x reveal/);
  const configMap = hintsUnderYaml(core('configmaps', 'ConfigMap'));
  assert.match(configMap, /close/, 'the pane hints are there');
  assert.doesNotMatch(configMap, /reveal/);
});

test('the port-forwards pane offers stop, not the resource table’s actions', () => {
  const resource = core('pods', 'Pod');
  const { lastFrame, unmount } = renderThemed(<BottomLine entry={viewOf(resource, 'default')} pane={{ kind: 'forwards' }} width={200} readonly={false} selected={undefined} denied={new Set()} />);
  const frame = lastFrame() ?? '';
  unmount();
  assert.match(frame, /<ctrl-d> stop/);
  assert.doesNotMatch(frame, /describe|filter/);
});
