/**
 * The few Helm operations kx leaves to the helm binary (rollback, uninstall): they render charts
 * and run hooks, which only Helm does. kx runs helm on the session's own context through a
 * private copy of its kubeconfig, with the terminal, and offers them only when helm is on PATH.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { KubeSession } from '../session.ts';

/** The helm executable on PATH, if there is one. */
export function helmOnPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'helm');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here: the next directory.
    }
  }
  return undefined;
}

/** `helm ARGS` for one release: rollback to a revision, or uninstall. */
export function helmArgs(op: { kind: 'rollback'; revision: number } | { kind: 'uninstall' }, release: string, namespace: string): string[] {
  return op.kind === 'rollback' ? ['rollback', release, String(op.revision), '--namespace', namespace] : ['uninstall', release, '--namespace', namespace];
}

/**
 * Runs helm with the terminal on `session`'s context (its kubeconfig written to a private file,
 * so --kubeconfig and merged files reach helm as kx sees them) and resolves with its exit status.
 */
export async function runHelm(helm: string, args: readonly string[], session: KubeSession): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'kx-helm-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, session.kubeConfig.exportConfig(), { mode: 0o600 });
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(helm, [...args, '--kube-context', session.context.name, '--kubeconfig', kubeconfig], { stdio: 'inherit' });
      child.on('error', () => resolve(127));
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits for enter on the terminal kx stepped away from, so helm's output stays readable. */
export function waitForEnter(input: NodeJS.ReadStream = process.stdin): Promise<void> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer): void => {
      if (!/[\r\n]/.test(chunk.toString())) return;
      input.off('data', onData);
      input.pause();
      resolve();
    };
    input.on('data', onData);
    input.resume();
  });
}
