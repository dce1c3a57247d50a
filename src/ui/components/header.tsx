/** The top lines: where kx is pointed (context, cluster, user, namespace, server version). */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { clusterUsageText, type ClusterUsage } from '../../explorer/usage-columns.ts';
import { useTheme } from '../theme-context.tsx';

/** What the header shows about the current connection. */
export interface HeaderInfo {
  context: string;
  cluster: string;
  user: string;
  namespace: string;
  serverVersion?: string | undefined;
  /** The cluster's CPU and memory in use against allocatable, when the metrics API answers. */
  usage?: ClusterUsage | undefined;
  /** Set when kx runs on its built-in demo cluster; says why (e.g. 'no kubeconfig found'). */
  demoReason?: string | undefined;
}

/** Renders HeaderInfo as labelled pairs on one or two lines, depending on the width. */
export function Header({ info, width }: { info: HeaderInfo; width: number }): ReactElement {
  const theme = useTheme();
  const pairs: Array<[string, string]> = [
    ['Context', info.context],
    ['Cluster', info.cluster],
    ['User', info.user],
    ['Namespace', info.namespace],
    ['K8s', info.serverVersion ?? '…'],
  ];
  if (info.usage) {
    const text = clusterUsageText(info.usage);
    pairs.push(['CPU', text.cpu], ['MEM', text.memory]);
  }
  return (
    <Box flexDirection="column" width={width}>
      {/* One line whatever the width: the layout below counts on it; narrow terminals lose the tail. */}
      <Text wrap="truncate">
        {pairs.map(([label, value], i) => (
          <Text key={label}>
            {i > 0 ? '  ' : ''}
            <Text color={theme.header.label}>{label}:</Text>{' '}
            <Text color={theme.header.value} bold>
              {value}
            </Text>
          </Text>
        ))}
      </Text>
      {info.demoReason ? (
        <Text color={theme.header.demo} bold wrap="truncate">
          Demo cluster ({info.demoReason}): a simulated API server on this machine; kubectl can use it too.
        </Text>
      ) : null}
    </Box>
  );
}
