/** kubectl, the independent oracle, run against a test cluster (the demo or a real control plane). */
import { runProcess, type ProcessResult } from './run-process.ts';
import { waitFor } from './wait-for.ts';

/** What a kubectl run printed and how it ended. */
export type KubectlResult = ProcessResult;

/** Options for one kubectl run. */
export interface KubectlOptions {
  kubeconfig: string;
  /** Written to kubectl's stdin, which is then closed. */
  input?: string;
  /** Kill kubectl after this long (for -f / -w runs); the result is what it printed so far. */
  timeoutMs?: number;
  /** Extra environment (KUBE_EDITOR for kubectl edit). */
  env?: NodeJS.ProcessEnv;
}

/** Runs kubectl with `--kubeconfig` (and no KUBECONFIG) and collects its output, whatever its exit code. */
export function kubectl(args: string[], opts: KubectlOptions): Promise<KubectlResult> {
  return runProcess('kubectl', [`--kubeconfig=${opts.kubeconfig}`, ...args], {
    env: { ...process.env, ...opts.env, KUBECONFIG: '' },
    input: opts.input,
    timeoutMs: opts.timeoutMs,
  });
}

/** Runs kubectl and returns its stdout; fails with its stderr when it exits non-zero. */
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
export async function waitForJson<T, R>(what: string, args: string[], kubeconfig: string, check: (obj: T) => R | undefined, timeoutMs = 60_000): Promise<R> {
  return waitFor(what, async () => check(await getJson<T>(args, kubeconfig)), timeoutMs, 500);
}

/** Applies a manifest (JSON or YAML text) with kubectl apply -f -. */
export async function apply(manifest: unknown, kubeconfig: string): Promise<string> {
  const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
  return kubectlOk(['apply', '-f', '-'], { kubeconfig, input: text });
}

/** kubectl bound to one kubeconfig (a function when the cluster starts later, in before()): `ok` returns stdout, `run` the whole result. */
export function kubectlFor(kubeconfig: string | (() => string)): { ok: (...args: string[]) => Promise<string>; run: (...args: string[]) => Promise<KubectlResult> } {
  const path = () => (typeof kubeconfig === 'string' ? kubeconfig : kubeconfig());
  return {
    ok: (...args) => kubectlOk(args, { kubeconfig: path() }),
    run: (...args) => kubectl(args, { kubeconfig: path() }),
  };
}
