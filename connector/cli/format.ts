import { ConnectorError, ERROR_CLASS_LABELS } from '../errors/connector-error';
import type { ConnectionReport } from '../operations/test-connection';
import type { PushResult } from '../operations/write-support';
import type { ImportResult } from '../operations/import-users';
import type { SchemaAttribute, SchemaReport } from '../operations/discover-schema';

/** Human-readable output of the CLI. JSON output is the library's result objects as they are. */
export function formatError(error: ConnectorError): string {
  const id = error.exceptionId ? ` ${error.exceptionId}` : error.httpStatus ? ` HTTP ${error.httpStatus}` : '';
  const lines = [`error [${ERROR_CLASS_LABELS[error.errorClass]}${id}]: ${error.message}`];
  if (error.attribute) lines.push(`  attribute:    ${error.attribute}`);
  if (error.sessionType) lines.push(`  session type: ${error.sessionType}`);
  if (error.userCreated) lines.push(`  note:         user ${error.userCreated.webExId} WAS created (userId ${error.userCreated.userId ?? '?'}); only the follow-up update failed`);
  lines.push(`  remedy:       ${error.remedy}`);
  return `${lines.join('\n')}\n`;
}

export function formatConnection(report: ConnectionReport): string {
  const lines = report.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(11)} ${c.message}`);
  if (report.ok) lines.push(`connection to site ${report.siteName} OK`);
  return `${lines.join('\n')}\n`;
}

export function formatPush(verb: string, result: PushResult): string {
  const lines = [`${verb} ${result.webExId}${result.userId ? ` (userId ${result.userId})` : ''} via ${result.operations.join(' + ')}`];
  if (result.recoveredAfterUnknownOutcome) lines.push('  note: the first CreateUser had an unknown outcome; GetUser found the user, so it was not created again');
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return `${lines.join('\n')}\n`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}

export function formatImport(result: ImportResult): string {
  const rows = [['WEBEXID', 'EMAIL', 'ACTIVE', 'NAME']];
  for (const u of result.users) rows.push([u.webExId, u.email ?? '', u.active ?? '', [u.firstName, u.lastName].filter(Boolean).join(' ')]);
  const lines = [table(rows), `${result.total} user${result.total === 1 ? '' : 's'} imported`];
  if (result.vanished.length > 0) lines.push(`${result.vanished.length} listed user(s) disappeared before they could be read: ${result.vanished.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function constraints(a: SchemaAttribute): string {
  const parts: string[] = [];
  if (a.enumValues) parts.push(a.enumValues.join('|'));
  if (a.maxLength !== undefined) parts.push(`≤${a.maxLength} chars`);
  if (a.min !== undefined || a.max !== undefined) parts.push(`${a.min ?? ''}..${a.max ?? ''}`);
  if (a.format) parts.push(a.format);
  if (a.access !== 'read-write') parts.push(a.access);
  return parts.join(', ');
}

const STATUS_LABEL = { available: 'ok', 'feature-off': 'FEATURE OFF', unknown: '?' } as const;

export function formatSchema(report: SchemaReport): string {
  const rows = [['ATTRIBUTE', 'TYPE', 'CONSTRAINTS', 'SITE', 'XML PATH']];
  for (const a of report.attributes) {
    rows.push([`${a.name}${a.base ? '*' : ''}`, a.type, constraints(a), STATUS_LABEL[a.siteStatus], a.xmlPath]);
  }
  const lines = [table(rows), `${report.attributes.length} attributes (* = base attribute)`];
  if (report.sessionTypes.length > 0) {
    lines.push(`session types: ${report.sessionTypes.map((t) => `${t.id}${t.name ? ` ${t.name}` : ''}`).join(', ')}`);
  }
  if (report.hosts) {
    lines.push(`hosts: ${report.hosts.active ?? '?'} active of ${report.hosts.limit < 0 ? 'unlimited' : report.hosts.limit}`);
  }
  const pw = report.passwordCriteria;
  if (pw) {
    const rules = [pw.minLength && `≥${pw.minLength} chars`, pw.minNumeric && `≥${pw.minNumeric} digits`, pw.minAlpha && `≥${pw.minAlpha} letters`,
      pw.minSpecial && `≥${pw.minSpecial} special`, pw.mixedCase && 'mixed case'].filter(Boolean);
    lines.push(`password policy: ${rules.length > 0 ? rules.join(', ') : 'none reported'}`);
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
