/**
 * Helm 3's release storage format (helm.sh/helm/v3 pkg/storage/driver/util.go): a release is
 * JSON, gzipped, then base64 (standard alphabet); a Secret's `data.release` holds that string
 * base64-encoded once more by the Secret itself, a ConfigMap's holds it as is. Pure.
 */
import { gunzipSync, gzipSync, constants } from 'node:zlib';

/** What a release's `info` says (Go json tags of release.Info). */
export interface HelmReleaseInfo {
  first_deployed?: string;
  last_deployed?: string;
  deleted?: string;
  description?: string;
  status?: string;
  notes?: string;
}

/** The parts of chart.Chart kx shows. */
export interface HelmChart {
  metadata?: { name?: string; version?: string; appVersion?: string; description?: string };
  values?: Record<string, unknown> | null;
}

/** One revision of a release, as Helm stores it (release.Release). */
export interface HelmRelease {
  name: string;
  namespace?: string;
  version: number;
  info?: HelmReleaseInfo;
  chart?: HelmChart;
  /** The user-supplied values (helm get values). */
  config?: Record<string, unknown> | null;
  manifest?: string;
}

/** Helm's gzip magic: a payload that does not start with it is plain JSON (releases from before compression). */
const magicGzip = [0x1f, 0x8b, 0x08];
const strictBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Helm's encodeRelease: JSON, gzip at best compression, base64. */
export function encodeRelease(release: HelmRelease): string {
  return gzipSync(Buffer.from(JSON.stringify(release)), { level: constants.Z_BEST_COMPRESSION }).toString('base64');
}

/** A decoded release, or the one sentence saying why the data is not one. */
export type DecodedRelease = { release: HelmRelease } | { error: string };

/** Helm's decodeRelease: base64, gunzip when the gzip magic is there, JSON. */
export function decodeRelease(data: string): DecodedRelease {
  if (!strictBase64.test(data)) return { error: 'the release data is not base64' };
  let bytes = Buffer.from(data, 'base64');
  if (bytes.length > 3 && magicGzip.every((b, i) => bytes[i] === b)) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      return { error: 'the release data is not valid gzip' };
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { error: 'the release data is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { error: 'the release data is not a release object' };
  const r = parsed as Partial<HelmRelease>;
  if (typeof r.name !== 'string' || typeof r.version !== 'number') return { error: 'the release data has no name or version' };
  return { release: r as HelmRelease };
}

/** The Secret's `data.release` (base64 of Helm's string) as Helm's string, or undefined when it is not base64. */
export function secretReleaseData(value: string): string | undefined {
  if (!strictBase64.test(value)) return undefined;
  return Buffer.from(value, 'base64').toString('latin1');
}
