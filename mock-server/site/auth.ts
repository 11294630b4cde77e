/** Who is calling, and may they call this operation (SPEC §1.2 securityContext rules, §2 privileges). */
import type { OperationDef } from '../catalog';
import type { SecurityContext } from '../wire';
import type { Site } from './site';
import { passwordMatches } from './rules';
import { SLOT, isActive, type UserRecord } from './user-record';
import { WebexError } from './webex-error';

export type AuthMethod = 'password' | 'sessionTicket' | 'accessToken';

export interface Caller {
  user: UserRecord;
  webExId: string;
  method: AuthMethod;
  isAdmin: boolean;
  isReadOnlyAdmin: boolean;
}

export function identify(site: Site, sc: SecurityContext): UserRecord | undefined {
  if (sc.webExID) return site.findUser(sc.webExID);
  if (sc.email) return site.findByEmail(sc.email);
  return undefined;
}

export function describeCaller(user: UserRecord, method: AuthMethod): Caller {
  const admin = user.values[SLOT.siteAdmin] === true;
  const ro = user.values[SLOT.roSiteAdmin] === true;
  return { user, webExId: String(user.values[SLOT.webExId]), method, isAdmin: admin || ro, isReadOnlyAdmin: ro && !admin };
}

/** Check the credential in the security context; throws the Webex error a real site answers. */
export function authenticate(site: Site, sc: SecurityContext, op: OperationDef): Caller {
  const user = identify(site, sc);
  if (!user || !isActive(user.values)) throw new WebexError('incorrectCredentials');
  let method: AuthMethod;
  if (sc.password !== undefined && sc.password !== '') {
    if (!passwordMatches(sc.password, user.passwordHash, user.passwordSalt)) throw new WebexError('incorrectCredentials');
    method = 'password';
  } else if (sc.sessionTicket !== undefined && sc.sessionTicket !== '') {
    if (site.config.flags.sparkMeet && op.userManagement) throw new WebexError('sessionTicketNotSupported');
    const t = site.tickets.check(sc.sessionTicket);
    if (!t || t.webExId !== String(user.values[SLOT.webExId]).toLowerCase()) throw new WebexError('invalidSessionTicket');
    method = 'sessionTicket';
  } else if (sc.webExAccessToken !== undefined && sc.webExAccessToken !== '') {
    if (!tokenBelongsTo(site, sc.webExAccessToken, user)) throw new WebexError('incorrectCredentials');
    method = 'accessToken';
  } else {
    throw new WebexError('incorrectCredentials');
  }
  return describeCaller(user, method);
}

export function tokenBelongsTo(site: Site, token: string, user: UserRecord): boolean {
  const id = String(user.values[SLOT.webExId]).toLowerCase();
  return site.config.accessTokens.some((t) => t.token === token && t.webExId.toLowerCase() === id);
}

/** Site-admin rules: admin operations need siteAdmin; read-only admins may not write (000001). */
export function authorize(caller: Caller, op: OperationDef, targetWebExId?: string): void {
  const onSelf = targetWebExId !== undefined && targetWebExId.toLowerCase() === caller.webExId.toLowerCase();
  const needsAdmin = op.admin === 'always' || (op.admin === 'other-users' && !onSelf);
  if (needsAdmin && !caller.isAdmin) throw new WebexError('accessDenied');
  if (needsAdmin && op.writes && caller.isReadOnlyAdmin) throw new WebexError('accessDenied');
}
