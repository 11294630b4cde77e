import { classifyFailure } from '../../connector/errors/classify';
import { REMEDIES } from '../../connector/errors/remedies';
import { attributeForField } from '../../connector/mapping/attributes';
import type { ErrorClass } from '../../connector/errors/connector-error';
import { EXCEPTIONS, formatReason, type ExceptionKey } from '../../mock-server/catalog/exceptions';

const resolve = (field: string) => attributeForField(field)?.name;

describe('error classification', () => {
  // ID and reason as the emulator's exception table writes them (read, not imported).
  it.each([
    ['000001', 'Access denied, additional privileges are required', 'accessDenied', undefined],
    ['000029', 'process error', 'transient', undefined],
    ['000035', 'ASService not responding', 'transient', undefined],
    ['000045', 'API Rate Limit Reached', 'rateLimited', undefined],
    ['030001', 'Corresponding User not found', 'userNotFound', 'webExId'],
    ['030002', 'Incorrect user or password', 'authentication', undefined],
    ['030004', 'Duplicate WebEx ID', 'duplicateUser', 'webExId'],
    ['030005', 'Email address already in use', 'duplicateUser', 'email'],
    ['030047', 'Not a valid session ticket', 'authentication', undefined],
    ['030048', 'Not a WebEx admin', 'accessDenied', undefined],
    ['030059', 'exceededSiteHostLimit', 'hostLimit', 'active'],
    ['030071', "Can't set field timeZoneID: 999 is not a valid time zone", 'invalidValue', 'timeZoneID'],
    ['030072', 'Attribute numAgentSessions needs to be 0', 'featureNotEnabled', 'webACDPrefsNumAgentSessions'],
    ['030072', 'Attribute privilege/HDvideo needs to be false', 'featureNotEnabled', 'privilegeHDvideo'],
    ['030073', 'personalUrl has restricted characters', 'invalidPersonalUrl', 'personalUrl'],
    ['030074', 'personalUrl is already used by another user', 'invalidPersonalUrl', 'personalUrl'],
    ['030075', 'Password does not meet the site password policy: too short', 'invalidValue', 'password'],
    ['030076', 'Site is not valid', 'authentication', 'siteName'],
    ['030077', "Can't set field email: managed in Control Hub", 'siteUnsupported', 'email'],
    ['030078', 'valid PIN is required', 'invalidValue', 'phonesPIN'],
    ['010107', 'The site is suspended', 'siteUnsupported', undefined],
    ['999999', 'Maximum date range is 90 days for modified date query', 'invalidValue', undefined],
    ['030098', 'CreateUser is not supported on this site, add users in Control Hub', 'siteUnsupported', undefined],
    ['E030103', 'Assignment of this role is not supported', 'siteUnsupported', undefined],
    ['E030104', 'This operation does not support SessionTicket authentication', 'siteUnsupported', undefined],
    ['E030105', 'Error setting up or modifying user profile', 'siteUnsupported', undefined],
    ['999999', 'This operation is not supported', 'siteUnsupported', undefined],
    ['999999', 'Unknown error', 'unknown', undefined],
  ])('%s "%s" → %s', (exceptionId, reason, errorClass, attribute) => {
    const error = classifyFailure({ exceptionId, reason, operation: 'SetUser' }, resolve);
    expect(error.errorClass).toBe(errorClass);
    expect(error.attribute).toBe(attribute);
    expect(error.remedy).toBe(REMEDIES[error.errorClass]);
    expect(error.origin).toBe('server');
    expect(error.message).toContain(reason);
  });

  it('110055 carries the session type from serv:value, with the Okta remedy', () => {
    const error = classifyFailure({ exceptionId: '110055', reason: 'User limit exceeded for Session Type', value: '214' });
    expect(error).toMatchObject({ errorClass: 'sessionTypeLimit', sessionType: '214', attribute: 'meetingTypes' });
    expect(error.message).toContain('session type 214');
    expect(error.remedy).toMatch(/Extend the licence.*unassign other users/);
  });

  it.each([
    ['User limit exceeded for Session Type', 'sessionTypeLimit'],
    ["Can't set field timeZoneID", 'invalidValue'],
    ['Attribute numAgentSession needs to be 0', 'featureNotEnabled'],
    ['personalUrl is longer than 64 characters', 'invalidPersonalUrl'],
    ['The user already exists', 'duplicateUser'],
    ['API Rate Limit Reach', 'rateLimited'],
  ])('an unknown ID falls back to the reason text: "%s" → %s', (reason, errorClass) => {
    expect(classifyFailure({ exceptionId: '123456', reason }).errorClass).toBe(errorClass);
  });

  it('an unrecognised failure from backup servers is transient, otherwise unknown', () => {
    expect(classifyFailure({ exceptionId: '424242', reason: 'zzz', gsbStatus: 'BACKUP' }).errorClass).toBe('transient');
    expect(classifyFailure({ exceptionId: '424242', reason: 'zzz' }).errorClass).toBe('unknown');
  });
});

describe('every FAILURE the emulator can answer with', () => {
  // Record<ExceptionKey, …>: an exception added to the emulator does not type-check here until it is classified.
  const expected: Record<ExceptionKey, ErrorClass> = {
    forwardFailed: 'invalidValue', accessDenied: 'accessDenied', noRecordFound: 'userNotFound', processError: 'transient',
    serviceUnavailable: 'transient', rateLimited: 'rateLimited', userNotFound: 'userNotFound', incorrectCredentials: 'authentication',
    duplicateWebExId: 'duplicateUser', duplicateEmail: 'duplicateUser', invalidSessionTicket: 'authentication',
    ticketGenerationFailed: 'accessDenied', unifiedSiteCreateRefused: 'siteUnsupported', roleNotSupported: 'siteUnsupported',
    sessionTicketNotSupported: 'siteUnsupported', profileSetupError: 'siteUnsupported', sessionTypeLimitExceeded: 'sessionTypeLimit',
    hostLimitExceeded: 'hostLimit', cantSetField: 'invalidValue', featureNotEnabled: 'featureNotEnabled',
    invalidPersonalUrl: 'invalidPersonalUrl', personalUrlTaken: 'invalidPersonalUrl', passwordPolicy: 'invalidValue',
    siteNotFound: 'authentication', managedByControlHub: 'siteUnsupported', operationNotSupported: 'siteUnsupported',
    internalError: 'unknown', accessTokenExpired: 'authentication', passwordAuthNotAvailable: 'siteUnsupported',
    insufficientScope: 'accessDenied',
    siteSuspended: 'siteUnsupported', modifiedDateRange: 'invalidValue', pinRequired: 'invalidValue',
  };
  it.each(Object.values(EXCEPTIONS).map((e) => [e.key, e] as const))('%s is classified with its remedy', (key, e) => {
    const reason = formatReason(e.reason, { field: 'timeZoneID', detail: 'x', value: '0' });
    const error = classifyFailure({ exceptionId: e.id, reason, value: '214' }, resolve);
    expect(error.errorClass).toBe(expected[key]);
    expect(error.remedy).toBe(REMEDIES[expected[key]]);
  });
});
