/** What a site (tenant) is: plain data, loaded from scenarios, changed by the admin API. */
import { FEATURE_KEYS, FOLLOWED_API, KNOWN_SESSION_TYPES, type ApiVersionInfo, type FeatureKey, type ServiceType } from '../catalog';

export interface SessionTypeConfig {
  id: number;
  shortName: string;
  name: string;
  serviceType: ServiceType;
  /** How many ACTIVATED users may hold this session type; null = unlimited. */
  limit: number | null;
}

export interface PasswordPolicy {
  minLength: number;
  minDigits: number;
  minLetters: number;
  minSpecial: number;
  mixedCase: boolean;
  /** Refuse passwords that contain the webExId. */
  noWebExId: boolean;
}

export interface AccessTokenConfig {
  token: string;
  webExId: string;
}

/** OAuth token lifetimes on this site (developer.webex.com integrations guide: 1209600 s and 7776000 s). */
export interface OAuthLifetimes {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export const DEFAULT_OAUTH_LIFETIMES: OAuthLifetimes = { accessTokenTtlSeconds: 1_209_600, refreshTokenTtlSeconds: 7_776_000 };

export interface SiteFlags {
  /** Spark Meet / Common Identity site (WBS30): user management restricted (SPEC §5, E0301xx). */
  sparkMeet: boolean;
  /** Control Hub managed site: identity fields come from Control Hub. */
  controlHubManaged: boolean;
}

export interface SiteConfig {
  name: string;
  id: number;
  partnerId?: string;
  /** Host used in generated URLs: `{name}.webex.com`. */
  host: string;
  flags: SiteFlags;
  /**
   * SAML SSO site: "Password authentication is not available on Webex sites that have configured SAML SSO …
   * developers must support OAuth for those sites" (developer.cisco.com request-authentication page).
   */
  samlSSO: boolean;
  /** Lifetimes of the OAuth access and refresh tokens issued for this site's users. */
  oauth: OAuthLifetimes;
  features: Record<FeatureKey, boolean>;
  sessionTypes: SessionTypeConfig[];
  /** Session types a new user gets when CreateUser sends no meetingTypes. */
  defaultSessionTypes: number[];
  /** Most ACTIVATED users (hosts) the site may have; null = unlimited. */
  hostLimit: number | null;
  passwordPolicy: PasswordPolicy;
  accessTokens: AccessTokenConfig[];
  /** Site time zone, used for timeZoneID -1. */
  timeZoneId: number;
  /** AuthenticateUser ticket lifetime. */
  sessionTicketTtlSeconds: number;
  /** First userId handed out (real ids are 9-digit). */
  firstUserId: number;
  /**
   * API 42.6.0: a suspended site refuses an admin's CreateUser / SetUser of others with 010107; users may still
   * edit themselves.
   */
  suspended: boolean;
  /** What GetAPIVersion answers (default: the release the emulator follows, catalog/api-version.ts). */
  apiVersion: ApiVersionInfo;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minDigits: 1, minLetters: 1, minSpecial: 0, mixedCase: false, noWebExId: true };

export function allFeatures(on: boolean): Record<FeatureKey, boolean> {
  return Object.fromEntries(FEATURE_KEYS.map((k) => [k, on])) as Record<FeatureKey, boolean>;
}

export function knownSessionType(id: number, limit: number | null): SessionTypeConfig {
  const known = KNOWN_SESSION_TYPES.find((t) => t.id === id);
  if (!known) throw new Error(`unknown session type ${id}: give shortName, name and serviceType`);
  return { ...known, limit };
}

/** A complete site config from a partial one: every omitted field gets a sensible, documented default. */
export function siteConfig(partial: Partial<SiteConfig> & { name: string }): SiteConfig {
  const sessionTypes = partial.sessionTypes ?? [knownSessionType(214, null), knownSessionType(216, null)];
  return {
    ...partial,
    id: partial.id ?? 100000 + Math.abs(hash(partial.name)) % 900000,
    host: partial.host ?? `${partial.name}.webex.com`,
    flags: { sparkMeet: false, controlHubManaged: false, ...partial.flags },
    samlSSO: partial.samlSSO ?? false,
    oauth: { ...DEFAULT_OAUTH_LIFETIMES, ...partial.oauth },
    features: { ...allFeatures(true), ...partial.features },
    defaultSessionTypes: partial.defaultSessionTypes ?? [sessionTypes[0].id],
    hostLimit: partial.hostLimit ?? null,
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...partial.passwordPolicy },
    accessTokens: partial.accessTokens ?? [],
    timeZoneId: partial.timeZoneId ?? 4,
    sessionTicketTtlSeconds: partial.sessionTicketTtlSeconds ?? 5400,
    firstUserId: partial.firstUserId ?? 962225390,
    suspended: partial.suspended ?? false,
    apiVersion: { ...FOLLOWED_API, ...partial.apiVersion },
    sessionTypes,
  } as SiteConfig;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
