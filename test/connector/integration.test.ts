/**
 * The connector against the real emulator over HTTP (127.0.0.1:0): every operation, and every error class
 * produced by configuring the site through the emulator's in-process API.
 */
import type { ConnectorError } from '../../connector';
import { liveMock } from './helpers/live-mock';

const live = liveMock();

async function rejection(p: Promise<unknown>): Promise<ConnectorError> {
  try { await p; } catch (e) { return e as ConnectorError; }
  throw new Error('expected a rejection');
}

const jane = {
  webExId: 'jane.doe', email: 'jane.doe@demo.example.com', firstName: 'Jane', lastName: "O'Doe & Sons <QA>", password: 'Str0ng!Pass',
  phonesPhone: '1,408,5550100', addressCity: 'San Jose', privilegeHost: true, optionsEmailVisible: 'TRUE', timeZoneID: 4,
  personalUrl: 'jane.doe', trackingTrackingCode3: 'cost-center-42', myWebExMyContact: true,
};

describe('provisioning session against the emulator', () => {
  it('test → push → update → password → deactivate → reactivate → import → schema', async () => {
    const c = live.connector();
    expect((await c.testConnection()).ok).toBe(true);

    const pushed = await c.pushNewUser(jane);
    expect(pushed.operations).toEqual(['CreateUser', 'SetUser']);
    let user = await c.getUser('jane.doe');
    expect(user.userId).toBe(pushed.userId);
    expect(user.profile).toMatchObject({
      lastName: "O'Doe & Sons <QA>", personalUrl: 'jane.doe', addressCity: 'San Jose', privilegeHost: true,
      optionsEmailVisible: true, trackingTrackingCode3: 'cost-center-42', myWebExMyContact: true, active: 'ACTIVATED',
      personalMeetingRoomURL: 'https://demo.webex.com/meet/jane.doe',
    });

    await c.pushProfileUpdate('jane.doe', { title: 'CTO', phonesMobilePhone: '1,408,5550199', privilegeHQvideo: true, privilegeHDvideo: true });
    user = await c.getUser('jane.doe');
    // Webex sets the primary phone along with the mobile phone (Okta guide): the connector says so in its notes.
    expect(user.profile).toMatchObject({ title: 'CTO', phonesMobilePhone: '1,408,5550199', phonesPhone: '1,408,5550199', privilegeHDvideo: true });

    await c.pushPassword('jane.doe', 'An0ther!Secret');
    // The new password works: Jane can sign in (and is, rightly, not a site admin).
    const asJane = await live.connector({ admin: 'jane.doe', password: 'An0ther!Secret' }).testConnection();
    expect(asJane.checks.map((ch) => `${ch.name}:${ch.ok}`)).toEqual(['reachable:true', 'credentials:true', 'siteAdmin:false']);

    await c.deactivate('jane.doe');
    expect((await c.getUser('jane.doe')).profile.active).toBe('DEACTIVATED');
    await c.reactivate('jane.doe');
    expect((await c.getUser('jane.doe')).profile.active).toBe('ACTIVATED');

    const progress: string[] = [];
    const imported = await c.importUsers({ pageSize: 7, onProgress: (p) => progress.push(p.phase) });
    expect(imported.total).toBe(live.site.userCount);
    expect(new Set(imported.users.map((u) => u.webExId)).size).toBe(imported.total);
    expect(imported.users.find((u) => u.webExId === 'jane.doe')!.profile).toMatchObject({ title: 'CTO' });
    expect(progress.filter((p) => p === 'list')).toHaveLength(Math.ceil(imported.total / 7));

    const schema = await c.discoverSchema();
    expect(schema.siteError).toBeUndefined();
    expect(schema.attributes.find((a) => a.name === 'webACDPrefsIsAgent')!.siteStatus).toBe('feature-off');
    expect(schema.attributes.find((a) => a.name === 'privilegeIsEnablePMR')!.siteStatus).toBe('available');
    expect(schema.warnings.join()).toMatch(/WebACD is off/);
    expect(schema.sessionTypes.map((t) => t.id)).toContain(214);
    expect(schema.hosts).toEqual({ limit: 250, active: live.site.usage().hosts.used });
    expect(schema.passwordCriteria).toMatchObject({ minLength: 8, minNumeric: 1 });
    // Every element the connector sent, in every request of the session, is one the emulator knows.
    expect(live.ignoredElements).toEqual([]);
  });

  it('works with namespace-qualified requests and an access token too', async () => {
    const c = live.connector({ password: undefined, accessToken: 'demo-access-token', namespaceStyle: 'qualified' });
    await c.pushNewUser({ webExId: 'q.user', email: 'q.user@demo.example.com', phonesPhone: '1,2,3', trackingTrackingCode1: 'x', privilegeHost: true });
    expect((await c.getUser('q.user')).profile).toMatchObject({ phonesPhone: '1,2,3', trackingTrackingCode1: 'x' });
    expect(live.ignoredElements).toEqual([]);
  });

  it('session types change only with their supportedServices flag, as the connector notes', async () => {
    const c = live.connector();
    const before = (await c.getUser('host')).profile.meetingTypes as number[];
    const unflagged = await c.pushProfileUpdate('host', { meetingTypes: [...before, 216] });
    expect(unflagged.notes.join()).toMatch(/supportedServices/);
    expect((await c.getUser('host')).profile.meetingTypes).toEqual(before);
    await c.pushProfileUpdate('host', { meetingTypes: [...before, 216], supportedServicesEventCenter: true });
    expect((await c.getUser('host')).profile.meetingTypes).toEqual([...before, 216]);
  });

  it('a profile update with a different webExId renames the user', async () => {
    const c = live.connector();
    await c.pushNewUser({ webExId: 'old.id', email: 'old.id@demo.example.com' });
    expect((await c.pushProfileUpdate('old.id', { webExId: 'new.id' })).webExId).toBe('new.id');
    expect((await c.getUser('new.id')).profile.email).toBe('old.id@demo.example.com');
    expect((await rejection(c.getUser('old.id'))).errorClass).toBe('userNotFound');
  });
});

