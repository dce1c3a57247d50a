/**
 * A key right behind the one that switched the view reaches the new view: handlers join and leave
 * the app's one listener inside the commit, not in a passive effect that runs later.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Text } from 'ink';
import { useState, type ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { KeymapProvider, useKeyActions } from '../../../src/ui/keys/keymap-context.tsx';
import { useKeyInput } from '../../../src/ui/keys/key-dispatch.tsx';
import { defaultKeymap } from '../../../src/keys/keymap.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** `element` under the app's keymap and key dispatcher, once its first effects have run. */
async function renderWithKeys(element: ReactElement): Promise<ReturnType<typeof render>> {
  const rendered = render(<KeymapProvider keymap={defaultKeymap}>{element}</KeymapProvider>);
  await new Promise((resolve) => setImmediate(resolve));
  return rendered;
}

function Recorder(props: { name: string; seen: string[]; onSwitch: () => void }): ReactElement {
  useKeyInput((input) => {
    props.seen.push(`${props.name}:${input}`);
    if (input === 'x') props.onSwitch();
  });
  return <Text>{props.name}</Text>;
}

function Switching(props: { seen: string[] }): ReactElement {
  const [view, setView] = useState<'a' | 'b'>('a');
  return view === 'a' ? <Recorder key="a" name="a" seen={props.seen} onSwitch={() => setView('b')} /> : <Recorder key="b" name="b" seen={props.seen} onSwitch={() => setView('a')} />;
}

test('keys in one burst: the one after a view switch goes to the new view, none to the old', async () => {
  const seen: string[] = [];
  const { stdin, lastFrame, unmount } = await renderWithKeys(<Switching seen={seen} />);
  // Back to back, as Ink emits the key events of one read from the terminal: no turn of the event
  // loop between them for passive effects.
  stdin.write('x');
  stdin.write('y');
  stdin.write('x');
  stdin.write('z');
  await settle();
  assert.deepEqual(seen, ['a:x', 'b:y', 'b:x', 'a:z']);
  assert.equal(lastFrame(), 'a');
  unmount();
});

function Mover(props: { moves: string[] }): ReactElement {
  const [open, setOpen] = useState(false);
  return open ? <Recorder name="prompt" seen={props.moves} onSwitch={() => setOpen(false)} /> : <Table moves={props.moves} onOpen={() => setOpen(true)} />;
}

function Table(props: { moves: string[]; onOpen: () => void }): ReactElement {
  useKeyActions('table', { down: () => props.moves.push('table:down'), command: props.onOpen }, { isActive: true });
  return <Text>table</Text>;
}

test('keymap actions: a key typed as a prompt opens goes to the prompt, not the table behind it', async () => {
  const moves: string[] = [];
  const { stdin, unmount } = await renderWithKeys(<Mover moves={moves} />);
  stdin.write('j');
  stdin.write(':');
  stdin.write('j');
  stdin.write('x');
  stdin.write('j');
  await settle();
  assert.deepEqual(moves, ['table:down', 'prompt:j', 'prompt:x', 'table:down']);
  unmount();
});

function Deleter(props: { answers: string[] }): ReactElement {
  const [asking, setAsking] = useState(false);
  useKeyInput(
    (input) => {
      if (input === 'D') setAsking(true);
    },
    { isActive: !asking },
  );
  return asking ? <Question answers={props.answers} /> : <Text>table</Text>;
}

function Question(props: { answers: string[] }): ReactElement {
  useKeyActions('dialog', { 'confirm-yes': () => props.answers.push('yes') }, { isActive: true, refuseTypeAhead: true });
  return <Text>Delete?</Text>;
}

test('a question that changes the cluster ignores keys typed ahead of it: a y read with the key that opened it does not answer', async () => {
  const answers: string[] = [];
  const { stdin, lastFrame, unmount } = await renderWithKeys(<Deleter answers={answers} />);
  stdin.write('D');
  stdin.write('y');
  await settle();
  assert.equal(lastFrame(), 'Delete?');
  assert.deepEqual(answers, [], 'the y was typed before the question was on screen');
  stdin.write('y');
  await settle();
  assert.deepEqual(answers, ['yes'], 'a y typed after it answers');
  unmount();
});
