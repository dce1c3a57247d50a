/**
 * `x` on any object: its owner tree (see owner-tree.ts), live. While open it watches the kinds
 * that own and are owned in the object's namespace, so the whole chain is there to draw.
 */
import { Box, Text } from 'ink';
import { useMemo, useState, type ReactElement } from 'react';
import type { WatchManager } from '../../store/watch-manager.ts';
import { viewOf } from '../../explorer/view-entry.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { findResource } from '../../kube/resource-resolver.ts';
import type { ResourceInfo } from '../../kube/resource-info.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import { useCacheSnapshot } from '../hooks/use-cache.ts';
import { useKeyActions } from '../keys/keymap-context.tsx';
import { ownerTree } from './owner-tree.ts';
import { useViewWatches } from './use-view-watches.ts';
import { useTheme } from '../theme-context.tsx';

/** The kinds that make up controller chains. */
const chainResources = ['deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'daemonsets.apps', 'cronjobs.batch', 'jobs.batch', 'pods'];

/** Props of OwnerTreePane. */
export interface OwnerTreePaneProps {
  cache: ObjectCache;
  watches: WatchManager;
  discovery: DiscoveryResult | undefined;
  uid: string;
  namespace: string;
  width: number;
  height: number;
  onClose: () => void;
}

/** The live owner tree of one object. */
export function OwnerTreePane(props: OwnerTreePaneProps): ReactElement {
  const { cache } = props;
  const theme = useTheme();
  useCacheSnapshot(cache);
  const resources = useMemo(() => (props.discovery ? chainResources.map((name) => findResource(props.discovery!, name)).filter((r): r is ResourceInfo => r !== undefined) : []), [props.discovery]);
  const [first, ...rest] = resources;
  useViewWatches(props.watches, first && viewOf(first, props.namespace || undefined), rest);
  const [top, setTop] = useState(0);
  const lines = ownerTree(cache, props.uid, (row) => cache.kindOf(row.resourceKey).kind);
  const body = Math.max(1, props.height - 1);
  useKeyActions(
    'pane',
    {
      'pane-up': () => setTop((t) => Math.max(0, t - 1)),
      'pane-down': () => setTop((t) => Math.min(Math.max(0, lines.length - body), t + 1)),
      'pane-top': () => setTop(0),
      'pane-bottom': () => setTop(Math.max(0, lines.length - body)),
      'pane-close': props.onClose,
    },
    { isActive: true },
  );
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold wrap="truncate">
        owner tree · {lines.length} objects · esc closes
      </Text>
      {lines.slice(top, top + body).map((line) => (
        <Text key={line.uid} wrap="truncate" bold={line.focus} inverse={line.focus} color={line.missing ? theme.tone.muted : undefined}>
          {'  '.repeat(line.depth)}
          {line.depth > 0 ? '└─ ' : ''}
          {line.kind || '?'} {line.name}
          {line.status ? `  ${line.status}` : ''}
          {line.missing ? '  (not loaded)' : ''}
        </Text>
      ))}
    </Box>
  );
}
