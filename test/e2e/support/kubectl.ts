import { spawn } from 'node:child_process';
import { waitFor } from '../../support/wait-for.ts';

/** What a kubectl run printed and how it ended. */
export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options for one kubectl run. */
export interface KubectlOptions {
  kubeconfig: string;
  /** Written to kubectl's stdin, which is then closed. */
  input?: string;
  /** Kill kubectl after this long (for -f / -w runs); the result is what it printed so far. */
  killAfterMs?: number;
  timeoutMs?: number;
}

/** Runs kubectl (the independent oracle client) against the test cluster and collects its output. */
export function kubectl(args: string[], opts: KubectlOptions): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('kubectl', [`--kubeconfig=${opts.kubeconfig}`, ...args], {
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, KUBECONFIG: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    const limit = opts.killAfterMs ?? opts.timeoutMs ?? 60_000;
    const timer = setTimeout(() => child.kill('SIGTERM'), limit);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs kubectl and fails with its stderr when it exits non-zero. */
export async function kubectlOk(args: string[], opts: KubectlOptions): Promise<string> {
  const res = await kubectl(args, opts);
  if (res.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${res.code}): ${res.stderr.trim()}`);
  return res.stdout;
}

/** `kubectl get -o json` parsed. */
export async function getJson<T = Record<string, unknown>>(args: string[], kubeconfig: string): Promise<T> {
  return JSON.parse(await kubectlOk(['get', ...args, '-o', 'json'], { kubeconfig })) as T;
}

/** Polls `kubectl get -o json` until `check` returns a value. */
export async function waitForJson<T, R>(
  what: string,
  args: string[],
  kubeconfig: string,
  check: (obj: T) => R | undefined,
  timeoutMs = 60_000,
): Promise<R> {
  return waitFor(what, async () => check(await getJson<T>(args, kubeconfig)), timeoutMs, 500);
}

/** Applies a manifest (JSON or YAML text) with kubectl apply -f -. */
export async function apply(manifest: unknown, kubeconfig: string): Promise<string> {
  const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
  return kubectlOk(['apply', '-f', '-'], { kubeconfig, input: text });
}
