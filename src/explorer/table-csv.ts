/** A table as CSV (RFC 4180): CRLF line ends, and fields with a comma, quote or line break quoted with quotes doubled. */

/** One field, quoted only when RFC 4180 requires it. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The heading line and the rows as CSV text, each record ended by CRLF (RFC 4180 §2). */
export function tableCsv(heading: readonly string[], rows: readonly (readonly string[])[]): string {
  return [heading, ...rows].map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
