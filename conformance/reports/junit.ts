/**
 * JUnit XML for CI: one testsuite per group. Required failures are <failure>; an Optional case that fails is
 * reported as <skipped> with the reason, so CI dashboards do not go red for what conformance does not require.
 */
import type { CaseResult, RunReport } from '../runner';
import { failureText } from './text';

/** Characters XML 1.0 forbids (adapters and real sites may send them): control characters, U+FFFE/FFFF, lone surrogates. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const esc = (s: string) => s.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function testcase(r: CaseResult): string {
  const attrs = `classname="webex-conformance.${r.group}" name="${esc(`${r.id}${r.required ? '' : ' [optional]'}`)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
  if (r.status === 'pass') return `    <testcase ${attrs}/>\n`;
  if (r.status === 'skip') return `    <testcase ${attrs}><skipped message="${esc(r.message ?? 'skipped')}"/></testcase>\n`;
  const message = esc(`expected ${r.expected}; got ${r.actual}`.slice(0, 1000));
  if (!r.required) return `    <testcase ${attrs}><skipped message="optional case failed: ${message}"/><system-out>${esc(failureText(r))}</system-out></testcase>\n`;
  return `    <testcase ${attrs}><failure message="${message}" type="${esc(r.group)}">${esc(failureText(r))}</failure></testcase>\n`;
}

export function junitReport(report: RunReport): string {
  const groups = [...new Set(report.results.map((r) => r.group))];
  const suites = groups.map((g) => {
    const rs = report.results.filter((r) => r.group === g);
    const failures = rs.filter((r) => r.status === 'fail' && r.required).length;
    const skipped = rs.filter((r) => r.status === 'skip' || (r.status === 'fail' && !r.required)).length;
    const time = rs.reduce((t, r) => t + r.durationMs, 0) / 1000;
    return `  <testsuite name="webex-conformance.${g}" tests="${rs.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}" timestamp="${report.startedAt.replace(/\.\d+Z$/, '')}">\n${rs.map(testcase).join('')}  </testsuite>\n`;
  });
  const s = report.summary;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="webex-conformance (${esc(report.adapter)})" tests="${s.total}" failures="${s.requiredFailed}" errors="0" skipped="${s.skipped + s.optionalFailed}" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('')}</testsuites>\n`;
}
