/** The git commit this build was made from, which scripts/build.mjs defines when it bundles. */

// Replaced by a string literal in the bundle; absent when kx runs from its sources (tsx).
declare const KX_BUILD_COMMIT: string | undefined;

/** The commit the running kx was built from ('unknown' outside git or when run from source). */
export function buildCommit(): string {
  return typeof KX_BUILD_COMMIT === 'string' ? KX_BUILD_COMMIT : 'unknown';
}
