/**
 * What the header's lines hold, decided before drawing: the explorer sizes the view below from
 * the same answer, so the header and the table never disagree about the line count.
 */
import { clusterUsageText, type ClusterUsage } from '../../explorer/usage-columns.ts';
import { cellWidth } from '../text-fit.ts';

/** What the header shows about the current connection. */
export interface HeaderInfo {
  context: string;
  cluster: string;
  user: string;
  namespace: string;
  serverVersion?: string | undefined;
  /** The cluster's CPU and memory in use against allocatable, when the metrics API answers. */
  usage?: ClusterUsage | undefined;
  /** Set when kx runs on its built-in demo cluster; says why (e.g. 'no kubeconfig found'). */
  demoReason?: string | undefined;
  /** Set when kx shows a snapshot: what it is of and when (shown first, so it stays on narrow terminals). */
  snapshot?: string | undefined;
  /** The context's recent namespaces, most recent first: keys 1–9 (0 is all namespaces). */
  recent?: readonly string[] | undefined;
}

/** Where the header puts each part: the favourites at the end of the first line, on a line of their own, or nowhere. */
export interface HeaderLayout {
  favourites: 'inline' | 'line' | 'none';
  demo: boolean;
  lines: number;
}

/** Terminals at least this tall have room for header lines beyond the first. */
const roomyRows = 20;
/** Between the pairs, and between the pairs and the favourites. */
const gap = 2;

/** The first line's labelled pairs. */
export function headerPairs(info: HeaderInfo): Array<[string, string]> {
  const pairs: Array<[string, string]> = [
    ...(info.snapshot !== undefined ? [['Snapshot', info.snapshot] as [string, string]] : []),
    ['Context', info.context],
    ['Cluster', info.cluster],
    ['User', info.user],
    ['Namespace', info.namespace],
    ['K8s', info.serverVersion ?? '…'],
  ];
  if (info.usage) {
    const text = clusterUsageText(info.usage);
    pairs.push(['CPU', text.cpu], ['MEM', text.memory]);
  }
  return pairs;
}

/** k9s's favourites: `<0> all` then `<n> namespace` for each recent one. */
export function favouriteItems(recent: readonly string[]): Array<[string, string]> {
  return [['<0>', 'all'], ...recent.map((ns, i): [string, string] => [`<${i + 1}>`, ns])];
}

/** The width of `items` drawn as `key value` separated by one space. */
function itemsWidth(items: Array<[string, string]>, between: number, inner: number): number {
  return items.reduce((sum, [k, v], i) => sum + (i > 0 ? between : 0) + cellWidth(k) + inner + cellWidth(v), 0);
}

/** The header's layout for `info` in a terminal of `width` × `rows`. */
export function headerLayout(info: HeaderInfo, width: number, rows: number): HeaderLayout {
  const roomy = rows >= roomyRows;
  const demo = info.demoReason !== undefined && roomy;
  const recent = info.recent ?? [];
  let favourites: HeaderLayout['favourites'] = 'none';
  if (recent.length > 0) {
    // `Label: value` pairs: the colon and the space make 2 cells between label and value.
    const first = itemsWidth(
      headerPairs(info).map(([l, v]) => [`${l}:`, v]),
      gap,
      1,
    );
    const favs = itemsWidth(favouriteItems(recent), 1, 1);
    if (first + gap + favs <= width) favourites = 'inline';
    else if (roomy) favourites = 'line';
  }
  return { favourites, demo, lines: 1 + (favourites === 'line' ? 1 : 0) + (demo ? 1 : 0) };
}
