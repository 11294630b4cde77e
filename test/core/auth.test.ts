/** AuthenticateUser, session tickets (expiring), access tokens, site resolution and privileges (SPEC §1.2, §2.1). */
import { DEMO, createWebexMock, inputFromPaths, readPath } from '../../mock-server';
import request from 'supertest';
import { XML_SERVICE_PATH } from '../../mock-server';
import { call, expectFailure, expectSuccess, parseAnswer } from './support/client';
import { ADMIN, HOST, elements, newUserBody, xmlRequest, type Security } from './support/xml';

/** A mock whose clock the test moves. */
function clocked() {
  let t = Date.UTC(2026, 0, 5, 12, 0, 0);
  const mock = createWebexMock({ now: () => t });
  return { mock, advance: (ms: number) => { t += ms; }, now: () => t };
}

const withTicket = (ticket: string, webExID = 'admin'): Security => ({ siteName: 'demo', webExID, sessionTicket: ticket });

describe('AuthenticateUser', () => {
  it('password form: answers sessionTicket, createTime (epoch ms) and timeToLive (s); the ticket authenticates later requests', async () => {
    const { mock, now } = clocked();
    const a = await call(mock, 'AuthenticateUser', '', ADMIN);
    expectSuccess(a);
    expect(a.type).toBe('use:authenticateUserResponse');
    const b = a.body!;
    expect(Object.keys(b).filter((k) => !k.startsWith('@_'))).toEqual(['use:sessionTicket', 'use:createTime', 'use:timeToLive']);
    expect(b['use:sessionTicket'].length).toBeGreaterThan(40);
    expect(b['use:sessionTicket']).not.toContain(DEMO.admin.password);
    expect(b['use:createTime']).toBe(String(now()));
    expect(b['use:timeToLive']).toBe('5400');
    expectSuccess(await call(mock, 'GetUser', '<webExId>host</webExId>', withTicket(b['use:sessionTicket'])));
    expectSuccess(await call(mock, 'CreateUser', newUserBody().xml, withTicket(b['use:sessionTicket'])));
  });

  it('access-token form: <accessToken> in the body, no password in the header', async () => {
    const { mock } = clocked();
    const a = await call(mock, 'AuthenticateUser', `<accessToken>${DEMO.accessToken}</accessToken>`, { siteName: 'demo', webExID: 'admin' });
    expectSuccess(a);
    expectSuccess(await call(mock, 'LstsummaryUser', '', withTicket(a.body!['use:sessionTicket'])));
  });

  it('a wrong token → 030048 with subError AS0001; a wrong password → 030002', async () => {
    const { mock } = clocked();
    const bad = await call(mock, 'AuthenticateUser', '<accessToken>nope</accessToken>', { siteName: 'demo', webExID: 'admin' });
    expectFailure(bad, '030048', "Authentication Server can't generate a valid session ticket");
    expect(bad.text).toContain('<serv:subErrors><serv:subError><serv:exceptionID>AS0001</serv:exceptionID><serv:reason>authentication service error</serv:reason>');
    // the token belongs to admin, not to host
    expectFailure(await call(mock, 'AuthenticateUser', `<accessToken>${DEMO.accessToken}</accessToken>`, { siteName: 'demo', webExID: 'host' }), '030048');
    expectFailure(await call(mock, 'AuthenticateUser', '', { ...ADMIN, password: 'wrong' }), '030002', 'Incorrect user or password');
  });

  it('the ticket expires after timeToLive (injected clock) → 030047 "Not a valid session ticket"', async () => {
    const { mock, advance } = clocked();
    const ticket = (await call(mock, 'AuthenticateUser', '', ADMIN)).body!['use:sessionTicket'];
    advance(5399_000);
    expectSuccess(await call(mock, 'GetUser', '<webExId>host</webExId>', withTicket(ticket)));
    advance(1_000);
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', withTicket(ticket)), '030047', 'Not a valid session ticket');
  });

  it('a ticket only works for the user it was issued to, and an unknown ticket is refused', async () => {
    const { mock } = clocked();
    const hostTicket = (await call(mock, 'AuthenticateUser', '', HOST)).body!['use:sessionTicket'];
    expectSuccess(await call(mock, 'GetUser', '<webExId>host</webExId>', withTicket(hostTicket, 'host')));
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', withTicket(hostTicket, 'admin')), '030047');
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', withTicket('AAABforged')), '030047');
  });

  it('the site ticket lifetime comes from site.config', async () => {
    const { mock, advance } = clocked();
    mock.registry.get('demo')!.config.sessionTicketTtlSeconds = 60;
    const a = await call(mock, 'AuthenticateUser', '', ADMIN);
    expect(a.body!['use:timeToLive']).toBe('60');
    advance(60_000);
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', withTicket(a.body!['use:sessionTicket'])), '030047');
  });
});

