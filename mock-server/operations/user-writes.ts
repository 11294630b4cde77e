/** CreateUser and SetUser: decode the user tree, let the site apply its rules, answer as the real service. */
import { OPERATION_EXTRAS } from '../catalog';
import { childText } from '../wire';
import { WebexError } from '../site/webex-error';
import { SLOT, valueAt } from '../site/user-record';
import type { Caller } from '../site/auth';
import { decodeUser } from './codec/decode-user';
import type { OperationContext, OperationResult } from './types';
import { authorize } from '../site/auth';
import { element } from '../wire/escape';

const CREATE_EXTRAS = new Set<string>(OPERATION_EXTRAS.CreateUser);
const SET_EXTRAS = new Set<string>(OPERATION_EXTRAS.SetUser);

/**
 * API 42.6.0: "When the Webex site is suspended, then the site administrator can't create new users and modify
 * existing users via XML API: CreateUser, SetUser. It will response exception 010107 ... The non-administrator
 * user (owner self) are able to modify self information under this suspended site."
 */
function refuseOnSuspendedSite(ctx: OperationContext, caller: Caller): void {
  if (ctx.site.config.suspended && caller.isAdmin) throw new WebexError('siteSuspended');
}

export function createUser(ctx: OperationContext): OperationResult {
  refuseOnSuspendedSite(ctx, ctx.caller!);
  const input = decodeUser(ctx.body, CREATE_EXTRAS);
  const rec = ctx.site.createUser(input);
  return { body: element('use', 'userId', String(rec.userId)), target: String(valueAt(rec.values, SLOT.webExId)), ignored: input.ignored };
}

export function setUser(ctx: OperationContext): OperationResult {
  const webExId = childText(ctx.body, 'webExId');
  if (webExId === undefined || webExId.trim() === '') throw new WebexError('userNotFound');
  const caller = ctx.caller!;
  // On Control Hub sites the webExId is the email identity: privileges compare with the user it names.
  const target = ctx.site.findSetUserTarget(webExId);
  const targetId = target ? String(valueAt(target.values, SLOT.webExId)) : webExId.trim();
  authorize(caller, ctx.op, targetId);
  refuseOnSuspendedSite(ctx, caller);
  const input = decodeUser(ctx.body, SET_EXTRAS);
  input.scalars.delete('webExId'); // it names the target; renames go through newWebExId
  // Read-only instance elements are schema-legal in SetUser (userInstanceType) and ignored, as real clients echo them.
  for (const p of ['registrationDate', 'visitCount', 'userId']) input.scalars.delete(p);
  const newWebExId = childText(ctx.body, 'newWebExId');
  const onSelf = caller.webExId.toLowerCase() === targetId.toLowerCase();
  if (onSelf && (!caller.isAdmin || caller.isReadOnlyAdmin)) {
    // A host (or a read-only admin) editing itself may not grant itself roles.
    for (const p of ['privilege/siteAdmin', 'privilege/roSiteAdmin']) if (input.scalars.has(p)) throw new WebexError('accessDenied');
  }
  if (!target) throw new WebexError('userNotFound');
  ctx.site.updateRecord(target, input, newWebExId, { byNonAdmin: !caller.isAdmin || caller.isReadOnlyAdmin });
  return { body: '', target: webExId, ignored: input.ignored };
}
