import { attributeForField } from './mapping/attributes';
import type { Profile } from './mapping/profile';
import type { ConnectorContext } from './operations/context';
import { discoverSchema, type SchemaReport } from './operations/discover-schema';
import { getUser, type WebexUser } from './operations/get-user';
import { importUsers, listUsers, type ImportOptions, type ImportResult, type UserSummary } from './operations/import-users';
import { pushNewUser, type PushNewUserOptions } from './operations/push-new-user';
import { deactivateUser, pushPassword, pushProfileUpdate, reactivateUser } from './operations/update-user';
import type { PushResult } from './operations/write-support';
import { testConnection, type ConnectionReport } from './operations/test-connection';
import { XmlClient, type ClientEvent } from './transport/client';
import type { RetryPolicy, Sleep } from './transport/retry';
import type { NamespaceStyle } from './xml/request';

export interface ConnectorConfig {
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
  /** …a Webex access token (webExAccessToken in the securityContext). */
  accessToken?: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Check lengths, ranges and formats locally before sending (default true). */
  strict?: boolean;
  namespaceStyle?: NamespaceStyle;
  fetch?: typeof fetch;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
  /** Debug listener; request bodies arrive with passwords and tokens masked. */
  onEvent?: (event: ClientEvent) => void;
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

  constructor(config: ConnectorConfig) {
    if (!config.url) throw new Error('url is required');
    if (!config.siteName) throw new Error('siteName is required');
    if (!config.admin) throw new Error('admin is required');
    if (!config.password && !config.accessToken) throw new Error('password or accessToken is required');
    const credentials = config.password !== undefined && config.password !== ''
      ? { webExId: config.admin, password: config.password }
      : { webExId: config.admin, accessToken: config.accessToken! };
    const client = new XmlClient({
      url: endpointUrl(config.url),
      security: { siteName: config.siteName, credentials },
      timeoutMs: config.timeoutMs,
      retry: config.retry,
      namespaceStyle: config.namespaceStyle,
      fetch: config.fetch,
      sleep: config.sleep,
      now: config.now,
      random: config.random,
      onEvent: config.onEvent,
      resolveAttribute: (field) => attributeForField(field)?.name,
    });
    this.ctx = { client, siteName: config.siteName, adminWebExId: config.admin, strict: config.strict ?? true };
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
  discoverSchema(): Promise<SchemaReport> { return discoverSchema(this.ctx); }
}

export type { Profile };
