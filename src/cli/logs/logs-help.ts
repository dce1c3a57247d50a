/** `kx logs --help`. */
import { defaultMaxPods } from './logs-args.ts';

/** The help text, with examples, for `invokedAs` ('kx' or 'kubectl kx'). */
export function logsHelpText(invokedAs: string): string {
  const kx = invokedAs;
  return `Print the logs of a pod, or of every pod of a workload, a service, a label selector or a
pod-name pattern (stern's query).

Usage:
  ${kx} logs POD [CONTAINER] [flags]
  ${kx} logs TYPE/NAME [flags]        TYPE: pod, deploy, sts, ds, rs, job, svc
  ${kx} logs -l SELECTOR [flags]
  ${kx} logs 'REGEX' [-l SELECTOR] [flags]   every pod whose name matches (unanchored)

A word that is a Kubernetes name (lower-case letters, digits, '-', '.') is a pod name; anything
else is a regular expression, for the pod query and for -c alike.

One pod with one container prints its lines as kubectl does. Several pods or containers are
interleaved line by line (never torn), each line prefixed with "POD CONTAINER", coloured on a
terminal (not when piped or when NO_COLOR is set). A pod with several containers and no -c shows
all of them and says so on stderr.

Flags:
  -c, --container NAME     only this container (init and sidecar containers too); a REGEX: the
                           containers it matches
  -E, --exclude-container REGEX   leave out the containers it matches (repeatable)
      --container-state S  only containers running, waiting or terminated (comma-separated or
                           repeated; all: any)
  -i, --include REGEX      only lines matching it (repeatable: any of them)
  -e, --exclude REGEX      not the lines matching it (repeatable; wins over --include)
      --all-containers     every container: init, sidecar, regular and ephemeral
  -f, --follow             keep streaming; for a workload or selector, pods that appear later are
                           followed too; a followed stream that breaks is resumed after its last line
      --tail N             only the last N lines of each container (-1: all; default -1, or 10 with -l)
      --since DURATION     only lines newer than this (5s, 2m, 3h, 1h30m)
      --since-time TIME    only lines at or after this RFC3339 time (2024-05-01T10:00:00Z)
  -p, --previous           the previous, terminated instance of the container
      --timestamps         put the server's timestamp before each line
      --limit-bytes N      at most N bytes of each container's log
      --prefix             kubectl's "[pod/POD/CONTAINER] " before every line
      --no-prefix          no prefix, even for several pods or containers
  -o, --output FORMAT      default, raw (the line only) or json (stern's object: message,
                           nodeName, namespace, podName, containerName)
      --color WHEN         auto (a terminal without NO_COLOR), always or never
      --max-log-requests N with -f: at most N log streams (default ${defaultMaxPods}); more is an error
                           (--max-pods N, its old name, still works)
      --pod-running-timeout DURATION  with -f: give up when no log has started by then
      --ignore-errors      a log that cannot be read is said on stderr, but the exit status is 0
  -l, --selector SELECTOR  the pods matching a label selector (app=web,tier!=cache)
      --field-selector S   with a query, TYPE/NAME or -l: narrow the pods on the server
      --node NAME          with a query, TYPE/NAME or -l: only pods on this node
  -A, --all-namespaces     with -l or a query: in every namespace
  -n, --namespace NAME     the namespace (default: the context's)
      --context NAME, --kubeconfig PATH
  -h, --help               show this help

Exit status: 0 when all lines were written (also when the reader of a pipe goes away, as with
| head); 1 when a log could not be read (not found, not started, forbidden); 2 for a usage
mistake, a regular expression that does not compile among them.

Examples:
  ${kx} logs web-7d9f8-x2x4q                  # a pod's log
  ${kx} logs -f deploy/web -n shop            # every pod of a deployment, new ones too
  ${kx} logs svc/api --tail 20 --timestamps   # the pods behind a service
  ${kx} logs -l app=web -c nginx --since 10m  # one container of every matching pod
  ${kx} logs job/migrate --all-containers     # init containers included
  ${kx} logs crashy -p                        # the instance that crashed
  ${kx} logs 'api-.*' -f -c 'api|envoy' -e healthz   # stern: pods by pattern, lines filtered
  ${kx} logs -l app=web -o json | jq .message # one JSON object a line
`;
}