describe('credentials in securityContext', () => {
  const mock = createWebexMock();

  it('accepts email instead of webExID, and webExAccessToken instead of a password', async () => {
    expectSuccess(await call(mock, 'GetUser', '<webExId>host</webExId>', { siteName: 'demo', email: DEMO.admin.email, password: DEMO.admin.password }));
    expectSuccess(await call(mock, 'GetUser', '<webExId>host</webExId>', { siteName: 'demo', webExID: 'admin', webExAccessToken: DEMO.accessToken }));
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', { siteName: 'demo', webExID: 'admin', webExAccessToken: 'wrong' }), '030002');
  });

  it('unknown caller, missing credential and a deactivated caller → 030002', async () => {
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', { siteName: 'demo', webExID: 'ghost', password: 'x' }), '030002');
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', { siteName: 'demo', webExID: 'admin' }), '030002');
    const u = newUserBody();
    expectSuccess(await call(mock, 'CreateUser', u.xml));
    const asUser: Security = { siteName: 'demo', webExID: u.webExId, password: 'Secr3t!pass' };
    expectSuccess(await call(mock, 'GetUser', `<webExId>${u.webExId}</webExId>`, asUser));
    expectSuccess(await call(mock, 'DelUser', `<webExId>${u.webExId}</webExId>`));
    expectFailure(await call(mock, 'GetUser', `<webExId>${u.webExId}</webExId>`, asUser), '030002');
  });

  it('without siteName/siteID the {site}.webex.com Host header names the site (not api.webex.com)', async () => {
    const body = xmlRequest('GetUser', '<webExId>host</webExId>', { webExID: 'admin', password: DEMO.admin.password });
    const send = (host: string) => request(mock.app).post(XML_SERVICE_PATH).set('Host', host).send(body).then((r) => parseAnswer(r.status, {}, r.text));
    expectSuccess(await send('demo.webex.com'));
    expectSuccess(await send('demo.my.webex.com:443'));
    expectFailure(await send('api.webex.com'), '030076');
    expectFailure(await send('other.webex.com'), '030076');
  });

  it('site by siteID (+partnerID); unknown site name, id or partner → 030076', async () => {
    const byId: Security = { siteID: String(DEMO.siteId), webExID: 'admin', password: DEMO.admin.password };
    expectSuccess(await call(mock, 'GetUser', '<webExId>host</webExId>', byId));
    expectSuccess(await call(mock, 'GetUser', '<webExId>host</webExId>', { ...byId, partnerID: 'demo-partner' }));
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', { ...byId, partnerID: 'other' }), '030076', 'Site is not valid');
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', { ...ADMIN, siteName: 'nosuchsite' }), '030076');
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', { siteID: '999', webExID: 'admin', password: 'x' }), '030076');
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', { webExID: 'admin', password: DEMO.admin.password }), '030076');
  });
});

describe('privileges', () => {
  const mock = createWebexMock();
  const site = mock.registry.get('demo')!;
  site.createUser(inputFromPaths({ webExId: 'roadmin', email: 'ro@demo.example.com', password: 'R3adonly!x', 'privilege/roSiteAdmin': 'true' }));
  const RO: Security = { siteName: 'demo', webExID: 'roadmin', password: 'R3adonly!x' };

  it.each([
    ['CreateUser', () => newUserBody().xml],
    ['SetUser', () => elements({ webExId: 'admin', title: 'x' })],
    ['DelUser', () => '<webExId>admin</webExId>'],
    ['LstsummaryUser', () => ''],
    ['LstUser', () => ''],
    ['GetUser', () => '<webExId>admin</webExId>'],
  ])('the non-admin host gets 000001 on %s', async (op, body) => {
    expectFailure(await call(mock, op, body(), HOST), '000001', 'Access denied, additional privileges are required');
  });

  it('a host may update itself but may not grant itself siteAdmin', async () => {
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: 'host', title: 'Self-edited' }), HOST));
    expectFailure(await call(mock, 'SetUser', elements({ webExId: 'host', 'privilege/siteAdmin': 'true' }), HOST), '000001');
    expect(readPath(site.findUser('host')!, 'privilege/siteAdmin')).toBe(false);
    expect(readPath(site.findUser('host')!, 'title')).toBe('Self-edited');
  });

  it('a read-only admin may not grant itself siteAdmin on itself either (000001, nothing changes)', async () => {
    expectFailure(await call(mock, 'SetUser', elements({ webExId: 'roadmin', 'privilege/siteAdmin': 'true' }), RO), '000001');
    expect(readPath(site.findUser('roadmin')!, 'privilege/siteAdmin')).toBe(false);
  });

  it('a read-only admin reads everything but writes nothing (000001)', async () => {
    expectSuccess(await call(mock, 'GetUser', '<webExId>admin</webExId>', RO));
    expectSuccess(await call(mock, 'LstsummaryUser', '', RO));
    const before = site.userCount;
    expectFailure(await call(mock, 'CreateUser', newUserBody().xml, RO), '000001');
    expectFailure(await call(mock, 'SetUser', elements({ webExId: 'host', title: 'RO was here' }), RO), '000001');
    expectFailure(await call(mock, 'DelUser', '<webExId>host</webExId>', RO), '000001');
    const siteTemplates = '<sessionTemplate><name>Weekly</name><serviceType>MeetingCenter</serviceType></sessionTemplate><templateType>Site</templateType>';
    expectFailure(await call(mock, 'DelSessionTemplates', siteTemplates, RO), '000001');
    expect(site.userCount).toBe(before);
    expect(readPath(site.findUser('host')!, 'title')).not.toBe('RO was here');
    expect(readPath(site.findUser('host')!, 'active')).toBe('ACTIVATED');
  });
});

describe('password checks remember the last match per stored hash', () => {
  it('a matched password keeps matching; another one, and the old one after a password change, are still refused', async () => {
    const mock = createWebexMock();
    const host: Security = { siteName: 'demo', webExID: 'host', password: DEMO.host.password };
    for (let i = 0; i < 2; i++) expectSuccess(await call(mock, 'GetUser', '<webExId>host</webExId>', host));
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', { ...host, password: `${host.password}x` }), '030002');
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', { ...host, password: host.password!.slice(0, -1) }), '030002');
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: 'host', password: 'N3w!Passw0rd' }), ADMIN));
    expectFailure(await call(mock, 'GetUser', '<webExId>host</webExId>', host), '030002');
    expectSuccess(await call(mock, 'GetUser', '<webExId>host</webExId>', { ...host, password: 'N3w!Passw0rd' }));
  });
});
