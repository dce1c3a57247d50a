/** The explorer's bottom prompt: `:` runs a command (with completion), `/` filters the view as you type. */
import type { ReactElement } from 'react';
import { PromptBar, type EarlyKey } from '../components/prompt-bar.tsx';
import type { ExplorerAction } from './explorer-state.ts';
import type { CommandMode } from './use-command-mode.ts';

/** Props of ExplorerPrompt. */
export interface ExplorerPromptProps {
  mode: ':' | '/';
  /** The view's filter, the `/` prompt's starting text. */
  filter: string;
  commands: CommandMode;
  width: number;
  takeEarlyKeys: () => readonly EarlyKey[];
  dispatch: (action: ExplorerAction) => void;
}

/** The prompt for `mode`. */
export function ExplorerPrompt(props: ExplorerPromptProps): ReactElement {
  const { mode, commands, dispatch } = props;
  return (
    <PromptBar
      mode={mode}
      width={props.width}
      initialText={mode === '/' ? props.filter : ''}
      {...(mode === ':' && commands.complete ? { complete: commands.complete } : {})}
      error={mode === ':' ? commands.error : undefined}
      takeEarlyKeys={props.takeEarlyKeys}
      onChange={(text) => {
        commands.edited();
        if (mode === '/') dispatch({ type: 'filter', text });
      }}
      onSubmit={(text) => {
        if (mode === ':') commands.submit(text);
        else dispatch({ type: 'prompt', prompt: undefined });
      }}
      onCancel={() => {
        commands.cancel();
        if (mode === '/') dispatch({ type: 'filter', text: '' });
        dispatch({ type: 'prompt', prompt: undefined });
      }}
    />
  );
}
