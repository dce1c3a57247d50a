/**
 * The set image dialog (`i`): the object's containers, init containers first, each with its
 * current image and a field holding the new one. ↑/↓ (or tab) pick a container, typing edits its
 * field (the prompt's editing keys), enter applies every changed field at once with kubectl's
 * patch (kube/mutations/set-image.ts), esc cancels. Success flashes kubectl's sentence.
 */
import { Box, Text, type Key } from 'ink';
import { useKeyInput } from '../keys/key-dispatch.tsx';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { kubectlKind } from '../../kube/mutations/delete.ts';
import { readContainerImages, setImage, type ContainerImage } from '../../kube/mutations/set-image.ts';
import { toKxError } from '../../kube/errors.ts';
import { pressesOfChunk, promptKey, type PromptState } from '../components/prompt-bar.tsx';
import type { PaneProps } from './pane-types.ts';
import { useTheme } from '../theme-context.tsx';

type Form = { fields: PromptState[]; selected: number };

type Phase = { kind: 'loading' } | { kind: 'editing'; message?: string } | { kind: 'working' } | { kind: 'failed'; message: string };

/** The images to send: the fields that differ from the current image, or a sentence saying why not. */
export function changedImages(containers: readonly ContainerImage[], fields: readonly PromptState[]): { ok: true; images: Map<string, string> } | { ok: false; message: string } {
  const images = new Map<string, string>();
  for (const [i, c] of containers.entries()) {
    const text = fields[i]?.text.trim() ?? c.image;
    if (text === '') return { ok: false, message: `The image of container ${c.name} is empty: type one, or esc to cancel.` };
    if (text !== c.image) images.set(c.name, text);
  }
  return images.size === 0 ? { ok: false, message: 'No image changed: edit a field first, or esc to cancel.' } : { ok: true, images };
}

/** The set image dialog for one object. */
export function SetImageDialog(props: PaneProps): ReactElement {
  const { client, target } = props;
  const theme = useTheme();
  const [containers, setContainers] = useState<ContainerImage[]>([]);
  const [form, setForm] = useState<Form>({ fields: [], selected: 0 });
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  // Keys can arrive faster than renders (a paste, tmux): the handler works on the latest form.
  const latest = useRef(form);
  const change = (next: Form): void => {
    latest.current = next;
    setForm(next);
  };
  useEffect(() => {
    let live = true;
    readContainerImages(client, target).then(
      (found) => {
        if (!live) return;
        setContainers(found);
        change({ fields: found.map((c) => ({ text: c.image, cursor: c.image.length })), selected: 0 });
        setPhase({ kind: 'editing' });
      },
      (err: unknown) => live && setPhase({ kind: 'failed', message: toKxError(err).message }),
    );
    return () => {
      live = false;
    };
  }, [client, target]);

  const apply = (): void => {
    const request = changedImages(containers, latest.current.fields);
    if (!request.ok) return setPhase({ kind: 'editing', message: request.message });
    setPhase({ kind: 'working' });
    Promise.resolve()
      .then(() => {
        props.gate.enter('set image');
        return setImage(client, target, request.images);
      })
      .then(
        ({ said }) => {
          props.onFlash({ text: said ?? `${name}: the images were already those`, level: 'info' });
          props.onClose();
        },
        (err: unknown) => setPhase({ kind: 'failed', message: toKxError(err).message }),
      );
  };

  // One press of an editing dialog; false when the press hands the focus back (the rest of a chunk is dropped).
  const press = (input: string, key: Key): boolean => {
    const { fields, selected } = latest.current;
    const count = fields.length;
    if (key.upArrow || (key.shift && key.tab)) change({ fields, selected: (selected + count - 1) % count });
    else if (key.downArrow || key.tab) change({ fields, selected: (selected + 1) % count });
    else {
      const action = promptKey(fields[selected]!, input, key);
      if (action.kind === 'cancel') return (props.onClose(), false);
      if (action.kind === 'submit') return (apply(), false);
      if (action.kind === 'edit') change({ fields: fields.map((f, i) => (i === selected ? action.state : f)), selected });
    }
    return true;
  };

  useKeyInput(
    (input, key) => {
      if (phase.kind === 'failed') {
        if (key.escape || key.return || containers.length === 0) props.onClose();
        else setPhase({ kind: 'editing' });
        return;
      }
      if (phase.kind !== 'editing' || latest.current.fields.length === 0) return key.escape ? props.onClose() : undefined;
      for (const p of pressesOfChunk(input, key)) if (!press(p.input, p.key)) return;
    },
    { isActive: props.active && phase.kind !== 'working', refuseTypeAhead: true },
  );

  const name = `${kubectlKind(target.resource)}/${target.name}`;
  const nameWidth = Math.max(4, ...containers.map((c) => c.name.length + (c.init ? 7 : 0)));
  const imageWidth = Math.max(6, ...containers.map((c) => c.image.length));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.tone.info} paddingX={1} width={Math.min(props.width, 110)}>
      <Text bold>
        Set image of {name}
        {target.namespace ? ` in namespace ${target.namespace}` : ''} on context {props.contextName}
      </Text>
      {phase.kind === 'loading' ? <Text color={theme.tone.muted}>reading its containers…</Text> : null}
      {containers.map((c, i) => {
        const field = form.fields[i] ?? { text: c.image, cursor: c.image.length };
        const on = i === form.selected;
        const label = `${c.name}${c.init ? ' (init)' : ''}`.padEnd(nameWidth);
        return (
          <Text key={`${c.init ? 'init/' : ''}${c.name}`}>
            {on ? '▸ ' : '  '}
            <Text bold={on}>{label}</Text>
            <Text color={theme.tone.muted}>{`  ${(c.image || '<none>').padEnd(imageWidth)}  → `}</Text>
            {on ? <FieldText state={field} /> : <Text color={field.text === c.image ? theme.tone.muted : undefined}>{field.text}</Text>}
          </Text>
        );
      })}
      <Text color={theme.tone.muted}>↑/↓ pick a container · type the new image · enter applies · esc cancels</Text>
      {phase.kind === 'editing' && phase.message ? <Text color={theme.tone.warn}>{phase.message}</Text> : null}
      {phase.kind === 'working' ? <Text color={theme.tone.info}>updating…</Text> : null}
      {phase.kind === 'failed' ? <Text color={theme.tone.error}>{phase.message} (esc closes, any other key edits)</Text> : null}
    </Box>
  );
}

/** A field's text with the cursor drawn as an inverse cell. */
export function FieldText({ state }: { state: PromptState }): ReactElement {
  const { text, cursor } = state;
  return (
    <Text>
      {text.slice(0, cursor)}
      <Text inverse>{text[cursor] ?? ' '}</Text>
      {text.slice(cursor + 1)}
    </Text>
  );
}
