/** Port-forwarding to pods, Services and workloads, as kubectl port-forward does (and re-resolving beyond it). */
export { forwardPort, PortForwarder, type ForwardEvent, type ForwardPortOptions, type ForwardState } from './forward-port.ts';
export { PortForwardRegistry, type ForwardEntry } from './registry.ts';
export { forwardKindOf, parseTarget, resolvePod, resolveTarget, targetText, type ForwardKind, type ForwardTarget, type ResolvedPod, type ResolvedTarget } from './resolve-target.ts';
export { parsePortSpec, podPort, servicePodPort, type PortSpec } from './port-mapping.ts';
