/** Every operation of SPEC §2 plus GetSite / GetAPIVersion, over HTTP against the demo site. */
import { DEMO, SLOT, createWebexMock, catalog, readPath, valueAt } from '../../mock-server';
import { call, expectFailure, expectSuccess, pick, post, bodyChildNames } from './support/client';
import { ADMIN, HOST, elements, newUserBody, xmlRequest } from './support/xml';

const mock = createWebexMock();
const demo = () => mock.registry.get(DEMO.siteName)!;
// These tests create ~200 users: lift the demo licences here (licence rules have their own tests in rules.test.ts).
demo().config.hostLimit = null;
for (const t of demo().config.sessionTypes) t.limit = null;

/** Create a user through the API and return its webExId. */
async function created(extra: Record<string, string | string[]> = {}): Promise<string> {
  const u = newUserBody(extra);
  expectSuccess(await call(mock, 'CreateUser', u.xml));
  return u.webExId;
}

async function getUser(webExId: string) {
  const a = await call(mock, 'GetUser', `<webExId>${webExId}</webExId>`);
  expectSuccess(a);
  return a.body!;
}

describe('CreateUser', () => {
  it('answers use:createUserResponse with the new userId, and the user exists with catalog defaults', async () => {
    const before = demo().userCount;
    const u = newUserBody();
    const a = await call(mock, 'CreateUser', u.xml);
    expectSuccess(a);
    expect(a.type).toBe('use:createUserResponse');
    expect(bodyChildNames(a.text)).toEqual(['use:userId']);
    const userId = a.body!['use:userId'];
    expect(userId).toMatch(/^\d{9}$/);
    expect(demo().userCount).toBe(before + 1);

    const g = await getUser(u.webExId);
    expect(g['use:userId']).toBe(userId);
    expect(g['use:email']).toBe(u.email);
    expect(g['use:active']).toBe('ACTIVATED'); // SPEC §6 row 14 defaults
    expect(pick(g, 'use:privilege/use:otherTelephony')).toBe('true');
    expect(g['use:expirationDate']).toBe('none'); // the live 2016 GetUser capture (examples/getuser-response-1.xml)
    expect(pick(g, 'use:address/com:addressType')).toBe('PERSONAL');
    expect(g['use:timeZoneID']).toBe(String(demo().config.timeZoneId)); // -1 means the site zone
    expect(pick(g, 'use:meetingTypes/use:meetingType')).toEqual(demo().config.defaultSessionTypes.map(String));
  });

  it('accepts a user without webExId and uses the email (docs call webExId optional)', async () => {
    const email = `noid${Date.now()}@example.com`;
    expectSuccess(await call(mock, 'CreateUser', elements({ firstName: 'No', lastName: 'Id', email, password: 'Secr3t!pass' })));
    expect((await getUser(email))['use:webExId']).toBe(email);
  });

  it('refuses a user without email', async () => {
    expectFailure(await call(mock, 'CreateUser', elements({ webExId: 'noemail1', password: 'Secr3t!pass' })), '030071', /^Can't set field email/);
    expect(demo().findUser('noemail1')).toBeUndefined();
  });
});

describe('SetUser', () => {
  it('answers an empty use:setUserResponse', async () => {
    const id = await created();
    const a = await call(mock, 'SetUser', elements({ webExId: id, title: 'Engineer' }));
    expectSuccess(a);
    expect(a.type).toBe('use:setUserResponse');
    expect(a.text).toContain('<serv:bodyContent xsi:type="use:setUserResponse" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>');
  });

  it('is a partial update down to child elements', async () => {
    const id = await created({ title: 'Before', 'address/address1': '1 Main St', 'address/city': 'Springfield', 'privilege/teleConfCallIn': 'true', 'privilege/voiceOverIp': 'true' });
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: id, 'address/city': 'Shelbyville', 'privilege/voiceOverIp': 'false' })));
    const g = await getUser(id);
    expect(pick(g, 'use:address/com:city')).toBe('Shelbyville');
    expect(pick(g, 'use:address/com:address1')).toBe('1 Main St'); // sibling in the same container untouched
    expect(pick(g, 'use:privilege/use:voiceOverIp')).toBe('false');
    expect(pick(g, 'use:privilege/use:teleConfCallIn')).toBe('true');
    expect(pick(g, 'use:privilege/use:host')).toBe('true');
    expect(g['use:title']).toBe('Before');
    expect(g['use:firstName']).toBe('Test');
  });

  it('only the password: the new one authenticates, the old one does not', async () => {
    const id = await created({ 'privilege/siteAdmin': 'false' });
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: id, password: 'N3w!password' })));
    const asUser = (password: string) => call(mock, 'GetUser', `<webExId>${id}</webExId>`, { siteName: 'demo', webExID: id, password });
    expectSuccess(await asUser('N3w!password'));
    expectFailure(await asUser('Secr3t!pass'), '030002');
  });

  it('renames with newWebExId: the old id is unknown (030001), the new one has the same userId', async () => {
    const id = await created();
    const userId = (await getUser(id))['use:userId'];
    const renamed = `${id}-renamed`;
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: id, newWebExId: renamed })));
    expectFailure(await call(mock, 'GetUser', `<webExId>${id}</webExId>`), '030001');
    const g = await getUser(renamed);
    expect(g['use:webExId']).toBe(renamed);
    expect(g['use:userId']).toBe(userId);
  });

  it('active transitions: DEACTIVATED frees the host licence, ACTIVATED takes it back, REQUEST_TO_ACTIVATE holds none', async () => {
    const id = await created();
    const hosts = () => demo().usage().hosts.used;
    const start = hosts();
    for (const [state, delta] of [['DEACTIVATED', -1], ['ACTIVATED', 0], ['REQUEST_TO_ACTIVATE', -1], ['ACTIVATED', 0]] as const) {
      expectSuccess(await call(mock, 'SetUser', elements({ webExId: id, active: state })));
      expect((await getUser(id))['use:active']).toBe(state);
      expect(hosts()).toBe(start + delta);
    }
  });

  it('unknown webExId → 030001', async () => {
    expectFailure(await call(mock, 'SetUser', elements({ webExId: 'nobody-here', title: 'x' })), '030001');
  });
});

