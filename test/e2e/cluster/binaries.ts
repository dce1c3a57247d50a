import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Kubernetes version the e2e control plane is built from (Debian's source package). */
export const KUBE_VERSION = '1.20.2';

/** Paths of the control plane binaries the suite runs. */
export interface ControlPlaneBinaries {
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  etcd: string;
  etcdctl: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The per-machine cache folder holding the built binaries (outside the repo). */
export function binCacheDir(): string {
  const root = process.env.KX_CACHE_DIR ?? join(homedir(), '.cache', 'kx');
  return join(root, `k8s-${KUBE_VERSION}`, 'bin');
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The binaries when they are all present (cached or on PATH), else undefined; never builds. */
export function locate(): ControlPlaneBinaries | undefined {
  const bin = binCacheDir();
  const found = {
    kubeApiserver: join(bin, 'kube-apiserver'),
    kubeControllerManager: join(bin, 'kube-controller-manager'),
    kubeScheduler: join(bin, 'kube-scheduler'),
    etcd: onPath('etcd') ?? '',
    etcdctl: onPath('etcdctl') ?? '',
  };
  return Object.values(found).every((p) => p && executable(p)) ? found : undefined;
}

/**
 * Finds the control plane binaries, running test/e2e/cluster/build.sh first when the cache is
 * missing (a first build takes about 6 minutes; later calls return at once).
 */
export function ensureBinaries(): ControlPlaneBinaries {
  const ready = locate();
  if (ready) return ready;
  process.stderr.write(`kx e2e: control plane binaries not in ${binCacheDir()}; running test/e2e/cluster/build.sh…\n`);
  // stdout carries the bin path only; the build's progress goes to our stderr.
  const result = spawnSync('bash', [join(here, 'build.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`Building the Kubernetes ${KUBE_VERSION} control plane failed (exit ${result.status}); see the build log in ${dirname(binCacheDir())}.`);
  }
  const built = locate();
  if (!built) throw new Error(`The control plane build finished but binaries are missing from ${binCacheDir()}.`);
  return built;
}
