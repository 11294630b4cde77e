import type { ErrorClass } from './connector-error';

/**
 * What an admin should do for each class. Texts for the errors Okta documents follow OKTA-CONNECTOR.md
 * ("Errors customers see"); the others are ours.
 */
export const REMEDIES: Readonly<Record<ErrorClass, string>> = {
  sessionTypeLimit: 'Extend the licence for that session type, or unassign other users from that session type.',
  hostLimit: 'The site host limit is reached: deactivate hosts who no longer need an account, or raise the site host licence count.',
  featureNotEnabled: 'The attribute belongs to a feature that is not enabled on the site: stop mapping it, or enable the feature on the site.',
  invalidValue: "Fix the value: it is of the wrong kind or out of range for that field (see its valid values with `webex-connector schema`).",
  invalidPersonalUrl: 'Change the personalUrl mapping to only allowed characters (A-Z a-z 0-9 _ - .), at most 64 characters, unique on the site.',
  duplicateUser: 'Another user of the site already has this webExId or email: import and link the existing user instead of creating it, or choose another webExId / email.',
  userNotFound: 'The user does not exist on this site (never created, or renamed): import users to re-link it, or push it as a new user.',
  authentication: 'Check the site name, the admin username and the password (or access token) the connector uses.',
  accessDenied: 'Use the credentials of a full site administrator (not a host, not a read-only admin).',
  rateLimited: 'Webex throttles user operations per minute: wait as long as Retry-After says and retry, and lower the provisioning rate.',
  siteUnsupported: 'This site restricts user management over the XML API (Spark Meet / Common Identity or Control Hub managed): manage these users or fields in Control Hub.',
  transient: 'Webex is temporarily unavailable or the connection failed: retry later (the connector retries transient failures with backoff before it reports them).',
  unknown: 'Unexpected Webex error: retry; if it persists, contact Cisco support with the exception ID and reason.',
};

/** The documented side effect an admin must know about (Okta guide): not an error, surfaced as a note. */
export const MOBILE_PHONE_NOTE =
  'Setting the mobile phone also sets the primary phone on Webex (documented behaviour): map phonesPhone too if it must differ.';

export const SESSION_TYPES_NOTE =
  'Session types only take effect when the matching supportedServices* flags are set: map supportedServicesMeetingCenter etc. too.';

export const UNKNOWN_ATTRIBUTE_REMEDY =
  'Use the flat attribute names the connector supports (list them with `webex-connector schema --offline`); names are case-sensitive.';

export const UNREACHABLE_REMEDY =
  'Check the URL (the site, e.g. https://acme.webex.com, or its /WBXService/XMLService endpoint), DNS, proxy and firewall; if it is right, Webex may be down: retry later.';
