/** Reading what an ink-testing-library render shows: its last frame as plain text, and waiting for it. */
import { waitFor } from './wait-for.ts';

/** A frame without colours (ANSI SGR sequences), '' before the first one. */
export function plainFrame(frame: string | undefined): string {
  return (frame ?? '').replace(/\x1b\[[0-9;]*m/g, '');
}

/** Polls `frame` until its plain text passes `check` (panes fetch and watch asynchronously) and returns that text. */
export function waitForFrame(frame: () => string | undefined, check: (text: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
  let text = '';
  return waitFor(
    what,
    () => {
      text = plainFrame(frame());
      return check(text) && text;
    },
    timeoutMs,
    20,
  ).catch((err: Error) => {
    throw new Error(`${err.message}; last frame:\n${text}`);
  });
}
