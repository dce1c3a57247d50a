/**
 * Keeps the terminal usable whatever happens: the explorer runs in raw mode on the alternate
 * screen, so a crash, SIGTERM or SIGHUP must still show the cursor, leave the alternate screen and
 * give the shell its cooked mode back.
 */

const SHOW_CURSOR = '\x1b[?25h';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
const MOUSE_OFF = '\x1b[?1000l\x1b[?1002l\x1b[?1006l';
/**
 * Alternate scroll mode: on the alternate screen the terminal turns mouse-wheel turns into up and
 * down arrow keys, so the wheel moves the cursor through tables and scrolls panes. Unlike mouse
 * tracking it leaves text selection with the mouse working as usual.
 */
const ALTERNATE_SCROLL_ON = '\x1b[?1007h';
const ALTERNATE_SCROLL_OFF = '\x1b[?1007l';

/** Asks the terminal to send the mouse wheel as arrow keys while kx runs. */
export function enableWheelScrolling(stdout: NodeJS.WriteStream = process.stdout): void {
  if (stdout.isTTY) stdout.write(ALTERNATE_SCROLL_ON);
}

/** Puts the terminal back the way the shell expects it. Safe to call more than once. */
export function restoreTerminal(stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): void {
  try {
    if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
  } catch {
    // stdin already closed: nothing to restore there
  }
  if (stdout.isTTY) stdout.write(MOUSE_OFF + ALTERNATE_SCROLL_OFF + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
}

/**
 * Runs `shutdown` on SIGINT/SIGTERM/SIGHUP and on a crash, then restores the terminal; a crash
 * prints its message after the screen is back. Returns a function that removes the guards.
 */
export function guardTerminal(shutdown: (reason: string) => void): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    shutdown(signal);
    restoreTerminal();
    process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143);
  };
  const onCrash = (err: unknown): void => {
    shutdown('crash');
    restoreTerminal();
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`kx stopped after an unexpected error: ${message}\n`);
    if (process.env['KX_DEBUG'] && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exit(1);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return () => {
    for (const s of signals) process.off(s, onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  };
}
