/** Bounded exponential backoff. Everything time-related is injectable so tests run instantly. */
export interface RetryPolicy {
  /** Total attempts, first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Delay for 000045 when the server sends no Retry-After (Webex documents 60 s). */
  rateLimitDelayMs: number;
  /** Never wait longer than this for one Retry-After, whatever the server asks. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  rateLimitDelayMs: 60_000,
  maxRetryAfterMs: 120_000,
};

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delay before retry number `retry` (1 = first retry): base·2^(retry-1), capped, with "equal jitter". */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Parse an HTTP Retry-After header (delta-seconds or HTTP-date) into milliseconds from `now`. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // RFC 9110 allows whole seconds only, but "1.5" plainly means a second and a half (Date.parse would read it, or
  // "10", as a date in 2001: "retry at once").
  if (/^\d+\.\d+$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP-date always names its day and month (RFC 9110 §5.6.7).
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
