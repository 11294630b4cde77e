/**
 * Every exception in catalog.EXCEPTIONS has a scenario here that makes the core answer it (ID and reason text
 * from the catalog), or is listed as produced only by the control plane. Adding an exception to the catalog
 * without a scenario fails this file (and the type check: SCENARIOS is a Record over ExceptionKey).
 */
import { DEMO, addDemoSite, catalog, createWebexMock, type WebexMock } from '../../mock-server';
import type { ExceptionKey } from '../../mock-server/catalog';
import { call, expectFailure, post, type Answer } from './support/client';
import { ADMIN, HOST, elements, newUserBody, xmlRequest } from './support/xml';
import { addSite, adminOf } from './support/sites';

type Scenario = (mock: WebexMock) => Promise<Answer>;
type Entry = { scenario: Scenario; reason: string | RegExp } | { notProducedByCore: string };

const fresh = () => createWebexMock({ setup: (r) => {
  addDemoSite(r);
  addSite(r, { name: 'spark', flags: { sparkMeet: true, controlHubManaged: false } });
  addSite(r, { name: 'ch', flags: { sparkMeet: false, controlHubManaged: true } });
  addSite(r, { name: 'full', hostLimit: 1 }); // its admin is the one host
  addSite(r, { name: 'sso', samlSSO: true });
  addSite(r, { name: 'held', suspended: true });
} });

/** An OAuth access token for the demo admin, issued through the mock's token store (test/oauth covers the endpoints). */
function oauthToken(m: WebexMock, scopes: string[], ttlSeconds = 3600): string {
  m.registry.oauth.setIntegrations([{ clientId: 'exceptions-client', clientSecret: 'exceptions-secret', redirectUris: ['http://127.0.0.1/cb'], scopes }]);
  const code = m.registry.oauth.issueCode({ clientId: 'exceptions-client', site: 'demo', webExId: 'admin', scopes }, 'http://127.0.0.1/cb');
  const answer = m.registry.oauth.exchangeCode('exceptions-client', code, 'http://127.0.0.1/cb', () => ({ accessTokenTtlSeconds: ttlSeconds, refreshTokenTtlSeconds: 7200 }));
  if (typeof answer === 'string') throw new Error(answer);
  return answer.access_token;
}

