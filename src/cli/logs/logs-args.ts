/**
 * `kx logs` flags, spelled and checked as kubectl checks them, turned into a request the command
 * can run. Pure: every mistake is a UsageError (exit 2) with one sentence, except a name kubectl
 * refuses, which is kubectl's KxError (exit 1).
 */
import { parseCommandLine, UsageError, type GlobalFlags } from '../args.ts';
import { checkObjectName, splitResourceName } from '../object-name.ts';
import { parseLabelSelector } from '../../explorer/filter/label-selector.ts';
import { parseGoDuration } from '../../logs/go-duration.ts';
import type { ContainerChoice, ContainerState, LogQuery } from '../../logs/log-types.ts';
import type { LineFilter } from '../../logs/line-filter.ts';
import type { ColorMode, OutputFormat } from '../../logs/prefixer.ts';
import { compileRegexFlag, looksLikeRegex } from './regex-flag.ts';

/** What `kx logs …` asks for. */
export interface LogsRequest {
  flags: GlobalFlags;
  help: boolean;
  /** A pod name, or TYPE and NAME; undefined with -l or a pod query. */
  target: { type: string | undefined; name: string } | undefined;
  /** stern's pod query: a regular expression over pod names (alone or with -l). */
  podQuery: RegExp | undefined;
  /** --field-selector and --node, joined; only with a query, TYPE/NAME or -l. */
  fieldSelector: string | undefined;
  /** -E/--exclude-container. */
  excludeContainers: RegExp[];
  /** --container-state; undefined: any state. */
  containerStates: ContainerState[] | undefined;
  /** The -l selector, canonicalised. */
  selector: string | undefined;
  containers: ContainerChoice;
  query: LogQuery;
  timestamps: boolean;
  /** --prefix (kubectl's `[pod/NAME/CONTAINER] `), --no-prefix, or auto (stern's `POD CONTAINER ` when several). */
  prefix: 'auto' | 'on' | 'off';
  /** -o/--output (stern). */
  output: OutputFormat;
  /** --color (stern). */
  color: ColorMode;
  /** --max-log-requests (--max-pods, its old name, still works). */
  maxLogRequests: number;
  /** --pod-running-timeout when given: following gives up when no log has started by then. */
  podRunningTimeoutMs: number | undefined;
  /** --ignore-errors: a container whose log cannot be read does not make the exit code 1. */
  ignoreErrors: boolean;
  /** --include / --exclude (stern): which lines are printed. */
  lines: LineFilter;
}

/** kx logs' own flags (also what completion offers). */
export const logsOptions = {
  container: { type: 'string', short: 'c' },
  'all-containers': { type: 'boolean' },
  follow: { type: 'boolean', short: 'f' },
  tail: { type: 'string' },
  since: { type: 'string' },
  'since-time': { type: 'string' },
  previous: { type: 'boolean', short: 'p' },
  timestamps: { type: 'boolean' },
  prefix: { type: 'boolean' },
  'no-prefix': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  color: { type: 'string' },
  'max-pods': { type: 'string' },
  'max-log-requests': { type: 'string' },
  'limit-bytes': { type: 'string' },
  'pod-running-timeout': { type: 'string' },
  'ignore-errors': { type: 'boolean' },
  selector: { type: 'string', short: 'l' },
  include: { type: 'string', short: 'i', multiple: true },
  exclude: { type: 'string', short: 'e', multiple: true },
  'exclude-container': { type: 'string', short: 'E', multiple: true },
  'container-state': { type: 'string', multiple: true },
  'field-selector': { type: 'string' },
  node: { type: 'string' },
} as const;

/** The default of --max-log-requests (stern's; kubectl's is 5). */
export const defaultMaxPods = 50;

const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;

