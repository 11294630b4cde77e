/**
 * Transient faults the suite injects into one site's traffic. `before` faults answer instead of the operation
 * (nothing happens on the site); `after` faults let the operation commit and then break the answer — the case
 * a connector must handle without creating a user twice.
 */
export type FaultEffect =
  | { kind: 'http'; status: number; headers?: Record<string, string> }
  | { kind: 'drop' }
  | { kind: 'failure'; exceptionID: string; reason: string; gsbStatus?: 'PRIMARY' | 'BACKUP'; headers?: Record<string, string> }
  | { kind: 'rewrite'; rewrite: (body: string) => string };

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
};

export function takeFault(faults: Fault[] | undefined, operation: string | undefined, stage: Fault['stage']): Fault | undefined {
  const hit = faults?.find((f) => f.stage === stage && f.times > 0 && (f.operation === '*' || f.operation === operation));
  if (hit) hit.times--;
  return hit;
}
