import { join } from 'node:path';
import type { Credentials } from './credentials.ts';

/** The ports one control plane uses, all on 127.0.0.1. */
export interface ControlPlanePorts {
  etcdClient: number;
  etcdPeer: number;
  apiserver: number;
  controllerManager: number;
  scheduler: number;
}

/** etcd flags: a single member, data in `dir/etcd`. */
export function etcdArgs(dir: string, p: ControlPlanePorts): string[] {
  const client = `http://127.0.0.1:${p.etcdClient}`;
  const peer = `http://127.0.0.1:${p.etcdPeer}`;
  return [
    '--name=kx-e2e',
    `--data-dir=${join(dir, 'etcd')}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=kx-e2e=${peer}`,
    '--log-level=warn',
  ];
}

/** kube-apiserver flags: token auth + RBAC, insecure port off (two suites may run side by side). */
export function apiserverArgs(dir: string, p: ControlPlanePorts, creds: Credentials): string[] {
  return [
    `--etcd-servers=http://127.0.0.1:${p.etcdClient}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${p.apiserver}`,
    '--insecure-port=0',
    '--advertise-address=127.0.0.1',
    `--cert-dir=${join(dir, 'apiserver-certs')}`,
    `--token-auth-file=${creds.tokenFilePath}`,
    '--service-account-issuer=https://kubernetes.default.svc',
    `--service-account-signing-key-file=${creds.saKeyPath}`,
    `--service-account-key-file=${creds.saPubPath}`,
    '--service-cluster-ip-range=10.96.0.0/16',
    '--authorization-mode=RBAC',
    '--allow-privileged=true',
    '--kubelet-preferred-address-types=InternalIP',
    '--v=1',
  ];
}

/** kube-controller-manager flags: every controller but nodeipam, with the token controller keyed. */
export function controllerManagerArgs(dir: string, p: ControlPlanePorts, creds: Credentials, kubeconfig: string): string[] {
  return [
    `--kubeconfig=${kubeconfig}`,
    `--service-account-private-key-file=${creds.saKeyPath}`,
    `--root-ca-file=${join(dir, 'apiserver-certs', 'apiserver.crt')}`,
    '--controllers=*,-nodeipam',
    '--leader-elect=false',
    '--bind-address=127.0.0.1',
    `--secure-port=${p.controllerManager}`,
    '--port=0',
    `--cert-dir=${join(dir, 'kcm-certs')}`,
    '--v=1',
  ];
}

/** kube-scheduler flags. */
export function schedulerArgs(dir: string, p: ControlPlanePorts, kubeconfig: string): string[] {
  return [`--kubeconfig=${kubeconfig}`, '--leader-elect=false', '--bind-address=127.0.0.1', `--secure-port=${p.scheduler}`, '--port=0', `--cert-dir=${join(dir, 'scheduler-certs')}`, '--v=1'];
}
