/**
 * The entry point of the single executable (scripts/package.mjs): one binary answers as kx,
 * kubectl-kx and kubectl_complete-kx, chosen by the name it was started under (krew links
 * kubectl-kx to it) or by KX_INVOKED_AS, which the archive's small kubectl-kx and
 * kubectl_complete-kx scripts set (krew unpacks regular files only, no links).
 */
import { main } from './main.ts';

const name = (process.env['KX_INVOKED_AS'] ?? process.argv0).replace(/^.*[\\/]/, '');
delete process.env['KX_INVOKED_AS'];

if (name === 'kubectl_complete-kx') {
  // kubectl (1.26+) wants candidates one per line, then Cobra's directive (:4 = no file completion).
  await main(['__complete', ...process.argv.slice(2)], { invokedAs: 'kubectl kx' });
  process.stdout.write(':4\n');
} else {
  await main(process.argv.slice(2), { invokedAs: name === 'kubectl-kx' ? 'kubectl kx' : 'kx' });
}
