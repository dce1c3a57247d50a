/** The theme reaches every component through context (set once at the root), not through props. */
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import { themeFor, type Theme } from './theme.ts';

const ThemeContext = createContext<Theme>(themeFor());

/** Provides `theme` (by default the environment's: plain under NO_COLOR) to everything below. */
export function ThemeProvider(props: { theme?: Theme; children: ReactNode }): ReactElement {
  return <ThemeContext.Provider value={props.theme ?? themeFor()}>{props.children}</ThemeContext.Provider>;
}

/** The theme in use. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