describe('each error class, produced by the emulator', () => {
  it('licence / session-type limit: 110055 with the session type', async () => {
    const c = live.connector();
    live.patchSite({ sessionTypes: [{ id: 13, limit: live.site.usage().sessionTypes.find((t) => t.id === 13)!.used }] });
    const error = await rejection(c.pushNewUser({ webExId: 'lic', email: 'lic@demo.example.com', meetingTypes: [214, 13] }));
    expect(error).toMatchObject({ errorClass: 'sessionTypeLimit', exceptionId: '110055', sessionType: '13' });
    expect(error.remedy).toMatch(/Extend the licence/);
  });

  it('host limit: reactivating beyond the site host limit', async () => {
    const c = live.connector();
    await c.pushNewUser({ webExId: 'h1', email: 'h1@demo.example.com' });
    await c.deactivate('h1');
    live.patchSite({ hostLimit: live.site.usage().hosts.used });
    expect((await c.discoverSchema()).warnings.join()).toMatch(/host limit is reached/);
    const error = await rejection(c.reactivate('h1'));
    expect(error).toMatchObject({ errorClass: 'hostLimit', operation: 'SetUser' });
    expect((await c.getUser('h1')).profile.active).toBe('DEACTIVATED');
  });

  it('feature not enabled: WebACD (off on the demo site) and CET switched off, named by flat attribute', async () => {
    const c = live.connector();
    const acd = await rejection(c.pushProfileUpdate('host', { webACDPrefsNumAgentSessions: 3 }));
    expect(acd).toMatchObject({ errorClass: 'featureNotEnabled', attribute: 'webACDPrefsNumAgentSessions' });
    live.patchSite({ features: { cloudTelepresence: false } });
    const cet = await rejection(c.pushProfileUpdate('host', { privilegeIsEnableCET: true }));
    expect(cet).toMatchObject({ errorClass: 'featureNotEnabled', attribute: 'privilegeIsEnableCET' });
    expect(cet.remedy).toMatch(/stop mapping it, or enable the feature/);
  });

  it('invalid value: a time zone out of range (server) and a wrong type (local)', async () => {
    const c = live.connector();
    const tz = await rejection(c.pushProfileUpdate('host', { timeZoneID: 999 }));
    expect(tz).toMatchObject({ errorClass: 'invalidValue', origin: 'server', attribute: 'timeZoneID' });
    const local = await rejection(c.pushProfileUpdate('host', { timeZoneID: 'Pacific' }));
    expect(local).toMatchObject({ errorClass: 'invalidValue', origin: 'local', attribute: 'timeZoneID' });
  });

  it('invalid value: a password the site policy refuses', async () => {
    const error = await rejection(live.connector().pushPassword('host', 'short'));
    expect(error).toMatchObject({ errorClass: 'invalidValue', origin: 'server', attribute: 'password' });
  });

  it('invalid personalUrl: restricted characters (server, lenient connector) and a URL another user has', async () => {
    const lenient = live.connector({ strict: false });
    const chars = await rejection(lenient.pushProfileUpdate('host', { personalUrl: 'not allowed!' }));
    expect(chars).toMatchObject({ errorClass: 'invalidPersonalUrl', origin: 'server', attribute: 'personalUrl' });
    const strict = await rejection(live.connector().pushProfileUpdate('host', { personalUrl: 'not allowed!' }));
    expect(strict).toMatchObject({ errorClass: 'invalidPersonalUrl', origin: 'local' });
    const adminUrl = (await live.connector().getUser('admin')).profile.personalUrl as string;
    const taken = await rejection(live.connector().pushProfileUpdate('host', { personalUrl: adminUrl }));
    expect(taken).toMatchObject({ errorClass: 'invalidPersonalUrl', origin: 'server' });
  });

  it('duplicate user: webExId and email already on the site', async () => {
    const c = live.connector();
    expect(await rejection(c.pushNewUser({ webExId: 'host', email: 'fresh@demo.example.com' }))).toMatchObject({ errorClass: 'duplicateUser', attribute: 'webExId' });
    expect(await rejection(c.pushNewUser({ webExId: 'fresh', email: 'host@demo.example.com' }))).toMatchObject({ errorClass: 'duplicateUser', attribute: 'email' });
  });

  it('user not found', async () => {
    const error = await rejection(live.connector().deactivate('nobody.here'));
    expect(error).toMatchObject({ errorClass: 'userNotFound', exceptionId: '030001' });
  });

  it('authentication: wrong password, wrong site — each said by the connection test', async () => {
    const wrongPassword = await live.connector({ password: 'nope' }).testConnection();
    expect(wrongPassword.checks.map((ch) => `${ch.name}:${ch.ok}`)).toEqual(['reachable:true', 'credentials:false']);
    expect(wrongPassword.error).toMatchObject({ errorClass: 'authentication', exceptionId: '030002' });
    const wrongSite = await live.connector({ siteName: 'nosuchsite' }).testConnection();
    expect(wrongSite.error).toMatchObject({ errorClass: 'authentication', attribute: 'siteName' });
    const unreachable = await live.connector({ url: 'http://127.0.0.1:9', retry: { maxAttempts: 1 } }).testConnection();
    expect(unreachable.checks.map((ch) => `${ch.name}:${ch.ok}`)).toEqual(['reachable:false']);
  });

  it('access denied: a host account cannot provision, and the connection test says it is not a site admin', async () => {
    const asHost = live.connector({ admin: 'host', password: 'P@ssword123' });
    const report = await asHost.testConnection();
    expect(report.checks.at(-1)).toMatchObject({ name: 'siteAdmin', ok: false });
    expect(report.error!.errorClass).toBe('accessDenied');
    expect(await rejection(asHost.deactivate('admin'))).toMatchObject({ errorClass: 'accessDenied', exceptionId: '000001' });
  });

  it('rate limited: 000045 with Retry-After is honoured, then surfaced when it persists', async () => {
    live.addFault({ match: { operation: 'SetUser', times: 1 }, effect: { rateLimit: { retryAfterSeconds: 3 } } });
    const c = live.connector();
    await c.deactivate('host');
    expect(c.delays).toEqual([3000]);
    live.addFault({ match: { operation: 'SetUser' }, effect: { rateLimit: { retryAfterSeconds: 5 } } });
    const error = await rejection(live.connector({ retry: { maxAttempts: 2 } }).reactivate('host'));
    expect(error).toMatchObject({ errorClass: 'rateLimited', exceptionId: '000045', retryAfterMs: 5000 });
  });

  it('site unsupported: Spark Meet role assignment and Control Hub managed fields', async () => {
    live.patchSite({ flags: { sparkMeet: true } });
    const role = await rejection(live.connector().pushProfileUpdate('host', { privilegeSiteAdmin: true }));
    expect(role).toMatchObject({ errorClass: 'siteUnsupported', exceptionId: 'E030103' });
    live.patchSite({ flags: { sparkMeet: false, controlHubManaged: true } });
    // API 41.11.0 keeps names (and phones) Control Hub's: 030077, the field named.
    const managed = await rejection(live.connector({ controlHub: true }).pushProfileUpdate('host@demo.example.com', { firstName: 'Renamed' }));
    expect(managed).toMatchObject({ errorClass: 'siteUnsupported', attribute: 'firstName' });
    expect(managed.remedy).toMatch(/Control Hub/);
  });

  it('site unsupported: CreateUser refused on a unified site (030098) and an operation not supported (999999), as faults', async () => {
    live.addFault({ match: { operation: 'CreateUser', times: 1 }, effect: { exception: { id: '030098', reason: 'CreateUser is not supported on this site, add users in Control Hub' } } });
    const refused = await rejection(live.connector().pushNewUser({ webExId: 'u1', email: 'u1@demo.example.com' }));
    expect(refused).toMatchObject({ errorClass: 'siteUnsupported', exceptionId: '030098' });
    live.addFault({ match: { operation: 'SetUser', times: 1 }, effect: { exception: { id: '999999', reason: 'This operation is not supported' } } });
    expect(await rejection(live.connector().deactivate('host'))).toMatchObject({ errorClass: 'siteUnsupported', exceptionId: '999999' });
  });

  it('transient: 000035, an unknown failure from backup servers and HTTP 503 are retried with backoff, then surfaced', async () => {
    live.addFault({ match: { operation: 'SetUser', times: 1 }, effect: { exception: { id: '000035', reason: 'ASService not responding' } } });
    live.addFault({ match: { operation: 'SetUser', times: 1 }, effect: { exception: { id: '000998', reason: 'Site in maintenance' }, gsbStatus: 'BACKUP' } });
    live.addFault({ match: { operation: 'SetUser', times: 1 }, effect: { httpStatus: 503 } });
    const c = live.connector();
    await c.deactivate('host');
    expect(c.delays).toHaveLength(3);
    expect(c.delays[1]).toBeGreaterThanOrEqual(c.delays[0]);
    expect((await c.getUser('host')).profile.active).toBe('DEACTIVATED');

    live.addFault({ match: { operation: 'SetUser' }, effect: { httpStatus: 503 } });
    const error = await rejection(live.connector({ retry: { maxAttempts: 2 } }).reactivate('host'));
    expect(error).toMatchObject({ errorClass: 'transient', httpStatus: 503 });
  });

  it('transient: a connection reset on every attempt is reported after the retries', async () => {
    live.addFault({ match: { operation: 'GetUser' }, effect: { reset: true } });
    const c = live.connector({ retry: { maxAttempts: 3 } });
    const error = await rejection(c.getUser('host'));
    expect(error).toMatchObject({ errorClass: 'transient', origin: 'transport' });
    expect(c.delays).toHaveLength(2);
  });
});

