/** What a container image does in the demo: its log style, whether it crashes, fails to pull or has a shell. */

/** The kind of log lines a container writes. */
export type LogStyle = 'nginx' | 'json-app' | 'redis' | 'postgres' | 'coredns' | 'klog' | 'fluent-bit' | 'prometheus' | 'batch' | 'envoy' | 'plain' | 'flood';

/** The simulated behaviour of an image. */
export interface ImageProfile {
  logStyle: LogStyle;
  /** Exits with code 1 a few seconds after each start (CrashLoopBackOff). */
  crashes: boolean;
  /** The registry does not have this image (ErrImagePull / ImagePullBackOff). */
  pullFails: boolean;
  /** The shell at /bin/sh, or none for distroless images. */
  shell: 'bash' | 'sh' | 'none';
  /** Seconds between log lines, roughly. */
  logEverySeconds: number;
}

const rules: { test: RegExp; profile: Partial<ImageProfile> }[] = [
  { test: /does-not-exist|:0\.0\.0-missing/, profile: { pullFails: true } },
  { test: /fraud-scorer|crashy/, profile: { crashes: true, logStyle: 'json-app', logEverySeconds: 0.5 } },
  { test: /distroless|coredns|pause|kube-state-metrics/, profile: { shell: 'none' } },
  { test: /nginx|ingress-nginx/, profile: { logStyle: 'nginx', shell: 'sh' } },
  { test: /redis/, profile: { logStyle: 'redis', shell: 'sh', logEverySeconds: 5 } },
  { test: /postgres/, profile: { logStyle: 'postgres', shell: 'bash', logEverySeconds: 4 } },
  { test: /coredns/, profile: { logStyle: 'coredns' } },
  { test: /kube-proxy|kube-apiserver|etcd|metrics-server|kube-state-metrics/, profile: { logStyle: 'klog', logEverySeconds: 3 } },
  { test: /fluent-bit/, profile: { logStyle: 'fluent-bit', logEverySeconds: 2 } },
  { test: /prometheus|node-exporter|grafana/, profile: { logStyle: 'prometheus', logEverySeconds: 3 } },
  { test: /envoy|istio/, profile: { logStyle: 'envoy' } },
  { test: /busybox|alpine|batch|report|migrat|backup|pi/, profile: { logStyle: 'batch', shell: 'sh' } },
  { test: /ghcr\.io\/acme\//, profile: { logStyle: 'json-app' } },
];

const cache = new Map<string, ImageProfile>();

/** The profile of an image reference (first matching rule wins per field). */
export function imageProfile(image: string): ImageProfile {
  const hit = cache.get(image);
  if (hit) return hit;
  const out: ImageProfile = { logStyle: 'plain', crashes: false, pullFails: false, shell: 'bash', logEverySeconds: 1 };
  const set = new Set<string>();
  for (const r of rules) {
    if (!r.test.test(image)) continue;
    for (const [k, v] of Object.entries(r.profile)) {
      if (set.has(k)) continue;
      set.add(k);
      (out as unknown as Record<string, unknown>)[k] = v;
    }
  }
  // kx.dev/log-flood:N writes N lines a second, each stamped with when it was written, for the
  // logs pane benchmark (`kx demo --log-rate N`).
  const flood = /\blog-flood:(\d+)$/.exec(image);
  if (flood && Number(flood[1]) > 0) {
    out.logStyle = 'flood';
    out.logEverySeconds = 1 / Number(flood[1]);
  }
  cache.set(image, out);
  return out;
}

/** The image reference with an explicit registry and tag, as containerStatuses[].image shows it. */
export function normalizedImage(image: string): string {
  const withTag = /:[^/]+$/.test(image) || image.includes('@') ? image : `${image}:latest`;
  const first = withTag.split('/')[0] as string;
  if (withTag.includes('/') && (first.includes('.') || first.includes(':'))) return withTag;
  return withTag.includes('/') ? `docker.io/${withTag}` : `docker.io/library/${withTag}`;
}
