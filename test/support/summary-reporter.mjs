// A node:test reporter that ends the run with one line CI reads: `N passed, N failed`.
// It counts tests, not suites (a describe block that passes is not a test of its own).
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const details = event.data.details ?? {};
    if (details.type === 'suite') continue;
    // A file that fails to load reports a failure with no test of its own: count it, so a broken
    // file is never silently green.
    // A todo test may fail without failing the run (node:test's rule): it counts as skipped.
    if (event.data.skip || event.data.todo) skipped += 1;
    else if (event.type === 'test:fail') failed += 1;
    else passed += 1;
  }
  yield `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}
