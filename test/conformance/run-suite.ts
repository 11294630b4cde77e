/** Run a slice of the conformance suite in-process against an adapter factory or provider. */
import type { AdapterFactory } from '../../conformance/adapter';
import { factoryProvider } from '../../conformance/adapters/load';
import { allCases, selectCases, type CaseFilter } from '../../conformance/cases';
import { runSuite, type AdapterProvider, type RunReport } from '../../conformance/runner';

export function runWith(adapter: AdapterFactory | AdapterProvider, filter: CaseFilter = {}, seed?: number): Promise<RunReport> {
  const provider = typeof adapter === 'function' ? factoryProvider('under test', adapter) : adapter;
  return runSuite({ provider, cases: selectCases(allCases(), filter), ...(seed !== undefined ? { seed } : {}) });
}

export const failedIds = (report: RunReport) => report.results.filter((r) => r.status === 'fail').map((r) => `${r.group}/${r.id}`).sort();
export const requiredFailures = (report: RunReport) => report.results.filter((r) => r.status === 'fail' && r.required).map((r) => `${r.group}/${r.id}: expected ${r.expected}; got ${r.actual}`);
