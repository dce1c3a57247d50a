/**
 * `:changes`: the changes kx saw on its watches, newest first (TIME, KIND, NAMESPACE, NAME,
 * CHANGE, BY); `/` filters them like a table, enter shows the selected object's changes as a diff.
 */
import { Box } from 'ink';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { changeDiffLines, changeTableRows, filterChanges } from '../../explorer/change-rows.ts';
import type { ChangeRecorder } from '../../store/changes/change-recorder.ts';
import { changeColumns } from '../../store/changes/change-log.ts';
import { PromptBar } from '../components/prompt-bar.tsx';
import { useKeyActions } from '../keys/keymap-context.tsx';
import { HelmTable } from './helm/helm-table.tsx';
import { TextPane } from './text-pane.tsx';

/** Props of ChangesPane. */
export interface ChangesPaneProps {
  /** undefined: this kx records nothing (the pane says so). */
  recorder: ChangeRecorder | undefined;
  width: number;
  height: number;
  active: boolean;
  onClose: () => void;
}

const ansi = { red: '\u001b[31m', green: '\u001b[32m', cyan: '\u001b[36m', reset: '\u001b[39m' };

function colourDiff(line: string): string {
  if (line.startsWith('+ ')) return `${ansi.green}${line}${ansi.reset}`;
  if (line.startsWith('- ')) return `${ansi.red}${line}${ansi.reset}`;
  if (line.startsWith('@@')) return `${ansi.cyan}${line}${ansi.reset}`;
  return line;
}

/** New changes are drawn at most this often (a busy cluster records many a second). */
const redrawMs = 250;

/** The pane. */
export function ChangesPane(props: ChangesPaneProps): ReactElement {
  const { recorder } = props;
  const [version, setVersion] = useState(recorder?.version ?? 0);
  useEffect(() => {
    if (!recorder) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = recorder.subscribe(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setVersion(recorder.version);
      }, redrawMs);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [recorder]);
  const [filter, setFilter] = useState('');
  const [prompting, setPrompting] = useState(false);
  const [cursor, setCursor] = useState(0);
  const [open, setOpen] = useState<string | undefined>(undefined);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version is the recorder's memo key
  const all = useMemo(() => recorder?.changes() ?? [], [recorder, version]);
  const shown = useMemo(() => filterChanges(all, filter), [all, filter]);
  const at = Math.min(cursor, Math.max(0, shown.length - 1));
  const room = Math.max(1, props.height - 3 - (prompting ? 1 : 0));
  const move = (to: number): void => setCursor(Math.max(0, Math.min(shown.length - 1, to)));
  useKeyActions(
    'forwards',
    {
      up: () => move(at - 1),
      down: () => move(at + 1),
      top: () => move(0),
      bottom: () => move(shown.length - 1),
      'page-up': () => move(at - room),
      'page-down': () => move(at + room),
      filter: () => setPrompting(true),
      open: () => shown[at] && setOpen(shown[at].uid),
      back: () => (filter !== '' ? setFilter('') : props.onClose()),
      quit: props.onClose,
    },
    { isActive: props.active && !prompting && open === undefined },
  );

  if (open !== undefined && recorder) {
    const mine = recorder.changesOf(open);
    const first = mine[0];
    const what = first ? `${first.kind} ${first.namespace ? `${first.namespace}/` : ''}${first.name}` : 'object';
    return (
      <TextPane
        title={`changes seen · ${what}`}
        lines={changeDiffLines(mine, Date.now()).map(colourDiff)}
        width={props.width}
        height={props.height}
        active={props.active}
        onClose={() => setOpen(undefined)}
        empty="No change of this object is kept any more."
      />
    );
  }
  const title = `changes (${shown.length}${filter ? ` of ${all.length} · /${filter}` : ''})`;
  const empty = !recorder
    ? 'This kx records no changes.'
    : all.length === 0
      ? 'No change seen yet: changes of the objects kx watches (the views opened so far) appear here as they arrive.'
      : `No change matches /${filter}.`;
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <HelmTable title={title} columns={changeColumns} rows={changeTableRows(shown, Date.now())} tones={[]} cursor={at} width={props.width} height={props.height - (prompting ? 1 : 0)} empty={empty} />
      {prompting ? (
        <PromptBar
          mode="/"
          width={props.width}
          initialText={filter}
          onChange={(text) => {
            setFilter(text);
            setCursor(0);
          }}
          onSubmit={(text) => {
            setFilter(text);
            setPrompting(false);
          }}
          onCancel={() => {
            setFilter('');
            setPrompting(false);
          }}
        />
      ) : null}
    </Box>
  );
}
