/** The top lines: where kx is pointed (context, cluster, user, namespace, server version) and the recent namespaces. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { useTheme } from '../theme-context.tsx';
import { favouriteItems, headerPairs, type HeaderInfo, type HeaderLayout } from './header-layout.ts';

export type { HeaderInfo } from './header-layout.ts';

/** Renders HeaderInfo as labelled pairs, with the favourites and the demo notice where `layout` puts them. */
export function Header({ info, width, layout }: { info: HeaderInfo; width: number; layout: HeaderLayout }): ReactElement {
  const theme = useTheme();
  const pairs = headerPairs(info);
  const favourites = (
    <>
      {favouriteItems(info.recent ?? []).map(([key, ns], i) => (
        <Text key={key}>
          {i > 0 ? ' ' : ''}
          <Text color={theme.header.label}>{key}</Text> <Text color={theme.header.value}>{ns}</Text>
        </Text>
      ))}
    </>
  );
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
        {layout.favourites === 'inline' ? (
          <Text>
            {'  '}
            {favourites}
          </Text>
        ) : null}
      </Text>
      {layout.favourites === 'line' ? <Text wrap="truncate">{favourites}</Text> : null}
      {layout.demo && info.demoReason ? (
        <Text color={theme.header.demo} bold wrap="truncate">
          Demo cluster ({info.demoReason}): a simulated API server on this machine; kubectl can use it too.
        </Text>
      ) : null}
    </Box>
  );
}
