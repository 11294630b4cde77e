/** The JSON report: the run report as is (stable field names, documented in docs/conformance.md). */
import type { RunReport } from '../runner';

export function jsonReport(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
