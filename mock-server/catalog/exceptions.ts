/**
 * Every Webex exception the emulator can answer with — the one place to correct a reason text or an ID.
 *
 * `confidence`:
 *  - 'verbatim'   the exact ID and reason were seen in a captured real response;
 *  - 'documented' Cisco documentation (release notes) names the ID and text;
 *  - 'id-only'    the ID is evidenced (clients branch on it), the reason text is our best recollection;
 *  - 'assigned'   no public source shows the ID: the emulator assigned one so connectors can branch on it.
 *                 The reason text follows what customers report (Okta's guide) where we know it.
 * Reasons may contain `{placeholders}` filled by `formatReason`.
 */
export interface ExceptionDef {
  /** Stable key used in code, scenarios, faults and the conformance suite. */
  key: ExceptionKey;
  /** serv:exceptionID */
  id: string;
  /** serv:reason template */
  reason: string;
  /** serv:subErrors the real service adds to this failure. */
  subErrors?: readonly { id: string; reason: string }[];
  when: string;
  source: string;
  confidence: 'verbatim' | 'documented' | 'id-only' | 'assigned';
}

export type ExceptionKey =
  | 'forwardFailed'
  | 'accessDenied'
  | 'noRecordFound'
  | 'processError'
  | 'serviceUnavailable'
  | 'rateLimited'
  | 'userNotFound'
  | 'incorrectCredentials'
  | 'duplicateWebExId'
  | 'duplicateEmail'
  | 'invalidSessionTicket'
  | 'ticketGenerationFailed'
  | 'unifiedSiteCreateRefused'
  | 'roleNotSupported'
  | 'sessionTicketNotSupported'
  | 'profileSetupError'
  | 'sessionTypeLimitExceeded'
  | 'hostLimitExceeded'
  | 'cantSetField'
  | 'featureNotEnabled'
  | 'invalidPersonalUrl'
  | 'personalUrlTaken'
  | 'passwordPolicy'
  | 'siteNotFound'
  | 'managedByControlHub'
  | 'accessTokenExpired'
  | 'passwordAuthNotAvailable'
  | 'insufficientScope'
  | 'operationNotSupported'
  | 'siteSuspended'
  | 'modifiedDateRange'
  | 'pinRequired'
  | 'internalError';

