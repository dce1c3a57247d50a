/** The set of resources the demo API server serves right now: built-ins plus registered CRDs. */
import { builtinResources } from './builtin-resources.ts';
import { refKey, type ResourceDef } from './resource-def.ts';

/** A served API group with its versions, preferred first. */
export interface GroupInfo {
  name: string;
  versions: string[];
}

/** Groups whose preferred version is not simply the first one registered. */
const groupOrder = [
  '',
  'apps',
  'events.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'node.k8s.io',
  'discovery.k8s.io',
];

/** Looks resources up by group and plural, or by group/version; CRDs come and go at runtime. */
export class ResourceCatalogue {
  private readonly defs = new Map<string, ResourceDef>();

  constructor(defs: ResourceDef[] = builtinResources()) {
    for (const d of defs) this.defs.set(refKey(d.group, d.plural), d);
  }

  /** The resource served as group + plural, if any. */
  get(group: string, plural: string): ResourceDef | undefined {
    return this.defs.get(refKey(group, plural));
  }

  /** Registers or replaces a resource (a CRD was created or changed). */
  register(def: ResourceDef): void {
    this.defs.set(refKey(def.group, def.plural), def);
  }

  /** Removes a resource (its CRD was deleted). */
  unregister(group: string, plural: string): void {
    this.defs.delete(refKey(group, plural));
  }

  /** Every served resource. */
  all(): ResourceDef[] {
    return [...this.defs.values()];
  }

  /** Resources served in one group version. */
  inGroupVersion(group: string, version: string): ResourceDef[] {
    return this.all().filter((d) => d.group === group && d.versions.includes(version));
  }

  /** Served groups ('' is core) with versions, preferred first; built-in groups in a fixed order, custom ones after. */
  groups(): GroupInfo[] {
    const byName = new Map<string, string[]>();
    for (const d of this.defs.values()) {
      const versions = byName.get(d.group) ?? [];
      for (const v of d.versions) if (!versions.includes(v)) versions.push(v);
      byName.set(d.group, versions);
    }
    const names = [...byName.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return names.map((name) => ({ name, versions: sortVersions(byName.get(name) ?? []) }));
  }
}

function rank(group: string): number {
  const i = groupOrder.indexOf(group);
  return i < 0 ? groupOrder.length : i;
}

/** Kubernetes version priority: GA > beta > alpha, higher numbers first (v2 > v1 > v1beta1). */
export function sortVersions(versions: string[]): string[] {
  const key = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    const stability = m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1;
    return [stability, Number(m[1]), Number(m[3] ?? 0)];
  };
  return [...versions].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return kb[0] - ka[0] || kb[1] - ka[1] || kb[2] - ka[2] || a.localeCompare(b);
  });
}
