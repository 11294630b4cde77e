/**
 * OAuth access tokens for the XML API (webExAccessToken), kept fresh with the integration's refresh token:
 * refreshed before they expire (a margin before expires_in), and once more when Webex answers that the token
 * has expired. One refresh at a time: concurrent calls share it. The client secret and the tokens are never
 * put in a message.
 */
import { ConnectorError } from '../errors/connector-error';
import { REMEDIES } from '../errors/remedies';

/** Where Webex serves the token endpoint of integrations (developer.webex.com/docs/integrations). */
export const WEBEX_TOKEN_URL = 'https://webexapis.com/v1/access_token';

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Token endpoint (default https://webexapis.com/v1/access_token). */
  tokenUrl?: string;
  /** A current access token, if you have one; without it the first call refreshes. */
  accessToken?: string;
  /** When `accessToken` expires (epoch ms); unknown = valid until Webex says it expired. */
  accessTokenExpiresAt?: number;
  /** Refresh this long before the expiry (default 60 s, at most half the token's life). */
  refreshMarginMs?: number;
  /** Told after every refresh (to store the new token; the refresh token may be replaced too). */
  onRefresh?: (tokens: RefreshedTokens) => void;
}

export interface RefreshedTokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: number;
  refreshTokenExpiresAt?: number;
}

export interface TokenTransport {
  fetch: typeof fetch;
  now: () => number;
  timeoutMs: number;
}

const DEFAULT_MARGIN_MS = 60_000;

export class OAuthTokens {
  private accessToken: string | undefined;
  private expiresAt: number | undefined;
  private lifetimeMs: number | undefined;
  private refreshToken: string;
  private inFlight: Promise<string> | undefined;
  /** How many refreshes this source made (for tests and --verbose). */
  refreshes = 0;

  constructor(private readonly settings: OAuthSettings, private readonly transport: TokenTransport) {
    if (!settings.clientId || !settings.clientSecret || !settings.refreshToken) throw new Error('OAuth needs clientId, clientSecret and refreshToken');
    this.accessToken = settings.accessToken || undefined;
    this.expiresAt = settings.accessTokenExpiresAt;
    this.refreshToken = settings.refreshToken;
  }

  get tokenUrl(): string {
    return this.settings.tokenUrl ?? WEBEX_TOKEN_URL;
  }

  /** A token to send now: the current one, or a fresh one when it is missing or about to expire. */
  async current(): Promise<string> {
    if (this.accessToken && !this.dueForRefresh()) return this.accessToken;
    return this.refresh();
  }

  /** Refresh now (Webex said the token expired); concurrent callers share one request. */
  refresh(): Promise<string> {
    this.inFlight ??= this.requestToken().finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  private dueForRefresh(): boolean {
    if (this.expiresAt === undefined) return false;
    const margin = Math.min(this.settings.refreshMarginMs ?? DEFAULT_MARGIN_MS, (this.lifetimeMs ?? Infinity) / 2);
    return this.transport.now() >= this.expiresAt - margin;
  }

  private async requestToken(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'refresh_token', client_id: this.settings.clientId, client_secret: this.settings.clientSecret, refresh_token: this.refreshToken,
    });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.transport.timeoutMs);
    let status: number;
    let body: Record<string, unknown> = {};
    try {
      const res = await this.transport.fetch(this.tokenUrl, {
        method: 'POST', body: form.toString(), signal: controller.signal,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      });
      status = res.status;
      try { body = (await res.json()) as Record<string, unknown>; } catch { body = {}; }
    } catch (caught) {
      throw new ConnectorError({
        errorClass: 'transient', origin: 'transport', operation: 'RefreshToken', remedy: REMEDIES.transient,
        message: `RefreshToken: cannot reach ${this.tokenUrl} (${controller.signal.aborted ? 'timed out' : (caught as Error).message})`,
      });
    } finally {
      clearTimeout(timer);
    }
    if (status !== 200 || typeof body.access_token !== 'string') {
      // Webex's error message (`(invalid_grant) …`) names the problem and holds no secret.
      const said = typeof body.message === 'string' ? `: ${body.message}` : '';
      const refused = status >= 400 && status < 500;
      throw new ConnectorError({
        errorClass: refused ? 'authentication' : 'transient', origin: 'server', operation: 'RefreshToken', httpStatus: status,
        message: `RefreshToken: the token endpoint refused the refresh (HTTP ${status})${said}`,
        remedy: refused
          ? 'Check the integration\'s client id and secret; if the refresh token expired or was revoked, authorize the integration again to get a new one.'
          : REMEDIES.transient,
      });
    }
    const now = this.transport.now();
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : undefined;
    this.accessToken = body.access_token;
    this.expiresAt = expiresIn !== undefined ? now + expiresIn * 1000 : undefined;
    this.lifetimeMs = expiresIn !== undefined ? expiresIn * 1000 : undefined;
    if (typeof body.refresh_token === 'string' && body.refresh_token) this.refreshToken = body.refresh_token;
    this.refreshes++;
    this.settings.onRefresh?.({
      accessToken: this.accessToken, refreshToken: this.refreshToken, accessTokenExpiresAt: this.expiresAt ?? now,
      refreshTokenExpiresAt: typeof body.refresh_token_expires_in === 'number' ? now + body.refresh_token_expires_in * 1000 : undefined,
    });
    return this.accessToken;
  }
}
