/** The reference connector passes every Required case of the full suite (in-process emulator). */
import { allCases } from '../../conformance/cases';
import { createAdapter } from '../../conformance/adapters/reference';
import { requiredFailures, runWith } from './run-suite';

/** A whole-suite run (~850 cases): this bound only catches a hang; speed is measured in bench/, not here. */
const SUITE_TIMEOUT_MS = 180_000;

it('the reference connector passes every Required case', async () => {
  const report = await runWith(createAdapter);
  expect(report.results).toHaveLength(allCases().length);
  expect(requiredFailures(report)).toEqual([]);
  // Every group and the matrix are exercised, nothing silently skipped.
  expect(new Set(report.results.map((r) => r.group))).toEqual(new Set(['lifecycle', 'attributes', 'features', 'personalUrl', 'errors', 'oauth']));
  expect(report.summary.skipped).toBe(0);
}, SUITE_TIMEOUT_MS);
