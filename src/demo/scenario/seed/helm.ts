/**
 * Seed: Helm 3 releases in Helm's own storage format (Secrets of type helm.sh/release.v1 named
 * sh.helm.release.v1.NAME.vREV, data.release = base64 of gzip of the release JSON), so `:helm`
 * and a real `helm list` read the same thing: prometheus with three revisions (one failed
 * upgrade), redis with one, and legacy-worker uninstalled with --keep-history.
 */
import type { ScenarioContext } from '../context.ts';
import { R } from '../refs.ts';
import { encodeRelease, type HelmRelease } from '../../../kinds/helm/release-codec.ts';
import { age, b64, obj } from './builders.ts';

interface SeedRevision {
  version: number;
  status: string;
  description: string;
  ageSeconds: number;
  chartVersion: string;
  appVersion: string;
  config: Record<string, unknown>;
  manifest: string;
  notes: string;
}

function configMapManifest(release: string, chart: string, data: Record<string, string>): string {
  const lines = Object.entries(data).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`);
  return `---\n# Source: ${chart}/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${release}-config\n  labels:\n    app.kubernetes.io/managed-by: Helm\n    app.kubernetes.io/instance: ${release}\ndata:\n${lines.join('\n')}\n`;
}

function deploymentManifest(release: string, chart: string, image: string, replicas: number): string {
  return `---\n# Source: ${chart}/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${release}\n  labels:\n    app.kubernetes.io/managed-by: Helm\n    app.kubernetes.io/instance: ${release}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app.kubernetes.io/instance: ${release}\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/instance: ${release}\n    spec:\n      containers:\n        - name: ${chart}\n          image: ${image}\n`;
}

function store(ctx: ScenarioContext, name: string, namespace: string, chart: string, chartValues: Record<string, unknown>, revisions: SeedRevision[]): void {
  const first = revisions[0]!;
  for (const rev of revisions) {
    const release: HelmRelease = {
      name,
      namespace,
      version: rev.version,
      info: {
        first_deployed: new Date(Date.now() - first.ageSeconds * 1000).toISOString(),
        last_deployed: new Date(Date.now() - rev.ageSeconds * 1000).toISOString(),
        description: rev.description,
        status: rev.status,
        notes: rev.notes,
      },
      chart: { metadata: { name: chart, version: rev.chartVersion, appVersion: rev.appVersion }, values: chartValues },
      config: rev.config,
      manifest: rev.manifest,
    };
    const labels = { owner: 'helm', name, status: rev.status, version: String(rev.version), modifiedAt: String(Math.trunc(Date.now() / 1000 - rev.ageSeconds)) };
    // Secret data is base64 of Helm's string, which is itself base64: base64 twice, as on a real cluster.
    ctx.create(
      R.secrets,
      obj('v1', 'Secret', `sh.helm.release.v1.${name}.v${rev.version}`, namespace, { type: 'helm.sh/release.v1', data: { release: b64(encodeRelease(release)) } }, { labels }),
      rev.ageSeconds,
    );
  }
}

/** Creates the Helm releases' storage Secrets. */
export function seedHelm(ctx: ScenarioContext): void {
  const promValues = { server: { replicaCount: 1, retention: '15d', image: { repository: 'quay.io/prometheus/prometheus' } }, alertmanager: { enabled: true } };
  const promNotes = 'The Prometheus server can be accessed via port 80 on the following DNS name from within your cluster:\nprometheus-server.monitoring.svc.cluster.local\n';
  const prom = (
    version: number,
    status: string,
    description: string,
    ageSeconds: number,
    chartVersion: string,
    appVersion: string,
    config: Record<string, unknown>,
    replicas: number,
  ): SeedRevision => ({
    version,
    status,
    description,
    ageSeconds,
    chartVersion,
    appVersion,
    config,
    manifest:
      configMapManifest('prometheus', 'prometheus', { retention: String((config.server as { retention?: string } | undefined)?.retention ?? '15d') }) +
      deploymentManifest('prometheus-server', 'prometheus', `quay.io/prometheus/prometheus:v${appVersion}`, replicas),
    notes: promNotes,
  });
  store(ctx, 'prometheus', 'monitoring', 'prometheus', promValues, [
    prom(1, 'superseded', 'Install complete', age.days(11), '25.8.0', '2.48.0', { server: { retention: '30d' } }, 1),
    prom(2, 'failed', 'Upgrade "prometheus" failed: context deadline exceeded', age.days(3), '25.9.0', '2.48.1', { server: { retention: '30d', replicaCount: 2 } }, 2),
    prom(3, 'deployed', 'Upgrade complete', age.hours(20), '25.9.0', '2.48.1', { server: { retention: '30d' } }, 1),
  ]);

  const redisConfig = { auth: { password: 'demo-not-a-real-password' }, architecture: 'standalone' };
  store(ctx, 'redis', 'shop', 'redis', { architecture: 'replication', auth: { enabled: true, password: '' }, master: { persistence: { size: '8Gi' } } }, [
    {
      version: 1,
      status: 'deployed',
      description: 'Install complete',
      ageSeconds: age.days(9),
      chartVersion: '18.6.1',
      appVersion: '7.2.4',
      config: redisConfig,
      manifest: configMapManifest('redis', 'redis', { 'redis.conf': 'maxmemory-policy allkeys-lru' }) + deploymentManifest('redis-master', 'redis', 'docker.io/bitnami/redis:7.2.4', 1),
      notes: 'Redis can be accessed on the following DNS name from within your cluster:\n    redis-master.shop.svc.cluster.local\n',
    },
  ]);

  store(ctx, 'legacy-worker', 'shop', 'worker', { replicaCount: 1 }, [
    {
      version: 1,
      status: 'uninstalled',
      description: 'Uninstallation complete',
      ageSeconds: age.days(6),
      chartVersion: '0.3.0',
      appVersion: '1.0.0',
      config: {},
      manifest: deploymentManifest('legacy-worker', 'worker', 'registry.example.com/shop/worker:1.0.0', 1),
      notes: '',
    },
  ]);
}
