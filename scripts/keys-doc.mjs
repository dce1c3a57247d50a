// Rewrites the key tables in README.md from src/keys/actions.ts (run with `npm run keys-doc`).
import { readFileSync, writeFileSync } from 'node:fs';
import { keysBlockEnd, keysBlockStart, keysMarkdown } from '../src/keys/keys-markdown.ts';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const start = readme.indexOf(keysBlockStart);
const end = readme.indexOf(keysBlockEnd);
if (start < 0 || end < start) {
  console.error(`README.md has no ${keysBlockStart} … ${keysBlockEnd} block`);
  process.exit(1);
}
const next = `${readme.slice(0, start + keysBlockStart.length)}\n\n${keysMarkdown()}\n${readme.slice(end)}`;
writeFileSync(path, next);
console.log(next === readme ? 'README.md keys already up to date' : 'README.md keys rewritten');
