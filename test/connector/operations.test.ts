import { WebexConnector, type ConnectorError } from '../../connector';
import { fakeFetch, type SeenRequest, type Reply } from './helpers/fake-fetch';
import { failure, getUserBody, success } from './helpers/webex-xml';

function connector(handler: (req: SeenRequest, i: number) => Reply) {
  const fake = fakeFetch(handler);
  const c = new WebexConnector({ url: 'http://127.0.0.1:1/', siteName: 'acme', admin: 'admin', password: 'pw', fetch: fake.fetch, sleep: async () => {} });
  return { c, fake };
}

async function rejection(p: Promise<unknown>): Promise<ConnectorError> {
  try { await p; } catch (e) { return e as ConnectorError; }
  throw new Error('expected a rejection');
}

const summary = (n: number) => `<use:user><use:webExId>u${n}</use:webExId><use:firstName>F${n}</use:firstName><use:lastName>L${n}</use:lastName><use:email>u${n}@x.com</use:email><use:active>ACTIVATED</use:active></use:user>`;
const page = (from: number, count: number, total: number) => success('lstsummaryUserResponse',
  Array.from({ length: count }, (_, i) => summary(from + i)).join('')
  + `<use:matchingRecords><serv:total>${total}</serv:total><serv:returned>${count}</serv:returned><serv:startFrom>${from}</serv:startFrom></use:matchingRecords>`);

