/** kubectl describe for NetworkPolicy (describeNetworkPolicy in kubectl's describe.go). */
import { obj, objs, str, strs } from '../json.ts';
import { formatLabelSelector, readSelector } from '../format.ts';
import { parseTime } from '../duration.ts';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, type PrefixWriter } from './describe-writer.ts';
import type { DescribeInput } from './describe-types.ts';
import { writeAnnotations, writeLabels } from './meta-sections.ts';

/** Name, namespace, creation time, labels, annotations and the spec's rules; kubectl shows no events here. */
export function describeNetworkPolicy({ object: np }: DescribeInput): string[] {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${np.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', np.metadata.labels);
  writeAnnotations(w, 'Annotations', np.metadata.annotations);
  writeSpec(w, obj(np['spec']));
  return w.lines();
}

function writeSpec(w: PrefixWriter, spec: Record<string, unknown>): void {
  w.write(LEVEL_0, 'Spec:\n');
  // No tab after the label: kubectl writes the selector at LEVEL_2 right after it, outside the columns.
  w.write(LEVEL_1, 'PodSelector: ');
  const podSelector = obj(spec['podSelector']);
  if (Object.keys(obj(podSelector['matchLabels'])).length === 0 && objs(podSelector['matchExpressions']).length === 0) {
    w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  } else {
    w.write(LEVEL_2, `${formatLabelSelector(readSelector(podSelector))}\n`);
  }
  const policyTypes = strs(spec['policyTypes']);
  if (policyTypes.includes('Ingress')) {
    w.write(LEVEL_1, 'Allowing ingress traffic:\n');
    writeRules(w, objs(spec['ingress']), 'from');
  } else {
    w.write(LEVEL_1, 'Not affecting ingress traffic\n');
  }
  if (policyTypes.includes('Egress')) {
    w.write(LEVEL_1, 'Allowing egress traffic:\n');
    writeRules(w, objs(spec['egress']), 'to');
  } else {
    w.write(LEVEL_1, 'Not affecting egress traffic\n');
  }
  w.write(LEVEL_1, `Policy Types: ${policyTypes.length > 0 ? policyTypes.join(', ') : '<none>'}\n`);
}

/** printNetworkPolicySpecIngressFrom and …EgressTo: the same layout, peers under From: or To:. */
function writeRules(w: PrefixWriter, rules: Record<string, unknown>[], peersKey: 'from' | 'to'): void {
  const indent = '    ';
  const direction = peersKey === 'from' ? 'ingress' : 'egress';
  if (rules.length === 0) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  const title = peersKey === 'from' ? 'From' : 'To';
  rules.forEach((rule, i) => {
    const ports = objs(rule['ports']);
    if (ports.length === 0) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const port of ports) {
      const protocol = str(port['protocol']) || 'TCP';
      if (port['endPort'] === undefined || port['endPort'] === null) {
        w.write(LEVEL_0, `${indent}To Port: ${intOrString(port['port'])}/${protocol}\n`);
      } else {
        w.write(LEVEL_0, `${indent}To Port Range: ${intOrString(port['port'])}-${String(port['endPort'])}/${protocol}\n`);
      }
    }
    const peers = objs(rule[peersKey]);
    if (peers.length === 0) {
      const unrestricted = peersKey === 'from' ? 'traffic not restricted by source' : 'traffic not restricted by destination';
      w.write(LEVEL_0, `${indent}${title}: <any> (${unrestricted})\n`);
    }
    for (const peer of peers) writePeer(w, peer, indent, title);
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

function writePeer(w: PrefixWriter, peer: Record<string, unknown>, indent: string, title: string): void {
  w.write(LEVEL_0, `${indent}${title}:\n`);
  const has = (key: string): boolean => peer[key] !== undefined && peer[key] !== null;
  const selector = (key: string): string => formatLabelSelector(readSelector(peer[key]));
  if (has('podSelector') && has('namespaceSelector')) {
    w.write(LEVEL_1, `${indent}NamespaceSelector: ${selector('namespaceSelector')}\n`);
    w.write(LEVEL_1, `${indent}PodSelector: ${selector('podSelector')}\n`);
  } else if (has('podSelector')) {
    w.write(LEVEL_1, `${indent}PodSelector: ${selector('podSelector')}\n`);
  } else if (has('namespaceSelector')) {
    w.write(LEVEL_1, `${indent}NamespaceSelector: ${selector('namespaceSelector')}\n`);
  } else if (has('ipBlock')) {
    const block = obj(peer['ipBlock']);
    w.write(LEVEL_1, `${indent}IPBlock:\n`);
    w.write(LEVEL_2, `${indent}CIDR: ${str(block['cidr'])}\n`);
    w.write(LEVEL_2, `${indent}Except: ${strs(block['except']).join(', ')}\n`);
  }
}

/** A *intstr.IntOrString printed with %s: the number or the name, '<nil>' when absent. */
function intOrString(value: unknown): string {
  if (value === undefined || value === null) return '<nil>';
  return typeof value === 'number' ? String(value) : str(value);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Go's time.Time String() ('2006-01-02 15:04:05 -0700 MST') in the local zone, which is how
 * kubectl prints a metav1.Time with %s. The zone abbreviation comes from Intl, which names UTC and
 * the zones it knows short names for the way Go does; others read as GMT+N there.
 */
function goTimeString(value: unknown): string {
  const ms = parseTime(value);
  // metav1.Time's zero value: Go prints 0001-01-01 00:00:00 +0000 UTC.
  if (Number.isNaN(ms)) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(abs / 60))}${pad(abs % 60)}`;
  const name = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone} ${name}`;
}
