/** The explorer's bottom prompt: `:` runs a command (with completion), `/` filters the view as you type. */
import { useRef, type ReactElement } from 'react';
import { parseFilterInput } from '../../explorer/filter/filter-query.ts';
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
  /** Flashes a sentence (a filter that does not parse, refused on Enter). */
  say: (text: string, level: 'error') => void;
}

/** Why a `/` filter cannot apply (a regex that does not compile, a bad selector), or undefined. */
function filterProblem(text: string): string | undefined {
  const query = parseFilterInput(text);
  return query.kind === 'invalid' ? query.message : undefined;
}

/** The prompt for `mode`. */
export function ExplorerPrompt(props: ExplorerPromptProps): ReactElement {
  const { mode, commands, dispatch } = props;
  // The last filter text that parsed: Enter on one that does not puts this one back.
  const lastValid = useRef(filterProblem(props.filter) === undefined ? props.filter : '');
  return (
    <PromptBar
      mode={mode}
      width={props.width}
      initialText={mode === '/' ? props.filter : ''}
      {...(mode === ':' && commands.complete ? { complete: commands.complete } : {})}
      error={mode === ':' ? commands.error : undefined}
      {...(mode === '/' ? { validate: filterProblem } : {})}
      takeEarlyKeys={props.takeEarlyKeys}
      onChange={(text) => {
        commands.edited();
        if (mode === '/') dispatch({ type: 'filter', text });
        if (mode === '/' && filterProblem(text) === undefined) lastValid.current = text;
      }}
      onSubmit={(text) => {
        if (mode === ':') return commands.submit(text);
        const problem = filterProblem(text);
        if (problem !== undefined) {
          dispatch({ type: 'filter', text: lastValid.current });
          props.say(problem, 'error');
        }
        dispatch({ type: 'prompt', prompt: undefined });
      }}
      onCancel={() => {
        commands.cancel();
        if (mode === '/') dispatch({ type: 'filter', text: '' });
        dispatch({ type: 'prompt', prompt: undefined });
      }}
    />
  );
}
