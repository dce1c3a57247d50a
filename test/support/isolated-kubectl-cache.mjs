// Loaded with --import by npm test and npm run test:e2e, in every test process: kubectl keeps its
// discovery cache per host:port under ~/.kube/cache, so a demo server that gets the port an
// earlier 1.20 control plane had (which served CronJob at batch/v1beta1) read that cluster's
// discovery, and `kubectl get cronjob` asked the wrong API ("the server could not find the
// requested resource"). Each test process gets its own cache folder (kubectl reads KUBECACHEDIR).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.env.KX_TEST_KEEP_KUBECTL_CACHE) {
  const dir = mkdtempSync(join(tmpdir(), 'kx-kubectl-cache-'));
  process.env.KUBECACHEDIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
