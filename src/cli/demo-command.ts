/** `kx demo`: runs only the demo API server and prints a kubeconfig path that kubectl can use. */
import { parseArgs } from 'node:util';
import { UsageError } from './args.ts';

/** Starts the demo cluster in the foreground until Ctrl-C or SIGTERM. */
export async function runDemoCommand(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        pods: { type: 'string' },
        'log-rate': { type: 'string' },
        port: { type: 'string' },
        kubeconfig: { type: 'string' },
        'no-churn': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message.replace(/\.$/, '') : String(err)} (see 'kx demo --help')`);
  }
  if (values.help) {
    process.stdout.write(demoHelp);
    return;
  }
  const extraPods = nonNegativeInteger(values.pods, '--pods');
  const port = nonNegativeInteger(values.port, '--port');
  const logRate = nonNegativeInteger(values['log-rate'], '--log-rate');
  const { startDemoCluster } = await import('../demo/index.ts');
  const cluster = await startDemoCluster({
    extraPods,
    churn: !values['no-churn'],
    ...(logRate ? { logRate } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(values.kubeconfig ? { kubeconfigPath: values.kubeconfig } : {}),
  });
  process.stdout.write(
    `demo API server listening on ${new URL(cluster.server.url).host} (HTTPS, and plain HTTP for curl)\n` +
      `kubeconfig: ${cluster.kubeconfigPath}\n` +
      `try: kubectl --kubeconfig ${cluster.kubeconfigPath} get pods -A -w\n` +
      'press Ctrl-C to stop\n',
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(name, () => resolve(name));
  });
  // Stopped within a second whatever the load: a hard deadline, then the usual 128+n exit code.
  const code = 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15);
  setTimeout(() => process.exit(code), 1000).unref();
  await cluster.stop();
  process.exit(code);
}

function nonNegativeInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} must be a non-negative integer, not "${value}"`);
  }
  return Number(value);
}

const demoHelp = `kx demo — run the built-in demo cluster (a simulated Kubernetes API server on 127.0.0.1)

Usage:
  kx demo [--pods N] [--log-rate N] [--port P] [--kubeconfig PATH] [--no-churn]

Flags:
      --pods N            add N more pods (for big-cluster tests: 10000, 50000)
      --log-rate N        add pod "flood" in namespace default writing N log lines a second
      --port P            listen on this port (default: a free one)
      --kubeconfig PATH   where to write the kubeconfig (default: a file under ~/.cache/kx/demo)
      --no-churn          keep the cluster still (no restarts, scaling or jobs over time)

Examples:
  kx demo
  kx demo --pods 10000 --kubeconfig /tmp/demo.yaml
  kubectl --kubeconfig /tmp/demo.yaml get pods -A -w
`;
