/** What the `:` prompt understands, for the help screen (`?` or `:help`) and the README. */

/** One `:` command: how it is typed and what it does. */
export interface CommandHelp {
  usage: string;
  description: string;
}

/** The `:` commands, in the order help lists them. */
export const commandHelp: readonly CommandHelp[] = [
  { usage: ':RESOURCE', description: 'Open a resource as kubectl names it (:po, :deploy, :svc, :crd, :ct, deployments.apps) or by a k9s alias (:dp, :sec).' },
  { usage: ':RESOURCE NS', description: 'The same in namespace NS (also -n NS); -A for all namespaces; NS1,NS2 for several at once.' },
  { usage: ':RESOURCE app=web', description: 'With a label selector; /TEXT filters instead (anything / takes), @CTX switches context first; combine them: :deploy kube-system app=web.' },
  { usage: ':ns NAME', description: 'Make NAME the current namespace (:ns alone lists the namespaces).' },
  { usage: ':ctx [NAME]', description: 'Switch to context NAME; alone, pick a context from the kubeconfig.' },
  { usage: ':pf', description: 'The port-forwards started with F: state, the pod each reaches now, connections, bytes; ctrl-d stops one.' },
  {
    usage: ':changes',
    description: 'The changes kx saw on its watches, newest first (image, replicas, ready, restarts, labels…, and who made them); / filters, enter: the object’s changes as a diff.',
  },
  { usage: ':helm [NS]', description: 'The Helm releases (like helm list, read from Helm’s own Secrets, no helm binary needed); enter: history, then values, manifest, notes, diff.' },
  { usage: ':triage', description: 'What is wrong now (pods, rollouts, nodes, claims, jobs, stuck deletions, warning events), worst first; enter jumps to it.' },
  { usage: ':help', description: 'This help (also ?).' },
  { usage: ':q', description: 'Quit kx.' },
];
