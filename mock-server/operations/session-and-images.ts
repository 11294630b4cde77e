/** AuthenticateUser, DelSessionTemplates, UploadPMRImage and the schema-only operations. */
import { childText, childrenNamed } from '../wire';
import { element } from '../wire/escape';
import { authenticate, checkAccessToken, describeCaller, identify } from '../site/auth';
import { WebexError, cantSetField } from '../site/webex-error';
import { isActive } from '../site/user-record';
import { inputFromPaths } from '../site/user-input';
import type { OperationContext, OperationResult } from './types';

/**
 * Password in the header and an empty body, or a Webex access token in the body (SPEC §2.1).
 * An unusable token gets 030048 with subError AS0001, as captured from a real site.
 */
export function authenticateUser(ctx: OperationContext): OperationResult {
  const token = childText(ctx.body, 'accessToken') ?? childText(ctx.body, 'samlResponse');
  let webExId: string;
  let scopes: ReadonlySet<string> | undefined;
  if (token !== undefined && token.trim() !== '' && !ctx.security.password) {
    const user = identify(ctx.site, ctx.security);
    // Unknown, expired or another user's token alike: the captured 030048 + AS0001.
    const check = user && isActive(user.values) ? checkAccessToken(ctx.site, token.trim(), user) : undefined;
    if (!user || !check?.ok) throw new WebexError('ticketGenerationFailed');
    webExId = describeCaller(user, 'accessToken').webExId;
    scopes = check.scopes;
  } else {
    webExId = authenticate(ctx.site, ctx.security, ctx.op).webExId;
    // A ticket got with a webExAccessToken carries that token's scopes.
    const headerToken = ctx.security.webExAccessToken;
    if (headerToken && !ctx.security.password && !ctx.security.sessionTicket) {
      const check = checkAccessToken(ctx.site, headerToken, identify(ctx.site, ctx.security)!);
      if (check.ok) scopes = check.scopes;
    }
  }
  const t = ctx.site.tickets.issue(webExId, ctx.site.config.sessionTicketTtlSeconds, scopes);
  const user = ctx.site.findUser(webExId);
  if (user) ctx.site.recordLogin(user);
  return { body: `${element('use', 'sessionTicket', t.ticket)}${element('use', 'createTime', String(t.createTime))}${element('use', 'timeToLive', String(t.timeToLive))}`, target: webExId };
}

const SERVICE_TYPES = ['MeetingCenter', 'EventCenter', 'TrainingCenter', 'SupportCenter', 'SalesCenter'];

/** The emulator keeps no session templates; it validates the request and answers as the service does. */
export function delSessionTemplates(ctx: OperationContext): OperationResult {
  const templates = childrenNamed(ctx.body, 'sessionTemplate');
  if (templates.length === 0) throw cantSetField('sessionTemplate', 'at least one template is required');
  for (const t of templates) {
    const st = childText(t, 'serviceType')?.trim() ?? '';
    if (!SERVICE_TYPES.includes(st)) throw cantSetField('serviceType', `"${st}" is not a valid service type`);
  }
  const type = childText(ctx.body, 'templateType')?.trim() ?? 'User';
  if (type !== 'User' && type !== 'Site') throw cantSetField('templateType', `"${type}" is not one of User, Site`);
  if (type === 'Site' && (!ctx.caller!.isAdmin || ctx.caller!.isReadOnlyAdmin)) throw new WebexError('accessDenied'); // a site-wide write
  return { body: '' };
}

export const PMR_IMAGE_MAX_BYTES = 1024 * 1024;

/** Upload/replace (imageData) or remove (no imageData) the caller's Personal Room photo or header image. */
export function uploadPmrImage(ctx: OperationContext): OperationResult {
  const imageFor = childText(ctx.body, 'imageFor')?.trim() ?? 'Photo';
  if (imageFor !== 'Photo' && imageFor !== 'Header') throw cantSetField('imageFor', `"${imageFor}" is not one of Photo, Header`);
  const data = childText(ctx.body, 'imageData')?.replace(/\s+/g, '') ?? '';
  if (data !== '' && (!/^[A-Za-z0-9+/]+={0,2}$/.test(data) || data.length % 4 !== 0)) throw cantSetField('imageData', 'is not valid base64');
  if (data.length * 0.75 > PMR_IMAGE_MAX_BYTES) throw cantSetField('imageData', `image larger than ${PMR_IMAGE_MAX_BYTES} bytes`);
  const caller = ctx.caller!;
  const field = imageFor === 'Photo' ? 'personalMeetingRoom/photoURL' : 'personalMeetingRoom/headerImageURL';
  const url = data === '' ? '' : `https://${ctx.site.config.host}/pmr/${imageFor.toLowerCase()}/${caller.user.userId}-${ctx.now()}.png`;
  ctx.site.updateRecord(caller.user, inputFromPaths({ [field]: url }));
  return { body: '', target: caller.webExId };
}

export function notSupported(): OperationResult {
  throw new WebexError('operationNotSupported');
}
