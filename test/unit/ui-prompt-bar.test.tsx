import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useState } from 'react';
import { buildDiscovery, type RawDiscovery } from '../../src/kube/discovery.ts';
import { completeCommand } from '../../src/explorer/commands/complete-command.ts';
import { parseCommand, type CommandContext } from '../../src/explorer/commands/parse-command.ts';
import { parseFilterInput } from '../../src/explorer/filter/filter-query.ts';
import { highlightSegments } from '../../src/explorer/filter/highlight.ts';
import { themeFor } from '../../src/ui/theme.ts';

// Ink's colours follow the terminal; force them so the cursor, ghost text and matches can be seen.
// (Set before Ink loads, hence the dynamic imports.)
process.env['FORCE_COLOR'] = '1';
const { renderThemed } = await import('../support/render-themed.tsx');
const { PromptBar } = await import('../../src/ui/components/prompt-bar.tsx');
const { HighlightedText } = await import('../../src/ui/components/highlighted-text.tsx');

const strip = (frame: string | undefined) => (frame ?? '').replace(/\x1b\[[0-9;]*m/g, '');
const dim = '\x1b[2m';
const inverse = '\x1b[7m';
const colour = themeFor({});
const raw = JSON.parse(readFileSync(new URL('../fixtures/kube-discovery/raw-1.20.json', import.meta.url), 'utf8')) as RawDiscovery;
const ctx: CommandContext = { discovery: buildDiscovery(raw), contexts: ['kind-kx'], namespaces: ['default', 'kube-system'] };

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function type(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    await tick();
  }
}

/** The command prompt as the app will use it: errors from submit, cleared when the text changes. */
function CommandPrompt(props: { submitted: string[] }) {
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <PromptBar
      mode=":"
      width={80}
      complete={(text) => completeCommand(text, ctx)}
      error={error}
      onChange={() => setError(undefined)}
      onSubmit={(text) => {
        const c = parseCommand(text, ctx);
        if (c.kind === 'error') setError(c.message);
        else props.submitted.push(text);
      }}
      onCancel={() => props.submitted.push('<cancel>')}
    />
  );
}

test('typing shows the text, the cursor and the best completion dimmed after it', async () => {
  const submitted: string[] = [];
  const { lastFrame, stdin, unmount } = renderThemed(<CommandPrompt submitted={submitted} />);
  await tick();
  assert.equal(strip(lastFrame()), ': ');
  assert.ok(lastFrame()!.includes(`${inverse} `), 'an empty prompt shows the cursor');
  await type(stdin, 'd', 'e', 'p');
  assert.equal(strip(lastFrame()), ':deployments', 'typed text plus the rest of the completion');
  assert.ok(lastFrame()!.includes('dep'), 'typed text drawn as is');
  assert.ok(lastFrame()!.includes(dim), 'the completion is dimmed');
  assert.ok(lastFrame()!.indexOf(dim) > lastFrame()!.indexOf('dep'), 'typed text is not dimmed');
  await type(stdin, '\x7f');
  assert.equal(strip(lastFrame()), ':deployments', "'de' still completes to deployments");
  await type(stdin, '\x7f', '\x7f');
  assert.equal(strip(lastFrame()), ': ');
  assert.ok(!lastFrame()!.includes(dim), 'no completion for an empty prompt');
  unmount();
});

test('Tab completes, then arguments complete too, and Enter submits', async () => {
  const submitted: string[] = [];
  const { lastFrame, stdin, unmount } = renderThemed(<CommandPrompt submitted={submitted} />);
  await tick();
  await type(stdin, 'de', '\t');
  assert.equal(strip(lastFrame()), ':deployments ', 'the cursor block after the completed word');
  assert.ok(!lastFrame()!.includes(dim), 'after Tab the text is real, nothing left to suggest');
  await type(stdin, ' kube-');
  assert.equal(strip(lastFrame()), ':deployments kube-system');
  await type(stdin, '\t', '\r');
  assert.deepEqual(submitted, ['deployments kube-system']);
  unmount();
});

