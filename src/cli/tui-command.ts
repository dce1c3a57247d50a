/**
 * `kx` (no command): connects (or starts the demo cluster when there is no kubeconfig at all),
 * starts the pods stream into the cache, and runs the explorer full screen until the user quits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { ClusterConnection } from '../kube/cluster-connection.ts';
import { noKubeconfig } from '../kube/kubeconfig.ts';
import type { ApiClient } from '../kube/api-client.ts';
import { discover } from '../kube/discovery.ts';
import { resolveResource } from '../kube/resource-resolver.ts';
import { loadKxConfig } from '../config/kx-config.ts';
import { readRecentNamespaces, writeRecentNamespaces } from '../config/recent-namespaces-file.ts';
import { saveMemory } from './memory-saver.ts';
import { KxError } from '../kube/errors.ts';
import { resourceKey, type ResourceInfo } from '../kube/resource-info.ts';

/** Pods are v1 in every cluster kx supports, so the first screen needs no discovery round trip. */
const podsResource: ResourceInfo = {
  group: '',
  version: 'v1',
  versions: ['v1'],
  plural: 'pods',
  singular: 'pod',
  kind: 'Pod',
  shortNames: ['po'],
  categories: ['all'],
  namespaced: true,
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: { scale: false, status: true, log: true, exec: true },
};

