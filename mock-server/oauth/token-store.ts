/**
 * OAuth state of one mock: the integrations (from the scenario), authorization codes, access and refresh
 * tokens. Every grant is bound to one client, one site, one user and a set of scopes. Secrets are kept only as
 * map keys; `list()` (the admin view) shows none of them.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AccessTokenLookup, OAuthGrantView } from '../site/auth';

export interface Integration {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Scopes the integration was registered with; a request may ask for any subset. */
  scopes: string[];
  /** Approve /v1/authorize without the consent page (CI), signing in as this user unless the query names one. */
  autoApprove?: { site: string; webExId: string };
}

export interface Grant {
  clientId: string;
  /** Site name and webExId, lower case. */
  site: string;
  webExId: string;
  scopes: string[];
}

export interface Lifetimes {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export interface TokenAnswer {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  token_type: 'Bearer';
}

/** Why a token request failed, as the token endpoint names it (RFC 6749 §5.2 codes). */
export type TokenFailure = 'invalid_client' | 'invalid_grant';

/** RFC 7636 (PKCE): the challenge the authorization request carried, checked against the token request's verifier. */
export interface CodeChallenge { challenge: string; method: 'plain' | 'S256' }

interface CodeRecord { grant: Grant; redirectUri: string; expiresAt: number; pkce?: CodeChallenge }
interface AccessRecord { grant: Grant; expiresAt: number; refreshToken: string; issuedAt: number }
interface RefreshRecord { grant: Grant; expiresAt: number }

/** Bounded memory whatever a client sends: past these, expired entries go first, then the oldest. */
export const MAX_CODES = 10_000;
export const MAX_ACCESS_TOKENS = 100_000;

function bound(map: Map<string, { expiresAt: number }>, max: number, now: number): void {
  if (map.size <= max) return;
  for (const [k, r] of map) if (r.expiresAt <= now) map.delete(k);
  // Maps iterate in insertion order: the first keys are the oldest.
  for (const k of map.keys()) {
    if (map.size <= max) break;
    map.delete(k);
  }
}

/** Authorization codes live 10 minutes (RFC 6749 §4.1.2 recommends at most that) and work once. */
export const CODE_TTL_MS = 10 * 60 * 1000;

function secret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export class OAuthStore implements AccessTokenLookup {
  private readonly integrations = new Map<string, Integration>();
  private readonly codes = new Map<string, CodeRecord>();
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();

  constructor(private readonly now: () => number) {}

  setIntegrations(list: readonly Integration[]): void {
    this.integrations.clear();
    for (const i of list) this.integrations.set(i.clientId, { ...i, redirectUris: [...i.redirectUris], scopes: [...i.scopes] });
  }

  /** One more integration next to the loaded ones (admin API); false when its client id is taken. */
  addIntegration(i: Integration): boolean {
    if (this.integrations.has(i.clientId)) return false;
    this.integrations.set(i.clientId, { ...i, redirectUris: [...i.redirectUris], scopes: [...i.scopes] });
    return true;
  }

  /** Forget an integration and every code and token issued to it; false when there is none. */
  removeIntegration(clientId: string): boolean {
    if (!this.integrations.delete(clientId)) return false;
    this.revoke({ clientId });
    return true;
  }

  integration(clientId: string): Integration | undefined {
    return this.integrations.get(clientId);
  }

  /** The client, when the secret is right (compared in constant time on equal lengths). */
  client(clientId: string, clientSecret: string): Integration | undefined {
    const i = this.integrations.get(clientId);
    if (!i) return undefined;
    const a = Buffer.from(i.clientSecret);
    const b = Buffer.from(clientSecret);
    return a.length === b.length && a.equals(b) ? i : undefined;
  }

  issueCode(grant: Grant, redirectUri: string, pkce?: CodeChallenge): string {
    const code = secret(32);
    this.codes.set(code, { grant: normalise(grant), redirectUri, expiresAt: this.now() + CODE_TTL_MS, pkce });
    bound(this.codes, MAX_CODES, this.now());
    return code;
  }

  /** grant_type=authorization_code. The code is used up even when the exchange fails (RFC 6749 §4.1.2). */
  exchangeCode(clientId: string, code: string, redirectUri: string, lifetimes: (site: string) => Lifetimes | undefined, codeVerifier?: string): TokenAnswer | TokenFailure {
    const rec = this.codes.get(code);
    if (rec) this.codes.delete(code);
    if (!rec || rec.expiresAt <= this.now() || rec.grant.clientId !== clientId || rec.redirectUri !== redirectUri) return 'invalid_grant';
    if (rec.pkce && !verifierMatches(rec.pkce, codeVerifier)) return 'invalid_grant';
    const life = lifetimes(rec.grant.site);
    if (!life) return 'invalid_grant'; // the site went away (reset, new scenario)
    const refreshToken = secret(48);
    this.refresh.set(refreshToken, { grant: rec.grant, expiresAt: this.now() + life.refreshTokenTtlSeconds * 1000 });
    return this.newAccessToken(rec.grant, refreshToken, life);
  }

  /** grant_type=refresh_token: a new access token; the refresh token stays, with what is left of its life. */
  refreshToken(clientId: string, refreshToken: string, lifetimes: (site: string) => Lifetimes | undefined): TokenAnswer | TokenFailure {
    const rec = this.refresh.get(refreshToken);
    if (!rec || rec.grant.clientId !== clientId) return 'invalid_grant';
    if (rec.expiresAt <= this.now()) {
      this.refresh.delete(refreshToken);
      return 'invalid_grant';
    }
    const life = lifetimes(rec.grant.site);
    if (!life) return 'invalid_grant';
    return this.newAccessToken(rec.grant, refreshToken, life);
  }

  lookup(token: string): OAuthGrantView | undefined {
    const rec = this.access.get(token);
    if (!rec) return undefined;
    return { site: rec.grant.site, webExId: rec.grant.webExId, scopes: new Set(rec.grant.scopes), expired: rec.expiresAt <= this.now() };
  }

  /** Revoke every access and refresh token matching the filter (all when empty); returns how many grants went. */
  revoke(filter: GrantFilter = {}): number {
    const match = matcher(filter);
    let n = 0;
    for (const [k, r] of this.refresh) if (match(r.grant)) { this.refresh.delete(k); n++; }
    for (const [k, r] of this.access) if (match(r.grant)) this.access.delete(k);
    for (const [k, r] of this.codes) if (match(r.grant)) this.codes.delete(k);
    return n;
  }

  /**
   * Make the matching access tokens expired now (their refresh tokens stay good): a test's "the token ran out
   * mid-run" without waiting. Returns how many access tokens it ended.
   */
  expireAccessTokens(filter: GrantFilter = {}): number {
    const match = matcher(filter);
    const now = this.now();
    let n = 0;
    for (const r of this.access.values()) if (match(r.grant) && r.expiresAt > now) { r.expiresAt = now; n++; }
    return n;
  }

  /** The admin view: integrations without their secret, grants without any token. */
  list(): { integrations: Omit<Integration, 'clientSecret'>[]; grants: (Grant & { accessTokens: number; accessTokenExpiresAt: string | null; refreshTokenExpiresAt: string })[] } {
    const integrations = [...this.integrations.values()].map(({ clientSecret: _secret, ...rest }) => ({ ...rest, redirectUris: [...rest.redirectUris], scopes: [...rest.scopes] }));
    const grants = [...this.refresh.entries()].map(([rt, r]) => {
      const live = [...this.access.values()].filter((a) => a.refreshToken === rt);
      const newest = live.reduce((m, a) => Math.max(m, a.expiresAt), 0);
      return {
        ...r.grant, scopes: [...r.grant.scopes], accessTokens: live.length,
        accessTokenExpiresAt: newest ? new Date(newest).toISOString() : null, refreshTokenExpiresAt: new Date(r.expiresAt).toISOString(),
      };
    });
    return { integrations, grants };
  }

  /** A site was removed or rebuilt: its tokens and codes go with it. */
  forgetSite(site: string): void {
    this.revoke({ site });
  }

  clear(): void {
    this.integrations.clear();
    this.codes.clear();
    this.access.clear();
    this.refresh.clear();
  }

  private newAccessToken(grant: Grant, refreshToken: string, life: Lifetimes): TokenAnswer {
    const now = this.now();
    // Webex tokens are long opaque strings; the `_PF84_` infix names the cluster, as real ones do.
    const accessToken = `${secret(36)}_PF84_${secret(18)}`;
    this.access.set(accessToken, { grant, expiresAt: now + life.accessTokenTtlSeconds * 1000, refreshToken, issuedAt: now });
    bound(this.access, MAX_ACCESS_TOKENS, now);
    const refresh = this.refresh.get(refreshToken)!;
    return {
      access_token: accessToken,
      expires_in: life.accessTokenTtlSeconds,
      refresh_token: refreshToken,
      refresh_token_expires_in: Math.max(0, Math.floor((refresh.expiresAt - now) / 1000)),
      token_type: 'Bearer',
    };
  }
}

function verifierMatches(pkce: CodeChallenge, verifier: string | undefined): boolean {
  if (verifier === undefined || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false; // RFC 7636 §4.1
  const derived = pkce.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return derived === pkce.challenge;
}

export interface GrantFilter { site?: string; webExId?: string; clientId?: string }

function matcher(filter: GrantFilter): (g: Grant) => boolean {
  return (g) => (filter.site === undefined || g.site === filter.site.toLowerCase())
    && (filter.webExId === undefined || g.webExId === filter.webExId.toLowerCase())
    && (filter.clientId === undefined || g.clientId === filter.clientId);
}

function normalise(g: Grant): Grant {
  return { clientId: g.clientId, site: g.site.toLowerCase(), webExId: g.webExId.toLowerCase(), scopes: [...new Set(g.scopes)] };
}