test('an unknown command shows the error with a suggestion; typing clears it', async () => {
  const submitted: string[] = [];
  const { lastFrame, stdin, unmount } = renderThemed(<CommandPrompt submitted={submitted} />);
  await tick();
  await type(stdin, 'deplo', '\x1b[D', '\x1b[D', '\r');
  assert.equal(submitted.length, 0);
  assert.equal(strip(lastFrame()), ':deplo  unknown command ":deplo"; did you mean ":deploy"?');
  assert.ok(lastFrame()!.includes(`${inverse}l`), "the cursor sits on the 'l' after moving left twice");
  await type(stdin, '\x1b[F', 'y');
  assert.equal(strip(lastFrame()), ':deploy ', 'the error goes once the text changes');
  await type(stdin, '\r');
  assert.deepEqual(submitted, ['deploy']);
  await type(stdin, '\x1b');
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.deepEqual(submitted, ['deploy', '<cancel>']);
  unmount();
});

test('editing in the middle: the cursor moves and text is inserted there', async () => {
  const submitted: string[] = [];
  const { stdin, unmount } = renderThemed(<PromptBar mode="/" width={40} initialText="wb" onSubmit={(t) => submitted.push(t)} onCancel={() => {}} />);
  await tick();
  await type(stdin, '\x1b[D', 'e', '\x01', '!', '\r');
  assert.deepEqual(submitted, ['!web']);
  unmount();
});

test('a live check shows a bad label selector while typing', async () => {
  const { lastFrame, stdin, unmount } = renderThemed(
    <PromptBar
      mode="/"
      width={120}
      validate={(text) => {
        const q = parseFilterInput(text);
        return q.kind === 'invalid' ? q.message : undefined;
      }}
      onSubmit={() => {}}
      onCancel={() => {}}
    />,
  );
  await tick();
  await type(stdin, '-l app in web');
  assert.match(strip(lastFrame()), /^\/-l app in web {3}Label selector "app in web" is invalid: expected "\(" after "in", found "web"\.$/);
  await type(stdin, '\x17', '(web)');
  assert.equal(strip(lastFrame()), '/-l app in (web) ');
  unmount();
});

test('highlighted text keeps every character and marks the matches', () => {
  const { lastFrame, unmount } = renderThemed(<HighlightedText segments={highlightSegments('web-7d9c', [0, 1, 2, 4])} color={colour.tone.ok} />, colour);
  const frame = lastFrame()!;
  unmount();
  assert.equal(strip(frame), 'web-7d9c');
  assert.match(frame, /\x1b\[1m/, 'bold matches');
  const { lastFrame: plain, unmount: unmount2 } = renderThemed(<HighlightedText segments={highlightSegments('web', [0])} />);
  assert.match(plain()!, /\x1b\[4m/, 'underlined without colour');
  unmount2();
});

test('keys typed before the prompt was listening are taken once, in order, when it mounts', async () => {
  const noKey = {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
  };
  let taken = 0;
  const early = [
    { input: 'red', key: noKey },
    { input: 'i', key: noKey },
    { input: '', key: { ...noKey, backspace: true } },
    { input: 'is', key: noKey },
  ];
  const submitted: string[] = [];
  const { lastFrame, stdin } = renderThemed(
    <PromptBar
      mode="/"
      width={40}
      takeEarlyKeys={() => {
        taken++;
        return early;
      }}
      onSubmit={(text) => submitted.push(text)}
      onCancel={() => undefined}
    />,
  );
  await tick();
  assert.match(strip(lastFrame()), /^\/redis/);
  // Typing goes on from there; the early keys were not applied twice.
  await type(stdin, '-0', '\r');
  assert.deepEqual(submitted, ['redis-0']);
  assert.equal(taken, 1);
});

test('a chunk of typing with Enter in it is the text, then Enter', async () => {
  const submitted: string[] = [];
  const { stdin } = renderThemed(<PromptBar mode=":" width={40} onSubmit={(text) => submitted.push(text)} onCancel={() => undefined} />);
  await tick();
  // One write, as tmux or a fast typist delivers it: 'deploy', Backspace, 'y', Enter.
  await type(stdin, 'deplo\x7fy\r');
  assert.deepEqual(submitted, ['deply']);
  // What follows Enter in the same chunk is not the prompt's (it closes; the table gets the focus).
  await type(stdin, 'x\r\r');
  assert.deepEqual(submitted, ['deply', 'deplyx']);
});
