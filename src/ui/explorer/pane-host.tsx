/**
 * Puts the open pane in the main area: help, the context picker, the owner tree, and the panes
 * that act on one object (describe, YAML, logs, scale, rollout history, confirmations).
 */
import { Text } from 'ink';
import { lazy, Suspense, type ReactElement } from 'react';
import type { ViewEntry } from '../../explorer/view-entry.ts';
import type { ObjectTarget, PaneFlash, PaneProps } from '../panes/pane-types.ts';
import { LogsPane } from '../panes/logs/logs-pane.tsx';
import { DeletePane } from '../panes/delete-pane.tsx';
import { ConfirmDialog } from '../panes/confirm-dialog.tsx';
import { RolloutHistoryPane } from '../panes/rollout-history-pane.tsx';
import { ScaleDialog } from '../panes/scale-dialog.tsx';
import { DrainDialog } from '../panes/drain-dialog.tsx';
import { SetImageDialog } from '../panes/set-image-dialog.tsx';
import { PortForwardDialog } from '../panes/port-forward-dialog.tsx';
import { PortForwardsPane } from '../panes/port-forwards-pane.tsx';
import { HelmPane } from '../panes/helm/helm-pane.tsx';
import { ChangesPane } from '../panes/changes-pane.tsx';
import { ContainerPicker } from '../panes/container-picker.tsx';
import { SuspendCronJobPane } from '../panes/suspend-cronjob-pane.tsx';
import { BulkActionPane } from '../panes/bulk-action-pane.tsx';
import { rolloutRestart } from '../../kube/mutations/rollout/restart.ts';
import { rolloutName } from '../../kube/mutations/rollout/rollout-target.ts';
import { rolloutTargetOf } from '../../kinds/registry.ts';
import { HelpScreen } from '../components/help-screen.tsx';
import { displayPath, keysFilePath } from '../../config/paths.ts';
import { ContextPicker } from './context-picker.tsx';
import { NodeCronConfirmPane } from '../panes/node-cron-confirm-pane.tsx';
import type { PaneState } from './explorer-state.ts';
import type { PluginBinding } from '../../keys/user-binding.ts';
import { commandLine } from './run-plugin.ts';
import { OwnerTreePane } from './owner-tree-pane.tsx';
import { useExplorerServices, type ExplorerServices } from './explorer-services.tsx';

// Loaded on first use: the YAML pane brings a syntax highlighter (cli-highlight, ~20 MB) and
// describe all of kubectl's describers, which most sessions never open.
const DescribePane = lazy(async () => ({ default: (await import('../panes/describe-pane.tsx')).DescribePane }));
const YamlPane = lazy(async () => ({ default: (await import('../panes/yaml-pane.tsx')).YamlPane }));

/** Props of PaneHost. */
export interface PaneHostProps {
  pane: PaneState;
  entry: ViewEntry;
  width: number;
  height: number;
  keyProblems: readonly string[];
  onClose: () => void;
  onFlash: (flash: PaneFlash) => void;
  onSwitchContext: (name: string) => void;
  /** Several contexts marked in :ctx: the view in all of them. */
  onShowContexts: (names: readonly string[]) => void;
  onOpen: (pane: PaneState) => void;
  /** A container was picked for `purpose` (the picker has closed by then). */
  onContainerPicked: (purpose: 'shell', target: ObjectTarget, container: string) => void;
  /** A plugin's run was confirmed (the dialog has closed by then). */
  onRunPlugin?: (plugin: PluginBinding, args: readonly string[]) => void;
  /** A bulk action on the marked objects has run: the marks are used up. */
  onMarksUsed?: () => void;
}

