/** ink-testing-library's render with the theme in context (plain, as NO_COLOR gives, unless one is passed). */
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { ThemeProvider } from '../../src/ui/theme-context.tsx';
import { themeFor, type Theme } from '../../src/ui/theme.ts';

/** The plain theme most component tests draw with. */
export const plainTheme: Theme = themeFor({ NO_COLOR: '1' });

/** Renders `element` under `theme`; rerender keeps the theme. */
export function renderThemed(element: ReactElement, theme: Theme = plainTheme): ReturnType<typeof render> {
  const wrap = (el: ReactElement): ReactElement => <ThemeProvider theme={theme}>{el}</ThemeProvider>;
  const rendered = render(wrap(element));
  return { ...rendered, rerender: (el: ReactElement) => rendered.rerender(wrap(el)) };
}
