// The git commit a build is made from, which scripts/build.mjs bakes into dist/ for `kx version`.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

/**
 * The short commit `root` is checked out at, with "-dirty" when tracked files differ from it, or
 * 'unknown' when `root` is not the top of a git checkout (a tarball, or a copy without .git).
 */
export function gitCommit(root) {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    // A kx folder unpacked inside some other repository must not be stamped with that one's commit.
    if (realpathSync(git('rev-parse', '--show-toplevel')) !== realpathSync(root)) return 'unknown';
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? commit : `${commit}-dirty`;
  } catch {
    return 'unknown';
  }
}
