#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager and kube-scheduler 1.20.2 from Debian's
# kubernetes source package into a per-machine cache (never the repo), and makes sure etcd,
# etcdctl and openssl are installed. Idempotent: a second run only verifies. Safe to run in
# parallel (flock). Needs root for apt-get (CI runs it as root, without stdin).
#
# Cache: ${KX_CACHE_DIR:-$HOME/.cache/kx}/k8s-1.20.2/{bin,src,build.log}
# Prints the bin directory on its last line of stdout.
set -euo pipefail

K8S_VERSION=1.20.2
CACHE_ROOT="${KX_CACHE_DIR:-${HOME:-/root}/.cache/kx}"
BASE="$CACHE_ROOT/k8s-$K8S_VERSION"
BIN="$BASE/bin"
SRC="$BASE/src"
LOG="$BASE/build.log"
COMPONENTS=(kube-apiserver kube-controller-manager kube-scheduler)
export DEBIAN_FRONTEND=noninteractive
export APT_LISTCHANGES_FRONTEND=none

say() { echo "[kx-e2e build] $*" >&2; }

binaries_ok() {
  local c
  for c in "${COMPONENTS[@]}"; do
    [[ -x "$BIN/$c" ]] || return 1
    "$BIN/$c" --version >/dev/null 2>&1 || return 1
  done
  return 0
}

tools_ok() {
  command -v etcd >/dev/null && command -v etcdctl >/dev/null && command -v openssl >/dev/null
}

sudo_if_needed() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}

apt_updated=0
apt_update() {
  if [[ $apt_updated -eq 0 ]]; then
    sudo_if_needed apt-get update -qq >>"$LOG" 2>&1 || { say "apt-get update failed; see $LOG"; exit 1; }
    apt_updated=1
  fi
}

install_runtime_tools() {
  tools_ok && return 0
  say "installing etcd, etcdctl and openssl from Debian…"
  apt_update
  sudo_if_needed apt-get install -y -qq etcd-server etcd-client openssl >>"$LOG" 2>&1 || { say "installing etcd failed; see $LOG"; exit 1; }
}

enable_deb_src() {
  local f=/etc/apt/sources.list.d/kx-debian-src.sources
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    sudo_if_needed tee "$f" >/dev/null <<'SRCLIST'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRCLIST
    apt_updated=0
  fi
}

build_binaries() {
  say "building Kubernetes $K8S_VERSION control plane from Debian sources (first time only, ~6 min)…"
  say "build log: $LOG"
  enable_deb_src
  apt_update
  sudo_if_needed apt-get install -y -qq golang-go rsync jq golang-github-modern-go-reflect2-dev dpkg-dev make >>"$LOG" 2>&1 \
    || { say "installing the Go toolchain failed; see $LOG"; exit 1; }
  mkdir -p "$SRC"
  cd "$SRC"
  if ! ls kubernetes_*.orig.tar.gz >/dev/null 2>&1; then
    # apt-get source drops privileges to _apt when it can; a root-owned dir makes it warn only.
    apt-get source --download-only kubernetes >>"$LOG" 2>&1 \
      || { say "downloading Debian's kubernetes source package failed; see $LOG"; exit 1; }
  fi
  local tree="$SRC/kubernetes-$K8S_VERSION"
  if [[ ! -f "$tree/.kx-prepared" ]]; then
    rm -rf "$tree"
    # A download cut short leaves a broken tarball: drop it so the next run fetches it again.
    tar xzf kubernetes_*.orig.tar.gz \
      || { rm -f kubernetes_*; say "the kubernetes source tarball is damaged; removed it, run again"; exit 1; }
    # The vendored reflect2 v1.0.1 crashes under Go >= 1.18 ("fatal error: fault" in
    # mapiterinit when the API server encodes objects): swap in Debian's 1.0.2 source.
    rm -rf "$tree/vendor/github.com/modern-go/reflect2"
    cp -r /usr/share/gocode/src/github.com/modern-go/reflect2 "$tree/vendor/github.com/modern-go/reflect2"
    rm -f "$tree/vendor/github.com/modern-go/reflect2/go.mod"
    mkdir -p "$tree/.go/src/k8s.io"
    ln -sfn ../../.. "$tree/.go/src/k8s.io/kubernetes"
    touch "$tree/.kx-prepared"
  fi
  cd "$tree"
  local gohome
  gohome=$(mktemp -d)
  if ! GOPATH="$tree/.go" CGO_ENABLED=0 HOME="$gohome" \
      make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler" >>"$LOG" 2>&1; then
    # A failed run can leave an empty generator binary behind; one clean retry fixes that.
    say "make failed once; cleaning _output and retrying (see $LOG)"
    rm -rf _output
    GOPATH="$tree/.go" CGO_ENABLED=0 HOME="$gohome" \
      make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler" >>"$LOG" 2>&1 || {
        rm -rf "$gohome"; say "build failed; last lines of $LOG:"; tail -n 30 "$LOG" >&2; exit 1; }
  fi
  rm -rf "$gohome"
  mkdir -p "$BIN.tmp"
  local c
  for c in "${COMPONENTS[@]}"; do cp "_output/local/bin/linux/amd64/$c" "$BIN.tmp/$c"; done
  rm -rf "$BIN"
  mv "$BIN.tmp" "$BIN"
  # The extracted tree (~300 MB) is no longer needed; the tarball stays for a rebuild.
  rm -rf "$tree"
}

main() {
  mkdir -p "$BASE"
  : >>"$LOG"
  exec 9>"$BASE/.lock"
  if ! flock -n 9; then
    say "another build is running; waiting for it…"
    flock 9
  fi
  install_runtime_tools
  if ! binaries_ok; then
    local started=$SECONDS
    build_binaries
    binaries_ok || { say "built binaries do not run; see $LOG"; exit 1; }
    say "built in $((SECONDS - started)) s"
  fi
  local c
  for c in "${COMPONENTS[@]}"; do say "$("$BIN/$c" --version 2>&1 | head -n1) ($c)"; done
  say "etcd: $(etcd --version 2>/dev/null | head -n1)"
  echo "$BIN"
}

main "$@"
