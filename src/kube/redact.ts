/**
 * Keeps credentials out of every message kube/ produces: the API client registers each token it
 * sends, and every KxError message passes through redactSecrets.
 */

const secrets = new Set<string>();

/** Remembers a credential (bearer token, password) so that it is blanked wherever it appears. */
export function registerSecret(secret: string | undefined | null): void {
  // Very short strings would blank ordinary words; real tokens are long.
  if (secret && secret.length >= 8) secrets.add(secret);
}

/** Returns `text` with registered secrets and anything shaped like an Authorization value removed. */
export function redactSecrets(text: string): string {
  let out = text.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]');
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join('[redacted]');
  }
  return out;
}
