import { ConnectorError } from '../errors/connector-error';
import { localError } from '../errors/classify';
import { MOBILE_PHONE_NOTE, SESSION_TYPES_NOTE } from '../errors/remedies';
import { profileToElements, rejectReadOnly, validateProfile, type Profile } from '../mapping/profile';
import { attributeByName } from '../mapping/attributes';
import type { CallOptions } from '../transport/client';
import type { RequestSpec, XmlElement } from '../xml/request';
import { textOf, type WebexResponse } from '../xml/response';
import type { ConnectorContext } from './context';
import { requireWebExId } from './get-user';
import * as requests from './requests';

export interface PushResult {
  webExId: string;
  userId?: string;
  /** Requests sent, in order (e.g. CreateUser then SetUser for personalUrl). */
  operations: string[];
  /** Side effects an admin should know about. */
  notes: string[];
  /** CreateUser's outcome was unknown and a GetUser found the user already there: nothing was created twice. */
  recoveredAfterUnknownOutcome?: boolean;
}

export interface PushNewUserOptions {
  /** CreateUser sendWelcome: let Webex email the new user. */
  sendWelcome?: boolean;
}

function notesFor(profile: Profile): string[] {
  const notes: string[] = [];
  if (profile.phonesMobilePhone !== undefined && profile.phonesPhone === undefined) notes.push(MOBILE_PHONE_NOTE);
  if (profile.meetingTypes !== undefined && !Object.keys(profile).some((n) => n.startsWith('supportedServices'))) notes.push(SESSION_TYPES_NOTE);
  return notes;
}

/**
 * Webex names the element, not the flat attribute ("Can't set field isEnableCET"); when that leaf is ambiguous
 * (privilege/isEnableCET, options/isEnableCET) the profile that was sent says which attribute it was.
 */
function inProfileTerms(error: unknown, profile: Profile): unknown {
  if (!(error instanceof ConnectorError) || !error.attribute || error.attribute in profile) return error;
  const leaf = error.attribute.split('/').pop()!;
  const candidates = Object.keys(profile).filter((name) => attributeByName(name)?.path.at(-1) === leaf);
  if (candidates.length !== 1) return error;
  const resolved = new ConnectorError({ ...error.toJSON(), attribute: candidates[0] });
  resolved.stack = error.stack;
  return resolved;
}

/** Send, and re-express a failure's field in the profile's own attribute names. */
async function send(ctx: ConnectorContext, spec: RequestSpec, profile: Profile, options?: CallOptions): Promise<WebexResponse> {
  try {
    return await ctx.client.call(spec, options);
  } catch (error) {
    throw inProfileTerms(error, profile);
  }
}

function typedProfile(ctx: ConnectorContext, input: unknown): Profile {
  const profile = validateProfile(input, { strict: ctx.strict });
  rejectReadOnly(profile);
  return profile;
}

/** CreateUser; a mapped personalUrl (or hostPIN) follows in a SetUser, because Webex generates them on create. */
export async function pushNewUser(ctx: ConnectorContext, input: unknown, options: PushNewUserOptions = {}): Promise<PushResult> {
  const profile = typedProfile(ctx, input);
  for (const required of ['webExId', 'email'] as const) {
    if (profile[required] === undefined || profile[required] === '') {
      throw localError('invalidValue', `${required} is required to create a user`, required);
    }
  }
  const webExId = String(profile.webExId);
  // Webex generates personalUrl and hostPIN on create: a mapped value is set by a SetUser right after.
  const createProfile: Profile = {};
  const afterCreate: Profile = {};
  for (const [name, value] of Object.entries(profile)) {
    (attributeByName(name)?.access === 'update-only' ? afterCreate : createProfile)[name] = value;
  }
  const elements = profileToElements(createProfile);
  if (options.sendWelcome !== undefined) elements.push({ name: 'sendWelcome', ns: 'use', text: String(options.sendWelcome) });

  let recovered = false;
  const response = await send(ctx, requests.createUser(elements), createProfile, {
    // The previous CreateUser may have reached Webex: look before creating again.
    beforeRetry: async () => {
      const existing = await findUser(ctx, webExId);
      if (existing) recovered = true;
      return existing;
    },
  });
  const userId = textOf(response.body.userId);
  const operations = ['CreateUser'];

  if (Object.keys(afterCreate).length > 0) {
    try {
      await send(ctx, requests.setUser(profileToElements({ ...afterCreate, webExId })), afterCreate);
      operations.push('SetUser');
    } catch (error) {
      if (error instanceof ConnectorError) error.userCreated = { webExId, userId };
      throw error;
    }
  }
  return { webExId, userId, operations, notes: notesFor(profile), ...(recovered ? { recoveredAfterUnknownOutcome: true } : {}) };
}

/** GetUser that answers "not there" instead of throwing; any other failure propagates. */
async function findUser(ctx: ConnectorContext, webExId: string): Promise<WebexResponse | undefined> {
  try {
    return await ctx.client.call(requests.getUser(webExId));
  } catch (error) {
    if (error instanceof ConnectorError && error.errorClass === 'userNotFound') return undefined;
    throw error;
  }
}

/** SetUser of the mapped attributes. A webExId different from the target renames the user (newWebExId). */
export async function pushProfileUpdate(ctx: ConnectorContext, webExId: string, input: unknown): Promise<PushResult> {
  const target = requireWebExId(webExId);
  const profile = typedProfile(ctx, input);
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
  return { webExId: renaming ? String(newWebExId) : target, operations: ['SetUser'], notes: notesFor(profile) };
}

export async function pushPassword(ctx: ConnectorContext, webExId: string, password: string): Promise<PushResult> {
  const target = requireWebExId(webExId);
  if (typeof password !== 'string' || password === '') throw localError('invalidValue', 'A new password is required', 'password');
  const profile = typedProfile(ctx, { password });
  await send(ctx, requests.setUser(profileToElements({ ...profile, webExId: target })), profile);
  return { webExId: target, operations: ['SetUser'], notes: [] };
}

async function setActive(ctx: ConnectorContext, webExId: string, active: 'ACTIVATED' | 'DEACTIVATED'): Promise<PushResult> {
  const target = requireWebExId(webExId);
  const elements: XmlElement[] = profileToElements({ webExId: target, active });
  await ctx.client.call(requests.setUser(elements));
  return { webExId: target, operations: ['SetUser'], notes: [] };
}

/** SetUser active=DEACTIVATED (DelUser would do the same, but SetUser is what Okta's app sends). */
export const deactivateUser = (ctx: ConnectorContext, webExId: string) => setActive(ctx, webExId, 'DEACTIVATED');

/** SetUser active=ACTIVATED: host-limit and session-type licence errors surface here. */
export const reactivateUser = (ctx: ConnectorContext, webExId: string) => setActive(ctx, webExId, 'ACTIVATED');
