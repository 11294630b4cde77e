/** The oauth group (conformance/cases/oauth.ts): the reference connector passes it (never-refreshes, in broken-connectors.test.ts, fails it). */
import { createAdapter } from '../../conformance/adapters/reference';
import { allCases } from '../../conformance/cases';
import { requiredFailures, runWith } from './run-suite';

it('the reference connector passes every oauth case', async () => {
  const report = await runWith(createAdapter, { groups: ['oauth'] });
  expect(report.results).toHaveLength(allCases().filter((c) => c.group === 'oauth').length);
  expect(report.results.length).toBeGreaterThanOrEqual(12);
  expect(requiredFailures(report)).toEqual([]);
  expect(report.summary.skipped).toBe(0);
});
