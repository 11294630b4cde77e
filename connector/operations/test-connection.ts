import { ConnectorError } from '../errors/connector-error';
import { REMEDIES, UNREACHABLE_REMEDY } from '../errors/remedies';
import { at, textOf } from '../xml/response';
import type { ConnectorContext } from './context';
import * as requests from './requests';

export type CheckName = 'reachable' | 'credentials' | 'siteAdmin';

export interface ConnectionCheck {
  name: CheckName;
  ok: boolean;
  message: string;
  error?: ConnectorError;
}

export interface ConnectionReport {
  ok: boolean;
  url: string;
  siteName: string;
  admin: string;
  checks: ConnectionCheck[];
  /** The first failure, classified, when not ok. */
  error?: ConnectorError;
}

const isTrue = (text: string | undefined) => /^true$/i.test(text ?? '');

/**
 * Three checks, each failure said on its own: the endpoint answers as a Webex XML API, the site and
 * credentials are accepted (GetUser of the caller), and the caller is a full site admin (its privilege
 * says siteAdmin, and LstsummaryUser — an admin-only call — is allowed).
 */
export async function testConnection(ctx: ConnectorContext): Promise<ConnectionReport> {
  const checks: ConnectionCheck[] = [];
  const report = (error?: ConnectorError): ConnectionReport => ({
    ok: !error, url: ctx.client.url, siteName: ctx.siteName, admin: ctx.adminWebExId, checks, ...(error ? { error } : {}),
  });
  const fail = (name: CheckName, error: ConnectorError) => {
    checks.push({ name, ok: false, message: error.message, error });
    return report(error);
  };

  let self;
  try {
    self = await ctx.client.call(requests.getUser(ctx.adminWebExId), { noRetry: true });
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    if (error.origin === 'transport' || error.errorClass === 'transient') {
      return fail('reachable', new ConnectorError({ ...error.toJSON(), remedy: UNREACHABLE_REMEDY }));
    }
    checks.push({ name: 'reachable', ok: true, message: `${ctx.client.url} answers as a Webex XML API` });
    return fail('credentials', error);
  }
  checks.push({ name: 'reachable', ok: true, message: `${ctx.client.url} answers as a Webex XML API` });
  checks.push({ name: 'credentials', ok: true, message: `signed in to site ${ctx.siteName} as ${ctx.adminWebExId}` });

  const privilege = at(self.body, ['privilege']);
  if (!isTrue(textOf(at(privilege, ['siteAdmin'])))) {
    const readOnly = isTrue(textOf(at(privilege, ['roSiteAdmin'])));
    return fail('siteAdmin', new ConnectorError({
      errorClass: 'accessDenied',
      origin: 'server',
      message: readOnly
        ? `${ctx.adminWebExId} is a read-only site admin: Webex will refuse every create and update`
        : `${ctx.adminWebExId} is not a site admin: provisioning needs a site administrator account`,
      remedy: REMEDIES.accessDenied,
      operation: 'GetUser',
    }));
  }
  try {
    await ctx.client.call(requests.lstsummaryUser(1, 1), { noRetry: true });
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    if (error.exceptionId !== '000015') return fail('siteAdmin', error); // 000015 = empty site, still allowed
  }
  checks.push({ name: 'siteAdmin', ok: true, message: `${ctx.adminWebExId} is a site admin (privilege/siteAdmin, LstsummaryUser allowed)` });
  return report();
}
