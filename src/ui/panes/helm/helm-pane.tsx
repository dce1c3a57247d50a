/**
 * `:helm`: the Helm releases read from Helm's own storage (no helm binary), like `helm list`;
 * enter on a release opens its history (`helm history`); on a release or a revision, v shows the
 * values (user-supplied and computed), m the manifest, n the notes, d a diff between two revisions
 * (b marks the base to diff from). When helm is on PATH, u rolls back to the selected revision
 * and ctrl-d uninstalls, through helm, after a confirmation. esc goes back one level.
 */
import { useApp } from 'ink';
import { useMemo, useState, type ReactElement } from 'react';
import type { WriteGate } from '../../../kube/access/write-gate.ts';
import { helmArgs, helmOnPath } from '../../../kube/helm/run-helm.ts';
import type { KubeSession } from '../../../kube/session.ts';
import { historyCells, historyColumns, listCells, listColumns, type ReleaseRevision } from '../../../kinds/helm/release-records.ts';
import { manifestText, notesText, revisionDiff, valuesText } from '../../../kinds/helm/release-values.ts';
import { useKeyActions } from '../../keys/keymap-context.tsx';
import type { Tone } from '../../theme.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { TextPane } from '../text-pane.tsx';
import type { PaneFlash } from '../pane-types.ts';
import { helmSteppingAside } from './helm-step-aside.ts';
import { HelmTable } from './helm-table.tsx';
import { useHelmReleases } from './use-helm-releases.ts';

/** Props of HelmPane. */
export interface HelmPaneProps {
  session: KubeSession;
  /** Read-only mode refuses rollback and uninstall. */
  gate: WriteGate;
  /** The namespace whose releases are listed; undefined = all. */
  namespace: string | undefined;
  width: number;
  height: number;
  active: boolean;
  onClose: () => void;
  onFlash: (flash: PaneFlash) => void;
}

type TextKind = 'values' | 'manifest' | 'notes' | 'diff';

interface Shown {
  title: string;
  lines: string[];
  footer?: string;
}

/** How helm's statuses read at a glance. */
function statusTone(status: string): Tone | undefined {
  if (status === 'failed') return 'error';
  if (status.startsWith('pending') || status === 'uninstalling') return 'warn';
  if (status === 'superseded' || status === 'uninstalled') return 'muted';
  return undefined;
}

const ansi = { red: '\u001b[31m', green: '\u001b[32m', cyan: '\u001b[36m', reset: '\u001b[39m' };

function colourDiff(line: string): string {
  if (line.startsWith('+') && !line.startsWith('+++')) return `${ansi.green}${line}${ansi.reset}`;
  if (line.startsWith('-') && !line.startsWith('---')) return `${ansi.red}${line}${ansi.reset}`;
  if (line.startsWith('@@')) return `${ansi.cyan}${line}${ansi.reset}`;
  return line;
}