const SCENARIOS: Record<ExceptionKey, Entry> = {
  forwardFailed: {
    scenario: (m) => post(m, xmlRequest('GetUser', '<webExId>host</webExId>').replace('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"', '')),
    reason: 'Fail to forward request:null',
  },
  accessDenied: { scenario: (m) => call(m, 'LstsummaryUser', '', HOST), reason: 'Access denied, additional privileges are required' },
  noRecordFound: { scenario: (m) => call(m, 'LstsummaryUser', '<webExId>nobody</webExId>'), reason: 'Sorry, no record found' },
  // Fault-only: the control plane's faults (mock-server/control) inject these; the core never decides them.
  processError: { notProducedByCore: 'fault injection (control plane)' },
  serviceUnavailable: { notProducedByCore: 'fault injection (control plane)' },
  rateLimited: { notProducedByCore: 'rate-limit fault (control plane)' },
  // Scenario-driven: a Control Hub site whose org cannot take the email (control plane scenario), not a core rule.
  unifiedSiteCreateRefused: { notProducedByCore: 'control plane scenario' },
  userNotFound: { scenario: (m) => call(m, 'GetUser', '<webExId>nobody</webExId>'), reason: 'Corresponding User not found' },
  incorrectCredentials: { scenario: (m) => call(m, 'GetUser', '<webExId>host</webExId>', { ...ADMIN, password: 'bad' }), reason: 'Incorrect user or password' },
  duplicateWebExId: { scenario: (m) => call(m, 'CreateUser', newUserBody({ webExId: 'host' }).xml), reason: 'Duplicate WebEx ID' },
  duplicateEmail: { scenario: (m) => call(m, 'CreateUser', newUserBody({ email: DEMO.host.email }).xml), reason: 'Email address already in use' },
  invalidSessionTicket: { scenario: (m) => call(m, 'GetUser', '<webExId>host</webExId>', { siteName: 'demo', webExID: 'admin', sessionTicket: 'AAABnope' }), reason: 'Not a valid session ticket' },
  ticketGenerationFailed: { scenario: (m) => call(m, 'AuthenticateUser', '<accessToken>bad</accessToken>', { siteName: 'demo', webExID: 'admin' }), reason: "Authentication Server can't generate a valid session ticket" },
  roleNotSupported: {
    scenario: (m) => call(m, 'CreateUser', elements({ webExId: 'r@spark.example.com', email: 'r@spark.example.com', 'privilege/siteAdmin': 'true' }), adminOf('spark')),
    reason: 'Assignment of this role is not supported',
  },
  sessionTicketNotSupported: {
    scenario: async (m) => {
      const t = (await call(m, 'AuthenticateUser', '', adminOf('spark'))).body!['use:sessionTicket'];
      return call(m, 'CreateUser', elements({ webExId: 'x@spark.example.com', email: 'x@spark.example.com' }), { siteName: 'spark', webExID: 'admin', sessionTicket: t });
    },
    reason: 'This operation does not support SessionTicket authentication',
  },
  profileSetupError: { scenario: (m) => call(m, 'CreateUser', elements({ webExId: 'x', email: 'x@spark.example.com' }), adminOf('spark')), reason: 'Error setting up or modifying user profile' },
  sessionTypeLimitExceeded: {
    scenario: (m) => { m.registry.get('demo')!.config.sessionTypes.find((t) => t.id === 13)!.limit = 0; return call(m, 'CreateUser', newUserBody({ 'meetingTypes/meetingType': ['13'] }).xml); },
    reason: 'User limit exceeded for Session Type',
  },
  hostLimitExceeded: { scenario: (m) => call(m, 'CreateUser', newUserBody().xml, adminOf('full')), reason: 'exceededSiteHostLimit' },
  cantSetField: { scenario: (m) => call(m, 'SetUser', elements({ webExId: 'host', timeZoneID: '99' })), reason: /^Can't set field timeZoneID: / },
  featureNotEnabled: { scenario: (m) => call(m, 'SetUser', elements({ webExId: 'host', 'webACDPrefs/numAgentSessions': '2' })), reason: 'Attribute numAgentSessions needs to be 0' },
  invalidPersonalUrl: { scenario: (m) => call(m, 'SetUser', elements({ webExId: 'host', personalUrl: 'no spaces' })), reason: /^personalUrl has restricted characters/ },
  personalUrlTaken: {
    scenario: async (m) => {
      const adminUrl = (await call(m, 'GetUser', '<webExId>admin</webExId>')).body!['use:personalUrl'];
      return call(m, 'SetUser', elements({ webExId: 'host', personalUrl: adminUrl }));
    },
    reason: 'personalUrl is already used by another user',
  },
  passwordPolicy: { scenario: (m) => call(m, 'SetUser', elements({ webExId: 'host', password: 'short1' })), reason: /^Password does not meet the site password policy: / },
  siteNotFound: { scenario: (m) => call(m, 'GetUser', '<webExId>host</webExId>', { ...ADMIN, siteName: 'atlantis' }), reason: 'Site is not valid' },
  managedByControlHub: { scenario: (m) => call(m, 'SetUser', elements({ webExId: 'admin@ch.example.com', firstName: 'Changed' }), adminOf('ch')), reason: "Can't set field firstName: managed in Control Hub" },
  siteSuspended: { scenario: (m) => call(m, 'CreateUser', newUserBody().xml, adminOf('held')), reason: 'The site is suspended' },
  modifiedDateRange: {
    scenario: (m) => call(m, 'LstsummaryUser', '<modifiedDateStart>01/01/2026 00:00:00</modifiedDateStart><modifiedDateEnd>04/02/2026 00:00:01</modifiedDateEnd>'),
    reason: 'Maximum date range is 90 days for modified date query',
  },
  pinRequired: {
    scenario: (m) => call(m, 'SetUser', elements({ webExId: 'host', 'personalTeleconf/account/accountIndex': '1', 'personalTeleconf/account/subscriberAccessCode': '123456' })),
    reason: 'valid PIN is required',
  },
  accessTokenExpired: {
    scenario: (m) => call(m, 'GetUser', '<webExId>host</webExId>', { siteName: 'demo', webExID: 'admin', webExAccessToken: oauthToken(m, ['all_read'], 0) }),
    reason: 'The access token has expired',
  },
  passwordAuthNotAvailable: { scenario: (m) => call(m, 'GetUser', '<webExId>admin</webExId>', adminOf('sso')), reason: 'Password authentication is not available on sites that use SAML SSO' },
  insufficientScope: {
    scenario: (m) => call(m, 'SetUser', elements({ webExId: 'host', firstName: 'X' }), { siteName: 'demo', webExID: 'admin', webExAccessToken: oauthToken(m, ['all_read']) }),
    reason: 'Access denied, additional privileges are required',
  },
  operationNotSupported: { scenario: (m) => call(m, 'ActivateUser', '<webexID>host</webexID>'), reason: 'This operation is not supported' },
  internalError: {
    // An unexpected exception anywhere in the pipeline is answered, not crashed on.
    scenario: async (m) => {
      m.engine.interceptors.push(() => { throw new Error('boom'); });
      const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try { return await call(m, 'GetUser', '<webExId>host</webExId>'); } finally { spy.mockRestore(); m.engine.interceptors.pop(); }
    },
    reason: 'Unknown error',
  },
};

const produced = Object.entries(SCENARIOS).filter((e): e is [ExceptionKey, Extract<Entry, { scenario: Scenario }>] => 'scenario' in e[1]);

it('every catalog exception has a scenario or an explicit control-plane exclusion', () => {
  expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(catalog.EXCEPTIONS).sort());
  const excluded = Object.entries(SCENARIOS).filter(([, e]) => 'notProducedByCore' in e).map(([k]) => k).sort();
  expect(excluded).toEqual(['processError', 'rateLimited', 'serviceUnavailable', 'unifiedSiteCreateRefused']);
});