describe('GetUser', () => {
  // SPEC §3 serialization order, copied from the spec (an oracle independent of the catalog).
  // displayName and cmrHybridVoip: API 40.11.0, positions not documented (catalog notes).
  const SPEC_ORDER = `firstName, lastName, displayName, title, categoryId, description, officeGreeting, company, webExId, address, phones, email, email2,
officeurl, password, passwordHint, passwordHintAnswer, personalUrl, expirationDate, commOptions, meetingTypes, options,
timeZoneID, timeZone, timeZoneWithDST, tracking, service, privilege, language, locale, schedulingPermission, active,
defaultCallIn, tspAccount, supportedServices, myWebEx, personalTeleconf, videoSystems, thirdPartyTeleconf,
personalMeetingRoom, sessionOptions, supportCenter, mpProfileNumber, security, languageID, webACDPrefs, remoteSupport,
remoteAccess, registrationDate, visitCount, userId, eventCenter, salesCenter, peExpired, peActive, passwordExpires,
passwordDaysLeft, schedulingTemplates, serviceSessionTypes, scheduleFor, cmrHybridVoip`.split(/[\s,]+/).filter(Boolean);

  it('answers use:getUserResponse with children in SPEC §3 order, all `use:` prefixed', async () => {
    const id = await created({ title: 'T', description: 'D', company: 'C', email2: 'x2@example.com', officeurl: 'https://o', mpProfileNumber: '42', schedulingPermission: 'admin' });
    const a = await call(mock, 'GetUser', `<webExId>${id}</webExId>`);
    expect(a.type).toBe('use:getUserResponse');
    const names = bodyChildNames(a.text);
    expect(names.every((n) => n.startsWith('use:'))).toBe(true);
    const local = names.map((n) => n.slice(4));
    const positions = local.map((n) => SPEC_ORDER.indexOf(n));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    // the optional elements we set are shown; the always-shown empties the real capture has are self-closed
    for (const n of ['title', 'description', 'company', 'email2', 'officeurl', 'mpProfileNumber', 'schedulingPermission']) expect(local).toContain(n);
    expect(a.text).toMatch(/<use:tracking\/>|<use:tracking>/);
    expect(a.text).toContain('<use:defaultCallIn/>');
  });

  it('masks the password and generates personalUrl pr+13 digits with the derived Personal Room', async () => {
    const id = await created({ firstName: 'Jane', lastName: 'Doe' });
    const g = await getUser(id);
    expect(g['use:password']).toBe('******');
    const url = g['use:personalUrl'];
    expect(url).toMatch(/^pr\d{13}$/);
    const host = demo().config.host;
    const pmr = g['use:personalMeetingRoom'];
    expect(pmr['use:title']).toBe("Jane Doe's Personal Room");
    expect(pmr['use:personalMeetingRoomURL']).toBe(`https://${host}/meet/${url}`);
    expect(pmr['use:sipURL']).toBe(`${url}@${host}`);
    expect(pmr['use:accessCode']).toMatch(/^\d{9}$/);
    expect(pmr['use:hostPIN']).toMatch(/^\d{4}$/);
    expect(pick(g, 'use:phones/use:PIN')).toBe('');
    expect(g['use:registrationDate']).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
  });

  it('uses com: for address and base phones, use: for the rest of phones', async () => {
    const id = await created({ 'phones/phone': '1,408,5550100', 'phones/pager': '1,408,5550101', 'address/city': 'X' });
    const a = await call(mock, 'GetUser', `<webExId>${id}</webExId>`);
    expect(a.text).toContain('<com:phone>1,408,5550100</com:phone>');
    expect(a.text).toContain('<use:pager>1,408,5550101</use:pager>');
    expect(a.text).toContain('<com:city>X</com:city>');
  });

  it('a host may read itself but not another user (000001); unknown user → 030001', async () => {
    expectSuccess(await call(mock, 'GetUser', '<webExId>host</webExId>', HOST));
    expectFailure(await call(mock, 'GetUser', '<webExId>admin</webExId>', HOST), '000001', 'Access denied, additional privileges are required');
    expectFailure(await call(mock, 'GetUser', '<webExId>no-such-user</webExId>'), '030001', 'Corresponding User not found');
  });

  it('finds webExIds case-insensitively', async () => {
    expect((await getUser('HOST'))['use:webExId']).toBe('host');
  });
});