/** What a text view of `rev` shows, or the sentence saying why it cannot. */
function textOf(kind: TextKind, revs: readonly ReleaseRevision[], at: number, from: number | undefined): Shown | string {
  const rev = revs[at]!;
  const r = rev.release;
  const about = `${rev.name} (${rev.namespace}) revision ${rev.revision}`;
  if (!r) return rev.error ?? `revision ${rev.revision} cannot be decoded.`;
  switch (kind) {
    case 'values':
      return { title: `values ${about}`, lines: valuesText(r).split('\n'), footer: 'values are shown unmasked, as helm get values shows them' };
    case 'manifest':
      return { title: `manifest ${about}`, lines: manifestText(r).split('\n') };
    case 'notes': {
      const notes = notesText(r);
      return { title: `notes ${about}`, lines: notes === '' ? ['(this revision has no notes)'] : notes.split('\n') };
    }
    case 'diff': {
      const fromAt = from ?? at - 1;
      const base = revs[fromAt];
      if (!base || fromAt === at) return `There is no other revision of ${rev.name} to diff revision ${rev.revision} against: b marks one.`;
      if (!base.release) return base.error ?? `revision ${base.revision} cannot be decoded.`;
      const diff = revisionDiff(base.release, r);
      return {
        title: `diff ${rev.name} (${rev.namespace}) revision ${base.revision} → ${rev.revision}`,
        lines: diff === '' ? ['(the same values and manifest)'] : diff.split('\n').map(colourDiff),
      };
    }
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The pane. */
export function HelmPane(props: HelmPaneProps): ReactElement {
  const app = useApp();
  const helm = useMemo(() => helmOnPath(), []);
  const [reload, setReload] = useState(0);
  const { releases, error } = useHelmReleases(props.session.client, props.namespace, reload);
  const [confirming, setConfirming] = useState<{ args: string[]; title: string } | undefined>(undefined);
  const [listCursor, setListCursor] = useState(0);
  /** namespace/name of the release whose history is open. */
  const [open, setOpen] = useState<string | undefined>(undefined);
  const [historyCursor, setHistoryCursor] = useState<number | undefined>(undefined);
  const [marked, setMarked] = useState<number | undefined>(undefined);
  const [shown, setShown] = useState<Shown | undefined>(undefined);

  const list = releases ?? [];
  const listAt = Math.min(listCursor, Math.max(0, list.length - 1));
  const history = open === undefined ? undefined : list.find((revs) => `${revs[0]!.namespace}/${revs[0]!.name}` === open);
  // History lists the newest revision first (helm history lists oldest first, but the newest is what one looks at).
  const revisions = history ? [...history].reverse() : [];
  const historyAt = Math.min(historyCursor ?? 0, Math.max(0, revisions.length - 1));

  const show = (kind: TextKind): void => {
    if (history) {
      // Revisions oldest first for textOf, so "the previous one" is at - 1.
      const at = history.length - 1 - historyAt;
      const from = marked === undefined ? undefined : history.length - 1 - marked;
      const out = textOf(kind, history, at, from);
      if (typeof out === 'string') props.onFlash({ text: out, level: 'error' });
      else setShown(out);
      return;
    }
    const revs = list[listAt];
    if (!revs) return;
    const out = textOf(kind, revs, revs.length - 1, undefined);
    if (typeof out === 'string') props.onFlash({ text: out, level: 'error' });
    else setShown(out);
  };

  const count = history ? revisions.length : list.length;
  const move = (to: (n: number) => number): void => {
    if (history) setHistoryCursor(Math.max(0, Math.min(count - 1, to(historyAt))));
    else setListCursor(Math.max(0, Math.min(count - 1, to(listAt))));
  };
  useKeyActions(
    'helm',
    {
      up: () => move((n) => n - 1),
      down: () => move((n) => n + 1),
      top: () => move(() => 0),
      bottom: () => move(() => count - 1),
      'page-up': () => move((n) => n - (props.height - 3)),
      'page-down': () => move((n) => n + (props.height - 3)),
      'helm-open': () => {
        if (history) return show('values');
        const revs = list[listAt];
        if (!revs) return;
        setOpen(`${revs[0]!.namespace}/${revs[0]!.name}`);
        setHistoryCursor(0);
        setMarked(undefined);
      },
      'helm-values': () => show('values'),
      'helm-manifest': () => show('manifest'),
      'helm-notes': () => show('notes'),
      'helm-diff': () => show('diff'),
      'helm-mark': () => history && setMarked((m) => (m === historyAt ? undefined : historyAt)),
      ...(helm
        ? {
            'helm-rollback': () => {
              const rev = history && revisions[historyAt];
              if (!rev) return props.onFlash({ text: 'enter opens the history: u rolls back to the revision selected there.', level: 'error' });
              const refused = props.gate.refusal('helm rollback');
              if (refused) return props.onFlash({ text: refused, level: 'error' });
              setConfirming({
                args: helmArgs({ kind: 'rollback', revision: rev.revision }, rev.name, rev.namespace),
                title: `Roll Helm release ${rev.name} in namespace ${rev.namespace} on context ${props.session.context.name} back to revision ${rev.revision}?`,
              });
            },
            'helm-uninstall': () => {
              const rev = history ? history.at(-1) : list[listAt]?.at(-1);
              if (!rev) return;
              const refused = props.gate.refusal('helm uninstall');
              if (refused) return props.onFlash({ text: refused, level: 'error' });
              setConfirming({
                args: helmArgs({ kind: 'uninstall' }, rev.name, rev.namespace),
                title: `Uninstall Helm release ${rev.name} in namespace ${rev.namespace} on context ${props.session.context.name}? Its resources are deleted.`,
              });
            },
          }
        : {}),
      back: () => (history ? setOpen(undefined) : props.onClose()),
      quit: () => (history ? setOpen(undefined) : props.onClose()),
    },
    { isActive: props.active && !shown && !confirming },
  );

  if (confirming && helm) {
    return (
      <ConfirmDialog
        title={confirming.title}
        lines={[`Runs: helm ${confirming.args.join(' ')}`]}
        width={props.width}
        active={props.active}
        onConfirm={async () => {
          props.gate.enter(`helm ${confirming.args[0]}`);
          return helmSteppingAside(helm, confirming.args, props.session, (work) => app.suspendTerminal(work));
        }}
        onClose={(outcome) => {
          setConfirming(undefined);
          setReload((n) => n + 1);
          if (outcome) props.onFlash(outcome);
        }}
      />
    );
  }

  if (shown) {
    return <TextPane title={shown.title} lines={shown.lines} footer={shown.footer} width={props.width} height={props.height} active={props.active} onClose={() => setShown(undefined)} />;
  }
  if (history) {
    const first = history[0]!;
    return (
      <HelmTable
        title={`history ${first.name} (${first.namespace}) · ${history.length} revisions`}
        columns={historyColumns}
        rows={revisions.map(historyCells)}
        tones={revisions.map((r) => (r.error ? 'error' : statusTone(r.status)))}
        marked={marked}
        cursor={historyAt}
        width={props.width}
        height={props.height}
        empty="This release has no revisions left."
        error={error}
      />
    );
  }
  const where = props.namespace === undefined ? 'all namespaces' : props.namespace;
  return (
    <HelmTable
      title={`helm releases (${where}) · ${releases ? list.length : '…'}`}
      columns={listColumns}
      rows={list.map(listCells)}
      tones={list.map((revs) => (revs.at(-1)!.error ? 'error' : statusTone(revs.at(-1)!.status)))}
      cursor={listAt}
      width={props.width}
      height={props.height}
      empty={releases ? `No Helm release in ${where}.` : 'Loading…'}
      error={error}
    />
  );
}