/** Parses `kx logs` arguments (the command word already removed); `invokedAs` names the help in hints. */
export function parseLogsArgs(argv: string[], invokedAs = 'kx'): LogsRequest {
  const seeHelp = `see '${invokedAs} logs --help'`;
  const args = parseCommandLine(argv, logsOptions, { invokedAs, command: 'logs' });
  const o = args.options;
  const str = (name: string): string | undefined => (typeof o[name] === 'string' ? (o[name] as string) : undefined);
  const bool = (name: string): boolean => o[name] === true;
  const list = (name: string): string[] => (Array.isArray(o[name]) ? o[name] : []);
  const positionals = args.command ? [args.command, ...args.positionals] : [];
  const help = args.flags.help;

  const selectorText = str('selector');
  let selector: string | undefined;
  if (selectorText !== undefined) {
    const parsed = parseLabelSelector(selectorText);
    if (!parsed.ok) throw new UsageError(`invalid selector "${selectorText}": ${parsed.message}`);
    selector = parsed.selector.text;
  }

  let container = str('container');
  let target: LogsRequest['target'];
  let podQuery: RegExp | undefined;
  if (positionals.length > 0) {
    const [first, second, ...extra] = positionals as [string, ...string[]];
    if (extra.length > 0) throw new UsageError(`too many arguments: ${positionals.join(' ')} (expected POD [CONTAINER] or TYPE/NAME; ${seeHelp})`);
    // Not a Kubernetes name and not TYPE/NAME: stern's query, a pattern over pod names (with -l too).
    const query = !first.includes('/') && looksLikeRegex(first);
    if (selector !== undefined && !query) throw new UsageError(`only a selector (-l) or a POD name is allowed, not both (${seeHelp})`);
    const split = query ? undefined : splitResourceName(first);
    if (split && (!split.type || !split.name)) throw new UsageError(`"${first}" is not TYPE/NAME (${seeHelp})`);
    if (query) podQuery = compileRegexFlag(first, 'pod query');
    else {
      target = split ?? { type: undefined, name: first };
      checkObjectName(target.name);
    }
    if (second !== undefined) {
      if (container !== undefined) throw new UsageError(`the container is given twice: "${second}" and -c ${container}`);
      container = second;
    }
  } else if (selector === undefined && !help) {
    throw new UsageError(`expected POD, TYPE/NAME or -l SELECTOR (${seeHelp})`);
  }
  if (args.flags.allNamespaces && target !== undefined) throw new UsageError('-A/--all-namespaces goes with -l SELECTOR, not with a name');

  const allContainers = bool('all-containers');
  if (allContainers && container !== undefined) throw new UsageError(`--all-containers should not be given with a container name (-c ${container})`);
  const containers: ContainerChoice =
    container === undefined
      ? allContainers
        ? { kind: 'all' }
        : { kind: 'default' }
      : looksLikeRegex(container)
        ? { kind: 'pattern', pattern: compileRegexFlag(container, '--container') }
        : { kind: 'named', name: container };
  const fieldSelector = [str('field-selector'), str('node') !== undefined ? `spec.nodeName=${str('node')}` : undefined].filter((s) => s !== undefined).join(',') || undefined;
  if (fieldSelector !== undefined && target !== undefined && target.type === undefined) {
    throw new UsageError(`--field-selector and --node go with a pod query, TYPE/NAME or -l, not a pod name (${seeHelp})`);
  }

  return {
    flags: args.flags,
    help,
    target,
    podQuery,
    fieldSelector,
    excludeContainers: list('exclude-container').map((re) => compileRegexFlag(re, '--exclude-container')),
    containerStates: parseContainerStates(list('container-state')),
    selector,
    containers,
    query: {
      follow: bool('follow'),
      previous: bool('previous'),
      tailLines: parseTail(str('tail'), selector !== undefined),
      ...parseSince(str('since'), str('since-time')),
      ...parseLimitBytes(str('limit-bytes')),
    },
    timestamps: bool('timestamps'),
    prefix: parsePrefix(bool('prefix'), bool('no-prefix')),
    output: oneOf(str('output') ?? 'default', '--output', ['default', 'raw', 'json'] as const),
    color: oneOf(str('color') ?? 'auto', '--color', ['auto', 'always', 'never'] as const),
    maxLogRequests: str('max-log-requests') !== undefined ? parseMaxLogRequests(str('max-log-requests')!) : parseMaxPods(str('max-pods')),
    podRunningTimeoutMs: parsePodRunningTimeout(str('pod-running-timeout')),
    ignoreErrors: bool('ignore-errors'),
    lines: {
      include: list('include').map((re) => compileRegexFlag(re, '--include')),
      exclude: list('exclude').map((re) => compileRegexFlag(re, '--exclude')),
    },
  };
}

