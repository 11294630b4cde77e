import { localError } from '../errors/classify';
import { profileToElements } from '../mapping/profile';
import type { ConnectorContext } from './context';
import { requireWebExId } from './get-user';
import * as requests from './requests';
import { findUser, notesFor, send, typedProfile, type PushResult } from './write-support';
import { CONTROL_HUB_PASSWORD_NOTE } from './push-new-user';
import type { Profile } from '../mapping/profile';

/** SetUser of the mapped attributes. A webExId different from the target renames the user (newWebExId). */
export async function pushProfileUpdate(ctx: ConnectorContext, webExId: string, input: unknown): Promise<PushResult> {
  const target = requireWebExId(webExId);
  const profile = typedProfile(ctx, input);
  if (ctx.controlHub) return pushControlHubUpdate(ctx, target, profile);
  const { webExId: newWebExId, ...changes } = profile;
  const renaming = newWebExId !== undefined && newWebExId !== target;
  if (Object.keys(changes).length === 0 && !renaming) {
    throw localError('invalidValue', 'The profile has no attribute to update');
  }
  const elements = profileToElements({ ...changes, webExId: target });
  if (renaming) elements.push({ name: 'newWebExId', ns: 'use', text: String(newWebExId) });
  await send(ctx, requests.setUser(elements), profile, renaming ? {
    // A rename that reached Webex before the connection failed cannot be repeated (the old id is gone):
    // if the new id already exists, the first attempt did it.
    beforeRetry: () => findUser(ctx, String(newWebExId)),
  } : undefined);
  return { webExId: renaming ? String(newWebExId) : target, operations: ['SetUser'], notes: notesFor(profile, 'update') };
}

/**
 * XML API 41.11.0 on a Control Hub managed site: SetUser's webExId "must be user identity of email address, you can
 * change it using <email>"; the password is ignored. An email change renames the user (the identity follows).
 */
async function pushControlHubUpdate(ctx: ConnectorContext, target: string, profile: Profile): Promise<PushResult> {
  const notes: string[] = [];
  const { webExId: wantedId, password, ...changes } = profile;
  if (password !== undefined) notes.push(CONTROL_HUB_PASSWORD_NOTE);
  const newEmail = changes.email === undefined ? undefined : String(changes.email);
  const identity = newEmail ?? target;
  if (wantedId !== undefined && String(wantedId).toLowerCase() !== identity.toLowerCase()) {
    throw localError('siteUnsupported', 'On a Control Hub managed site the webExId is the email: change the email instead', 'webExId');
  }
  if (Object.keys(changes).length === 0) {
    if (password !== undefined) return { webExId: target, operations: [], notes };
    throw localError('invalidValue', 'The profile has no attribute to update');
  }
  await send(ctx, requests.setUser(profileToElements({ ...changes, webExId: target })), changes);
  return { webExId: identity, operations: ['SetUser'], notes: [...notes, ...notesFor(changes, 'update')] };
}

export async function pushPassword(ctx: ConnectorContext, webExId: string, password: string): Promise<PushResult> {
  const target = requireWebExId(webExId);
  if (typeof password !== 'string' || password === '') throw localError('invalidValue', 'A new password is required', 'password');
  if (ctx.controlHub) return { webExId: target, operations: [], notes: [CONTROL_HUB_PASSWORD_NOTE] };
  const profile = typedProfile(ctx, { password });
  await send(ctx, requests.setUser(profileToElements({ ...profile, webExId: target })), profile);
  return { webExId: target, operations: ['SetUser'], notes: [] };
}

async function setActive(ctx: ConnectorContext, webExId: string, active: 'ACTIVATED' | 'DEACTIVATED'): Promise<PushResult> {
  const target = requireWebExId(webExId);
  const elements = profileToElements({ webExId: target, active });
  await ctx.client.call(requests.setUser(elements));
  return { webExId: target, operations: ['SetUser'], notes: [] };
}

/** SetUser active=DEACTIVATED (DelUser would do the same, but SetUser is what Okta's app sends). */
export const deactivateUser = (ctx: ConnectorContext, webExId: string) => setActive(ctx, webExId, 'DEACTIVATED');

/** SetUser active=ACTIVATED: host-limit and session-type licence errors surface here. */
export const reactivateUser = (ctx: ConnectorContext, webExId: string) => setActive(ctx, webExId, 'ACTIVATED');
