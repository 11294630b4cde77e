/**
 * Transient faults the suite injects into one site's traffic. `before` faults answer instead of the operation
 * (nothing happens on the site); `after` faults let the operation commit and then break the answer — the case
 * a connector must handle without creating a user twice.
 */
export type FaultEffect =
  | { kind: 'http'; status: number; headers?: Record<string, string> }
  | { kind: 'drop' }
  | { kind: 'failure'; exceptionID: string; reason: string; gsbStatus?: 'PRIMARY' | 'BACKUP'; headers?: Record<string, string> }
  | {
    kind: 'rewrite'; rewrite: (body: string) => string;
    /** Headers set on the rewritten answer (e.g. its Content-Type), replacing the emulator's of the same name. */
    headers?: Record<string, string>;
    /** The bytes sent: UTF-8 (the emulator's, the default) or ISO-8859-1, which some Webex answers declare (SPEC §1.1). */
    charset?: 'utf-8' | 'iso-8859-1';
  };

export interface Fault {
  /** Webex operation name (CreateUser, SetUser, GetUser, ...) or '*'. */
  operation: string;
  stage: 'before' | 'after';
  /** How many matching requests it hits; Infinity = every one. */
  times: number;
  effect: FaultEffect;
  label: string;
}

export const fault = {
  http: (operation: string, status: number, times = 1): Fault => ({ operation, stage: 'before', times, effect: { kind: 'http', status }, label: `HTTP ${status}` }),
  /** An HTTP error page with headers (e.g. 503 with Retry-After, RFC 9110 §10.2.3). */
  httpWith: (operation: string, status: number, headers: Record<string, string>, times = 1): Fault => ({
    operation, stage: 'before', times, effect: { kind: 'http', status, headers }, label: `HTTP ${status} ${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join(', ')}`,
  }),
  httpAfter: (operation: string, status: number, times = 1): Fault => ({ operation, stage: 'after', times, effect: { kind: 'http', status }, label: `HTTP ${status} after the operation committed` }),
  dropBefore: (operation: string, times = 1): Fault => ({ operation, stage: 'before', times, effect: { kind: 'drop' }, label: 'connection dropped before the operation ran' }),
  dropAfter: (operation: string, times = 1): Fault => ({ operation, stage: 'after', times, effect: { kind: 'drop' }, label: 'connection dropped after the operation committed' }),
  rateLimit: (operation: string, times = 1, retryAfterSeconds = 1): Fault => ({
    operation, stage: 'before', times, label: `000045 rate limit, Retry-After ${retryAfterSeconds}`,
    effect: { kind: 'failure', exceptionID: '000045', reason: 'API Rate Limit Reached', headers: { 'Retry-After': String(retryAfterSeconds) } },
  }),
  backup: (operation: string, times = 1): Fault => ({
    operation, stage: 'before', times, label: 'FAILURE served by backup servers (gsbStatus BACKUP)',
    effect: { kind: 'failure', exceptionID: '999999', reason: 'The site is in maintenance mode, served by backup servers', gsbStatus: 'BACKUP' },
  }),
  rewrite: (operation: string, label: string, rewrite: (body: string) => string, times = Infinity): Fault => ({
    operation, stage: 'after', times, label, effect: { kind: 'rewrite', rewrite },
  }),
  /**
   * The answer sent as ISO-8859-1 bytes with this Content-Type and XML declaration ('' = none), as older Webex
   * answers declare it (SPEC §1.1; reference/webex-xml-api/FINDINGS-2026-12.md, the 000045 and 010106 examples).
   */
  latin1: (operation: string, contentType: string, declaration: string, times = 1): Fault => ({
    operation, stage: 'after', times, label: `answer in ISO-8859-1, Content-Type "${contentType}", declaration ${declaration ? `"${declaration}"` : 'without encoding'}`,
    effect: { kind: 'rewrite', rewrite: (body) => body.replace(/^\s*<\?xml[^>]*\?>/, declaration), headers: { 'Content-Type': contentType }, charset: 'iso-8859-1' },
  }),
};

/** A rewrite fault's answer: its text, the headers with the fault's replacing any of the same name, and the bytes to send. */
export function rewritten(effect: Extract<FaultEffect, { kind: 'rewrite' }>, text: string, headers: Record<string, string>): { text: string; headers: Record<string, string>; body: string | Buffer } {
  const out = effect.rewrite(text);
  const replaced = new Set(Object.keys(effect.headers ?? {}).map((k) => k.toLowerCase()));
  const kept = Object.fromEntries(Object.entries(headers).filter(([k]) => !replaced.has(k.toLowerCase())));
  return { text: out, headers: { ...kept, ...effect.headers }, body: effect.charset === 'iso-8859-1' ? Buffer.from(out, 'latin1') : out };
}

export function takeFault(faults: Fault[] | undefined, operation: string | undefined, stage: Fault['stage']): Fault | undefined {
  const hit = faults?.find((f) => f.stage === stage && f.times > 0 && (f.operation === '*' || f.operation === operation));
  if (hit) hit.times--;
  return hit;
}
