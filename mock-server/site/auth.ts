/** Who is calling, and may they call this operation (SPEC §1.2 securityContext rules, §2 privileges). */
import { SPARK_ALL_SCOPE, type OperationDef } from '../catalog';
import type { SecurityContext } from '../wire';
import type { Site } from './site';
import { passwordMatches } from './rules';
import { SLOT, isActive, valueAt, type UserRecord } from './user-record';
import { WebexError } from './webex-error';

export type AuthMethod = 'password' | 'sessionTicket' | 'accessToken';

export interface Caller {
  user: UserRecord;
  webExId: string;
  method: AuthMethod;
  isAdmin: boolean;
  isReadOnlyAdmin: boolean;
}

/** An OAuth access token as the site sees it (mock-server/oauth/token-store.ts issues them). */
export interface OAuthGrantView {
  /** Site name and webExId, lower case. */
  site: string;
  webExId: string;
  scopes: ReadonlySet<string>;
  expired: boolean;
}

export interface AccessTokenLookup {
  lookup(token: string): OAuthGrantView | undefined;
}

/** What a webExAccessToken grants on this site for this user: every scope (a static token), some, or nothing. */
export type TokenCheck = { ok: true; scopes?: ReadonlySet<string> } | { ok: false; expired: boolean };

export function identify(site: Site, sc: SecurityContext): UserRecord | undefined {
  if (sc.webExID) return site.findUser(sc.webExID);
  if (sc.email) return site.findByEmail(sc.email);
  return undefined;
}

export function describeCaller(user: UserRecord, method: AuthMethod): Caller {
  const admin = valueAt(user.values, SLOT.siteAdmin) === true;
  const ro = valueAt(user.values, SLOT.roSiteAdmin) === true;
  return { user, webExId: String(valueAt(user.values, SLOT.webExId)), method, isAdmin: admin || ro, isReadOnlyAdmin: ro && !admin };
}

/** Check the credential in the security context; throws the Webex error a real site answers. */
export function authenticate(site: Site, sc: SecurityContext, op: OperationDef): Caller {
  const user = identify(site, sc);
  if (!user || !isActive(user.values)) throw new WebexError('incorrectCredentials');
  let method: AuthMethod;
  if (sc.password !== undefined && sc.password !== '') {
    if (site.config.samlSSO) throw new WebexError('passwordAuthNotAvailable');
    if (!passwordMatches(sc.password, user.passwordHash, user.passwordSalt)) throw new WebexError('incorrectCredentials');
    method = 'password';
  } else if (sc.sessionTicket !== undefined && sc.sessionTicket !== '') {
    if (site.config.flags.sparkMeet && op.userManagement) throw new WebexError('sessionTicketNotSupported');
    const t = site.tickets.check(sc.sessionTicket);
    if (!t || t.webExId !== String(valueAt(user.values, SLOT.webExId)).toLowerCase()) throw new WebexError('invalidSessionTicket');
    requireScope(t.scopes, op);
    method = 'sessionTicket';
  } else if (sc.webExAccessToken !== undefined && sc.webExAccessToken !== '') {
    const check = checkAccessToken(site, sc.webExAccessToken, user);
    if (!check.ok) throw new WebexError(check.expired ? 'accessTokenExpired' : 'incorrectCredentials');
    requireScope(check.scopes, op);
    method = 'accessToken';
  } else {
    throw new WebexError('incorrectCredentials');
  }
  return describeCaller(user, method);
}

/**
 * A static token from the site config (every scope, no expiry), or an OAuth token issued for this user on this
 * site. A token of another user or another site is as unknown as a made-up one (030002).
 */
export function checkAccessToken(site: Site, token: string, user: UserRecord): TokenCheck {
  const id = String(valueAt(user.values, SLOT.webExId)).toLowerCase();
  if (site.config.accessTokens.some((t) => t.token === token && t.webExId.toLowerCase() === id)) return { ok: true };
  const grant = site.oauthTokens?.lookup(token);
  if (!grant || grant.site !== site.name.toLowerCase() || grant.webExId !== id) return { ok: false, expired: false };
  if (grant.expired) return { ok: false, expired: true };
  return { ok: true, scopes: grant.scopes };
}

/** The operation's integration scope (catalog), unless the grant has every scope or spark:all. */
function requireScope(scopes: ReadonlySet<string> | undefined, op: OperationDef): void {
  if (!scopes || !op.scope || scopes.has(op.scope) || scopes.has(SPARK_ALL_SCOPE)) return;
  throw new WebexError('insufficientScope');
}

/** Site-admin rules: admin operations need siteAdmin; read-only admins may not write (000001). */
export function authorize(caller: Caller, op: OperationDef, targetWebExId?: string): void {
  const onSelf = targetWebExId !== undefined && targetWebExId.toLowerCase() === caller.webExId.toLowerCase();
  const needsAdmin = op.admin === 'always' || (op.admin === 'other-users' && !onSelf);
  if (needsAdmin && !caller.isAdmin) throw new WebexError('accessDenied');
  if (needsAdmin && op.writes && caller.isReadOnlyAdmin) throw new WebexError('accessDenied');
}
