/**
 * The last line: the active filter with its meaning, or the hints for what the selected object
 * offers, generated from the keymap (the same table the help screen shows).
 */
import { Text } from 'ink';
import type { ReactElement } from 'react';
import { capabilitiesOf } from '../../explorer/capabilities.ts';
import { actionSpecs } from '../../keys/actions.ts';
import type { ViewEntry } from '../../explorer/view-entry.ts';
import { parseFilterInput } from '../../explorer/filter/filter-query.ts';
import type { Row } from '../../kinds/types.ts';
import { HintsBar } from '../components/hints-bar.tsx';
import type { Flash } from '../components/status-line.tsx';
import type { PaneState } from './explorer-state.ts';
import { useTheme } from '../theme-context.tsx';
import { helmOnPath } from '../../kube/helm/run-helm.ts';

/** Props of BottomLine. */
export interface BottomLineProps {
  entry: ViewEntry;
  pane: PaneState | undefined;
  width: number;
  readonly: boolean;
  selected: Row | undefined;
  /** Actions RBAC forbids in this view. */
  denied: ReadonlySet<string>;
  /** The latest flash: shown here while a pane covers the status line. */
  flash?: Flash | undefined;
}

/** The filter line when a filter is active, else the hints bar. */
export function BottomLine(props: BottomLineProps): ReactElement {
  const { entry } = props;
  const theme = useTheme();
  if (!props.pane && entry.filter !== '') {
    const query = parseFilterInput(entry.filter);
    const meaning =
      query.kind === 'labels'
        ? 'label selector, applied by the server'
        : query.kind === 'invalid'
          ? query.message
          : (query.kind === 'text' || query.kind === 'regex') && query.inverse
            ? 'rows that do not match'
            : query.kind === 'regex'
              ? 'regular expression, any cell'
              : 'fuzzy on names, text in other cells';
    return (
      <Text wrap="truncate" color={query.kind === 'invalid' ? theme.tone.warn : theme.tone.muted}>
        {`/${entry.filter}  (${meaning}) · / edits · esc clears`}
      </Text>
    );
  }
  if (props.pane && props.flash) {
    return (
      <Text wrap="truncate" color={props.flash.level === 'error' ? theme.flash.error : theme.flash.info}>
        {props.flash.text}
      </Text>
    );
  }
  if (props.pane) {
    return <HintsBar scope={paneScope(props.pane)} width={props.width} readonly={props.readonly} hidden={paneHidden(props.pane)} />;
  }
  return <HintsBar scope="table" capabilities={capabilitiesOf(entry.resource, props.selected)} width={props.width} readonly={props.readonly} hidden={props.denied} />;
}

/** Pane actions that do not apply to this pane's object: reveal is for Secrets only. */
function paneHidden(pane: PaneState): ReadonlySet<string> | undefined {
  // Panes that are not text have nothing to search.
  if (pane.kind === 'help' || pane.kind === 'contexts' || pane.kind === 'tree' || pane.kind === 'pick-container') return new Set(['pane-search', 'pane-next', 'pane-previous']);
  // The forwards are a table for moving only: the resource table's own actions do not apply there.
  if (pane.kind === 'forwards') return new Set(actionSpecs.filter((a) => a.scope === 'table').map((a) => a.id));
  // The changes borrow the table's filter and enter, and no other of its actions.
  if (pane.kind === 'changes') return new Set([...actionSpecs.filter((a) => a.scope === 'table' && a.id !== 'filter' && a.id !== 'open').map((a) => a.id), 'forward-stop']);
  // Rollback and uninstall run the helm binary: without one they are not offered.
  if (pane.kind === 'helm') return new Set([...actionSpecs.filter((a) => a.scope === 'table').map((a) => a.id), ...(helmOnPath() ? [] : ['helm-rollback', 'helm-uninstall'])]);
  if (pane.kind !== 'yaml') return undefined;
  const { resource } = pane.target;
  return resource.group === '' && resource.plural === 'secrets' ? undefined : new Set(['yaml-reveal']);
}

/** The key scope of each pane: a pane kind without one does not compile. */
const paneScopes: Record<PaneState['kind'], 'pane' | 'logs' | 'yaml' | 'history' | 'forwards' | 'helm' | 'dialog' | 'global'> = {
  help: 'pane',
  contexts: 'pane',
  tree: 'pane',
  describe: 'pane',
  yaml: 'yaml',
  logs: 'logs',
  'logs-previous': 'logs',
  scale: 'dialog',
  'set-image': 'dialog',
  drain: 'dialog',
  'port-forward': 'dialog',
  forwards: 'forwards',
  changes: 'forwards',
  helm: 'helm',
  history: 'history',
  confirm: 'dialog',
  'confirm-plugin': 'dialog',
  bulk: 'dialog',
  'pick-container': 'pane',
};

function paneScope(pane: PaneState): 'pane' | 'logs' | 'yaml' | 'history' | 'forwards' | 'helm' | 'dialog' | 'global' {
  return paneScopes[pane.kind];
}
