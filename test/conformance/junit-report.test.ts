/** JUnit XML stays well-formed whatever text an adapter or a captured exchange carries. */
import { junitReport } from '../../conformance/reports/junit';
import { summarize, type CaseResult, type RunReport } from '../../conformance/runner';

/** Characters XML 1.0 forbids anywhere in a document (lone surrogates are written as U+FFFD, not forbidden). */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

it('strips characters XML 1.0 forbids from messages, exchanges and names', () => {
  const hostile = 'a\u0001b\uFFFEc\uFFFFd\uD800e <&> "q" 😀';
  const result: CaseResult = {
    id: `case${hostile}`, group: 'errors', title: hostile, required: true, status: 'fail', durationMs: 3,
    expected: hostile, actual: hostile, calls: [`create → ${hostile}`], rerun: 'webex-conformance run',
    exchanges: [{ operation: 'CreateUser', startedAt: 0, request: hostile, status: 200, response: hostile, result: 'FAILURE' }],
  };
  const report: RunReport = {
    seed: 1, suiteVersion: '1', adapter: hostile, target: 't', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3, results: [result], summary: summarize([result]),
  };
  const xml = junitReport(report);
  expect(xml).not.toMatch(NOT_XML_CHAR);
  expect(xml).toContain('abcde &lt;&amp;&gt; &quot;q&quot; 😀'); // everything else kept, escaped
});
