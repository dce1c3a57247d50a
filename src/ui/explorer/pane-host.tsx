/**
 * Puts the open pane in the main area: help, the context picker, the owner tree, and the panes
 * that act on one object (describe, YAML, logs, scale, rollout history, confirmations).
 */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { ViewEntry } from '../../app/view-entry.ts';
import type { WatchManager } from '../../app/watch-manager.ts';
import type { ClusterConnection } from '../../kube/cluster-connection.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import { useKeyActions } from '../keys/keymap-context.tsx';
import type { ObjectTarget, PaneFlash, PaneProps } from '../panes/pane-types.ts';
import { LogsPane } from '../panes/logs/logs-pane.tsx';
import { DeletePane } from '../panes/delete-pane.tsx';
import { DescribePane } from '../panes/describe-pane.tsx';
import { YamlPane } from '../panes/yaml-pane.tsx';
import { HelpScreen } from '../components/help-screen.tsx';
import { displayPath, keysFilePath } from '../../keys/config-paths.ts';
import type { Theme } from '../theme.ts';
import { ContextPicker } from './context-picker.tsx';
import type { PaneState } from './explorer-state.ts';
import { OwnerTreePane } from './owner-tree-pane.tsx';

/** Props of PaneHost. */
export interface PaneHostProps {
  pane: PaneState;
  session: KubeSession;
  connection: ClusterConnection;
  cache: ObjectCache;
  watches: WatchManager;
  discovery: DiscoveryResult | undefined;
  entry: ViewEntry;
  width: number;
  height: number;
  theme: Theme;
  readonly: boolean;
  keyProblems: readonly string[];
  onClose: () => void;
  onFlash: (flash: PaneFlash) => void;
  onSwitchContext: (name: string) => void;
  onOpen: (pane: PaneState) => void;
}

/** The pane for `pane`. */
export function PaneHost(props: PaneHostProps): ReactElement {
  const { pane } = props;
  switch (pane.kind) {
    case 'contexts':
      return (
        <ContextPicker
          contexts={props.connection.contexts()}
          width={props.width}
          height={props.height}
          theme={props.theme}
          onPick={props.onSwitchContext}
          onClose={props.onClose}
        />
      );
    case 'tree': {
      const row = props.cache.row(pane.uid);
      return (
        <OwnerTreePane
          cache={props.cache}
          watches={props.watches}
          discovery={props.discovery}
          uid={pane.uid}
          namespace={row?.namespace ?? ''}
          width={props.width}
          height={props.height}
          theme={props.theme}
          onClose={props.onClose}
        />
      );
    }
    case 'help':
      return (
        <HelpScreen
          width={props.width}
          height={props.height}
          theme={props.theme}
          readonly={props.readonly}
          problems={props.keyProblems}
          configPath={displayPath(keysFilePath())}
          onClose={props.onClose}
        />
      );
    case 'confirm':
      if (pane.action === 'delete' || pane.action === 'kill') return <DeletePane {...paneProps(props, pane.target)} force={pane.action === 'kill'} />;
      return <Unavailable what={pane.action} onClose={props.onClose} />;
    case 'describe':
      return <DescribePane {...paneProps(props, pane.target)} />;
    case 'yaml':
      return <YamlPane {...paneProps(props, pane.target)} />;
    case 'logs':
    case 'logs-previous':
      return <LogsPane {...paneProps(props, pane.target)} previous={pane.kind === 'logs-previous'} />;
    default:
      return <Unavailable what={pane.kind} onClose={props.onClose} />;
  }
}

/** The props every object pane takes, from the host's. */
function paneProps(props: PaneHostProps, target: ObjectTarget): PaneProps {
  return {
    client: props.session.client,
    target,
    contextName: props.session.context.name,
    width: props.width,
    height: props.height,
    theme: props.theme,
    active: true,
    readonly: props.readonly,
    onClose: props.onClose,
    onFlash: props.onFlash,
  };
}

function Unavailable(props: { what: string; onClose: () => void }): ReactElement {
  useKeyActions('pane', { 'pane-close': props.onClose }, { isActive: true });
  return (
    <Box>
      <Text>The {props.what} pane is not part of this build yet · esc closes</Text>
    </Box>
  );
}
