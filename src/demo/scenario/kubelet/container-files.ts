/** The environment and files a demo container's shell sees (hostname, env, /etc files). */
import type { KubeObject } from '../../../kube/object.ts';
import type { ContainerSpec, PodStatus } from './pod-status.ts';
import type { ShellEnv } from './shell.ts';

/** Builds the shell environment for a container of a pod. */
export function containerFiles(pod: KubeObject, spec: ContainerSpec, shell: 'bash' | 'sh'): ShellEnv {
  const hostname = (pod.spec as { hostname?: string } | undefined)?.hostname ?? pod.metadata.name;
  const ns = pod.metadata.namespace ?? 'default';
  const ip = (pod.status as PodStatus | undefined)?.podIP ?? '';
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: hostname,
    HOME: '/root',
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
    KUBERNETES_SERVICE_PORT_HTTPS: '443',
    KUBERNETES_PORT: 'tcp://10.96.0.1:443',
  };
  for (const e of spec.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  const alpine = shell === 'sh';
  return {
    shell,
    hostname,
    env,
    files: {
      '/etc/hostname': `${hostname}\n`,
      '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${ip}\t${hostname}\n`,
      '/etc/resolv.conf': `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
      '/etc/os-release': alpine
        ? 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n'
        : 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n',
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
      '/var/run/secrets/kubernetes.io/serviceaccount/namespace': ns,
    },
  };
}