describe('DelUser', () => {
  it('deactivates (not a purge): GetUser shows DEACTIVATED and the licences are freed', async () => {
    const id = await created({ 'meetingTypes/meetingType': ['214', '216'] });
    const usage = () => demo().usage();
    const before = usage();
    const a = await call(mock, 'DelUser', `<webExId>${id}</webExId>`);
    expectSuccess(a);
    expect(a.type).toBe('use:delUserResponse');
    expect(a.body!['use:user']).toEqual([{ 'use:webExId': id, 'use:status': 'SUCCESS' }]);
    expect((await getUser(id))['use:active']).toBe('DEACTIVATED');
    const after = usage();
    expect(after.hosts.used).toBe(before.hosts.used - 1);
    const used = (u: typeof before, st: number) => u.sessionTypes.find((t) => t.id === st)!.used;
    expect(used(after, 214)).toBe(used(before, 214) - 1);
    expect(used(after, 216)).toBe(used(before, 216) - 1);
  });

  it('takes up to 50 ids and reports a FAILURE row per unknown id', async () => {
    const ids = await Promise.all(Array.from({ length: 49 }, () => created()));
    const a = await call(mock, 'DelUser', [...ids, 'ghost-user'].map((i) => `<webExId>${i}</webExId>`).join(''));
    expectSuccess(a);
    const rows = a.body!['use:user'] as { 'use:webExId': string; 'use:status': string }[];
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r['use:status'] === 'SUCCESS').map((r) => r['use:webExId'])).toEqual(ids);
    expect(rows[49]).toEqual({ 'use:webExId': 'ghost-user', 'use:status': 'FAILURE' });
    for (const id of ids) expect(valueAt(demo().findUser(id)!.values, SLOT.active)).toBe('DEACTIVATED');
  });

  it('refuses more than 50 ids and deactivates nobody', async () => {
    const ids = await Promise.all(Array.from({ length: 51 }, () => created()));
    const a = await call(mock, 'DelUser', ids.map((i) => `<webExId>${i}</webExId>`).join(''));
    expectFailure(a, '030071', /webExId/);
    for (const id of ids) expect((await getUser(id))['use:active']).toBe('ACTIVATED');
  });

  it('only unknown ids → 030001; a non-admin → 000001', async () => {
    expectFailure(await call(mock, 'DelUser', '<webExId>ghost-1</webExId>'), '030001');
    const id = await created();
    expectFailure(await call(mock, 'DelUser', `<webExId>${id}</webExId>`, HOST), '000001');
    expect((await getUser(id))['use:active']).toBe('ACTIVATED');
  });
});

