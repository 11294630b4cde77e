import { ConnectorError } from '../errors/connector-error';
import { localError } from '../errors/classify';
import { attributeByName } from '../mapping/attributes';
import { profileToElements, type Profile } from '../mapping/profile';
import { textOf } from '../xml/response';
import type { ConnectorContext } from './context';
import * as requests from './requests';
import { findUser, notesFor, send, typedProfile, type PushResult } from './write-support';

export interface PushNewUserOptions {
  /** CreateUser sendWelcome: let Webex email the new user. */
  sendWelcome?: boolean;
}

/** CreateUser; a mapped personalUrl (or hostPIN) follows in a SetUser, because Webex generates them on create. */
export async function pushNewUser(ctx: ConnectorContext, input: unknown, options: PushNewUserOptions = {}): Promise<PushResult> {
  const profile = typedProfile(ctx, input);
  const notes: string[] = [];
  if (ctx.controlHub) adaptForControlHub(profile, notes);
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
  return { webExId, userId, operations, notes: [...notes, ...notesFor(profile, 'create')], ...(recovered ? { recoveredAfterUnknownOutcome: true } : {}) };
}

/**
 * XML API 41.11.0 on a Control Hub managed site: "The value of webExId element in the bodyContent of CreateUser
 * APIs must be same as email" (a different one is stored as the email), and the password and active elements are
 * ignored. The connector sends what the site will store, and says so.
 */
function adaptForControlHub(profile: Profile, notes: string[]): void {
  const email = profile.email === undefined ? '' : String(profile.email);
  if (email !== '' && profile.webExId !== undefined && String(profile.webExId).toLowerCase() !== email.toLowerCase()) {
    notes.push(`Control Hub managed site: the webExId is the email (${email}), not ${String(profile.webExId)}`);
  }
  if (email !== '') profile.webExId = email;
  if (profile.password !== undefined) { delete profile.password; notes.push(CONTROL_HUB_PASSWORD_NOTE); }
  if (profile.active !== undefined) { delete profile.active; notes.push('Control Hub managed site: a new user stays inactive until they verify the activation email'); }
}

export const CONTROL_HUB_PASSWORD_NOTE = 'Control Hub managed site: passwords are managed in Control Hub (Webex ignores them), none was sent';

