import { ConnectorError, type ErrorClass } from './connector-error';
import { REMEDIES } from './remedies';

/** A Webex FAILURE as the transport read it. */
export interface WebexFailure {
  exceptionId?: string;
  reason?: string;
  /** serv:value (110055: the session-type id). */
  value?: string;
  gsbStatus?: string;
  operation?: string;
  retryAfterMs?: number;
}

interface KnownException {
  errorClass: ErrorClass;
  /** The attribute this exception is always about, when it is fixed by the ID. */
  attribute?: string;
  message: string;
}

/**
 * Exception IDs the connector knows — hard-coded, as a real connector would. IDs Cisco never published
 * (hostLimit, "Can't set field" …) are the ones the webex-mock emulator assigns; the reason patterns
 * below catch the same errors on a server that numbers them differently.
 */
const KNOWN_EXCEPTIONS: Readonly<Record<string, KnownException>> = {
  '000000': { errorClass: 'invalidValue', message: 'Webex could not read the request (Fail to forward request); this is a connector bug' },
  '000001': { errorClass: 'accessDenied', message: 'The caller lacks the site-admin privilege this operation needs' },
  '000015': { errorClass: 'userNotFound', message: 'No matching record' },
  '000029': { errorClass: 'transient', message: 'Webex reported a processing error' },
  '000035': { errorClass: 'transient', message: 'The Webex back end is not responding' },
  '000045': { errorClass: 'rateLimited', message: 'The Webex API rate limit was reached' },
  '030001': { errorClass: 'userNotFound', attribute: 'webExId', message: 'The user does not exist on this site' },
  '030002': { errorClass: 'authentication', message: 'Incorrect admin user or password' },
  '030004': { errorClass: 'duplicateUser', attribute: 'webExId', message: 'Another user already has this webExId' },
  '030005': { errorClass: 'duplicateUser', attribute: 'email', message: 'Another user already has this email' },
  '030047': { errorClass: 'authentication', message: 'The session ticket is not valid (expired or unknown)' },
  '030048': { errorClass: 'accessDenied', message: 'The caller is not a Webex site admin' },
  '030059': { errorClass: 'hostLimit', attribute: 'active', message: 'Activating this user would exceed the site host limit' },
  '030071': { errorClass: 'invalidValue', message: 'Webex refused a value' },
  '030072': { errorClass: 'featureNotEnabled', message: 'The attribute needs a site feature that is not enabled' },
  '030073': { errorClass: 'invalidPersonalUrl', attribute: 'personalUrl', message: 'The personalUrl is not valid' },
  '030074': { errorClass: 'invalidPersonalUrl', attribute: 'personalUrl', message: 'The personalUrl is already used by another user' },
  '030075': { errorClass: 'invalidValue', attribute: 'password', message: 'The password does not meet the site password policy' },
  '030076': { errorClass: 'authentication', attribute: 'siteName', message: 'The site is not valid (unknown site name or id)' },
  '030077': { errorClass: 'siteUnsupported', message: 'The field is managed in Control Hub on this site' },
  // OAuth on current sites (docs/oauth.md): IDs the webex-mock emulator assigns; the reason patterns catch others.
  '030081': { errorClass: 'authentication', message: 'The OAuth access token has expired (refresh it with the refresh token)' },
  '030082': { errorClass: 'siteUnsupported', message: 'SAML SSO site: password authentication is not available, configure OAuth (client id, secret, refresh token)' },
  '030078': { errorClass: 'invalidValue', attribute: 'phonesPIN', message: 'A personal conference number account needs the user to have a valid PIN (valid PIN is required)' },
  '010107': { errorClass: 'siteUnsupported', message: 'The site is suspended: an administrator cannot create or modify users until it is reinstated' },
  '030098': { errorClass: 'siteUnsupported', message: 'CreateUser is refused on this Control Hub managed (unified) site' },
  E030103: { errorClass: 'siteUnsupported', message: 'Spark Meet site: assigning this role is not supported' },
  E030104: { errorClass: 'siteUnsupported', message: 'Spark Meet site: user management needs the admin password, not a session ticket' },
  E030105: { errorClass: 'siteUnsupported', message: 'Spark Meet site: Webex could not set up or modify the user profile' },
  '110055': { errorClass: 'sessionTypeLimit', attribute: 'meetingTypes', message: 'User limit exceeded for the session type' },
};

