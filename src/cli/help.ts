/** Help and version text for the command line. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCommit } from './build-commit.ts';

/** `kx --version`: kx's version, the runtime and platform it runs on, and the commit it was built from (for bug reports). */
export function versionText(): string {
  return `kx ${packageVersion()} (node ${process.version}, ${process.platform}/${process.arch}, commit ${buildCommit()})\n`;
}

// Defined by scripts/package.mjs: the single executable has no package.json beside it.
declare const KX_PACKAGE_VERSION: string | undefined;

/** kx's version from its package.json, found by walking up (the bundle and the sources sit at different depths). */
function packageVersion(): string {
  if (typeof KX_PACKAGE_VERSION === 'string') return KX_PACKAGE_VERSION;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kx' && pkg.version) return pkg.version;
    } catch {
      // not here: keep walking up
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

/** `kx --help`. */
export function helpText(invokedAs: string): string {
  return `${invokedAs} — a terminal UI cluster explorer and kubectl companion

Usage:
  ${invokedAs} [flags]            open the explorer on the current context
  ${invokedAs} RESOURCE [flags]   open it on a resource (deploy, no, ct, deployments.apps)
  ${invokedAs} --demo             open the explorer on the built-in demo cluster
  ${invokedAs} demo [--pods N]    run only the demo cluster and print its kubeconfig path
  ${invokedAs} --snapshot FILE|DIR
                          explore a snapshot (kx snapshot) or a kubectl cluster-info dump directory, read-only
  ${invokedAs} logs POD | TYPE/NAME | -l SELECTOR [-f]
                          print (and follow) the logs of a pod, workload, service or selector
  ${invokedAs} exec POD [-c C] [-it] [-- COMMAND]
                          run a command in a container, or open a shell (-it)
  ${invokedAs} port-forward TYPE/NAME [LOCAL:]REMOTE
                          forward local ports to a pod (a service's or workload's follows its pods)
  ${invokedAs} attach POD [-c C] [-it]
                          attach to a container's own process: its output, and stdin (-i)
  ${invokedAs} scale TYPE NAME…|TYPE/NAME…|TYPE --all|TYPE -l SEL|-f FILE --replicas N [--dry-run=client|server]
                          scale deployments, replica sets, stateful sets or custom resources
  ${invokedAs} rollout history|undo|restart|status|pause|resume TYPE/NAME… [-l SEL]
                          manage rollouts like kubectl (history --revision N --diff shows changes)
  ${invokedAs} edit TYPE/NAME
                          edit an object in $KUBE_EDITOR/$EDITOR like kubectl edit
  ${invokedAs} set image TYPE/NAME CONTAINER=IMAGE…
                          change container images like kubectl (*=IMAGE: every container)
  ${invokedAs} create job NAME --from=cronjob/CRONJOB
                          run a cron job now: the job kubectl create job --from makes
  ${invokedAs} top pods|nodes [NAME] [-A] [--containers] [--sort-by cpu|memory] [--sum]
                          CPU and memory usage from the metrics API, as kubectl top prints it
  ${invokedAs} cordon|uncordon NODE
                          mark a node unschedulable or schedulable like kubectl
  ${invokedAs} drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force]
                          cordon a node and evict its pods like kubectl (PodDisruptionBudgets honoured)
  ${invokedAs} record [-n NS | -A] [--kinds K,…] -o FILE
                          watch headless and append each change seen (image, replicas, ready…) as JSON lines
  ${invokedAs} changes FILE [--kind K] [-n NS] [--since 10m]
                          print recorded changes, newest first, as the :changes view shows them
  ${invokedAs} snapshot [-A|-n NS] [--kinds pods,deploy,…] -o FILE
                          save the objects and events to one file for an offline incident review
  ${invokedAs} completion bash|zsh|fish
                          print a shell completion script

Flags:
      --kubeconfig PATH    kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)
      --context NAME[,NAME…]
                           kubeconfig context to use; several: one table of them all (a CONTEXT column)
  -n, --namespace NAME     namespace to open (default: the context's)
  -A, --all-namespaces     show every namespace
      --readonly           hide every action that changes the cluster
      --demo               use the built-in demo cluster
  -h, --help               show this help
      --version            print the version

Examples:
  ${invokedAs}                       # pods in the context's namespace
  ${invokedAs} -A                    # pods in every namespace
  ${invokedAs} --context prod -n web
  ${invokedAs} deploy -n shop          # deployments in namespace shop
  ${invokedAs} pods --context prod,staging   # the pods of two clusters in one table
  ${invokedAs} demo --pods 10000     # a demo API server with 10,000 extra pods, for kubectl too
`;
}