describe('GetloginTicket, GetloginurlUser, GetlogouturlUser', () => {
  it('GetloginTicket returns a ticket and the API version (also for a non-admin)', async () => {
    const a = await call(mock, 'GetloginTicket', '', HOST);
    expectSuccess(a);
    expect(a.type).toBe('use:getLoginTicketResponse');
    expect(a.body!['use:ticket']).toMatch(/^[0-9a-f]{32}$/);
    expect(a.body!['use:apiVersion']).toBe(catalog.FOLLOWED_API.apiVersion);
    const b = await call(mock, 'GetloginTicket', '', HOST);
    expect(b.body!['use:ticket']).not.toBe(a.body!['use:ticket']);
  });

  // developer.cisco.com/docs/webex-xml-api-reference-guide/getloginurluser: xsi:type="use:GetloginurlUserResponse",
  // p.php?AT=LI&FN=Fname&LN=Lname&EM=email@domain.com&WID=hostid&TK=ticket&MU=GoBack&BU=
  it('GetloginurlUser answers the documented type and URL parameters (FN, LN, EM, WID, TK, MU, BU)', async () => {
    const a = await call(mock, 'GetloginurlUser', '<webExID>host</webExID><backURL>https://back.example.com/x</backURL>');
    expectSuccess(a);
    expect(a.type).toBe('use:GetloginurlUserResponse');
    const url = new URL(a.body!['use:userLoginURL']);
    expect(url.host).toBe(demo().config.host);
    expect([...url.searchParams.keys()]).toEqual(['AT', 'FN', 'LN', 'EM', 'WID', 'TK', 'MU', 'BU']);
    expect(url.searchParams.get('AT')).toBe('LI');
    expect(url.searchParams.get('FN')).toBe('Demo');
    expect(url.searchParams.get('LN')).toBe('Host');
    expect(url.searchParams.get('EM')).toBe(DEMO.host.email);
    expect(url.searchParams.get('WID')).toBe('host');
    expect(url.searchParams.get('TK')).toMatch(/^[0-9a-f]{32}$/);
    expect(url.searchParams.get('MU')).toBe('GoBack');
    expect(url.searchParams.get('BU')).toBe('https://back.example.com/x');
    const plain = new URL((await call(mock, 'GetloginurlUser', '<webExID>host</webExID>')).body!['use:userLoginURL']);
    expect(plain.searchParams.get('BU')).toBe('');
  });

  it('GetlogouturlUser returns a logout URL', async () => {
    const a = await call(mock, 'GetlogouturlUser', '<webExID>host</webExID><backURL>https://b.example.com</backURL>', HOST);
    expectSuccess(a);
    expect(a.type).toBe('use:getlogouturlUserResponse');
    const url = new URL(a.body!['use:userLogoutURL']);
    expect(url.searchParams.get('AT')).toBe('LO');
    expect(url.searchParams.get('BU')).toBe('https://b.example.com');
  });

  it('login tickets do not draw from the site generator: the next user\'s access code and host PIN are the same with or without them', async () => {
    const codes = async (loginCallsFirst: boolean) => {
      const m = createWebexMock();
      if (loginCallsFirst) {
        expectSuccess(await call(m, 'GetloginTicket', '', HOST));
        expectSuccess(await call(m, 'GetloginurlUser', '<webExID>host</webExID>'));
      }
      expectSuccess(await call(m, 'CreateUser', newUserBody({}, 'same.user').xml));
      const rec = m.registry.get(DEMO.siteName)!.findUser('same.user')!;
      return [readPath(rec, 'personalMeetingRoom/accessCode'), readPath(rec, 'personalMeetingRoom/hostPIN')];
    };
    expect(await codes(true)).toEqual(await codes(false));
  });

  it('unknown user → 030001; a host asking for another user → 000001', async () => {
    expectFailure(await call(mock, 'GetloginurlUser', '<webExID>ghost</webExID>'), '030001');
    expectFailure(await call(mock, 'GetloginurlUser', '<webExID>admin</webExID>', HOST), '000001');
  });
});

