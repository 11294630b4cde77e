/**
 * The "mock answered" column of reference/webex-xml-api/FINDINGS-2026-12.md, re-run: each documented request the
 * findings sent to the emulator (commit 06bb2fb) is sent again, and the answer is checked against the documented
 * one. Every row here is a line of the differences table in docs/real-api.md (fixed, or explained there).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createWebexMock, type WebexMock } from '../../mock-server';
import { call, expectFailure, expectSuccess, parseAnswer, post, type Answer } from './support/client';
import { elements } from './support/xml';
import { addDemoSite } from '../../mock-server';
import { addSite, adminOf } from './support/sites';

const example = (f: string) => readFileSync(resolve(__dirname, '../../reference/webex-xml-api/examples', f), 'utf8');
const mock: WebexMock = createWebexMock({ setup: (r) => {
  addDemoSite(r);
  addSite(r, { name: 'hubco', flags: { sparkMeet: false, controlHubManaged: true } });
  addSite(r, { name: 'held', suspended: true });
} });
const CH = adminOf('hubco');
const users = (a: Answer) => (a.body?.['use:user'] ?? []) as Record<string, string>[];

describe('FINDINGS-2026-12 §1: exception messages', () => {
  it('010107 "The site is suspended" (API 42.6.0) — was missing', async () => {
    expectFailure(await call(mock, 'CreateUser', elements({ webExId: 'x', email: 'x@held.example.com' }), adminOf('held')), '010107', 'The site is suspended');
  });
  it('999999 "Maximum date range is 90 days for modified date query" (39.11.0) — was: filters ignored', async () => {
    const a = await call(mock, 'LstsummaryUser', '<modifiedDateStart>01/01/2025 00:00:00</modifiedDateStart><modifiedDateEnd>03/01/2026 00:00:00</modifiedDateEnd>');
    expectFailure(a, '999999', 'Maximum date range is 90 days for modified date query');
  });
  it('"valid PIN is required" (setuser page) — was: SetUser of a PCN account for host → SUCCESS', async () => {
    const a = await call(mock, 'SetUser', elements({ webExId: 'host', 'personalTeleconf/account/accountIndex': '1', 'personalTeleconf/account/subscriberAccessCode': '4711' }));
    expectFailure(a, '030078', 'valid PIN is required');
  });
});

describe('FINDINGS-2026-12 §2: per operation', () => {
  it('AuthenticateUser (documented access-token request): use:authenticateUserResponse with sessionTicket, createTime, timeToLive 5400 — no difference', async () => {
    const xml = example('authenticateuser-request-2.xml').replace('{{SITE_NAME}}', 'demo').replace('{{WEBEXID}}', 'admin').replace('{{ACCESS_TOKEN}}', 'demo-access-token');
    const a = await post(mock, xml);
    expectSuccess(a);
    expect(a.type).toBe('use:authenticateUserResponse');
    expect(a.body!['use:timeToLive']).toBe('5400');
  });

  it('CreateUser (40.4.3 example with isHTMLEmail): SUCCESS, isHTMLEmail accepted and displayName kept — was: both dropped', async () => {
    const a = await call(mock, 'CreateUser', elements({ firstName: 'Rerun', lastName: 'User', webExId: 'rerun', password: 'Secr3t!pass', email: 'rerun@example.com',
      'privilege/host': 'true', languageID: '3', active: 'ACTIVATED', sendWelcome: 'true', isHTMLEmail: 'true', displayName: 'Rerun U.' }));
    expectSuccess(a);
    expect(a.type).toBe('use:createUserResponse');
    expect((await call(mock, 'GetUser', '<webExId>rerun</webExId>')).body!['use:displayName']).toBe('Rerun U.');
  });

  it('GetUser of a new user: expirationDate none, as the live capture (was 12/31/2049 23:59:59)', async () => {
    expect((await call(mock, 'GetUser', '<webExId>rerun</webExId>')).body!['use:expirationDate']).toBe('none');
  });

  it('LstsummaryUser (the documented request): 000015 — explained: its 2004–2014 dataScope excludes every demo user', async () => {
    const xml = example('lstsummaryuser-request-1.xml').replace('<siteName>acme</siteName>', '<siteName>demo</siteName>')
      .replace('admincred@acme.com', 'admin');
    expectFailure(await post(mock, xml), '000015');
  });

  it('LstsummaryUser answers lastLoginTime and lastModifiedTime (39.11.0) — was: neither', async () => {
    const u = users(await call(mock, 'LstsummaryUser', '<webExId>admin</webExId>'))[0];
    expect(Object.keys(u)).toEqual(expect.arrayContaining(['use:lastLoginTime', 'use:lastModifiedTime']));
  });

  it('GetloginurlUser: xsi:type use:GetloginurlUserResponse and FN, LN, EM, WID, TK, MU, BU — was: lower-case g, no FN/LN/EM/BU', async () => {
    const a = await call(mock, 'GetloginurlUser', '<webExID>host</webExID>');
    expect(a.type).toBe('use:GetloginurlUserResponse');
    expect([...new URL(a.body!['use:userLoginURL']).searchParams.keys()]).toEqual(['AT', 'FN', 'LN', 'EM', 'WID', 'TK', 'MU', 'BU']);
  });

  it('GetAPIVersion with only siteName: SUCCESS with apiVersion, release, apiVer on a serv/com/ep/meet root — was: 030002', async () => {
    const a = await post(mock, `<?xml version="1.0" encoding="UTF-8"?><serv:message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><header><securityContext><siteName>demo</siteName></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.ep.GetAPIVersion"></bodyContent></body></serv:message>`);
    expectSuccess(a);
    expect(Object.keys(a.body!).filter((k) => !k.startsWith('@_'))).toEqual(['ep:apiVersion', 'ep:release', 'ep:apiVer']);
    expect(a.text).toContain('xmlns:ep="http://www.webex.com/schemas/2002/06/service/ep" xmlns:meet=');
  });

  it('GetSite: 27 siteInstance blocks and a serv/com/ns1/event root — was: 9 blocks, serv/com/use root', async () => {
    const a = await call(mock, 'GetSite');
    expect(Object.keys(a.body!['ns1:siteInstance'])).toHaveLength(27);
    expect(a.text).toContain('xmlns:ns1="http://www.webex.com/schemas/2002/06/service/site" xmlns:event=');
  });
});

describe('FINDINGS-2026-12 §3.1: Control Hub managed site (hubco), API 41.11.0', () => {
  it('CreateUser webExId ann + email ann.lee@… → stored as the email, not active — was: stored as ann, ACTIVATED', async () => {
    expectSuccess(await call(mock, 'CreateUser', elements({ webExId: 'ann', email: 'ann.lee@hubco.example.com', firstName: 'Ann', lastName: 'Lee', password: 'Secr3t!pass' }), CH));
    const u = users(await call(mock, 'LstsummaryUser', '<email>ann.lee@hubco.example.com</email>', CH))[0];
    expect([u['use:webExId'], u['use:active']]).toEqual(['ann.lee@hubco.example.com', 'DEACTIVATED']);
  });
  it('SetUser email → SUCCESS; SetUser password → ignored (SUCCESS) — was: 030077 for both', async () => {
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: 'ann.lee@hubco.example.com', password: 'An0ther!pass' }), CH));
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: 'ann.lee@hubco.example.com', email: 'ann@hubco.example.com' }), CH));
    expectSuccess(await call(mock, 'GetUser', '<webExId>ann@hubco.example.com</webExId>', CH));
  });
  it('LstsummaryUser → objectGUID for every user — was: none', async () => {
    const list = users(await call(mock, 'LstsummaryUser', '', CH));
    expect(list.length).toBeGreaterThan(1);
    for (const u of list) expect(u['use:objectGUID']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

it('the answers this file reads are well-formed Webex envelopes (parseAnswer of a raw capture works the same)', () => {
  expect(parseAnswer(200, {}, example('getuser-response-2.xml')).exceptionID).toBe('030047');
});
