/**
 * Scaling like `kubectl scale`: a merge patch of spec.replicas on the /scale subresource, or with
 * --current-replicas a GET of the Scale and a PUT back that fails on a mismatch (kubectl's
 * precondition). The count is checked first; an HPA that targets the object is found so the user
 * can be told it will fight a manual scale.
 */
import type { ApiClient } from '../api-client.ts';
import { KxError, toKxError } from '../errors.ts';
import type { KubeList, KubeObject } from '../object.ts';
import { resourcePath, type ResourceInfo } from '../resource-info.ts';
import { dryRunSuffix, type DryRun } from './cordon.ts';
import { kubectlKind } from './delete.ts';

/** The largest replica count the API accepts (int32). */
export const maxReplicas = 2 ** 31 - 1;

/** A replica count typed by a person: a non-negative integer, or one sentence saying what is wrong. */
export function parseReplicas(text: string): { ok: true; replicas: number } | { ok: false; message: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) {
    return { ok: false, message: /^-\d+$/.test(t) ? `The replica count must not be negative: ${t}.` : `"${text}" is not a replica count: type a whole number from 0 up.` };
  }
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n > maxReplicas) return { ok: false, message: `${t} replicas is more than the API allows (at most ${maxReplicas}).` };
  return { ok: true, replicas: n };
}

/** What to scale. */
export interface ScaleTarget {
  resource: ResourceInfo;
  namespace: string;
  name: string;
}

interface Scale {
  metadata: { resourceVersion?: string };
  spec?: { replicas?: number };
  status?: { replicas?: number };
}

/** The Scale subresource's spec.replicas (the desired count). */
export async function currentReplicas(client: ApiClient, target: ScaleTarget): Promise<number> {
  const scale = await client.get<Scale>(resourcePath(target.resource, target.namespace, target.name, 'scale'));
  return scale.spec?.replicas ?? 0;
}

/**
 * Scales `target` to `replicas`; resolves with kubectl's sentence (`deployment.apps/web scaled`).
 * With `expectCurrent` or `expectResourceVersion`, refuses with kubectl's precondition message
 * when the Scale's count or resourceVersion differs;
 * `dryRun: 'client'` sends nothing, `'server'` sends the write with dryRun=All.
 */
export async function scaleObject(
  client: ApiClient,
  target: ScaleTarget,
  replicas: number,
  opts: { expectCurrent?: number | undefined; expectResourceVersion?: string | undefined; dryRun?: DryRun } = {},
): Promise<string> {
  const said = `${kubectlKind(target.resource)}/${target.name} scaled${dryRunSuffix(opts.dryRun)}`;
  // kubectl's client dry run prints the object it read and asks nothing of /scale.
  if (opts.dryRun === 'client') return said;
  const query = opts.dryRun === 'server' ? { query: { dryRun: 'All' } } : {};
  // A kind without a scale subresource is the server's to refuse (its NotFound is what kubectl shows).
  const path = resourcePath(target.resource, target.namespace, target.name, 'scale');
  if (opts.expectCurrent !== undefined || opts.expectResourceVersion !== undefined) {
    // kubectl's ScaleCondition: read, check the preconditions, PUT with the resourceVersion read;
    // a 409 (a controller wrote status in between) is read again and retried every second for up
    // to five minutes, while a failed precondition ends it at once.
    const deadline = Date.now() + conflictRetryMs;
    for (;;) {
      const scale = await client.get<Scale & Record<string, unknown>>(path);
      const now = scale.spec?.replicas ?? 0;
      if (opts.expectCurrent !== undefined && now !== opts.expectCurrent) throw new KxError('conflict', `Expected replicas to be ${opts.expectCurrent}, was ${now}`);
      const version = scale.metadata.resourceVersion ?? '';
      if (opts.expectResourceVersion !== undefined && version !== opts.expectResourceVersion) {
        throw new KxError('conflict', `Expected resource version to be ${opts.expectResourceVersion}, was ${version}`);
      }
      try {
        await client.put(path, { ...scale, spec: { ...scale.spec, replicas } }, query);
        break;
      } catch (err) {
        if (toKxError(err).code !== 409 || Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, conflictRetryEveryMs));
      }
    }
  } else {
    await client.patch(path, 'merge', { spec: { replicas } }, query);
  }
  return said;
}

/** kubectl scale's RetryParams: a conflict is tried again every second for five minutes. */
const conflictRetryEveryMs = 1000;
const conflictRetryMs = 5 * 60_000;

/** The name of an HPA in the namespace whose scaleTargetRef is this object, if any. */
export async function hpaFor(client: ApiClient, target: ScaleTarget): Promise<string | undefined> {
  try {
    const list = await client.get<KubeList>(`/apis/autoscaling/v1/namespaces/${encodeURIComponent(target.namespace)}/horizontalpodautoscalers`);
    const hpa = list.items.find((h: KubeObject) => {
      const ref = (h['spec'] as { scaleTargetRef?: { kind?: string; name?: string } } | undefined)?.scaleTargetRef;
      return ref?.name === target.name && ref.kind === target.resource.kind;
    });
    return hpa?.metadata.name;
  } catch {
    // No permission to list HPAs, or no autoscaling API: nothing to warn about that kx can know.
    return undefined;
  }
}

/** The warning shown before a manual scale of an object an HPA controls. */
export function hpaWarning(hpa: string): string {
  return `HorizontalPodAutoscaler "${hpa}" targets this object and will change the replica count back.`;
}
