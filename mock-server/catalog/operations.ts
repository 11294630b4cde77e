/**
 * XML API operations the emulator answers: request type names in both styles (SPEC §1.3), the response
 * xsi:type, and who may call them. `java:com.webex.service.binding.<service>.<Name>` or `<prefix>:<qname>`.
 */
export type OperationName =
  | 'AuthenticateUser' | 'CreateUser' | 'SetUser' | 'GetUser' | 'DelUser' | 'LstsummaryUser' | 'LstUser'
  | 'GetloginTicket' | 'GetloginurlUser' | 'GetlogouturlUser' | 'DelSessionTemplates' | 'UploadPMRImage'
  | 'ActivateUser' | 'InactivateUser' | 'GetSite' | 'GetAPIVersion';

export interface OperationDef {
  name: OperationName;
  service: 'user' | 'site' | 'ep';
  /** Class name in the Java binding style (note GetLoginTicket's capital L). */
  javaName: string;
  /** Schema type name (QName style, `use:getUser`). */
  qname: string;
  responseType: string;
  /** Caller must be a site admin (for user operations on other users). */
  admin: 'always' | 'other-users' | 'never';
  /** Writes user state (read-only site admins are refused). */
  writes: boolean;
  /** User management: restricted to admin password on Spark Meet sites (E030104). */
  userManagement: boolean;
  /** The Webex Meetings integration scope an OAuth access token needs for it (none: AuthenticateUser, GetAPIVersion). */
  scope?: OAuthScope;
  /**
   * Which credentials the request carries: 'required' (checked before the handler), 'own' (AuthenticateUser
   * checks them itself), 'none' (GetAPIVersion: the documented request holds only siteName).
   */
  credentials: 'required' | 'own' | 'none';
}

/**
 * Scopes of Webex Meetings integrations (developer.cisco.com/docs/webex-meetings "Webex Meetings Integrations":
 * all_read, user_modify, meeting_modify, recording_modify, setting_modify). Integrations made on developer.webex.com
 * for the XML API select `spark:all` instead ("Please ensure the spark:all scope is selected"), which grants them all.
 */
export const OAUTH_SCOPES = ['all_read', 'user_modify', 'meeting_modify', 'recording_modify', 'setting_modify'] as const;
export type OAuthScope = (typeof OAUTH_SCOPES)[number];
export const SPARK_ALL_SCOPE = 'spark:all';

const op = (name: OperationName, service: OperationDef['service'], javaName: string, qname: string, responseType: string,
  admin: OperationDef['admin'], writes: boolean, userManagement: boolean, credentials: OperationDef['credentials'] = 'required'): OperationDef =>
  ({ name, service, javaName, qname, responseType, admin, writes, userManagement, scope: scopeFor(name, writes), credentials });

/** Reads need all_read; user writes user_modify; session templates are meeting settings (meeting_modify). */
function scopeFor(name: OperationName, writes: boolean): OAuthScope | undefined {
  if (name === 'AuthenticateUser' || name === 'GetAPIVersion') return undefined;
  if (name === 'DelSessionTemplates') return 'meeting_modify';
  return writes ? 'user_modify' : 'all_read';
}

export const OPERATIONS: readonly OperationDef[] = [
  op('AuthenticateUser', 'user', 'AuthenticateUser', 'authenticateUser', 'use:authenticateUserResponse', 'never', false, false, 'own'),
  op('CreateUser', 'user', 'CreateUser', 'createUser', 'use:createUserResponse', 'always', true, true),
  op('SetUser', 'user', 'SetUser', 'setUser', 'use:setUserResponse', 'other-users', true, true),
  op('GetUser', 'user', 'GetUser', 'getUser', 'use:getUserResponse', 'other-users', false, false),
  op('DelUser', 'user', 'DelUser', 'delUser', 'use:delUserResponse', 'always', true, true),
  // The documented LstsummaryUser response type has a capital L (examples/SOURCES.md).
  op('LstsummaryUser', 'user', 'LstsummaryUser', 'lstsummaryUser', 'use:LstsummaryUserResponse', 'always', false, false),
  op('LstUser', 'user', 'LstUser', 'lstUser', 'use:lstUserResponse', 'always', false, false),
  op('GetloginTicket', 'user', 'GetLoginTicket', 'getLoginTicket', 'use:getLoginTicketResponse', 'never', false, false),
  // The documented response type has a capital G (developer.cisco.com .../getloginurluser; FINDINGS-2026-12 §2).
  op('GetloginurlUser', 'user', 'GetloginurlUser', 'getloginurlUser', 'use:GetloginurlUserResponse', 'other-users', false, false),
  op('GetlogouturlUser', 'user', 'GetlogouturlUser', 'getlogouturlUser', 'use:getlogouturlUserResponse', 'other-users', false, false),
  op('DelSessionTemplates', 'user', 'DelSessionTemplates', 'delSessionTemplates', 'use:delSessionTemplatesResponse', 'never', true, false),
  op('UploadPMRImage', 'user', 'UploadPMRImage', 'uploadPMRImage', 'use:uploadPMRImageResponse', 'never', true, false),
  op('ActivateUser', 'user', 'ActivateUser', 'activateUser', 'use:activateUserResponse', 'always', true, true),
  op('InactivateUser', 'user', 'InactivateUser', 'inactivateUser', 'use:inactivateUserResponse', 'always', true, true),
  op('GetSite', 'site', 'GetSite', 'getSite', 'ns1:getSiteResponse', 'never', false, false),
  op('GetAPIVersion', 'ep', 'GetAPIVersion', 'getAPIVersion', 'ep:getAPIVersionResponse', 'never', false, false, 'none'),
];

const byTypeName = new Map<string, OperationDef>();
for (const d of OPERATIONS) {
  byTypeName.set(`java:com.webex.service.binding.${d.service}.${d.javaName}`.toLowerCase(), d);
  byTypeName.set(d.qname.toLowerCase(), d);
}

/**
 * Resolve an xsi:type value. Java style must name the right service package; QName style is matched on the
 * local part, whatever prefix the client declared (`use:getUser`, `site:getSite`).
 */
export function operationForType(xsiType: string): OperationDef | undefined {
  const t = xsiType.trim().toLowerCase();
  if (t.startsWith('java:')) return byTypeName.get(t);
  const local = t.includes(':') ? t.slice(t.indexOf(':') + 1) : t;
  return byTypeName.get(local);
}
