#!/usr/bin/env bash
# End-to-end suite against a real Kubernetes 1.20.2 control plane (etcd + kube-apiserver +
# kube-controller-manager + kube-scheduler on loopback, with the test suite's fake kubelet).
# The first run on a machine builds the control plane from Debian sources (~5-6 min, cached in
# ~/.cache/kx or $KX_CACHE_DIR); later runs start in seconds. Exits non-zero on any failure and
# always ends with the `N passed, N failed` line .ci/run sums up.
set -uo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
echo "== building/verifying the Kubernetes control plane binaries"
if ! bash test/e2e/cluster/build.sh </dev/null >/dev/null; then
  echo "the control plane build failed (see the build log named above)"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "control plane binaries ready after $((SECONDS - started)) s"

echo "== npm run test:e2e"
npm run test:e2e
status=$?
echo "end-to-end suite finished in $((SECONDS - started)) s (exit $status)"
exit "$status"