/** Runs the explorer; resolves when the user quits. */
export async function runTui(args: ParsedArgs): Promise<void> {
  const { flags } = args;
  let kubeconfig = flags.kubeconfig;
  let demoReason: string | undefined;
  let stopDemo: (() => Promise<void>) | undefined;
  let releaseEarlySignals: (() => void) | undefined;
  let snapshotNote: string | undefined;
  const snapshotPath = args.options['snapshot'] as string | undefined;
  if (snapshotPath !== undefined) {
    // A snapshot is served by the demo's API server machinery on loopback; its kubeconfig goes when kx goes.
    const { readSnapshotSource, serveSnapshot } = await import('../demo/snapshot/open-snapshot.ts');
    const snapshot = readSnapshotSource(snapshotPath);
    const dir = mkdtempSync(join(tmpdir(), 'kx-snapshot-'));
    const served = await serveSnapshot(snapshot, { kubeconfigPath: join(dir, 'kubeconfig.yaml') });
    kubeconfig = served.kubeconfigPath;
    stopDemo = async () => {
      await served.stop();
      rmSync(dir, { recursive: true, force: true });
    };
    releaseEarlySignals = removeOnExit(served.kubeconfigPath);
    snapshotNote = `${snapshot.context} at ${snapshot.takenAt.replace(/\.\d+Z$/, 'Z')}`;
  } else if (flags.demo || noKubeconfig({ kubeconfig })) {
    demoReason = flags.demo ? '--demo' : 'no kubeconfig found, so kx started its built-in one';
    const { startDemoCluster } = await import('../demo/index.ts');
    // The demo picks the path (~/.cache/kx/demo/kubeconfig-<pid>.yaml) and so removes the file on stop().
    const demo = await startDemoCluster();
    kubeconfig = demo.kubeconfigPath;
    stopDemo = () => demo.stop();
    releaseEarlySignals = removeOnExit(demo.kubeconfigPath);
  }

  // `--context a,b`: one table of several contexts; kx's own context (header, other views) is the first.
  const contexts = flags.context?.includes(',') ? [...new Set(flags.context.split(',').filter((n) => n !== ''))] : undefined;
  const connection = await ClusterConnection.open({
    kubeconfig,
    context: contexts ? contexts[0] : flags.context,
    namespace: flags.namespace,
    verifyNamespace: flags.namespace !== undefined,
  }).catch(async (err: unknown) => {
    await stopDemo?.();
    throw err;
  });
  const session = connection.session;
  const known = connection.contexts().map((c) => c.name);
  const unknownContext = contexts?.find((name) => !known.includes(name));
  if (unknownContext !== undefined) {
    await connection.close();
    await stopDemo?.();
    throw new KxError('config', `context "${unknownContext}" not found in kubeconfig; known contexts: ${known.join(', ')}`);
  }
  // `kx deploy` opens on that resource, named as kubectl names it; plain `kx` opens on pods
  // without a discovery round trip.
  const resource = args.command
    ? await resolveForView(session.client, args.command).catch(async (err: unknown) => {
        await connection.close();
        await stopDemo?.();
        throw err;
      })
    : podsResource;
  // Ink needs a terminal for its keys (raw mode); without one it dies with an error box and a
  // React stack. Checked after the connection, so a bad kubeconfig or resource is still named first.
  if (!process.stdin.isTTY) {
    await connection.close();
    await stopDemo?.();
    throw new Error("kx needs a terminal: stdin is not a TTY (use a one-shot command such as 'kx logs' in scripts)");
  }
  // The demo and a snapshot are tours: they open on every namespace unless -n says otherwise.
  const tour = demoReason !== undefined || snapshotNote !== undefined;
  const namespace = !resource.namespaced || flags.allNamespaces || (tour && flags.namespace === undefined) ? undefined : session.namespace;

  // The first view's stream starts before the UI code loads: Ink, React and the explorer take
  // ~0.2 s to import, and the list request and the server's answer happen meanwhile. The view
  // takes over the same stream (streams are shared and counted) when it mounts.
  const [{ ObjectCache }, { WatchManager }, { kindFor }, { loadViewsFile }, { builtinViewProblems, viewCustomizer }, { ChangeRecorder }] = await Promise.all([
    import('../store/object-cache.ts'),
    import('../store/watch-manager.ts'),
    import('../kinds/registry.ts'),
    import('../kinds/views-file.ts'),
    import('../kinds/custom-columns.ts'),
    import('../store/changes/change-recorder.ts'),
  ]);
  // views.yaml (kx's, else k9s's): columns per resource, evaluated as objects arrive.
  const views = loadViewsFile();
  // The changes seen on the watches (`:changes`, describe's "Changes seen"), within the recorder's fixed budget.
  const cache = new ObjectCache({ changes: new ChangeRecorder(), ...(views.views.length > 0 ? { customize: viewCustomizer(views.views) } : {}) });
  const watches = new WatchManager(session.client, cache);
  const releaseEarlyStream = watches.watch({ resource, namespace, table: kindFor(resourceKey(resource)) === undefined });
  // The memory saver is for the first list's load only (see memory-saver.ts), and from its second
  // page on: the first page is the first frame, and the saver's frequent collections while it was
  // parsed made that frame of 1,049 pods 306 → 426 ms (medians of 11, side by side). It goes off
  // once the list is live, or has stopped for good (forbidden, failed) or for a while (reconnecting).
  let stopSavingMemory: (() => void) | undefined;
  let savingMemory = false;
  const stopWatchingLoad = cache.subscribe(() => {
    const state = cache.streamState(resourceKey(resource), namespace);
    if (state?.phase === 'syncing' && state.loaded > 0 && !savingMemory) {
      savingMemory = true;
      stopSavingMemory = saveMemory();
    }
    if (state === undefined || state.phase === 'connecting' || state.phase === 'syncing') return;
    stopWatchingLoad();
    stopSavingMemory?.();
  });

  const [
    { render },
    React,
    { Explorer },
    { KeymapProvider },
    { loadKeysFile },
    { keysFilePath },
    { ThemeProvider },
    { guardTerminal, restoreTerminal, enableWheelScrolling },
    { viewOf },
    { loadUserFiles },
    { loadThemeFile },
  ] = await Promise.all([
    import('ink'),
    // React is CommonJS: its exports are the default export of a bundled chunk.
    import('react').then((m) => m.default),
    import('../ui/explorer/explorer.tsx'),
    import('../ui/keys/keymap-context.tsx'),
    import('../keys/keys-file.ts'),
    import('../config/paths.ts'),
    import('../ui/theme-context.tsx'),
    import('../ui/terminal.ts'),
    import('../explorer/view-entry.ts'),
    import('../explorer/user-files.ts'),
    import('../ui/theme-file.ts'),
  ]);

  // The user's keys.yaml: each problem keeps the defaults for what it touches and is shown once kx is up.
  const keys = loadKeysFile(keysFilePath());
  const settings = loadKxConfig();
  // The user's theme.yaml over the default colours, the same way (NO_COLOR still wins).
  const colours = loadThemeFile();

  let shuttingDown = false;
  // The port-forwards started in the explorer (F): they end with kx.
  const { PortForwardRegistry } = await import('../kube/port-forward/registry.ts');
  const forwards = new PortForwardRegistry();
  const shutdown = (): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    void forwards.stopAll();
    watches.stopAll();
    cache.dispose();
  };
  releaseEarlySignals?.();
  const unguard = guardTerminal(() => {
    shutdown();
    instance.unmount();
  });

  const explorer = React.createElement(Explorer, {
    connection,
    watches,
    cache,
    initial: viewOf(resource, namespace, contexts && contexts.length > 1 ? { contexts } : {}),
    namespace: resource.namespaced ? namespace : flags.allNamespaces || tour ? undefined : session.namespace,
    readonly: flags.readonly,
    readonlyContexts: settings.readonlyContexts,
    demoReason,
    snapshot: snapshotNote,
    keyProblems: [...keys.problems, ...settings.problems, ...views.problems, ...builtinViewProblems(views), ...colours.problems],
    forwards,
    loadUserFiles,
    kubeconfigPath: kubeconfig ?? process.env['KUBECONFIG'] ?? '',
    recentNamespaces: { load: () => readRecentNamespaces(), save: (value) => writeRecentNamespaces(value) },
    newCache: () => new ObjectCache(views.views.length > 0 ? { customize: viewCustomizer(views.views) } : {}),
  });
  enableWheelScrolling();
  const instance = render(React.createElement(KeymapProvider, { keymap: keys.keymap, children: React.createElement(ThemeProvider, { theme: colours.theme, children: explorer }) }), {
    alternateScreen: true,
    interactive: Boolean(process.stdout.isTTY),
    exitOnCtrlC: true,
    patchConsole: true,
  });

  // By now the view holds the stream itself (its effects ran with the first frame).
  setTimeout(releaseEarlyStream, 2000).unref();

  try {
    await instance.waitUntilExit();
  } finally {
    await forwards.stopAll();
    shutdown();
    unguard();
    restoreTerminal();
    await connection.close();
    await stopDemo?.();
  }
}

/**
 * The demo kubeconfig holds a token, so it goes when kx goes, however it goes: stop() removes it
 * on a normal quit, but guardTerminal's SIGTERM/SIGHUP/crash paths call process.exit, and a
 * signal before the guard is in place would end the process with no JavaScript run at all.
 * Returns the function that hands the signals over to the guard.
 */
function removeOnExit(path: string): () => void {
  process.once('exit', () => rmSync(path, { force: true }));
  // Until guardTerminal takes the signals over (it restores the terminal first), exit on them
  // ourselves so that the 'exit' handler runs.
  const onSignal = (signal: NodeJS.Signals): void => process.exit(signal === 'SIGINT' ? 130 : 143);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.once(s, onSignal);
  return () => {
    for (const s of signals) process.off(s, onSignal);
  };
}

/** The resource a user named on the command line (`deploy`, `ct`, `deployments.apps`), via discovery. */
async function resolveForView(client: ApiClient, name: string): Promise<ResourceInfo> {
  const resource = resolveResource(await discover(client), name);
  if (!resource.verbs.includes('list') || !resource.verbs.includes('watch')) {
    throw new Error(`${resourceKey(resource)} cannot be listed and watched, so kx cannot show it as a table`);
  }
  return resource;
}
