/**
 * A self-contained HTML report (inline CSS, no scripts, no external requests): verdict, groups, the attribute ×
 * operation matrix, every failure with its exchanges and rerun command, and the full case list.
 */
import { GROUPS } from '../cases/types';
import { MATRIX_OPERATIONS } from '../cases/types';
import type { CaseResult, RunReport } from '../runner';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#14213d;color:#fff;padding:20px 32px}header h1{margin:0 0 4px;font-size:22px}header p{margin:2px 0;opacity:.85}
main{padding:16px 32px 48px;max-width:1400px}section{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:16px 20px;margin:16px 0}
h2{font-size:17px;margin:0 0 12px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceef2;vertical-align:top}
th{background:#f0f2f5;font-weight:600}.verdict{display:inline-block;padding:4px 12px;border-radius:14px;font-weight:700;margin-top:8px}
.ok{background:#d7f5df;color:#0f6b2d}.bad{background:#fde2e1;color:#a4161a}.warn{background:#fff1c9;color:#7a5800}.na{color:#9aa1ad}
.matrix td.cell{text-align:center;width:84px;font-weight:700}.matrix td.pass{background:#d7f5df;color:#0f6b2d}.matrix td.fail{background:#f8b4b4;color:#7f1013}
.matrix td.optfail{background:#ffe8a3;color:#6b4e00}.matrix td.skip{background:#eceef2;color:#6b7280}.matrix td.none{color:#c0c5cd}
.matrix{font-size:13px}.matrix tbody tr:hover{background:#f6f8ff}code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:#f4f5f7;border:1px solid #e3e6ea;border-radius:6px;padding:8px;white-space:pre-wrap;word-break:break-all;max-height:320px;overflow:auto}
details{margin:6px 0}summary{cursor:pointer}.failure{border-left:4px solid #d62828;padding:4px 12px;margin:12px 0}.failure.optional{border-color:#e0a800}
.tag{font-size:11px;padding:1px 6px;border-radius:8px;background:#eceef2;margin-left:6px}.legend span{display:inline-block;padding:2px 8px;margin-right:6px;border-radius:4px}
`;

function statusCell(r: CaseResult | undefined): string {
  if (!r) return '<td class="cell none">·</td>';
  const cls = r.status === 'pass' ? 'pass' : r.status === 'skip' ? 'skip' : r.required ? 'fail' : 'optfail';
  const mark = r.status === 'pass' ? '✓' : r.status === 'skip' ? '–' : '✗';
  const tip = r.status === 'fail' ? `${r.id}: expected ${r.expected}; got ${r.actual}` : r.status === 'skip' ? `${r.id}: ${r.message ?? ''}` : r.id;
  return `<td class="cell ${cls}" title="${esc(tip.slice(0, 600))}">${mark}</td>`;
}

function matrix(report: RunReport): string {
  const cells = new Map<string, Map<string, CaseResult>>();
  for (const r of report.results) {
    if (!r.matrix) continue;
    if (!cells.has(r.matrix.attribute)) cells.set(r.matrix.attribute, new Map());
    cells.get(r.matrix.attribute)!.set(r.matrix.operation, r);
  }
  if (cells.size === 0) return '';
  const rows = [...cells.entries()].map(([attr, ops]) => `<tr><td><code>${esc(attr)}</code></td>${MATRIX_OPERATIONS.map((op) => statusCell(ops.get(op))).join('')}</tr>`).join('\n');
  return `<section><h2>Attribute × operation matrix (${cells.size} attributes)</h2>
<p class="legend"><span class="ok">✓ pass</span><span class="bad">✗ required case failed</span><span class="warn">✗ optional case failed</span><span style="background:#eceef2">– skipped</span><span class="na">· not applicable (Webex does not allow it)</span></p>
<table class="matrix"><thead><tr><th>Attribute</th>${MATRIX_OPERATIONS.map((o) => `<th>${esc(o)}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function failureBlock(r: CaseResult): string {
  const exchanges = (r.exchanges ?? []).map((e, i) => `<details><summary>#${i + 1} ${esc(e.operation ?? '?')} → ${esc(e.result)}${e.exceptionID ? ` ${esc(e.exceptionID)}` : ''}${e.fault ? ` <span class="tag">injected: ${esc(e.fault)}</span>` : ''}</summary>
<p>Request (secrets masked)</p><pre>${esc(e.request)}</pre><p>Response${e.status ? ` (HTTP ${e.status})` : ''}</p><pre>${esc(e.response || '(no response: connection dropped)')}</pre></details>`).join('\n');
  return `<div class="failure${r.required ? '' : ' optional'}" id="case-${esc(r.group)}-${esc(r.id)}">
<h3>${esc(r.group)} / ${esc(r.id)} <span class="tag">${r.required ? 'Required' : 'Optional'}</span></h3>
<p>${esc(r.title)}</p>
<table><tr><th>Expected</th><td>${esc(r.expected ?? '')}</td></tr><tr><th>Connector did</th><td>${esc(r.actual ?? '')}</td></tr>
<tr><th>Adapter calls</th><td>${r.calls.map((c) => `<code>${esc(c)}</code>`).join('<br>') || '—'}</td></tr>
<tr><th>Rerun</th><td><code>${esc(r.rerun)}</code></td></tr></table>
${exchanges ? `<details><summary>Exchanges captured during the case (${r.exchanges!.length})</summary>${exchanges}</details>` : ''}
</div>`;
}

export function htmlReport(report: RunReport): string {
  const s = report.summary;
  const pass = s.requiredFailed === 0;
  const groups = GROUPS.filter((g) => report.results.some((r) => r.group === g));
  const groupRows = groups.map((g) => {
    const rs = report.results.filter((r) => r.group === g);
    const n = (f: (r: CaseResult) => boolean) => rs.filter(f).length;
    return `<tr><td>${g}</td><td>${rs.length}</td><td>${n((r) => r.status === 'pass')}</td><td>${n((r) => r.status === 'fail' && r.required)}</td><td>${n((r) => r.status === 'fail' && !r.required)}</td><td>${n((r) => r.status === 'skip')}</td></tr>`;
  }).join('');
  const failures = report.results.filter((r) => r.status === 'fail');
  const caseLists = groups.map((g) => {
    const rs = report.results.filter((r) => r.group === g);
    return `<details><summary>${g} (${rs.length} cases)</summary><table><thead><tr><th>Case</th><th></th><th>Result</th><th>ms</th><th>Title</th></tr></thead><tbody>${rs.map((r) => `<tr><td><code>${esc(r.id)}</code></td><td>${r.required ? 'Required' : 'Optional'}</td><td class="${r.status === 'pass' ? 'ok' : r.status === 'skip' ? 'na' : r.required ? 'bad' : 'warn'}">${r.status}${r.message ? `: ${esc(r.message)}` : ''}</td><td>${r.durationMs}</td><td>${esc(r.title)}</td></tr>`).join('')}</tbody></table></details>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Webex connector conformance — ${esc(report.adapter)}</title><style>${CSS}</style></head>
<body><header><h1>Webex Meetings connector conformance</h1>
<p>Connector: <strong>${esc(report.adapter)}</strong> · target: ${esc(report.target)} · ${esc(report.startedAt)} · ${(report.durationMs / 1000).toFixed(1)} s · suite ${esc(report.suiteVersion)}</p>
<span class="verdict ${pass ? 'ok' : 'bad'}">${pass ? 'CONFORMANT: every Required case passed' : `NOT CONFORMANT: ${s.requiredFailed} Required case(s) failed`}</span></header>
<main>
<section><h2>Summary</h2><p>${s.total} cases: ${s.passed} passed, ${s.requiredFailed} Required failed, ${s.optionalFailed} Optional failed, ${s.skipped} skipped.</p>
<table><thead><tr><th>Group</th><th>Cases</th><th>Passed</th><th>Required failed</th><th>Optional failed</th><th>Skipped</th></tr></thead><tbody>${groupRows}</tbody></table></section>
${failures.length ? `<section><h2>Failures (${failures.length})</h2>${failures.map(failureBlock).join('\n')}</section>` : ''}
${matrix(report)}
<section><h2>All cases</h2>${caseLists}</section>
</main></body></html>
`;
}