it('exception IDs are 6 characters (E-prefixed ones 7) and unique except the generic 999999 (three texts) and 000001 (a missing OAuth scope is a missing privilege)', () => {
  const ids = Object.values(catalog.EXCEPTIONS).map((e) => e.id);
  for (const id of ids) expect(id).toMatch(/^(\d{6}|E\d{6})$/);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  expect(dupes.sort()).toEqual(['000001', '999999', '999999']);
});

it('Okta\'s customer-visible texts are in the catalog (OKTA-CONNECTOR.md requirements)', () => {
  expect(catalog.EXCEPTIONS.sessionTypeLimitExceeded.reason).toContain('User limit exceeded for Session Type');
  expect(catalog.EXCEPTIONS.cantSetField.reason).toContain("Can't set field");
  expect(catalog.formatReason(catalog.EXCEPTIONS.featureNotEnabled.reason, { field: 'numAgentSession', value: '0' })).toBe('Attribute numAgentSession needs to be 0');
});

describe.each(produced)('%s', (key, entry) => {
  it(`answers ${catalog.EXCEPTIONS[key].id} with the catalog reason, HTTP 200`, async () => {
    const a = await entry.scenario(fresh());
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('text/xml;charset=UTF-8');
    expectFailure(a, catalog.EXCEPTIONS[key].id, entry.reason);
    if (key === 'forwardFailed') expect(a.text).toContain('<serv:body></serv:body>');
    else expect(a.text).toContain('<serv:body><serv:bodyContent/></serv:body>');
    if (key === 'sessionTypeLimitExceeded') expect(a.value).toBe('13');
  });
});