function parsePrefix(on: boolean, off: boolean): LogsRequest['prefix'] {
  if (on && off) throw new UsageError('--prefix and --no-prefix cannot be given together');
  return on ? 'on' : off ? 'off' : 'auto';
}

function oneOf<T extends string>(value: string, flag: string, allowed: readonly T[]): T {
  const hit = allowed.find((a) => a === value);
  if (hit === undefined) throw new UsageError(`invalid argument "${value}" for "${flag}" flag: must be one of ${allowed.join(', ')}`);
  return hit;
}

const containerStates: readonly ContainerState[] = ['running', 'waiting', 'terminated'];

// stern: repeatable or comma-separated; 'all' is every state (the same as not giving the flag).
function parseContainerStates(values: string[]): ContainerState[] | undefined {
  if (values.length === 0) return undefined;
  const states = new Set<ContainerState>();
  for (const value of values.flatMap((v) => v.split(','))) {
    const word = value.trim();
    if (word === 'all') return undefined;
    const state = containerStates.find((s) => s === word);
    if (!state) throw new UsageError(`invalid argument "${value}" for "--container-state" flag: must be running, waiting, terminated or all`);
    states.add(state);
  }
  return [...states];
}

// kubectl: -1 (the default) means every line, except with a selector, where it is 10.
function parseTail(text: string | undefined, withSelector: boolean): number | undefined {
  if (text === undefined) return withSelector ? 10 : undefined;
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`invalid argument "${text}" for "--tail" flag: not a whole number`);
  const n = Number(text);
  if (n === -1) return undefined;
  if (n < 0) throw new UsageError('--tail must be greater than or equal to -1');
  return n;
}

function parseSince(since: string | undefined, sinceTime: string | undefined): Pick<LogQuery, 'sinceSeconds' | 'sinceTime'> {
  if (since !== undefined && sinceTime !== undefined) throw new UsageError('at most one of --since and --since-time may be given');
  if (sinceTime !== undefined) {
    if (!rfc3339.test(sinceTime) || Number.isNaN(Date.parse(sinceTime))) {
      throw new UsageError(`--since-time only accepts times matching RFC3339, e.g. '2006-01-02T15:04:05Z' (got "${sinceTime}")`);
    }
    return { sinceTime };
  }
  if (since === undefined) return {};
  const parsed = parseGoDuration(since);
  if (!parsed.ok) throw new UsageError(`invalid argument "${since}" for "--since" flag: ${parsed.message}`);
  if (parsed.ms < 0) throw new UsageError('--since must be greater than 0');
  // kubectl rounds up to whole seconds and leaves a zero duration out.
  const seconds = Math.ceil(parsed.ms / 1000);
  return seconds > 0 ? { sinceSeconds: seconds } : {};
}

function parseMaxLogRequests(text: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`invalid argument "${text}" for "--max-log-requests" flag: not a whole number`);
  if (Number(text) < 1) throw new UsageError('--max-log-requests should be greater than 0');
  return Number(text);
}

// kubectl: 0 (the default) is no limit; below that is an error.
function parseLimitBytes(text: string | undefined): Pick<LogQuery, 'limitBytes'> {
  if (text === undefined) return {};
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`invalid argument "${text}" for "--limit-bytes" flag: not a whole number`);
  const n = Number(text);
  if (n < 0) throw new UsageError('--limit-bytes must be greater than 0');
  return n > 0 ? { limitBytes: n } : {};
}

function parsePodRunningTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseGoDuration(text);
  if (!parsed.ok) throw new UsageError(`invalid argument "${text}" for "--pod-running-timeout" flag: ${parsed.message}`);
  if (parsed.ms <= 0) throw new UsageError('--pod-running-timeout must be higher than zero');
  return parsed.ms;
}

function parseMaxPods(text: string | undefined): number {
  if (text === undefined) return defaultMaxPods;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`--max-pods must be a whole number of 1 or more (got "${text}")`);
  return Number(text);
}