describe('CreateUser is never duplicated when its outcome is unknown (emulator)', () => {
  it('connection dropped before Webex processed it: GetUser finds nothing, CreateUser is retried once', async () => {
    live.addFault({ match: { operation: 'CreateUser', times: 1 }, effect: { reset: true } });
    const c = live.connector();
    const before = live.site.userCount;
    const result = await c.pushNewUser({ webExId: 'drop1', email: 'drop1@demo.example.com' });
    expect(result.recoveredAfterUnknownOutcome).toBeUndefined();
    expect(live.site.userCount).toBe(before + 1);
  });

  it('Webex created the user but the answer was lost: GetUser finds it, no second CreateUser', async () => {
    const operations: string[] = [];
    let lose = true;
    // Forward to the emulator for real, then lose the CreateUser answer on the way back.
    const losingFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const body = String(init?.body);
      operations.push(/user\.(\w+)"/.exec(body)![1]);
      if (body.includes('user.CreateUser') && lose) { lose = false; throw new TypeError('fetch failed: socket hang up'); }
      return res;
    };
    const c = live.connector({ fetch: losingFetch });
    const before = live.site.userCount;
    const result = await c.pushNewUser({ webExId: 'lost1', email: 'lost1@demo.example.com', personalUrl: 'lost.one' });
    expect(operations).toEqual(['CreateUser', 'GetUser', 'SetUser']);
    expect(result).toMatchObject({ recoveredAfterUnknownOutcome: true, operations: ['CreateUser', 'SetUser'] });
    expect(live.site.userCount).toBe(before + 1);
    expect((await c.getUser('lost1')).profile.personalUrl).toBe('lost.one');
  });
});
