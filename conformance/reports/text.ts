/** A failed case as plain text: expected, actual, the adapter calls, the captured exchanges, the rerun command. */
import type { CaseResult } from '../runner';

export function failureText(r: CaseResult): string {
  const lines = [
    `${r.required ? 'REQUIRED' : 'OPTIONAL'} ${r.group}/${r.id}: ${r.title}`,
    `  expected: ${r.expected}`,
    `  actual:   ${r.actual}`,
  ];
  if (r.calls.length) lines.push('  adapter calls:', ...r.calls.map((c) => `    ${c}`));
  if (r.exchanges?.length) {
    lines.push(`  exchanges captured during the case (secrets masked, last ${r.exchanges.length}):`);
    r.exchanges.forEach((e, i) => {
      lines.push(`    #${i + 1} ${e.operation ?? '?'} → ${e.result}${e.exceptionID ? ` ${e.exceptionID}` : ''}${e.status ? ` (HTTP ${e.status})` : ''}${e.fault ? ` [injected: ${e.fault}]` : ''}`);
      lines.push(`      request:  ${e.request.replace(/\s*\n\s*/g, ' ')}`);
      lines.push(`      response: ${e.response ? e.response.replace(/\s*\n\s*/g, ' ') : '(none)'}`);
    });
  }
  lines.push(`  rerun: ${r.rerun}`);
  return lines.join('\n');
}