export const EXCEPTIONS: Readonly<Record<ExceptionKey, ExceptionDef>> = {
  forwardFailed: {
    key: 'forwardFailed', id: '000000', reason: 'Fail to forward request:{detail}',
    when: 'The envelope cannot be read: xmlns:xsi not declared (xsi:type unreadable), malformed or hostile XML, no bodyContent, unknown xsi:type. The body has no bodyContent.',
    source: 'cisco-ie/webex-api-client issue #1 (verbatim "Fail to forward request:null")', confidence: 'verbatim',
  },
  accessDenied: {
    key: 'accessDenied', id: '000001', reason: 'Access denied, additional privileges are required',
    when: 'A caller without site-admin privilege calls an admin operation; a read-only admin writes.',
    source: 'Control Hub UI test fixture (real response)', confidence: 'verbatim',
  },
  noRecordFound: {
    key: 'noRecordFound', id: '000015', reason: 'Sorry, no record found',
    when: 'LstsummaryUser / LstUser match no user.',
    source: 'aogail/webex_xml_api fixture (history service capture); moodle branches on 000015', confidence: 'verbatim',
  },
  processError: {
    key: 'processError', id: '000029', reason: 'process error',
    when: 'Generic processing failure (also a fault-injection effect).',
    source: 'Control Hub UI maps 000029 to a process error', confidence: 'id-only',
  },
  serviceUnavailable: {
    key: 'serviceUnavailable', id: '000035', reason: 'ASService not responding',
    when: 'Backend unavailable (fault injection).',
    source: 'Control Hub UI site fixture (real response)', confidence: 'verbatim',
  },
  rateLimited: {
    key: 'rateLimited', id: '000045', reason: 'API Rate Limit Reached',
    when: 'Per-caller throttle for user operations; retry after 60 s.',
    source: 'XML API 9.0 SP5.1 release notes (https://developer.cisco.com/docs/webex-meetings/xml-api-9-0-sp5-1-release-notes): notes text "000045: API Rate Limit Reach", example caption "error 000045: API Rate Limit Reached"; the sample serv:reason is not readable (FINDINGS-2026-12 §1.2). The caption wording is kept', confidence: 'documented',
  },
  userNotFound: {
    key: 'userNotFound', id: '030001', reason: 'Corresponding User not found',
    when: 'GetUser / SetUser / DelUser / GetloginurlUser name a webExId the site does not have.',
    source: 'moodle ("No user found"), Control Hub UI branch on 030001; text follows the verbatim 060001 "Corresponding Meeting not found"; no user-service capture (FINDINGS-2026-12 §1.4)', confidence: 'id-only',
  },
  incorrectCredentials: {
    key: 'incorrectCredentials', id: '030002', reason: 'Incorrect user or password',
    when: 'Unknown caller, wrong password, unknown or revoked access token, deactivated caller.',
    source: 'Java sample with a captured failure', confidence: 'verbatim',
  },
  duplicateWebExId: {
    key: 'duplicateWebExId', id: '030004', reason: 'Duplicate WebEx ID',
    when: 'CreateUser, or SetUser with newWebExId, names a webExId another user has.',
    source: 'moodle branches on 030004 ("Username or email already exists"); text is ours', confidence: 'id-only',
  },
  duplicateEmail: {
    key: 'duplicateEmail', id: '030005', reason: 'Email address already in use',
    when: 'CreateUser / SetUser with an email another user of the site has.',
    source: 'moodle branches on 030005; text is ours', confidence: 'id-only',
  },
  invalidSessionTicket: {
    key: 'invalidSessionTicket', id: '030047', reason: 'Not a valid session ticket',
    when: 'securityContext carries an unknown or expired sessionTicket.',
    source: 'real GetUser failure (examples/getuser-response-2.xml)', confidence: 'verbatim',
  },
  ticketGenerationFailed: {
    key: 'ticketGenerationFailed', id: '030048', reason: "Authentication Server can't generate a valid session ticket",
    when: 'AuthenticateUser with an access token (or SAML response) the site does not accept. Carries subError AS0001 "authentication service error".',
    subErrors: [{ id: 'AS0001', reason: 'authentication service error' }],
    source: 'aogail/webex_xml_api fixture user_authenticate_user_response_bad.xml; communities.cisco.com thread 86845 (docs/notes/real-api-research.md)', confidence: 'verbatim',
  },
  unifiedSiteCreateRefused: {
    key: 'unifiedSiteCreateRefused', id: '030098', reason: 'CreateUser is not supported on this site, add users in Control Hub',
    when: 'CreateUser on a Control Hub managed site whose email cannot be added to the org (scenario-driven).',
    source: 'moodle issue #28 (maintainer explanation)', confidence: 'id-only',
  },
  roleNotSupported: {
    key: 'roleNotSupported', id: 'E030103', reason: 'Assignment of this role is not supported',
    when: 'Spark Meet (Common Identity) site: assigning siteAdmin / roSiteAdmin / labAdmin / attendeeOnly.',
    source: 'XML API 9.0 SP2 release notes', confidence: 'documented',
  },
  sessionTicketNotSupported: {
    key: 'sessionTicketNotSupported', id: 'E030104', reason: 'This operation does not support SessionTicket authentication',
    when: 'Spark Meet site: user management authenticated by sessionTicket instead of the admin password.',
    source: 'XML API 9.0 SP2 release notes', confidence: 'documented',
  },
  profileSetupError: {
    key: 'profileSetupError', id: 'E030105', reason: 'Error setting up or modifying user profile',
    when: 'Spark Meet site: webExId differs from email, or a profile write the site cannot do.',
    source: 'XML API 9.0 SP2 release notes', confidence: 'documented',
  },
  sessionTypeLimitExceeded: {
    key: 'sessionTypeLimitExceeded', id: '110055', reason: 'User limit exceeded for Session Type',
    when: 'Assigning (or activating a user with) a session type whose user licences are used up; serv:value carries the session-type id.',
    source: 'Control Hub UI reads serv:value for 110055; text from the Okta guide', confidence: 'id-only',
  },
  hostLimitExceeded: {
    key: 'hostLimitExceeded', id: '030059', reason: 'exceededSiteHostLimit',
    when: 'CreateUser / SetUser making a user ACTIVATED beyond the site host limit.',
    source: 'developer.cisco.com element page names the error exceededSiteHostLimit; ID assigned', confidence: 'assigned',
  },
  cantSetField: {
    key: 'cantSetField', id: '030071', reason: "Can't set field {field}: {detail}",
    when: 'A value of the wrong type, outside its enumeration or range, too long, or a read-only field.',
    source: 'Okta guide Common Errors ("Can\'t set field", e.g. timeZoneID); ID assigned', confidence: 'assigned',
  },
  featureNotEnabled: {
    key: 'featureNotEnabled', id: '030072', reason: 'Attribute {field} needs to be {value}',
    when: 'Writing an attribute whose site feature is off with anything but its feature-off value.',
    source: 'Okta guide Common Errors ("Attribute numAgentSession needs to be ..."); ID assigned', confidence: 'assigned',
  },
  invalidPersonalUrl: {
    key: 'invalidPersonalUrl', id: '030073', reason: 'personalUrl {detail}',
    when: 'SetUser personalUrl longer than 64 characters or with characters outside A-Z a-z 0-9 _ - .',
    source: 'Okta guide personalUrl rules; ID and text assigned', confidence: 'assigned',
  },
  personalUrlTaken: {
    key: 'personalUrlTaken', id: '030074', reason: 'personalUrl is already used by another user',
    when: 'SetUser personalUrl equal to another user\'s (unique per site).',
    source: 'inference (PMR URLs are unique per site); ID and text assigned', confidence: 'assigned',
  },
  passwordPolicy: {
    key: 'passwordPolicy', id: '030075', reason: 'Password does not meet the site password policy: {detail}',
    when: 'CreateUser / SetUser password violating the site policy (length, digits, letters, special characters, mixed case, contains the WebEx ID); over the XSD maxLength 60 is a Can\'t set field.',
    source: 'XSD maxLength 60; policy rules admin-configured; ID and text assigned', confidence: 'assigned',
  },
  siteNotFound: {
    key: 'siteNotFound', id: '030076', reason: 'Site is not valid',
    when: 'securityContext names no site, or a siteName / siteID (+partnerID) the emulator does not host.',
    source: 'no public capture; ID and text assigned', confidence: 'assigned',
  },
  managedByControlHub: {
    key: 'managedByControlHub', id: '030077', reason: "Can't set field {field}: managed in Control Hub",
    when: 'SetUser on a Control Hub managed site changing a name or a phone, or renaming with a newWebExId other than the email (API 41.11: password is ignored and email may change).',
    source: 'developer.cisco.com user-service overview ("For Webex sites managed in Control Hub, cannot update user\'s Webex ID, password, email, name, or telephone number"), narrowed by the API 41.11.0 notes (help.webex.com/article/nvuo92z); ID and text assigned', confidence: 'assigned',
  },
  accessTokenExpired: {
    key: 'accessTokenExpired', id: '030081', reason: 'The access token has expired',
    when: 'webExAccessToken (or AuthenticateUser accessToken) is an OAuth access token past its expires_in. Refresh it at /v1/access_token.',
    source: 'no public capture of the expired-token answer; ID and text assigned (docs/oauth.md)', confidence: 'assigned',
  },
  passwordAuthNotAvailable: {
    key: 'passwordAuthNotAvailable', id: '030082', reason: 'Password authentication is not available on sites that use SAML SSO',
    when: 'A password in securityContext (or AuthenticateUser with a password) on a SAML SSO site (samlSSO: true).',
    source: 'developer.cisco.com/docs/webex-xml-api-reference-guide/request-authentication ("Password authentication is not available on Webex sites that have configured SAML SSO … developers must support OAuth for those sites"); ID assigned', confidence: 'assigned',
  },
  insufficientScope: {
    key: 'insufficientScope', id: '000001', reason: 'Access denied, additional privileges are required',
    when: 'An OAuth access token without the scope the operation needs (all_read for reads, user_modify for user writes; spark:all grants all).',
    source: 'ID and text of the captured privilege failure (Control Hub UI fixture); that a real site answers a missing scope with it is assumed', confidence: 'assigned',
  },
  operationNotSupported: {
    key: 'operationNotSupported', id: '999999', reason: 'This operation is not supported',
    when: 'ActivateUser / InactivateUser (the XSD says "not supported") and other schema-only operations.',
    source: 'user.xsd comment; ID is the generic unknown error the Control Hub UI knows', confidence: 'assigned',
  },
  siteSuspended: {
    key: 'siteSuspended', id: '010107', reason: 'The site is suspended',
    when: 'A suspended site (API 42.6): a site admin\'s CreateUser, or SetUser of another user. A user editing themself still succeeds.',
    source: 'API 42.6.0 notes, https://help.webex.com/article/trlbvp/Cisco-Webex-Meetings-API-Updates-Overview-API-42 ("It will response exception 010107 The site is suspended")', confidence: 'documented',
  },
  modifiedDateRange: {
    key: 'modifiedDateRange', id: '999999', reason: 'Maximum date range is 90 days for modified date query',
    when: 'LstsummaryUser with modifiedDateStart and modifiedDateEnd more than 90 days apart.',
    source: 'XML API 39.11.0 notes, https://help.webex.com/en-us/article/hlvvgf/Cisco-Webex-Meetings-XML-API-Updates-Overview-XML-API-39-and-Earlier ("999999 Maximum date range is 90 days for modified date query")', confidence: 'documented',
  },
  pinRequired: {
    key: 'pinRequired', id: '030078', reason: 'valid PIN is required',
    when: 'CreateUser / SetUser adding or editing a personal conference number account (personalTeleconf/account) for a user without a valid PIN (phones/PIN).',
    source: 'developer.cisco.com/docs/webex-xml-api-reference-guide/setuser ("If a valid PIN does not exist, the XML API returns the error message: \"valid PIN is required\""); the text is documented, the ID is assigned', confidence: 'assigned',
  },
  internalError: {
    key: 'internalError', id: '999999', reason: 'Unknown error',
    when: 'An unexpected emulator error (never expected; reported instead of crashing).',
    source: 'Control Hub UI knows 999999', confidence: 'id-only',
  },
};

/** Fill `{name}` placeholders; unknown placeholders are left out so a reason never shows a brace. */
export function formatReason(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] !== undefined ? String(params[name]) : ''));
}

export function exceptionById(id: string): ExceptionDef | undefined {
  return Object.values(EXCEPTIONS).find((e) => e.id === id);
}
