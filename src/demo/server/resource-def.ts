/** The shape of one resource the demo API server serves (built-in or from a CRD). */

/** Where a scale subresource finds replicas and selector in the object (CRD-style JSON paths). */
export interface ScaleSpec {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

/** A CRD additionalPrinterColumn. */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  format?: string;
  description?: string;
  priority?: number;
}

/** Everything discovery, routing, the store and tables need to know about a resource. */
export interface ResourceDef {
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: {
    status?: boolean;
    scale?: ScaleSpec;
    log?: boolean;
    exec?: boolean;
    portforward?: boolean;
    attach?: boolean;
    /** pods/eviction (policy/v1 Eviction). */
    eviction?: boolean;
    /** serviceaccounts/token (TokenRequest: kubectl create token). */
    token?: boolean;
    /** certificatesigningrequests/approval (kubectl certificate approve|deny). */
    approval?: boolean;
  };
  /** Custom resources only: their additionalPrinterColumns (from the preferred version). */
  printerColumns?: PrinterColumn[];
  /** True for resources registered from a CustomResourceDefinition. */
  custom?: boolean;
  /** A snapshot's resource it has no objects of: the sentence every request on it is answered with (403). */
  unavailable?: string;
}

/** The verbs of an ordinary read-write resource. */
export const crudVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** 'pods' for the core group, 'deployments.apps' otherwise (how the server names resources in messages). */
export function qualifiedName(def: Pick<ResourceDef, 'group' | 'plural'>): string {
  return def.group === '' ? def.plural : `${def.plural}.${def.group}`;
}

/** The map key for a group + plural. */
export function refKey(group: string, plural: string): string {
  return `${group}/${plural}`;
}
