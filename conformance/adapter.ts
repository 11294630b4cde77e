/**
 * The adapter contract: what the conformance suite needs from a connector, in one small interface.
 * A connector team writes an adapter (TypeScript module, or any program speaking the JSON-lines protocol of
 * adapters/stdio.ts) that forwards each operation to its connector and reports the outcome — a result, or an
 * error classified into one of ERROR_CLASSES. Profiles use the flat attribute names of SPEC §4.
 */

/** A profile value: booleans, integers and strings as JSON gives them; lists of integers for list attributes. */
export type AttributeValue = string | number | boolean | number[];
/** Flat attribute name (SPEC §4: firstName, privilegeHost, phonesMobilePhone, ...) → value. */
export type Profile = Record<string, AttributeValue>;

/** The error classes a connector must tell apart (OKTA-CONNECTOR.md, "Errors customers see"). */
export const ERROR_CLASSES = [
  'licence', 'hostLimit', 'featureNotEnabled', 'invalidValue', 'invalidPersonalUrl', 'duplicate', 'notFound',
  'authentication', 'accessDenied', 'rateLimited', 'siteUnsupported', 'transient',
] as const;
/** `unknown` is allowed on the wire but never satisfies a case that expects a class. */
export type ErrorClass = (typeof ERROR_CLASSES)[number] | 'unknown';

export interface ClassifiedError {
  class: ErrorClass;
  /** Flat attribute name the error is about (e.g. timeZoneID, personalUrl), when the connector knows it. */
  attribute?: string;
  /** Session-type id of a licence error (Webex puts it in serv:value). */
  sessionType?: string;
  message: string;
}

export type Outcome<T> = { ok: true; result: T } | { ok: false; error: ClassifiedError };

export interface UserRef { webExId: string }

/** One user as import() lists it: at least the webExId; more fields are welcome. */
export interface ImportedUser { webExId: string; [attribute: string]: AttributeValue | undefined }

/**
 * One attribute of schema discovery. `name` and `type` are contract 1.0; the rest is what an IdP's schema
 * discovery needs from the site (Okta: maxLength, the "one of" list, base vs custom), OPTIONAL in the type so a 1.0
 * adapter keeps working, but Required by the suite once the adapter answers the report form (SchemaReport).
 */
export interface SchemaAttribute {
  name: string;
  type?: string;
  /** Whether the site accepts the attribute now (false: its feature is off). Omit when unknown. */
  available?: boolean;
  /** In Okta's base profile (SPEC §4 "base"). */
  base?: boolean;
  /**
   * The only values Webex accepts: an enumeration of the user schema (active, service, ...), or, where the SITE
   * decides them, the site's own list — for meetingTypes the session-type ids GetSite metaData/meetingTypes offers.
   */
  allowedValues?: ReadonlyArray<string | number>;
  /** Longest text Webex stores (XSD / developer.cisco.com element pages). */
  maxLength?: number;
  /** Integer bounds. */
  min?: number;
  max?: number;
  /**
   * The site feature that gates the attribute: `path` is where GetSite reports the switch, element local names
   * below siteInstance (`siteCommonOptions/enablePersonalMeetingRoom`; a trailing `/enabled` may be left out), and
   * `enabled` its value on this site (omit when GetSite did not say).
   */
  feature?: { path: string; enabled?: boolean };
}

/** Host licences of the site: GetSite metaData/accountNumLimit (-1 = unlimited) and activeUserCount. */
export interface HostLicences { limit: number; active?: number }

/** The site's rules for user passwords: GetSite accountPasswordCriteria. */
export interface PasswordCriteria {
  minLength?: number;
  minNumeric?: number;
  minAlpha?: number;
  minSpecial?: number;
  mixedCase?: boolean;
}

/** What GetSite says about the site that provisioning depends on (SPEC §3.18; FINDINGS-2026-12 §2 GetSite). */
export interface SiteFacts {
  /** Session types the site offers (metaData/meetingTypes: meetingTypeID, meetingTypeName). */
  sessionTypes?: { id: number; name?: string }[];
  hosts?: HostLicences;
  passwordCriteria?: PasswordCriteria;
  /** Feature switches by GetSite path (as SchemaAttribute.feature.path) → on / off. */
  features?: Record<string, boolean>;
  /** samlSSO/enableSSO: only OAuth tokens sign in. */
  samlSSO?: boolean;
  /** metaData/activateStatus: false on a suspended site. */
  active?: boolean;
}

/**
 * The report form of schema() (contract 1.1): the attributes with their details and the site's facts. An adapter
 * that answers it is judged on every detail and fact the site reports; one that answers the bare attribute list
 * (1.0) skips those cases.
 */
