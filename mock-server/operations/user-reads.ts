/** GetUser, DelUser, the login/logout URLs and tickets: one user at a time. */
import { randomBytes } from 'node:crypto';
import { childText, childrenNamed, escapeXml } from '../wire';
import { element } from '../wire/escape';
import { authorize } from '../site/auth';
import { WebexError } from '../site/webex-error';
import { SLOT, valueAt, type UserRecord } from '../site/user-record';
import { encodeUser } from './codec/encode-user';
import type { OperationContext, OperationResult } from './types';

export function getUser(ctx: OperationContext): OperationResult {
  const webExId = (childText(ctx.body, 'webExId') ?? '').trim();
  authorize(ctx.caller!, ctx.op, webExId || ctx.caller!.webExId);
  const rec = ctx.site.findUser(webExId);
  if (!rec) throw new WebexError('userNotFound');
  return { reusable: { user: rec, render: encodeUser }, target: webExId };
}

export const DEL_USER_MAX = 50;

/** Deactivates up to 50 users; per-user status, FAILURE only when no id could be deactivated. */
export function delUser(ctx: OperationContext): OperationResult {
  const ids = childrenNamed(ctx.body, 'webExId').map((n) => n.text.trim());
  if (ids.length === 0) throw new WebexError('userNotFound');
  if (ids.length > DEL_USER_MAX) throw new WebexError('cantSetField', { field: 'webExId', detail: `at most ${DEL_USER_MAX} users per request` });
  let first: WebexError | undefined;
  let ok = 0;
  const rows = ids.map((id) => {
    try {
      ctx.site.deactivate(id);
      ok++;
      return `<use:user>${element('use', 'webExId', id)}<use:status>SUCCESS</use:status></use:user>`;
    } catch (e) {
      if (!(e instanceof WebexError)) throw e;
      first ??= e;
      return `<use:user>${element('use', 'webExId', id)}<use:status>FAILURE</use:status></use:user>`;
    }
  });
  if (ok === 0 && first) throw first;
  return { body: rows.join(''), target: ids.join(',') };
}

/**
 * URL-API login tickets are secrets, drawn like session tickets from crypto, not from the site's seeded generator:
 * that one makes the next user's access code and PIN, which must not depend on how many tickets were asked for.
 */
const loginTicket = () => randomBytes(16).toString('hex');

export function getLoginTicket(ctx: OperationContext): OperationResult {
  // A URL-API login ticket (p.php?AT=LI&TK=...), not an XML API session ticket.
  const ticket = loginTicket();
  return { body: `${element('use', 'ticket', ticket)}${element('use', 'apiVersion', ctx.site.config.apiVersion.apiVersion)}` };
}

function loginTarget(ctx: OperationContext): UserRecord {
  const webExId = (childText(ctx.body, 'webExID') ?? '').trim();
  authorize(ctx.caller!, ctx.op, webExId || ctx.caller!.webExId);
  const rec = ctx.site.findUser(webExId || ctx.caller!.webExId);
  if (!rec) throw new WebexError('userNotFound');
  return rec;
}

/**
 * The documented URL: `p.php?AT=LI&FN=Fname&LN=Lname&EM=email@domain.com&WID=hostid&TK=ticket&MU=GoBack&BU=`
 * (developer.cisco.com/docs/webex-xml-api-reference-guide/getloginurluser): the URL API's MU=GoBack sends the
 * browser to BU, the backURL of the request.
 */
export function getLoginUrlUser(ctx: OperationContext): OperationResult {
  const rec = loginTarget(ctx);
  const webExId = String(valueAt(rec.values, SLOT.webExId));
  const q = (v: unknown) => encodeURIComponent(v === undefined ? '' : String(v));
  const back = childText(ctx.body, 'backURL')?.trim() ?? '';
  const url = `https://${ctx.site.config.host}/${ctx.site.name}/p.php?AT=LI&FN=${q(valueAt(rec.values, SLOT.firstName))}&LN=${q(valueAt(rec.values, SLOT.lastName))}`
    + `&EM=${q(valueAt(rec.values, SLOT.email))}&WID=${q(webExId)}&TK=${q(loginTicket())}&MU=GoBack&BU=${q(back)}`;
  return { body: `<use:userLoginURL>${escapeXml(url)}</use:userLoginURL>`, target: webExId };
}

export function getLogoutUrlUser(ctx: OperationContext): OperationResult {
  const webExId = String(valueAt(loginTarget(ctx).values, SLOT.webExId));
  const back = childText(ctx.body, 'backURL');
  const url = `https://${ctx.site.config.host}/${ctx.site.name}/p.php?AT=LO${back ? `&BU=${encodeURIComponent(back)}` : ''}`;
  return { body: `<use:userLogoutURL>${escapeXml(url)}</use:userLogoutURL>`, target: webExId };
}
