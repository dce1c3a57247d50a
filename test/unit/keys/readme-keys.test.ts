/** The README documents exactly the keys the action table binds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { keysBlockEnd, keysBlockStart, keysMarkdown } from '../../../src/keys/keys-markdown.ts';
import { actionSpecs } from '../../../src/keys/actions.ts';

test('README.md holds the key tables generated from the action table (run `npm run keys-doc` after changing keys)', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(keysBlockStart);
  const end = readme.indexOf(keysBlockEnd);
  assert.ok(start >= 0 && end > start, 'README.md has the generated keys block');
  assert.equal(readme.slice(start + keysBlockStart.length, end).trim(), keysMarkdown().trim());
});

test('every action appears in the generated tables with its keys', () => {
  const md = keysMarkdown();
  for (const a of actionSpecs) assert.ok(md.includes(a.description), `${a.id} is documented`);
  assert.match(md, /\| `<ctrl-d>` \| Delete the object/);
});
