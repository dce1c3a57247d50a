/** The explorer's frame: header, the current view, and the status line. */
import { Box, useApp, useWindowSize } from 'ink';
import type { ReactElement } from 'react';
import type { ObjectCache } from '../store/object-cache.ts';
import { Header, type HeaderInfo } from './components/header.tsx';
import { StatusLine } from './components/status-line.tsx';
import { useCacheSnapshot } from './hooks/use-cache.ts';
import { useNow } from './hooks/use-now.ts';
import type { Theme } from './theme.ts';
import { ResourceView } from './views/resource-view.tsx';

/** Everything the app shows; the controller outside React owns the streams behind it. */
export interface AppProps {
  cache: ObjectCache;
  header: HeaderInfo;
  /** The resource on screen ('pods') and its plural title. */
  resourceKey: string;
  title: string;
  /** undefined = all namespaces. */
  namespace: string | undefined;
  /** False for cluster-scoped resources (nodes, namespaces, CRDs): no namespace in the title. */
  namespaced: boolean;
  theme: Theme;
}

/** The explorer. `q` quits (Ctrl-C too, through Ink). */
export function App(props: AppProps): ReactElement {
  const { cache, theme } = props;
  const { columns, rows } = useWindowSize();
  const now = useNow();
  const app = useApp();
  useCacheSnapshot(cache);
  const headerLines = props.header.demoReason ? 2 : 1;
  const count = cache.rows(props.resourceKey, { namespace: props.namespace }).length;
  const state = cache.streamState(props.resourceKey, props.namespace) ?? { phase: 'connecting' as const };
  const scope = props.namespaced ? ` (${props.namespace ?? 'all namespaces'})` : '';
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Header info={props.header} theme={theme} width={columns} />
      <Box marginTop={0}>
        <StatusLine state={state} shown={count} total={count} theme={theme} now={now} title={`${props.title}${scope}`} />
      </Box>
      <ResourceView
        cache={cache}
        resourceKey={props.resourceKey}
        title={props.title}
        namespace={props.namespace}
        width={columns}
        height={Math.max(2, rows - headerLines - 2)}
        theme={theme}
        now={now}
        active
        onQuit={() => app.exit()}
      />
    </Box>
  );
}
