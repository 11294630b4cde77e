/** CreateUser and SetUser: decode the user tree, let the site apply its rules, answer as the real service. */
import { OPERATION_EXTRAS } from '../catalog';
import { childText } from '../wire';
import { WebexError } from '../site/webex-error';
import { decodeUser } from './codec/decode-user';
import type { OperationContext, OperationResult } from './types';
import { authorize } from '../site/auth';
import { element } from '../wire/escape';

const CREATE_EXTRAS = new Set<string>(OPERATION_EXTRAS.CreateUser);
const SET_EXTRAS = new Set<string>(OPERATION_EXTRAS.SetUser);

export function createUser(ctx: OperationContext): OperationResult {
  const input = decodeUser(ctx.body, CREATE_EXTRAS);
  const rec = ctx.site.createUser(input);
  return { body: element('use', 'userId', String(rec.userId)), target: String(input.scalars.get('webExId') ?? ''), ignored: input.ignored };
}

export function setUser(ctx: OperationContext): OperationResult {
  const webExId = childText(ctx.body, 'webExId');
  if (webExId === undefined || webExId.trim() === '') throw new WebexError('userNotFound');
  authorize(ctx.caller!, ctx.op, webExId);
  const input = decodeUser(ctx.body, SET_EXTRAS);
  input.scalars.delete('webExId'); // it names the target; renames go through newWebExId
  // Read-only instance elements are schema-legal in SetUser (userInstanceType) and ignored, as real clients echo them.
  for (const p of ['registrationDate', 'visitCount', 'userId']) input.scalars.delete(p);
  const newWebExId = childText(ctx.body, 'newWebExId');
  const caller = ctx.caller!;
  if (caller.webExId.toLowerCase() === webExId.trim().toLowerCase() && (!caller.isAdmin || caller.isReadOnlyAdmin)) {
    // A host (or a read-only admin) editing itself may not grant itself roles.
    for (const p of ['privilege/siteAdmin', 'privilege/roSiteAdmin']) if (input.scalars.has(p)) throw new WebexError('accessDenied');
  }
  ctx.site.updateUser(webExId.trim(), input, newWebExId);
  return { body: '', target: webExId, ignored: input.ignored };
}
