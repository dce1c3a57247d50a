/** `kx logs --help`. */
import { defaultMaxPods } from './logs-args.ts';

/** The help text, with examples, for `invokedAs` ('kx' or 'kubectl kx'). */
export function logsHelpText(invokedAs: string): string {
  const kx = invokedAs;
  return `Print the logs of a pod, or of every pod of a workload, a service or a label selector.

Usage:
  ${kx} logs POD [CONTAINER] [flags]
  ${kx} logs TYPE/NAME [flags]        TYPE: pod, deploy, sts, ds, rs, job, svc
  ${kx} logs -l SELECTOR [flags]

One pod with one container prints its lines as kubectl does. Several pods or containers are
interleaved line by line (never torn), each line prefixed with "POD CONTAINER", coloured on a
terminal (not when piped or when NO_COLOR is set). A pod with several containers and no -c shows
all of them and says so on stderr.

Flags:
  -c, --container NAME     only this container (init and sidecar containers too)
      --all-containers     every container: init, sidecar, regular and ephemeral
  -f, --follow             keep streaming; for a workload or selector, pods that appear later are
                           followed too; a followed stream that breaks is resumed after its last line
      --tail N             only the last N lines of each container (-1: all; default -1, or 10 with -l)
      --since DURATION     only lines newer than this (5s, 2m, 3h, 1h30m)
      --since-time TIME    only lines at or after this RFC3339 time (2024-05-01T10:00:00Z)
  -p, --previous           the previous, terminated instance of the container
      --timestamps         put the server's timestamp before each line
      --prefix             prefix lines with "POD CONTAINER" even for a single container
      --max-pods N         read at most N pods (default ${defaultMaxPods}); more matching pods is an error
  -l, --selector SELECTOR  the pods matching a label selector (app=web,tier!=cache)
  -A, --all-namespaces     with -l: in every namespace
  -n, --namespace NAME     the namespace (default: the context's)
      --context NAME, --kubeconfig PATH
  -h, --help               show this help

Exit status: 0 when all lines were written (also when the reader of a pipe goes away, as with
| head); 1 when a log could not be read (not found, not started, forbidden); 2 for a usage mistake.

Examples:
  ${kx} logs web-7d9f8-x2x4q                  # a pod's log
  ${kx} logs -f deploy/web -n shop            # every pod of a deployment, new ones too
  ${kx} logs svc/api --tail 20 --timestamps   # the pods behind a service
  ${kx} logs -l app=web -c nginx --since 10m  # one container of every matching pod
  ${kx} logs job/migrate --all-containers     # init containers included
  ${kx} logs crashy -p                        # the instance that crashed
`;
}
