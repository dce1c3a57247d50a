/**
 * Strategic merge patch, correct enough for what kubectl and kx send: maps merge recursively,
 * lists of known fields merge by their merge key, other lists replace; `$patch: replace|delete`,
 * `$retainKeys`-free, `$setElementOrder` ignored, null deletes a key.
 */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Field name → merge key of the lists that merge instead of replacing (from the API's patchMergeKey tags). */
const mergeKeys: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  ports: 'containerPort',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  conditions: 'type',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  tolerations: '',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  finalizers: '',
};

/** Service ports merge on `port`, container ports on `containerPort`: decide by the path. */
function mergeKeyFor(path: string[], field: string): string | undefined {
  if (field === 'ports') return path.includes('containers') || path.includes('initContainers') ? 'containerPort' : 'port';
  const k = mergeKeys[field];
  return k === undefined || k === '' ? undefined : k;
}

/** Applies a strategic merge patch (inputs are not changed). */
export function strategicMergePatch(target: unknown, patch: unknown, path: string[] = []): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const directive = patch.$patch;
  if (directive === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return stripDirectives(rest);
  }
  if (directive === 'delete') return undefined;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$setElementOrder/') || key === '$retainKeys' || key === '$patch') continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const list = Array.isArray(out[field]) ? (out[field] as unknown[]) : [];
      out[field] = list.filter((x) => !(Array.isArray(value) && value.includes(x)));
      continue;
    }
    if (value === null) {
      delete out[key];
      continue;
    }
    if (Array.isArray(value)) {
      const mk = mergeKeyFor(path, key);
      const result = mk ? mergeList(out[key], value, mk, [...path, key]) : value.map((v) => stripDirectives(v));
      out[key] = result;
      continue;
    }
    const merged = strategicMergePatch(out[key], value, [...path, key]);
    if (merged === undefined) delete out[key];
    else out[key] = merged;
  }
  return out;
}

function mergeList(target: unknown, patch: unknown[], key: string, path: string[]): unknown[] {
  // A list-level `$patch: replace` element means: the patch list replaces the whole list.
  if (patch.some((p) => isObject(p) && p.$patch === 'replace' && !(key in p))) {
    return patch.filter((p) => !(isObject(p) && p.$patch === 'replace' && !(key in p))).map((v) => stripDirectives(v));
  }
  const out: unknown[] = Array.isArray(target) ? [...(target as unknown[])] : [];
  for (const item of patch) {
    if (!isObject(item) || !(key in item)) {
      out.push(stripDirectives(item));
      continue;
    }
    const idx = out.findIndex((x) => isObject(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMergePatch(out[idx], item, path);
    else out.push(stripDirectives(item));
  }
  return out;
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    if (x === null) continue;
    out[k] = stripDirectives(x);
  }
  return out;
}
