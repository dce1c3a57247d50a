/**
 * Copies text to the terminal's clipboard with OSC 52, which terminals (and tmux, and ssh
 * sessions through them) take without kx needing a display server or a clipboard program.
 */

/** The escape sequence that puts `text` on the clipboard. */
export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

/** Writes the sequence to the terminal. */
export function copyToClipboard(text: string, out: NodeJS.WriteStream = process.stdout): void {
  out.write(osc52(text));
}

/** What `n` copies: namespace/name, or the name alone for a cluster-scoped object. */
export function namespacedName(row: { namespace: string; name: string }): string {
  return row.namespace ? `${row.namespace}/${row.name}` : row.name;
}
