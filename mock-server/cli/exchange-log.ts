/**
 * `serve --log-level`: one line per exchange on stderr, from the engine's Observer. Only the exchange's meta
 * is printed (time, site, operation, caller, result, exceptionID, ms) — never a request or response body, so no
 * password, ticket or token can appear. The observer keeps nothing (the journal's rule for observers).
 */
import type { Exchange, Observer } from '../engine';

export const LOG_LEVELS = ['off', 'failures', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function exchangeLine(x: Exchange, level: LogLevel): string {
  const m = x.meta;
  const fields = [
    new Date(x.startedAt).toISOString(),
    m.site ?? '-',
    m.operation ?? '-',
    `caller=${m.caller ?? '-'}`,
    m.result,
    m.exceptionID ?? '',
    `${x.durationMs.toFixed(1)}ms`,
  ];
  if (level === 'debug') {
    if (m.fault) fields.push(`fault=${m.fault}`);
    if (m.ignoredElements?.length) fields.push(`ignored=${m.ignoredElements.join(',')}`);
    fields.push(`http=${x.response.status}`);
  }
  return fields.filter((f) => f !== '').join(' ');
}

/** An observer writing each exchange (or only the failed ones) as one line; undefined for `off`. */
export function exchangeLogger(level: LogLevel, write: (line: string) => void): Observer | undefined {
  if (level === 'off') return undefined;
  return (x) => {
    if (level === 'failures' && x.meta.result === 'SUCCESS') return;
    write(`${exchangeLine(x, level)}\n`);
  };
}
