/**
 * Conversion between the versions of a resource whose versions differ in shape. The demo stores
 * one shape per resource (its storage version, as etcd holds one) and converts what a request
 * writes in another version into it, and what it reads back out of it, as the API server's
 * conversion functions do. Only HorizontalPodAutoscaler needs it among the demo's kinds: v1 has a
 * CPU target where v2 has a list of metrics (`kubectl autoscale` writes v1, kubectl and kx read v2).
 */
import type { KubeObject } from '../../kube/object.ts';
import { isRecord } from './http-util.ts';
import type { ResourceDef } from './resource-def.ts';

interface Converter {
  storageVersion: string;
  /** A request's object, in `version`, into the storage shape. */
  toStorage(obj: KubeObject, version: string): KubeObject;
  /** A stored object into `version`'s shape. */
  fromStorage(obj: KubeObject, version: string): KubeObject;
}

type Loose = Record<string, unknown>;

/** The v2 metric a v1 CPU target is. */
function cpuMetric(target: number): Loose {
  return { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } };
}

/** The CPU utilization target among v2 metrics, if any. */
function cpuTarget(metrics: unknown): number | undefined {
  if (!Array.isArray(metrics)) return undefined;
  for (const m of metrics as Loose[]) {
    const resource = isRecord(m.resource) ? m.resource : undefined;
    const target = isRecord(resource?.target) ? resource.target : undefined;
    if (m.type === 'Resource' && resource?.name === 'cpu' && target?.type === 'Utilization' && typeof target.averageUtilization === 'number') return target.averageUtilization;
  }
  return undefined;
}

const hpa: Converter = {
  storageVersion: 'v2',
  toStorage(obj, version) {
    if (version !== 'v1') return obj;
    const out = structuredClone(obj) as KubeObject & { spec?: Loose; status?: Loose };
    out.apiVersion = 'autoscaling/v2';
    const spec = out.spec ?? {};
    // v1 with no CPU target is v2's default: 80 % CPU utilization (SetDefaults_HorizontalPodAutoscaler).
    const target = typeof spec.targetCPUUtilizationPercentage === 'number' ? spec.targetCPUUtilizationPercentage : 80;
    delete spec.targetCPUUtilizationPercentage;
    spec.metrics = [cpuMetric(target)];
    spec.minReplicas ??= 1;
    out.spec = spec;
    if (out.status) {
      const { currentCPUUtilizationPercentage: current, ...rest } = out.status;
      out.status = typeof current === 'number' ? { ...rest, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }] } : rest;
    }
    return out;
  },
  fromStorage(obj, version) {
    if (version !== 'v1') return obj;
    const out = structuredClone(obj) as KubeObject & { spec?: Loose; status?: Loose };
    if (out.spec) {
      const { metrics, behavior: _behavior, ...spec } = out.spec;
      const target = cpuTarget(metrics);
      out.spec = target === undefined ? spec : { ...spec, targetCPUUtilizationPercentage: target };
    }
    if (out.status) {
      const { currentMetrics, conditions: _conditions, ...status } = out.status;
      const current = Array.isArray(currentMetrics)
        ? (currentMetrics as Loose[])
            .map((m) => (isRecord(m.resource) && m.resource.name === 'cpu' && isRecord(m.resource.current) ? m.resource.current.averageUtilization : undefined))
            .find((v) => typeof v === 'number')
        : undefined;
      out.status = current === undefined ? status : { ...status, currentCPUUtilizationPercentage: current };
    }
    return out;
  },
};

const converters: Record<string, Converter> = { 'autoscaling/horizontalpodautoscalers': hpa };

function converterFor(def: Pick<ResourceDef, 'group' | 'plural' | 'custom'>): Converter | undefined {
  return def.custom ? undefined : converters[`${def.group}/${def.plural}`];
}

/** What a request wrote in `version`, in the shape the demo stores. */
export function toStorage(def: Pick<ResourceDef, 'group' | 'plural' | 'custom'>, version: string, obj: KubeObject): KubeObject {
  return converterFor(def)?.toStorage(obj, version) ?? obj;
}

/** A stored object in `version`'s shape. */
export function fromStorage(def: Pick<ResourceDef, 'group' | 'plural' | 'custom'>, version: string, obj: KubeObject): KubeObject {
  return converterFor(def)?.fromStorage(obj, version) ?? obj;
}
