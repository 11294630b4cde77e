import { ConnectorError } from '../errors/connector-error';
import { MOBILE_PHONE_NOTE, SESSION_TYPES_NOTE } from '../errors/remedies';
import { attributeByName } from '../mapping/attributes';
import { rejectReadOnly, validateProfile, type Profile } from '../mapping/profile';
import type { CallOptions } from '../transport/client';
import type { RequestSpec } from '../xml/request';
import type { WebexResponse } from '../xml/response';
import type { ConnectorContext } from './context';
import * as requests from './requests';

/** What every write reports. */
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

/** Documented Webex side effects the admin should hear about (Okta guide), for what this write sent. */
export function notesFor(profile: Profile, write: 'create' | 'update'): string[] {
  const notes: string[] = [];
  if (profile.phonesMobilePhone !== undefined && profile.phonesPhone === undefined) notes.push(MOBILE_PHONE_NOTE);
  // On create Webex derives supportedServices from the session types; an update needs the flags sent along.
  if (write === 'update' && profile.meetingTypes !== undefined && !Object.keys(profile).some((n) => n.startsWith('supportedServices'))) {
    notes.push(SESSION_TYPES_NOTE);
  }
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
export async function send(ctx: ConnectorContext, spec: RequestSpec, profile: Profile, options?: CallOptions): Promise<WebexResponse> {
  try {
    return await ctx.client.call(spec, options);
  } catch (error) {
    throw inProfileTerms(error, profile);
  }
}

export function typedProfile(ctx: ConnectorContext, input: unknown): Profile {
  const profile = validateProfile(input, { strict: ctx.strict });
  rejectReadOnly(profile);
  return profile;
}

/** GetUser that answers "not there" instead of throwing; any other failure propagates. */
export async function findUser(ctx: ConnectorContext, webExId: string): Promise<WebexResponse | undefined> {
  try {
    return await ctx.client.call(requests.getUser(webExId));
  } catch (error) {
    if (error instanceof ConnectorError && error.errorClass === 'userNotFound') return undefined;
    throw error;
  }
}

