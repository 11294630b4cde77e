import { localError } from '../errors/classify';
import { profileFromUser, type Profile } from '../mapping/profile';
import { textOf } from '../xml/response';
import type { ConnectorContext } from './context';
import * as requests from './requests';

export interface WebexUser {
  webExId: string;
  userId?: string;
  registrationDate?: string;
  /** Every mapped attribute Webex returned (the password is never returned; Webex masks it). */
  profile: Profile;
}

export function requireWebExId(webExId: unknown): string {
  if (typeof webExId !== 'string' || webExId.trim() === '') throw localError('invalidValue', 'A webExId is required', 'webExId');
  return webExId;
}

/** GetUser: the full profile of one user, as flat attributes. */
export async function getUser(ctx: ConnectorContext, webExId: string): Promise<WebexUser> {
  const response = await ctx.client.call(requests.getUser(requireWebExId(webExId)));
  const profile = profileFromUser(response.body);
  return {
    webExId: typeof profile.webExId === 'string' ? profile.webExId : webExId,
    userId: textOf(response.body.userId),
    registrationDate: textOf(response.body.registrationDate),
    profile,
  };
}
