/**
 * The suite's client of a remote webex-mock's admin API (/_mock, JSON, docs/control-plane.md): how the suite
 * finds out that --url is a webex-mock and not a real Webex site, and the few calls it controls case sites with.
 */
import { networkCause } from './xml-client';

export const ADMIN_TOKEN_ENV = 'WEBEX_MOCK_ADMIN_TOKEN';

/** An admin API answer the suite cannot go on with (the message names the URL and what to do). */
export class AdminApiError extends Error {}

export interface SiteSummary {
  name: string;
  id: number;
  host: string;
  userCount: number;
  activeUsers: number;
}

export class AdminClient {
  constructor(readonly origin: string, private readonly token?: string) {}

  /**
   * Is there a webex-mock at `origin`? GET /_mock/health answers `{status:"ok"}` to anyone (a token or not);
   * a real Webex site has no such path. Throws when the origin cannot be reached at all.
   */
  static async detect(origin: string, url: string): Promise<boolean> {
    const res = await fetch(`${origin}/_mock/health`, { signal: AbortSignal.timeout(10_000), redirect: 'manual' }).catch((error: unknown) => {
      // A site that lets this GET time out may still answer the XML API: safe mode then finds out.
      if ((error as Error)?.name === 'TimeoutError') return undefined;
      throw new AdminApiError(`cannot reach ${url}: ${networkCause(error)}`);
    });
    if (res?.status !== 200) return false;
    const body = await res.json().catch(() => undefined) as { status?: unknown } | undefined;
    return body?.status === 'ok';
  }

  async request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const url = `${this.origin}/_mock${path}`;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60_000) })
      .catch((error: unknown) => { throw new AdminApiError(`cannot reach ${url}: ${networkCause(error)}`); });
    const text = await res.text();
    if (res.status === 401) {
      throw new AdminApiError(this.token
        ? `the webex-mock at ${this.origin} refused the admin token (401): give the token it was started with (--admin-token or ${ADMIN_TOKEN_ENV})`
        : `the webex-mock at ${this.origin} has an admin token: give it with --admin-token TOKEN (or ${ADMIN_TOKEN_ENV}), so the suite can create a site per case through its admin API`);
    }
    if (res.status >= 400) {
      let error = text;
      try { error = (JSON.parse(text) as { error?: string }).error ?? text; } catch { /* not JSON */ }
      throw new AdminApiError(`${method} ${url}: HTTP ${res.status}: ${error.slice(0, 500)}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  sites(): Promise<SiteSummary[]> {
    return this.request('GET', '/sites');
  }
}