/** The pane for `pane`. */
export function PaneHost(props: PaneHostProps): ReactElement {
  const { pane } = props;
  const services = useExplorerServices();
  switch (pane.kind) {
    case 'contexts':
      return (
        <ContextPicker
          contexts={services.connection.contexts()}
          width={props.width}
          height={props.height}
          onPick={props.onSwitchContext}
          onPickSeveral={props.onShowContexts}
          onClose={props.onClose}
        />
      );
    case 'tree': {
      const row = services.cache.row(pane.uid);
      return (
        <OwnerTreePane
          cache={services.cache}
          watches={services.watches}
          discovery={services.discovery}
          uid={pane.uid}
          namespace={row?.namespace ?? ''}
          width={props.width}
          height={props.height}
          onClose={props.onClose}
        />
      );
    }
    case 'help':
      return <HelpScreen width={props.width} height={props.height} readonly={services.gate.readonly} problems={props.keyProblems} configPath={displayPath(keysFilePath())} onClose={props.onClose} />;
    case 'confirm':
      if (pane.action === 'delete' || pane.action === 'kill') return <DeletePane {...paneProps(props, services, pane.target)} force={pane.action === 'kill'} />;
      if (pane.action === 'suspend') return <SuspendCronJobPane {...paneProps(props, services, pane.target)} />;
      if (pane.action === 'cordon' || pane.action === 'uncordon' || pane.action === 'trigger') return <NodeCronConfirmPane {...paneProps(props, services, pane.target)} action={pane.action} />;
      return <RestartPane {...paneProps(props, services, pane.target)} />;
    case 'confirm-plugin':
      return (
        <ConfirmDialog
          title={`Run plugin "${pane.plugin.name}" (${pane.plugin.description}) on context ${services.session.context.name}?`}
          lines={[commandLine(pane.plugin.command, pane.args)]}
          width={props.width}
          active={true}
          // Nothing runs inside the dialog: a foreground plugin needs the terminal, so it runs once the dialog has gone.
          onConfirm={() => Promise.resolve('')}
          onClose={(outcome) => {
            props.onClose();
            if (outcome) props.onRunPlugin?.(pane.plugin, pane.args);
          }}
        />
      );
    case 'bulk': {
      const { target: _one, ...common } = paneProps(props, services, pane.targets[0]!);
      return <BulkActionPane {...common} action={pane.action} targets={pane.targets} onFinished={() => props.onMarksUsed?.()} />;
    }
    case 'scale':
      return <ScaleDialog {...paneProps(props, services, pane.target)} />;
    case 'drain':
      return <DrainDialog {...paneProps(props, services, pane.target)} />;
    case 'set-image':
      return <SetImageDialog {...paneProps(props, services, pane.target)} />;
    case 'port-forward':
      return <PortForwardDialog {...paneProps(props, services, pane.target)} session={services.session} forwards={services.forwards} />;
    case 'forwards':
      return (
        <PortForwardsPane
          forwards={services.forwards}
          contextName={services.session.context.name}
          width={props.width}
          height={props.height}
          active={true}
          onClose={props.onClose}
          onFlash={props.onFlash}
        />
      );
    case 'changes':
      return <ChangesPane recorder={services.cache.changes} width={props.width} height={props.height} active={true} onClose={props.onClose} />;
    case 'helm':
      return (
        <HelmPane session={services.session} gate={services.gate} namespace={pane.namespace} width={props.width} height={props.height} active={true} onClose={props.onClose} onFlash={props.onFlash} />
      );
    case 'history':
      return <RolloutHistoryPane {...paneProps(props, services, pane.target)} />;
    case 'describe':
      return (
        <Suspense fallback={<Text>Loading…</Text>}>
          <DescribePane {...paneProps(props, services, pane.target)} changesSeen={services.cache.changes} />
        </Suspense>
      );
    case 'yaml':
      return (
        <Suspense fallback={<Text>Loading…</Text>}>
          <YamlPane {...paneProps(props, services, pane.target)} />
        </Suspense>
      );
    case 'logs':
    case 'logs-previous':
      return <LogsPane {...paneProps(props, services, pane.target)} previous={pane.kind === 'logs-previous'} container={pane.container} />;
    case 'pick-container':
      return (
        <ContainerPicker
          title={`shell into pod ${pane.target.name}`}
          containers={pane.containers}
          initial={pane.initial}
          width={props.width}
          height={props.height}
          onClose={props.onClose}
          onPick={(container) => {
            props.onClose();
            props.onContainerPicked(pane.purpose, pane.target, container);
          }}
        />
      );
    default: {
      const never: never = pane;
      return never;
    }
  }
}

/** The props every object pane takes, from the host's. */
function paneProps(props: PaneHostProps, services: ExplorerServices, target: ObjectTarget): PaneProps {
  return {
    client: services.session.client,
    target,
    contextName: services.session.context.name,
    width: props.width,
    height: props.height,
    active: true,
    gate: services.gate,
    onClose: props.onClose,
    onFlash: props.onFlash,
  };
}

/** `r`: a rollout restart after a confirmation naming the object and the context. */
function RestartPane(props: PaneProps): ReactElement {
  const { target } = props;
  return (
    <ConfirmDialog
      title={`Restart ${rolloutName(target)}${target.namespace ? ` in namespace ${target.namespace}` : ''} on context ${props.contextName}? Every pod is replaced.`}
      width={props.width}
      active={props.active}
      onConfirm={async () => {
        props.gate.enter('restart');
        return rolloutRestart(props.client, rolloutTargetOf(target));
      }}
      onClose={(outcome) => {
        if (outcome) props.onFlash(outcome);
        props.onClose();
      }}
    />
  );
}
