/**
 * Secret values masked wherever a Secret's text can show them: `data`, `stringData`, and the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation, which `kubectl apply` fills with
 * the whole manifest (every value, base64 or plain). Everything that shows, copies, saves or
 * searches a Secret's text goes through maskSecret first; only an explicit reveal skips it.
 */
import type { KubeObject } from '../kube/object.ts';

/** The annotation `kubectl apply` writes with the applied manifest (values included). */
export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

/** The mask shown for a secret value: dots and the size, never the value. */
export function maskedValue(bytes: number): string {
  return `•••••• (${bytes} bytes)`;
}

/** Whether an object is a core/v1 Secret (the only kind whose values are masked). */
export function isSecret(object: { kind?: unknown; apiVersion?: unknown }): boolean {
  return object.kind === 'Secret' && object.apiVersion === 'v1';
}

/** A copy of `secret` with data, stringData and the last-applied annotation's values masked. */
export function maskSecret<T extends KubeObject>(secret: T): T {
  const copy = structuredClone(secret) as T & Record<string, unknown>;
  maskValues(copy);
  const annotations = copy.metadata?.annotations;
  const applied = annotations?.[lastAppliedAnnotation];
  if (annotations && applied !== undefined) annotations[lastAppliedAnnotation] = maskedLastApplied(applied);
  return copy;
}

/** The annotation with its values masked; text that is not a JSON object is masked whole. */
export function maskedLastApplied(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return maskedValue(Buffer.byteLength(text));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return maskedValue(Buffer.byteLength(text));
  const object = parsed as Record<string, unknown>;
  maskValues(object);
  // A manifest applied under another kind name still may hold data: mask any data/stringData.
  return `${JSON.stringify(object)}${text.endsWith('\n') ? '\n' : ''}`;
}

/** Masks `data` (base64: the decoded size) and `stringData` (the text's size) in place. */
function maskValues(object: Record<string, unknown>): void {
  for (const field of ['data', 'stringData'] as const) {
    const values = object[field];
    if (!values || typeof values !== 'object' || Array.isArray(values)) continue;
    const masked: Record<string, string> = {};
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
      masked[key] = maskedValue(field === 'data' ? Buffer.from(text, 'base64').length : Buffer.byteLength(text));
    }
    object[field] = masked;
  }
}