export interface SchemaReport { attributes: SchemaAttribute[]; site: SiteFacts }
export type SchemaResult = SchemaAttribute[] | SchemaReport;

/** The attribute list of either form. */
export function schemaAttributes(result: SchemaResult): SchemaAttribute[] {
  return Array.isArray(result) ? result : Array.isArray(result?.attributes) ? result.attributes : [];
}

/** The report form, or undefined for a bare 1.0 list. */
export function schemaReport(result: SchemaResult): SchemaReport | undefined {
  return !Array.isArray(result) && result && Array.isArray(result.attributes) ? { ...result, site: result.site ?? {} } : undefined;
}

/** One step of a connection test, as the connector names it. */
export interface ConnectionCheck { name: string; ok: boolean; message?: string }

/** What a successful connection test learned. */
export interface ConnectionInfo {
  siteName?: string;
  /** The admin the connector signed in as. */
  admin?: string;
  /** GetAPIVersion's apiVersion / release, when the connector asks. */
  apiVersion?: string;
  /** The steps it ran; on success every one passed. */
  checks?: ConnectionCheck[];
}

export interface Adapter {
  /** Create a user; a mapped personalUrl must end up set too (Webex ignores it on CreateUser). */
  create(profile: Profile): Promise<Outcome<UserRef>>;
  /** Update the given attributes (a different webExId in the profile renames the user). */
  update(webExId: string, profile: Profile): Promise<Outcome<UserRef>>;
  setPassword(webExId: string, password: string): Promise<Outcome<UserRef>>;
  deactivate(webExId: string): Promise<Outcome<UserRef>>;
  reactivate(webExId: string): Promise<Outcome<UserRef>>;
  /** The user's profile as the connector reads it (flat names, typed values). */
  get(webExId: string): Promise<Outcome<Profile>>;
  /** Every user of the site. */
  import(): Promise<Outcome<ImportedUser[]>>;
  /** Every attribute the connector supports, with the site's availability (and, in the report form, details and site facts). */
  schema(): Promise<Outcome<SchemaResult>>;
  /**
   * OPTIONAL (Okta's "Test API credentials"): check the configured endpoint, credentials and admin rights without
   * changing anything. ok with what the connector learned, or the classified error: authentication (wrong password,
   * unknown site or admin), accessDenied (not a full site admin), transient (unreachable, not a Webex XML API),
   * siteUnsupported (password on a SAML SSO site). An adapter without it skips the testConnection cases.
   */
  testConnection?(): Promise<Outcome<ConnectionInfo>>;
  /** Release resources (processes, sockets) once the case is over. */
  close?(): Promise<void>;
}

/** An OAuth integration the adapter signs in with instead of the password (docs/oauth.md). */
export interface AdapterOAuth {
  clientId: string;
  clientSecret: string;
  /** Refresh token of the admin's authorization; the connector gets (and refreshes) access tokens with it. */
  refreshToken: string;
  /** Token endpoint, e.g. http://127.0.0.1:40123/v1/access_token (Webex: https://webexapis.com/v1/access_token). */
  tokenUrl: string;
}

export interface AdapterConfig {
  /** XML API endpoint, e.g. http://127.0.0.1:40123/WBXService/XMLService. */
  url: string;
  siteName: string;
  /** Site admin webExId and password. */
  admin: string;
  password: string;
  /**
   * When set, sign in as `admin` with OAuth (webExAccessToken), refreshing the access token before it expires
   * and when Webex answers that it expired; `password` is then empty. The `oauth` cases set it: SAML SSO sites
   * refuse passwords.
   */
  oauth?: AdapterOAuth;
  /**
   * The site is managed in Control Hub (XML API 41.11.0): users are addressed by email, the webExId is the email.
   * The `site-kinds` cases set it; an adapter whose connector has such a setting should pass it on.
   */
  controlHubManaged?: boolean;
  /**
   * True against the in-process emulator: retry backoff and Retry-After waits may be skipped (sleep 0),
   * so transient-fault cases run fast. Retries themselves must still happen.
   */
  fastRetries: boolean;
}

/** What an adapter module exports (as `createAdapter` or default). */
export type AdapterFactory = (config: AdapterConfig) => Adapter | Promise<Adapter>;

export const OPERATIONS = ['create', 'update', 'setPassword', 'deactivate', 'reactivate', 'get', 'import', 'schema'] as const;
/** Operations an adapter may leave out (stdio: those it lists in the configure answer's `operations`). */
export const OPTIONAL_OPERATIONS = ['testConnection'] as const;
export type OperationName = (typeof OPERATIONS)[number] | (typeof OPTIONAL_OPERATIONS)[number];

export function isErrorClass(value: unknown): value is ErrorClass {
  return value === 'unknown' || (ERROR_CLASSES as readonly unknown[]).includes(value);
}
