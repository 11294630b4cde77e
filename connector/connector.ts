import { attributeForField } from './mapping/attributes';
import type { Profile } from './mapping/profile';
import type { ConnectorContext } from './operations/context';
import { discoverSchema, type SchemaReport } from './operations/discover-schema';
import { getUser, type WebexUser } from './operations/get-user';
import { importUsers, listModifiedUsers, listUsers, type ImportOptions, type ImportResult, type UserSummary } from './operations/import-users';
import { pushNewUser, type PushNewUserOptions } from './operations/push-new-user';
import { deactivateUser, pushPassword, pushProfileUpdate, reactivateUser } from './operations/update-user';
import type { PushResult } from './operations/write-support';
import { testConnection, type ConnectionReport } from './operations/test-connection';
import { XmlClient, type XmlClientOptions } from './transport/client';
import { OAuthTokens, type OAuthSettings } from './transport/oauth-tokens';

/** Transport settings passed to the XML client as they are (timeouts, retries, injectable fetch/sleep/clock, debug events). */
type TransportOptions = Pick<XmlClientOptions, 'timeoutMs' | 'retry' | 'namespaceStyle' | 'fetch' | 'sleep' | 'now' | 'random' | 'onEvent'>;

export interface ConnectorConfig extends TransportOptions {
  /**
   * Webex endpoint: a full XML API URL (https://acme.webex.com/WBXService/XMLService) or just the origin
   * (https://acme.webex.com), to which /WBXService/XMLService is added.
   */
  url: string;
  siteName: string;
  /** webExID of a site admin. */
  admin: string;
  /** The admin's password, or… */
  password?: string;
  /** …a Webex access token (webExAccessToken in the securityContext), or… */
  accessToken?: string;
  /**
   * …an OAuth integration: client id/secret and a refresh token (and optionally the current access token).
   * The connector refreshes the access token before it expires and once when Webex says it has expired.
   * The only way onto SAML SSO sites, which refuse passwords.
   */
  oauth?: OAuthSettings;
  /** Check lengths, ranges and formats locally before sending (default true). */
  strict?: boolean;
  /**
   * The site is managed in Control Hub (XML API 41.11.0): address users by email, create them with webExId = email,
   * send no password. Default false.
   */
  controlHub?: boolean;
}

/** The XML API endpoint for a site URL; `acme.webex.com` alone means https. Throws on a URL fetch cannot use. */
export function endpointUrl(url: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new Error(`url "${url.replace(/\/\/[^/]*@/, '//…@')}" is not a valid URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`url "${url}" must be http(s)`);
  // fetch refuses such URLs anyway, and every message that names the URL would print the password.
  if (parsed.username || parsed.password) throw new Error('url must not contain a user name or password: use --admin and --password');
  const trimmed = withScheme.replace(/\/+$/, '');
  return /\/WBXService\/XMLService$/i.test(trimmed) ? trimmed : `${trimmed}/WBXService/XMLService`;
}

/** The reference connector: one object per site connection. */
export class WebexConnector {
  private readonly ctx: ConnectorContext;
  /** The OAuth token source, when configured with `oauth`. */
  readonly tokens: OAuthTokens | undefined;

  constructor(config: ConnectorConfig) {
    const { url, siteName, admin, password, accessToken, oauth, strict, controlHub, ...transport } = config;
    if (!url) throw new Error('url is required');
    if (!siteName) throw new Error('siteName is required');
    if (!admin) throw new Error('admin is required');
    if (!password && !accessToken && !oauth) throw new Error('password, accessToken or oauth is required');
    if (password && oauth) throw new Error('give a password or oauth, not both');
    this.tokens = oauth ? new OAuthTokens({ accessToken, ...oauth }, {
      fetch: transport.fetch ?? ((...args) => globalThis.fetch(...args)), now: transport.now ?? Date.now, timeoutMs: transport.timeoutMs ?? 30_000,
    }) : undefined;
    const credentials = this.tokens ? { webExId: admin, oauth: this.tokens }
      : password ? { webExId: admin, password } : { webExId: admin, accessToken: accessToken! };
    const client = new XmlClient({
      ...transport,
      url: endpointUrl(url),
      security: { siteName, credentials },
      resolveAttribute: (field) => attributeForField(field)?.name,
    });
    this.ctx = { client, siteName, adminWebExId: admin, strict: strict ?? true, controlHub: controlHub ?? false, now: transport.now ?? Date.now };
  }

  testConnection(): Promise<ConnectionReport> { return testConnection(this.ctx); }
  pushNewUser(profile: unknown, options?: PushNewUserOptions): Promise<PushResult> { return pushNewUser(this.ctx, profile, options); }
  pushProfileUpdate(webExId: string, profile: unknown): Promise<PushResult> { return pushProfileUpdate(this.ctx, webExId, profile); }
  pushPassword(webExId: string, password: string): Promise<PushResult> { return pushPassword(this.ctx, webExId, password); }
  deactivate(webExId: string): Promise<PushResult> { return deactivateUser(this.ctx, webExId); }
  reactivate(webExId: string): Promise<PushResult> { return reactivateUser(this.ctx, webExId); }
  getUser(webExId: string): Promise<WebexUser> { return getUser(this.ctx, webExId); }
  listUsers(options?: ImportOptions): Promise<UserSummary[]> { return listUsers(this.ctx, options); }
  importUsers(options?: ImportOptions): Promise<ImportResult> { return importUsers(this.ctx, options); }
  /** Users modified since `since` (XML API 39.11.0 modifiedDateStart/End, asked for in windows of at most 90 days). */
  listModifiedUsers(since: Date | number, options?: ImportOptions): Promise<UserSummary[]> { return listModifiedUsers(this.ctx, since, options); }
  discoverSchema(): Promise<SchemaReport> { return discoverSchema(this.ctx); }
}

export type { Profile };