/** Reason-text patterns, tried when the ID is unknown or ambiguous (999999 covers several errors). */
const REASON_PATTERNS: ReadonlyArray<{ pattern: RegExp; errorClass: ErrorClass; message: string }> = [
  { pattern: /user limit exceeded for session type/i, errorClass: 'sessionTypeLimit', message: 'User limit exceeded for the session type' },
  { pattern: /exceededSiteHostLimit|host limit/i, errorClass: 'hostLimit', message: 'The site host limit is reached' },
  { pattern: /personal ?url/i, errorClass: 'invalidPersonalUrl', message: 'The personalUrl is not valid' },
  { pattern: /needs to be/i, errorClass: 'featureNotEnabled', message: 'The attribute needs a site feature that is not enabled' },
  { pattern: /access token (has )?expired|token expired/i, errorClass: 'authentication', message: 'The OAuth access token has expired' },
  { pattern: /saml sso|password authentication is not available/i, errorClass: 'siteUnsupported', message: 'SAML SSO site: password authentication is not available, configure OAuth' },
  { pattern: /valid pin is required/i, errorClass: 'invalidValue', message: 'A personal conference number account needs a valid PIN' },
  { pattern: /maximum date range/i, errorClass: 'invalidValue', message: 'The modified-date window is longer than Webex allows (90 days)' },
  { pattern: /site is suspended/i, errorClass: 'siteUnsupported', message: 'The site is suspended' },
  { pattern: /managed in control hub|spark|common identity|not supported/i, errorClass: 'siteUnsupported', message: 'The site does not support this operation' },
  { pattern: /can'?t set field|invalid|out of range|password policy|too long/i, errorClass: 'invalidValue', message: 'Webex refused a value' },
  { pattern: /duplicate|already (exists|in use|used)/i, errorClass: 'duplicateUser', message: 'The user already exists' },
  { pattern: /not found|no record/i, errorClass: 'userNotFound', message: 'The user does not exist on this site' },
  { pattern: /incorrect user or password|session ?ticket|site is not valid|authentication/i, errorClass: 'authentication', message: 'Webex refused the credentials' },
  { pattern: /access denied|privilege|not a webex admin/i, errorClass: 'accessDenied', message: 'The caller lacks the privilege' },
  { pattern: /rate limit/i, errorClass: 'rateLimited', message: 'The Webex API rate limit was reached' },
  { pattern: /not responding|unavailable|timed? ?out|try again/i, errorClass: 'transient', message: 'Webex is temporarily unavailable' },
];

/** Field names as reasons carry them: "Can't set field timeZoneID: …", "Attribute numAgentSessions needs to be 0". */
const FIELD_PATTERNS: readonly RegExp[] = [
  /can'?t set field\s+([A-Za-z][\w/.[\]]*)/i,
  /attribute\s+([A-Za-z][\w/.[\]]*)\s+needs to be/i,
  /\b(personalUrl)\b/i,
];

export type AttributeResolver = (fieldFromReason: string) => string | undefined;

/** Turn a Webex FAILURE into a classified ConnectorError. `resolveAttribute` maps an XML field to a flat name. */
export function classifyFailure(failure: WebexFailure, resolveAttribute: AttributeResolver = (f) => f): ConnectorError {
  const reason = failure.reason ?? '';
  const known = failure.exceptionId ? KNOWN_EXCEPTIONS[failure.exceptionId] : undefined;
  const byReason = REASON_PATTERNS.find((p) => p.pattern.test(reason));
  // 999999 is the generic ID: its reason says what happened. A FAILURE served by backup servers is transient.
  let errorClass: ErrorClass;
  let message: string;
  if (known) {
    ({ errorClass, message } = known);
  } else if (byReason) {
    ({ errorClass, message } = byReason);
  } else if (failure.gsbStatus === 'BACKUP') {
    errorClass = 'transient';
    message = 'Webex answered from its backup servers (maintenance or outage)';
  } else {
    errorClass = 'unknown';
    message = 'Webex reported an unexpected error';
  }

  const field = FIELD_PATTERNS.map((p) => p.exec(reason)?.[1]).find((f) => f !== undefined);
  const attribute = field ? resolveAttribute(field) ?? field : known?.attribute;
  const sessionType = errorClass === 'sessionTypeLimit' ? failure.value?.trim() || undefined : undefined;

  const subject = [attribute && `attribute ${attribute}`, sessionType && `session type ${sessionType}`].filter(Boolean).join(', ');
  const fullMessage = `${message}${subject ? ` (${subject})` : ''}${reason ? `: ${reason}` : ''}`;
  return new ConnectorError({
    errorClass,
    origin: 'server',
    message: fullMessage,
    remedy: REMEDIES[errorClass],
    exceptionId: failure.exceptionId,
    reason: failure.reason,
    attribute,
    sessionType,
    operation: failure.operation,
    retryAfterMs: failure.retryAfterMs,
  });
}

/** Webex refused the OAuth access token as expired (030081 on the emulator; the reason text elsewhere). */
export function isTokenExpired(error: ConnectorError): boolean {
  return error.origin === 'server' && (error.exceptionId === '030081' || /access token (has )?expired|token (has )?expired/i.test(error.reason ?? ''));
}

/** A failure before Webex could answer: connection refused/dropped, timeout, HTTP error status, unreadable body. */
export function transportError(message: string, operation: string, httpStatus?: number): ConnectorError {
  return new ConnectorError({
    errorClass: 'transient', origin: 'transport', message, remedy: REMEDIES.transient, operation, httpStatus,
  });
}

/** A profile or argument the connector refuses before sending anything. */
export function localError(errorClass: ErrorClass, message: string, attribute?: string, remedy?: string): ConnectorError {
  return new ConnectorError({ errorClass, origin: 'local', message, remedy: remedy ?? REMEDIES[errorClass], attribute });
}