describe('DelSessionTemplates', () => {
  it('accepts valid templates with an empty response', async () => {
    const a = await call(mock, 'DelSessionTemplates', '<sessionTemplate><name>Weekly</name><serviceType>MeetingCenter</serviceType></sessionTemplate>', HOST);
    expectSuccess(a);
    expect(a.type).toBe('use:delSessionTemplatesResponse');
    expect(bodyChildNames(a.text)).toEqual([]);
  });

  it('validates serviceType and templateType; Site templates need an admin', async () => {
    expectFailure(await call(mock, 'DelSessionTemplates', '<sessionTemplate><name>W</name><serviceType>Nope</serviceType></sessionTemplate>'), '030071', /serviceType/);
    expectFailure(await call(mock, 'DelSessionTemplates', ''), '030071', /sessionTemplate/);
    const site = '<sessionTemplate><name>W</name><serviceType>EventCenter</serviceType></sessionTemplate><templateType>Site</templateType>';
    expectFailure(await call(mock, 'DelSessionTemplates', site, HOST), '000001');
    expectSuccess(await call(mock, 'DelSessionTemplates', site));
  });
});

describe('UploadPMRImage', () => {
  const png = Buffer.from('\x89PNG fake image bytes').toString('base64');

  it('sets, replaces and removes the caller\'s Personal Room photo and header image', async () => {
    const a = await call(mock, 'UploadPMRImage', `<imageFor>Photo</imageFor><imageData>${png}</imageData>`, HOST);
    expectSuccess(a);
    expect(a.type).toBe('use:uploadPMRImageResponse');
    const photo = pick(await getUser('host'), 'use:personalMeetingRoom/use:photoURL');
    expect(photo).toMatch(/^https:\/\/demo\.webex\.com\/pmr\/photo\/.+\.png$/);
    expectSuccess(await call(mock, 'UploadPMRImage', `<imageFor>Header</imageFor><imageData>${png}</imageData>`, HOST));
    expect(pick(await getUser('host'), 'use:personalMeetingRoom/use:headerImageURL')).toMatch(/\/pmr\/header\//);
    expectSuccess(await call(mock, 'UploadPMRImage', '<imageFor>Photo</imageFor>', HOST));
    expect(pick(await getUser('host'), 'use:personalMeetingRoom/use:photoURL')).toBeUndefined();
  });

  it('refuses bad base64 and an unknown imageFor', async () => {
    expectFailure(await call(mock, 'UploadPMRImage', '<imageFor>Photo</imageFor><imageData>not*base64</imageData>', HOST), '030071', /imageData/);
    expectFailure(await call(mock, 'UploadPMRImage', `<imageFor>Avatar</imageFor><imageData>${png}</imageData>`, HOST), '030071', /imageFor/);
  });
});

describe('ActivateUser / InactivateUser (schema-only, "not supported")', () => {
  it.each(['ActivateUser', 'InactivateUser'])('%s → 999999 and nothing changes', async (op) => {
    const id = await created();
    expectFailure(await call(mock, op, `<webexID>${id}</webexID>`), '999999', 'This operation is not supported');
    expect((await getUser(id))['use:active']).toBe('ACTIVATED');
  });
});

describe('GetSite and GetAPIVersion', () => {
  it('GetSite lists the session types and reflects site.config feature changes on the next request', async () => {
    const m = createWebexMock();
    const get = async () => {
      const a = await call(m, 'GetSite');
      expectSuccess(a);
      expect(a.type).toBe('ns1:getSiteResponse');
      return a.body!['ns1:siteInstance'];
    };
    let s = await get();
    expect(s['ns1:supportedServices']['ns1:supportCenter']['ns1:webACD']).toBe('false');
    expect(s['ns1:video']['ns1:HQvideo']).toBe('true');
    const ids = s['ns1:metaData']['ns1:meetingTypes'].map((t: Record<string, string>) => [t['ns1:meetingTypeID'], t['ns1:meetingTypeName']]);
    expect(ids).toEqual([['214', 'PRO'], ['4', 'STD'], ['216', 'ONS'], ['11', 'TRS'], ['13', 'SC3']]);
    expect(s['ns1:metaData']['ns1:accountNumLimit']).toBe('250');
    expect(s['ns1:metaData']['ns1:activeUserCount']).toBe(String(m.registry.get('demo')!.usage().hosts.used));

    const site = m.registry.get('demo')!;
    site.config.features.webACD = true;
    site.config.features.hqVideo = false;
    site.config.sessionTypes.push({ id: 9, shortName: 'SAC', name: 'Sales Meeting', serviceType: 'SalesCenter', limit: 5 });
    s = await get();
    expect(s['ns1:supportedServices']['ns1:supportCenter']['ns1:webACD']).toBe('true');
    expect(s['ns1:video']['ns1:HQvideo']).toBe('false');
    expect(s['ns1:metaData']['ns1:meetingTypes'].map((t: Record<string, string>) => t['ns1:meetingTypeID'])).toContain('9');
    expect(s['ns1:metaData']['ns1:serviceType']).toContain('Sales Center');
  });

  it('GetSite reports every catalog feature at its getSitePath', async () => {
    const a = await call(mock, 'GetSite');
    const inst = a.body!['ns1:siteInstance'];
    for (const f of catalog.FEATURES) {
      const v = f.getSitePath.reduce((n: Record<string, unknown> | undefined, seg) => n?.[`ns1:${seg}`] as Record<string, unknown> | undefined, inst);
      expect([f.key, v]).toEqual([f.key, String(demo().config.features[f.key])]);
    }
  });

  // developer.cisco.com/docs/webex-xml-api-reference-guide/xml-request-and-response-documents: the request holds
  // only siteName; the answer has apiVersion, release and apiVer under a serv/com/ep/meet root.
  it('GetAPIVersion answers the documented request (siteName only) with apiVersion, release and apiVer', async () => {
    const a = await call(mock, 'GetAPIVersion', '', { siteName: 'demo' });
    expectSuccess(a);
    expect(a.type).toBe('ep:getAPIVersionResponse');
    expect(a.text).toContain('<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:com="http://www.webex.com/schemas/2002/06/common" xmlns:ep="http://www.webex.com/schemas/2002/06/service/ep" xmlns:meet="http://www.webex.com/schemas/2002/06/service/meeting">');
    expect(Object.keys(a.body!).filter((k) => !k.startsWith('@_'))).toEqual(['ep:apiVersion', 'ep:release', 'ep:apiVer']);
    expect(a.body!['ep:apiVersion']).toBe('WebEx XML API V11.0.0');
    expect(a.body!['ep:apiVer']).toBe(catalog.FOLLOWED_API.apiVer);
    expect(catalog.FOLLOWED_API.apiVer).toMatch(/^42\./);
    expectFailure(await call(mock, 'GetAPIVersion', '', { siteName: 'atlantis' }), '030076');
  });

  it('GetAPIVersion reports the per-site version, and the train elements when asked (2011 ep.xsd)', async () => {
    const m = createWebexMock();
    m.control.patchSite('demo', { apiVersion: { apiVer: '41.11.0', release: 'SP9' } });
    const a = await call(m, 'GetAPIVersion', '<returnTrainReleaseVersion>true</returnTrainReleaseVersion>', { siteName: 'demo' });
    expect(a.body!['ep:apiVer']).toBe('41.11.0');
    expect(a.body!['ep:release']).toBe('SP9');
    expect(a.body!['ep:trainReleaseVersion']).toBe('T31L');
    expect(() => m.control.patchSite('demo', { apiVersion: { apiVer: 'latest' } })).toThrow(/release number/);
  });
});

describe('unknown operation', () => {
  it('answers 000000 "Fail to forward request:null" with an empty serv:body (no bodyContent)', async () => {
    for (const type of ['java:com.webex.service.binding.user.FrobnicateUser', 'use:frobnicateUser', 'java:com.webex.service.binding.meeting.GetUser']) {
      const a = await post(mock, xmlRequest(type, '<webExId>host</webExId>'));
      expect(a.status).toBe(200);
      expectFailure(a, '000000', 'Fail to forward request:null');
      expect(a.text).toContain('<serv:body></serv:body>');
      expect(a.body).toBeUndefined();
    }
  });
});