describe('import', () => {
  it('pages LstsummaryUser with startFrom/maximumNum through every page, then reads each user, reporting progress', async () => {
    const { c, fake } = connector((req) => {
      if (req.operation === 'LstsummaryUser') {
        const lc = req.body.listControl as Record<string, string>;
        const from = Number(lc.startFrom);
        expect(lc.maximumNum).toBe('2');
        return page(from, Math.min(2, 5 - from + 1), 5);
      }
      const id = String(req.body.webExId);
      return id === 'u4' ? failure('030001', 'Corresponding User not found') : success('getUserResponse', getUserBody({ webExId: id, email: `${id}@x.com` }));
    });
    const progress: string[] = [];
    const result = await c.importUsers({ pageSize: 2, concurrency: 2, onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`) });
    const lists = fake.seen.filter((s) => s.operation === 'LstsummaryUser').map((s) => (s.body.listControl as Record<string, string>).startFrom);
    expect(lists).toEqual(['1', '3', '5']);
    expect(result.users.map((u) => u.webExId)).toEqual(['u1', 'u2', 'u3', 'u5']);
    expect(result.vanished).toEqual(['u4']);
    expect(result.users[0].profile).toMatchObject({ email: 'u1@x.com', meetingTypes: [214, 216] });
    expect(progress.slice(0, 3)).toEqual(['list:2/5', 'list:4/5', 'list:5/5']);
    expect(progress.filter((p) => p.startsWith('detail'))).toHaveLength(5);
    expect(progress.at(-1)).toBe('detail:5/5');
  });

  it('treats 000015 "no record found" as an empty site', async () => {
    const { c } = connector(() => failure('000015', 'Sorry, no record found'));
    expect(await c.importUsers()).toEqual({ total: 0, users: [], vanished: [] });
  });
});

describe('test connection', () => {
  const self = (extra: object) => success('getUserResponse', getUserBody({ webExId: 'admin', email: 'a@x.com', ...extra }));

  it('passes for a site admin', async () => {
    const { c, fake } = connector((req) => (req.operation === 'GetUser' ? self({ siteAdmin: true }) : page(1, 1, 9)));
    const report = await c.testConnection();
    expect(report.ok).toBe(true);
    expect(report.checks.map((ch) => `${ch.name}:${ch.ok}`)).toEqual(['reachable:true', 'credentials:true', 'siteAdmin:true']);
    expect(fake.seen[1].body.listControl).toMatchObject({ maximumNum: '1' });
  });

  it.each([
    ['an unreachable site', () => new TypeError('fetch failed'), 'reachable', 'transient'],
    ['a wrong password', () => failure('030002', 'Incorrect user or password'), 'credentials', 'authentication'],
    ['a wrong site name', () => failure('030076', 'Site is not valid'), 'credentials', 'authentication'],
    ['a host, not an admin', () => self({ siteAdmin: false }), 'siteAdmin', 'accessDenied'],
    ['a read-only admin', () => self({ roSiteAdmin: true }), 'siteAdmin', 'accessDenied'],
  ])('fails the right check, clearly, for: %s', async (_label, reply, failedCheck, errorClass) => {
    const { c } = connector(reply);
    const report = await c.testConnection();
    expect(report.ok).toBe(false);
    const failed = report.checks.find((ch) => !ch.ok)!;
    expect(failed.name).toBe(failedCheck);
    expect(report.error!.errorClass).toBe(errorClass);
  });
});

describe('schema discovery', () => {
  it('marks attributes whose feature GetSite reports off, and warns', async () => {
    const site = '<ns1:siteInstance><ns1:metaData><ns1:meetingTypes><ns1:meetingTypeID>214</ns1:meetingTypeID><ns1:meetingTypeName>PRO</ns1:meetingTypeName></ns1:meetingTypes></ns1:metaData>'
      + '<ns1:telephonyConfig><ns1:callInTeleconferencing>true</ns1:callInTeleconferencing></ns1:telephonyConfig>'
      + '<ns1:supportedServices><ns1:meetingCenter><ns1:enabled>true</ns1:enabled></ns1:meetingCenter><ns1:supportCenter><ns1:enabled>true</ns1:enabled><ns1:webACD>false</ns1:webACD></ns1:supportCenter></ns1:supportedServices>'
      + '<ns1:video><ns1:HQvideo>TRUE</ns1:HQvideo><ns1:HDvideo>false</ns1:HDvideo></ns1:video></ns1:siteInstance>';
    const { c, fake } = connector(() => success('getSiteResponse', site));
    const schema = await c.discoverSchema();
    expect(fake.seen[0].operation).toBe('GetSite');
    const status = (name: string) => schema.attributes.find((a) => a.name === name)!.siteStatus;
    expect(status('privilegeTeleConfCallIn')).toBe('available');
    expect(status('privilegeHQvideo')).toBe('available');
    expect(status('privilegeHDvideo')).toBe('feature-off');
    expect(status('webACDPrefsNumAgentSessions')).toBe('feature-off');
    expect(status('supportedServicesSupportCenter')).toBe('available');
    expect(status('firstName')).toBe('available');
    expect(status('privilegeIsEnablePMR')).toBe('unknown');
    expect(schema.sessionTypes).toEqual([{ id: 214, name: 'PRO' }]);
    expect(schema.warnings.join('\n')).toMatch(/WebACD is off.*webACDPrefsNumAgentSessions/);
    expect(schema.attributes.find((a) => a.name === 'phonesPhone')!.xmlPath).toBe('use:phones/com:phone');
  });

  it('still lists every attribute when GetSite fails, saying why', async () => {
    const { c } = connector(() => failure('000001', 'Access denied, additional privileges are required'));
    const schema = await c.discoverSchema();
    expect(schema.attributes.length).toBeGreaterThan(170);
    expect(schema.attributes.every((a) => a.siteStatus === 'unknown')).toBe(true);
    expect(schema.siteError!.errorClass).toBe('accessDenied');
  });
});

describe('provisioning', () => {
  it('creates without personalUrl, then sets it with SetUser', async () => {
    const { c, fake } = connector((req) => (req.operation === 'CreateUser' ? success('createUserResponse', '<use:userId>5</use:userId>') : success('setUserResponse')));
    const result = await c.pushNewUser({ webExId: 'jdoe', email: 'j@x.com', personalUrl: 'jane.doe', phonesMobilePhone: '1,1,1' });
    expect(fake.operations()).toEqual(['CreateUser', 'SetUser']);
    expect(fake.seen[0].body).not.toHaveProperty('personalUrl');
    expect(fake.seen[1].body).toEqual({ webExId: 'jdoe', personalUrl: 'jane.doe' });
    expect(result).toMatchObject({ userId: '5', operations: ['CreateUser', 'SetUser'] });
    expect(result.notes.join()).toMatch(/also sets the primary phone/);
  });

  it('says the user was created when only the personalUrl SetUser failed', async () => {
    const { c } = connector((req) => (req.operation === 'CreateUser' ? success('createUserResponse', '<use:userId>5</use:userId>') : failure('030074', 'personalUrl is already used by another user')));
    const error = await rejection(c.pushNewUser({ webExId: 'jdoe', email: 'j@x.com', personalUrl: 'taken' }));
    expect(error.errorClass).toBe('invalidPersonalUrl');
    expect(error.userCreated).toEqual({ webExId: 'jdoe', userId: '5' });
  });

  it('refuses a bad profile before sending anything', async () => {
    const { c, fake } = connector(() => { throw new Error('no request expected'); });
    expect((await rejection(c.pushNewUser({ webExId: 'x', email: 'e', nope: 1 }))).errorClass).toBe('invalidValue');
    expect((await rejection(c.pushNewUser({ email: 'e' }))).attribute).toBe('webExId');
    expect((await rejection(c.pushProfileUpdate('x', { personalMeetingRoomURL: 'u' }))).message).toMatch(/Read-only/);
    expect((await rejection(c.pushPassword('x', ''))).attribute).toBe('password');
    expect(fake.seen).toHaveLength(0);
  });

  it('an update of meetingTypes without supportedServices flags says they will not take effect', async () => {
    const { c } = connector(() => success('setUserResponse'));
    expect((await c.pushProfileUpdate('jdoe', { meetingTypes: [214] })).notes.join()).toMatch(/supportedServices/);
    expect((await c.pushProfileUpdate('jdoe', { meetingTypes: [214], supportedServicesMeetingCenter: true })).notes).toEqual([]);
  });

  it('updates with SetUser in XSD order; a different webExId renames via newWebExId', async () => {
    const { c, fake } = connector(() => success('setUserResponse'));
    const result = await c.pushProfileUpdate('jdoe', { active: 'ACTIVATED', webExId: 'jane', lastName: 'Roe' });
    expect(result.webExId).toBe('jane');
    expect(fake.seen[0].xml).toMatch(/<bodyContent[^>]*><lastName>Roe<\/lastName><webExId>jdoe<\/webExId><active>ACTIVATED<\/active><newWebExId>jane<\/newWebExId><\/bodyContent>/);
  });

  it('password, deactivate and reactivate send SetUser with just the one element', async () => {
    const { c, fake } = connector(() => success('setUserResponse'));
    await c.pushPassword('jdoe', 'N3w-Pass!');
    await c.deactivate('jdoe');
    await c.reactivate('jdoe');
    expect(fake.seen.map((s) => s.body)).toEqual([
      { webExId: 'jdoe', password: 'N3w-Pass!' }, { webExId: 'jdoe', active: 'DEACTIVATED' }, { webExId: 'jdoe', active: 'ACTIVATED' },
    ]);
  });

  it('surfaces the session type of a licence error on reactivate', async () => {
    const { c } = connector(() => failure('110055', 'User limit exceeded for Session Type', { value: '214' }));
    const error = await rejection(c.reactivate('jdoe'));
    expect(error).toMatchObject({ errorClass: 'sessionTypeLimit', sessionType: '214', operation: 'SetUser' });
  });
});
