/**
 * What `helm get values` (user-supplied), `helm get values --all` (computed), `helm get manifest`
 * and `helm get notes` print for a revision, and a unified diff between two revisions. Values are
 * shown as Helm shows them: unmasked, though they may hold passwords. Pure.
 */
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import type { HelmRelease } from './release-codec.ts';

type Values = Record<string, unknown>;

function isMap(v: unknown): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Helm's chartutil.CoalesceValues for one chart: the user's values over the chart's defaults,
 * maps merged key by key, a user null deleting the default.
 */
export function coalesceValues(chart: Values | null | undefined, user: Values | null | undefined): Values {
  const out: Values = structuredClone(chart ?? {});
  for (const [key, value] of Object.entries(user ?? {})) {
    if (value === null) delete out[key];
    else if (isMap(value) && isMap(out[key])) out[key] = coalesceValues(out[key], value);
    else out[key] = structuredClone(value);
  }
  return out;
}

function yamlOf(values: Values): string {
  return Object.keys(values).length === 0 ? 'null\n' : stringify(values, { sortMapEntries: true });
}

/** The values view: user-supplied, then computed. */
export function valuesText(r: HelmRelease): string {
  return `USER-SUPPLIED VALUES:\n${yamlOf(r.config ?? {})}\nCOMPUTED VALUES:\n${yamlOf(coalesceValues(r.chart?.values, r.config))}`;
}

/** The stored manifest, as `helm get manifest` prints it. */
export function manifestText(r: HelmRelease): string {
  return r.manifest ?? '';
}

/** The chart's NOTES.txt as rendered at install or upgrade. */
export function notesText(r: HelmRelease): string {
  return r.info?.notes ?? '';
}

/** What one revision holds, as one text for a diff: computed values and manifest. */
function diffable(r: HelmRelease): string {
  return `# values\n${yamlOf(coalesceValues(r.chart?.values, r.config))}# manifest\n${manifestText(r)}`;
}

/** A unified diff of the values and manifest from revision `from` to `to`, '' when they are the same. */
export function revisionDiff(from: HelmRelease, to: HelmRelease): string {
  const a = diffable(from);
  const b = diffable(to);
  if (a === b) return '';
  return createTwoFilesPatch(`revision ${from.version}`, `revision ${to.version}`, a, b, '', '', { context: 3 }).replace(/^=+\n/m, '');
}
