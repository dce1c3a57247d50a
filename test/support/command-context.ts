/** The `:` command context the command tests share: discovery from a real 1.20 server's answers. */
import { readFileSync } from 'node:fs';
import type { CommandContext } from '../../src/explorer/commands/parse-command.ts';
import { buildDiscovery, type RawDiscovery } from '../../src/kube/discovery.ts';

const raw = JSON.parse(readFileSync(new URL('../fixtures/kube-discovery/raw-1.20.json', import.meta.url), 'utf8')) as RawDiscovery;

/** A context with the 1.20 fixture's resources, three kubeconfig contexts and these namespaces. */
export function commandContext(namespaces: string[]): CommandContext {
  return { discovery: buildDiscovery(raw), contexts: ['kind-kx', 'prod-eu', 'prod-us'], namespaces };
}
