/** Site rules (issue #2 "Site rules", SPEC §3.18, §6): licences, atomicity, feature gates, personalUrl, quirks. */
import { DEMO, SLOT, Site, siteConfig, valueAt, draftValues, packValues, createWebexMock, inputFromPaths, knownSessionType, readPath } from '../../mock-server';
import { checkPassword } from '../../mock-server/site/rules';
import type { WebexError } from '../../mock-server/site/webex-error';
import type { PasswordPolicy } from '../../mock-server/site/site-config';
import { call, expectFailure, expectSuccess, parseAnswer, pick } from './support/client';
import { ADMIN, elements, newUserBody, xmlRequest, type Security } from './support/xml';
import { adminOf, mockWithSite } from './support/sites';

async function getUser(mock: ReturnType<typeof createWebexMock>, id: string, sec: Security = ADMIN) {
  const a = await call(mock, 'GetUser', `<webExId>${id}</webExId>`, sec);
  expectSuccess(a);
  return a.body!;
}

describe('licences', () => {
  // admin holds 214 (unlimited); session type 4 (STD) has 2 licences; 11 (TRS) has 1.
  const licensed = () => mockWithSite({ name: 'lic', sessionTypes: [knownSessionType(214, null), knownSessionType(4, 2), knownSessionType(11, 1)], defaultSessionTypes: [214] });
  const A = adminOf('lic');

  it('a full session type → 110055 "User limit exceeded for Session Type" with the id in serv:value', async () => {
    const mock = licensed();
    for (let i = 0; i < 2; i++) expectSuccess(await call(mock, 'CreateUser', newUserBody({ 'meetingTypes/meetingType': ['4'] }).xml, A));
    const u = newUserBody({ 'meetingTypes/meetingType': ['214', '4'] });
    const a = await call(mock, 'CreateUser', u.xml, A);
    expectFailure(a, '110055', 'User limit exceeded for Session Type');
    expect(a.value).toBe('4');
    expect(a.text).toContain('<serv:exceptionID>110055</serv:exceptionID><serv:value>4</serv:value>');
    expect(mock.registry.get('lic')!.findUser(u.webExId)).toBeUndefined();
  });

  it('SetUser adding a full session type → 110055; a user keeps the licences it holds', async () => {
    const mock = licensed();
    const holder = newUserBody({ 'meetingTypes/meetingType': ['11'] });
    expectSuccess(await call(mock, 'CreateUser', holder.xml, A));
    // re-sending its own list does not need a second licence
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: holder.webExId, 'meetingTypes/meetingType': ['11'], 'supportedServices/trainingCenter': 'true' }), A));
    const other = newUserBody();
    expectSuccess(await call(mock, 'CreateUser', other.xml, A));
    const a = await call(mock, 'SetUser', elements({ webExId: other.webExId, 'meetingTypes/meetingType': ['214', '11'], 'supportedServices/meetingCenter': 'true', 'supportedServices/trainingCenter': 'true' }), A);
    expectFailure(a, '110055');
    expect(a.value).toBe('11');
    expect(pick(await getUser(mock, other.webExId, A), 'use:meetingTypes/use:meetingType')).toEqual(['214']);
  });

  it('deactivation frees the licence; re-activating needs it again', async () => {
    const mock = licensed();
    const first = newUserBody({ 'meetingTypes/meetingType': ['11'] });
    expectSuccess(await call(mock, 'CreateUser', first.xml, A));
    const second = newUserBody({ 'meetingTypes/meetingType': ['11'] });
    expectFailure(await call(mock, 'CreateUser', second.xml, A), '110055');
    expectSuccess(await call(mock, 'DelUser', `<webExId>${first.webExId}</webExId>`, A));
    expectSuccess(await call(mock, 'CreateUser', second.xml, A));
    const back = await call(mock, 'SetUser', elements({ webExId: first.webExId, active: 'ACTIVATED' }), A);
    expectFailure(back, '110055');
    expect(back.value).toBe('11');
    expect((await getUser(mock, first.webExId, A))['use:active']).toBe('DEACTIVATED');
  });

  it('host limit → 030059 exceededSiteHostLimit; DEACTIVATED users do not count', async () => {
    const mock = mockWithSite({ name: 'hl', hostLimit: 2 }); // admin is host #1
    const A2 = adminOf('hl');
    expectSuccess(await call(mock, 'CreateUser', newUserBody().xml, A2));
    expectFailure(await call(mock, 'CreateUser', newUserBody().xml, A2), '030059', 'exceededSiteHostLimit');
    const parked = newUserBody({ active: 'DEACTIVATED' });
    expectSuccess(await call(mock, 'CreateUser', parked.xml, A2));
    expectFailure(await call(mock, 'SetUser', elements({ webExId: parked.webExId, active: 'ACTIVATED' }), A2), '030059');
    expect(mock.registry.get('hl')!.usage().hosts).toEqual({ used: 2, limit: 2 });
  });

  it('checks are atomic: 25 concurrent CreateUser over HTTP against 7 free licences create exactly 7', async () => {
    const mock = mockWithSite({ name: 'race', sessionTypes: [knownSessionType(214, null), knownSessionType(4, 7)], defaultSessionTypes: [214] });
    const server = await mock.listen({ host: '127.0.0.1', port: 0 });
    try {
      const bodies = Array.from({ length: 25 }, () => xmlRequest('CreateUser', newUserBody({ 'meetingTypes/meetingType': ['4'] }).xml, adminOf('race')));
      const answers = await Promise.all(bodies.map(async (b) => {
        const res = await fetch(server.xmlUrl, { method: 'POST', body: b, headers: { 'Content-Type': 'text/xml' } });
        return parseAnswer(res.status, {}, await res.text());
      }));
      expect(answers.filter((a) => a.result === 'SUCCESS')).toHaveLength(7);
      const refused = answers.filter((a) => a.result === 'FAILURE');
      expect(refused).toHaveLength(18);
      expect(new Set(refused.map((a) => `${a.exceptionID}/${a.value}`))).toEqual(new Set(['110055/4']));
      const usage = mock.registry.get('race')!.usage().sessionTypes.find((t) => t.id === 4)!;
      expect(usage).toMatchObject({ used: 7, limit: 7 });
      expect(mock.registry.get('race')!.userCount).toBe(1 + 7);
    } finally {
      await server.close();
    }
  });
});

describe('feature gates (demo: WebACD off)', () => {
  it('writing a gated attribute with its feature off → 030072 "Attribute X needs to be Y", user unchanged', async () => {
    const mock = createWebexMock();
    const a = await call(mock, 'SetUser', elements({ webExId: 'host', title: 'changed', 'webACDPrefs/numAgentSessions': '3' }));
    expectFailure(a, '030072', 'Attribute numAgentSessions needs to be 0');
    const b = await call(mock, 'SetUser', elements({ webExId: 'host', 'webACDPrefs/isAgent': 'true' }));
    expectFailure(b, '030072', 'Attribute isAgent needs to be false');
    const g = await getUser(mock, 'host');
    expect(g['use:title']).toBeUndefined();
    expect(pick(g, 'use:webACDPrefs/use:isAgent')).toBe('false');
    expect(pick(g, 'use:webACDPrefs/use:numAgentSessions')).toBe('0');
  });

  it('the feature-off value is accepted; switching the feature on accepts the value', async () => {
    const mock = createWebexMock();
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: 'host', 'webACDPrefs/isAgent': 'FALSE', 'webACDPrefs/numAgentSessions': '0' })));
    mock.registry.get('demo')!.config.features.webACD = true;
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: 'host', 'webACDPrefs/isAgent': 'true', 'webACDPrefs/numAgentSessions': '3' })));
    const g = await getUser(mock, 'host');
    expect(pick(g, 'use:webACDPrefs/use:isAgent')).toBe('true');
    expect(pick(g, 'use:webACDPrefs/use:numAgentSessions')).toBe('3');
  });

  it('CreateUser is gated too, and a gated list (tspAccount) needs its feature', async () => {
    const mock = createWebexMock();
    const u = newUserBody({ 'webACDPrefs/isMgr': 'true' });
    expectFailure(await call(mock, 'CreateUser', u.xml), '030072', 'Attribute isMgr needs to be false');
    expect(mock.registry.get('demo')!.findUser(u.webExId)).toBeUndefined();
    mock.registry.get('demo')!.config.features.tspTelephony = false;
    const tsp = '<tspAccount><tspAccount><accountIndex>1</accountIndex><custom1>x</custom1></tspAccount></tspAccount>';
    expectFailure(await call(mock, 'SetUser', `<webExId>host</webExId>${tsp}`), '030072', 'Attribute tspAccount needs to be empty');
  });
});

describe('personalUrl', () => {
  const mock = createWebexMock();

  it('is ignored on CreateUser: the site generates pr + 13 digits', async () => {
    const u = newUserBody({ personalUrl: 'my-own-room' });
    expectSuccess(await call(mock, 'CreateUser', u.xml));
    expect((await getUser(mock, u.webExId))['use:personalUrl']).toMatch(/^pr\d{13}$/);
  });

  it('is settable by SetUser and the Personal Room URL and SIP URL follow', async () => {
    const u = newUserBody();
    expectSuccess(await call(mock, 'CreateUser', u.xml));
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: u.webExId, personalUrl: 'jane.doe_42-x' })));
    const g = await getUser(mock, u.webExId);
    expect(g['use:personalUrl']).toBe('jane.doe_42-x');
    expect(pick(g, 'use:personalMeetingRoom/use:personalMeetingRoomURL')).toBe('https://demo.webex.com/meet/jane.doe_42-x');
    expect(pick(g, 'use:personalMeetingRoom/use:sipURL')).toBe('jane.doe_42-x@demo.webex.com');
  });

  it('longer than 64 characters or restricted characters → 030073; taken → 030074', async () => {
    const u = newUserBody();
    expectSuccess(await call(mock, 'CreateUser', u.xml));
    const set = (url: string) => call(mock, 'SetUser', elements({ webExId: u.webExId, personalUrl: url }));
    expectSuccess(await set('a'.repeat(64)));
    expectFailure(await set('a'.repeat(65)), '030073', 'personalUrl is longer than 64 characters');
    for (const bad of ['has space', 'slash/x', 'ümlaut', 'semi;colon']) expectFailure(await set(bad), '030073', /personalUrl has restricted characters/);
    const other = newUserBody();
    expectSuccess(await call(mock, 'CreateUser', other.xml));
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: other.webExId, personalUrl: 'taken-room' })));
    expectFailure(await set('TAKEN-room'), '030074', 'personalUrl is already used by another user');
    expect((await getUser(mock, u.webExId))['use:personalUrl']).toBe('a'.repeat(64));
  });

  it('a generated pr + stamp never takes one another user holds, in any case, set by SetUser or imported', () => {
    const T = Date.UTC(2026, 0, 1);
    const site = new Site(siteConfig({ name: 'stamps', hostLimit: null }), () => T);
    const create = (id: string) => site.createUser(inputFromPaths({ webExId: id, email: `${id}@stamps.example.com` }));
    const urlOf = (id: string) => readPath(site.findUser(id)!, 'personalUrl');
    create('u1');
    expect(urlOf('u1')).toBe(`pr${T}`);
    site.updateUser('u1', inputFromPaths({ personalUrl: `pr${T + 1}` })); // the next stamp, taken by hand
    create('u2');
    expect(urlOf('u2')).toBe(`pr${T + 2}`);
    site.updateUser('u1', inputFromPaths({ personalUrl: `PR${T + 3}` })); // keys ignore case
    create('u3');
    expect(urlOf('u3')).toBe(`pr${T + 4}`);
    // A site loaded from records (persistence, snapshot import) starts its stamps again and knows which are held:
    // T and T + 1 were given up by u1, T + 2 to T + 4 are held.
    const loaded = new Site(siteConfig({ name: 'stamps', hostLimit: null }), () => T);
    loaded.replaceUsers([...site.users()]);
    const urls = ['u4', 'u5', 'u6'].map((id) => {
      loaded.createUser(inputFromPaths({ webExId: id, email: `${id}@stamps.example.com` }));
      return readPath(loaded.findUser(id)!, 'personalUrl');
    });
    expect(urls).toEqual([`pr${T}`, `pr${T + 1}`, `pr${T + 5}`]);
  });
});

describe('value validation', () => {
  const mock = createWebexMock();

  it('timeZoneID 99 → 030071 "Can\'t set field timeZoneID" and the whole request is refused', async () => {
    const a = await call(mock, 'SetUser', elements({ webExId: 'host', title: 'should not stick', timeZoneID: '99' }));
    expectFailure(a, '030071', /^Can't set field timeZoneID: /);
    expect((await getUser(mock, 'host'))['use:title']).toBeUndefined();
  });

  it('timeZoneID and timeZone stay in step; language and languageID too', async () => {
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: 'host', timeZoneID: '25', language: 'german' })));
    const g = await getUser(mock, 'host');
    expect(g['use:timeZone']).toBe('GMT+01:00, Europe (Berlin)');
    expect(g['use:language']).toBe('GERMAN');
    expect(g['use:languageID']).toBe('9');
  });

  it('HDvideo needs HQvideo; defaultSessionType must be one of the meetingTypes; meetingType must exist on the site', async () => {
    expectFailure(await call(mock, 'SetUser', elements({ webExId: 'host', 'privilege/HQvideo': 'false', 'privilege/HDvideo': 'true' })), '030071', /HDvideo/);
    expectFailure(await call(mock, 'SetUser', elements({ webExId: 'host', 'sessionOptions/defaultSessionType': '216' })), '030071', /defaultSessionType/);
    expectFailure(await call(mock, 'CreateUser', newUserBody({ 'meetingTypes/meetingType': ['999'] }).xml), '030071', /^Can't set field meetingType: session type 999/);
  });

  it('PIN refuses repeats and sequences; emails must look like emails', async () => {
    for (const pin of ['1111', '1234', '4321', '12a4']) {
      expectFailure(await call(mock, 'SetUser', elements({ webExId: 'host', 'phones/PIN': pin })), '030071', /^Can't set field PIN/);
    }
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: 'host', 'phones/PIN': '2580' })));
    expectFailure(await call(mock, 'SetUser', elements({ webExId: 'host', email2: 'not-an-email' })), '030071', /^Can't set field email2/);
  });

  it('SetUser may not blank the email (CreateUser requires one): 030071 and the email stays', async () => {
    expectFailure(await call(mock, 'SetUser', elements({ webExId: 'host', email: '' })), '030071', /^Can't set field email/);
    expectFailure(await call(mock, 'SetUser', elements({ webExId: 'host', email: '   ' })), '030071', /^Can't set field email/);
    expect((await getUser(mock, 'host'))['use:email']).toBe(DEMO.host.email);
  });

  it('read-only elements cannot be written on CreateUser', async () => {
    expectFailure(await call(mock, 'CreateUser', newUserBody({ timeZoneWithDST: 'x' }).xml), '030071', /^Can't set field timeZoneWithDST: the field is read-only/);
  });
});

describe('uniqueness', () => {
  const mock = createWebexMock();

  it('duplicate webExId → 030004, duplicate email → 030005 (case-insensitive), on create and on set', async () => {
    expectFailure(await call(mock, 'CreateUser', newUserBody({ webExId: 'HOST' }).xml), '030004');
    expectFailure(await call(mock, 'CreateUser', newUserBody({ email: DEMO.host.email.toUpperCase() }).xml), '030005');
    const u = newUserBody();
    expectSuccess(await call(mock, 'CreateUser', u.xml));
    expectFailure(await call(mock, 'SetUser', elements({ webExId: u.webExId, newWebExId: 'Admin' })), '030004');
    expectFailure(await call(mock, 'SetUser', elements({ webExId: u.webExId, email: DEMO.admin.email })), '030005');
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: u.webExId, email: u.email.toUpperCase() })));
  });
});

describe('one webExId rule: CreateUser, SetUser newWebExId, snapshots and scenarios (issue 10 §3)', () => {
  const mock = createWebexMock();
  const site = () => mock.registry.get('demo')!;
  const emptyUpdate = () => inputFromPaths({});

  it('a rename takes the checks CreateUser applies: characters XML cannot carry, length; the user keeps its id', () => {
    const u = site().createUser(inputFromPaths({ webExId: 'rename.me', email: 'rename.me@example.com' }));
    for (const bad of ['ho\u0001st', 'ho\u0000st', 'ho\uFFFEst', 'ho\uD800st', 'w'.repeat(65)]) {
      expect(() => site().createUser(inputFromPaths({ webExId: bad, email: 'other@example.com' }))).toThrow(/^Can't set field webExId: /);
      expect(() => site().updateUser('rename.me', emptyUpdate(), bad)).toThrow(/^Can't set field newWebExId: /);
    }
    expect(site().findUser('rename.me')).toBe(u);
    expect(valueAt(u.values, SLOT.webExId)).toBe('rename.me');
    // Padding is trimmed as on CreateUser; the renamed user is found by what LstsummaryUser lists.
    site().updateUser('rename.me', emptyUpdate(), '  renamed.one  ');
    expect(site().findUser('renamed.one')).toBe(u);
  });

  it('uniqueness on rename is case-insensitive, as lookups are; renaming to one\'s own id in another case is allowed', async () => {
    expect(() => site().updateUser('renamed.one', emptyUpdate(), 'HOST')).toThrow(/Duplicate/);
    site().updateUser('renamed.one', emptyUpdate(), 'Renamed.One');
    expect(valueAt(site().findUser('renamed.one')!.values, SLOT.webExId)).toBe('Renamed.One');
    // Over the wire: no two users list as host, and every listed user can be read back.
    const list = await call(mock, 'LstsummaryUser', '<listControl><maximumNum>500</maximumNum></listControl>');
    expectSuccess(list);
    const ids = [...list.text.matchAll(/<use:webExId>([^<]*)<\/use:webExId>/g)].map((m) => m[1].toLowerCase());
    expect(ids.length).toBeGreaterThan(40);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 60)) expect(site().findUser(id)).toBeDefined();
  });
});

describe('password policy', () => {
  const mock = mockWithSite({ name: 'pw', passwordPolicy: { minLength: 10, minDigits: 2, minLetters: 1, minSpecial: 1, mixedCase: true, noWebExId: true } });
  const A = adminOf('pw');
  const create = (password: string, webExId = `pw${Math.random().toString(36).slice(2, 8)}`) =>
    call(mock, 'CreateUser', elements({ webExId, email: `${webExId}@x.example.com`, password }), A);

  it.each([
    ['Sh0rt!1a', /at least 10 characters/],
    ['Nodigits!!Abc', /at least 2 digit/],
    ['NoSpecial12abc', /at least 1 special/],
    ['lowercase!12abc', /upper and lower case/],
  ])('%s → 030075', async (password, detail) => {
    const a = await create(password);
    expectFailure(a, '030075', /^Password does not meet the site password policy: /);
    expect(a.reason).toMatch(detail);
  });

  it('longer than 60 (XSD maxLength) → 030071 "Can\'t set field password"', async () => {
    expectFailure(await create(`A!12${'x'.repeat(57)}`), '030071', "Can't set field password: is longer than 60 characters");
  });

  it('refuses a password containing the webExId; accepts a compliant one', async () => {
    expectFailure(await create('Jsmith!12Ab', 'jsmith'), '030075', /WebEx ID/);
    expectSuccess(await create('Compl1ant!9X', 'jsmith'));
  });
});

describe('quirks', () => {
  it('setting the mobile phone also sets the primary phone (create and set), unless phone is sent too', async () => {
    const mock = createWebexMock();
    const u = newUserBody({ 'phones/mobilePhone': '1,408,5550199' });
    expectSuccess(await call(mock, 'CreateUser', u.xml));
    expect(pick(await getUser(mock, u.webExId), 'use:phones/com:phone')).toBe('1,408,5550199');
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: u.webExId, 'phones/mobilePhone': '1,408,5550200' })));
    expect(pick(await getUser(mock, u.webExId), 'use:phones/com:phone')).toBe('1,408,5550200');
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: u.webExId, 'phones/phone': '1,650,5550000', 'phones/mobilePhone': '1,408,5550201' })));
    const g = await getUser(mock, u.webExId);
    expect(pick(g, 'use:phones/com:phone')).toBe('1,650,5550000');
    expect(pick(g, 'use:phones/com:mobilePhone')).toBe('1,408,5550201');
  });

  it('SetUser meetingTypes change only for centers whose supportedServices flag the same request sets', async () => {
    const mock = createWebexMock();
    const types = async () => pick(await getUser(mock, 'host'), 'use:meetingTypes/use:meetingType');
    expect(await types()).toEqual(['214']);
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: 'host', 'meetingTypes/meetingType': ['214', '216'] })));
    expect(await types()).toEqual(['214']); // "session types set, but Webex does not change"
    expectSuccess(await call(mock, 'SetUser', elements({ webExId: 'host', 'meetingTypes/meetingType': ['214', '216'], 'supportedServices/eventCenter': 'true' })));
    expect(await types()).toEqual(['214', '216']);
  });

  describe('Spark Meet (Common Identity) site', () => {
    const mock = mockWithSite({ name: 'spark', flags: { sparkMeet: true, controlHubManaged: false } });
    const A = adminOf('spark');

    it('webExId must equal email (E030105); `active` is ignored on create', async () => {
      expectFailure(await call(mock, 'CreateUser', elements({ webExId: 'jdoe', email: 'jdoe@spark.example.com', password: 'Secr3t!pass' }), A), 'E030105', 'Error setting up or modifying user profile');
      const email = 'jane@spark.example.com';
      expectSuccess(await call(mock, 'CreateUser', elements({ webExId: email, email, password: 'Secr3t!pass', active: 'DEACTIVATED' }), A));
      expect((await getUser(mock, email, A))['use:active']).toBe('ACTIVATED');
    });

    it('assigning a role → E030103', async () => {
      const email = 'role@spark.example.com';
      expectFailure(await call(mock, 'CreateUser', elements({ webExId: email, email, password: 'Secr3t!pass', 'privilege/siteAdmin': 'true' }), A), 'E030103', 'Assignment of this role is not supported');
    });

    it('user management by session ticket → E030104; reads by ticket work', async () => {
      const ticket = (await call(mock, 'AuthenticateUser', '', A)).body!['use:sessionTicket'];
      const byTicket: Security = { siteName: 'spark', webExID: 'admin', sessionTicket: ticket };
      const email = 'tk@spark.example.com';
      expectFailure(await call(mock, 'CreateUser', elements({ webExId: email, email, password: 'Secr3t!pass' }), byTicket), 'E030104', 'This operation does not support SessionTicket authentication');
      expectFailure(await call(mock, 'SetUser', elements({ webExId: 'admin', title: 'x' }), byTicket), 'E030104');
      expectFailure(await call(mock, 'DelUser', '<webExId>admin</webExId>', byTicket), 'E030104');
      expectSuccess(await call(mock, 'GetUser', '<webExId>admin</webExId>', byTicket));
      expect(readPath(mock.registry.get('spark')!.findUser('admin')!, 'title')).toBeUndefined();
    });
  });
});

describe('replaceUsers (snapshot import, persistence load)', () => {
  it('takes more users than a spread call can carry (200k) and hands out the next userId after the largest', () => {
    const mock = createWebexMock();
    const site = mock.registry.get('demo')!;
    // One shared, deactivated value array: the test is about the count, not the users.
    const draft = draftValues(site.findUser('host')!.values);
    draft[SLOT.active] = 'DEACTIVATED';
    const values = packValues(draft);
    const records = Array.from({ length: 200_000 }, (_, i) => ({ userId: 970_000_000 + i, registeredAt: 0, values }));
    site.replaceUsers(records);
    expect(site.userCount).toBe(200_000);
    expect(site.createUser(inputFromPaths({ webExId: 'after.load', email: 'after.load@demo.example.com' })).userId).toBe(970_200_000);
  });
});

describe('password policy counting (site/rules.ts checkPassword)', () => {
  // The rule as the regexes state it: the one-pass count must refuse exactly what they refuse, with the same detail.
  const byRegex = (policy: PasswordPolicy, password: string): string | undefined => {
    const count = (re: RegExp) => (password.match(re) ?? []).length;
    if (password.length > 60) return 'at most 60 characters';
    if (password.length < policy.minLength) return `at least ${policy.minLength} characters`;
    if (count(/\d/g) < policy.minDigits) return `at least ${policy.minDigits} digit(s)`;
    if (count(/[A-Za-z]/g) < policy.minLetters) return `at least ${policy.minLetters} letter(s)`;
    if (count(/[^A-Za-z0-9]/g) < policy.minSpecial) return `at least ${policy.minSpecial} special character(s)`;
    if (policy.mixedCase && !(/[a-z]/.test(password) && /[A-Z]/.test(password))) return 'both upper and lower case letters';
    return undefined;
  };
  const detailOf = (policy: PasswordPolicy, password: string): string | undefined => {
    try {
      checkPassword(policy, password, '');
      return undefined;
    } catch (e) {
      return String((e as WebexError).params.detail);
    }
  };

  it('refuses what the regex statement of the rule refuses, for every policy and many passwords', () => {
    const alphabet = ['a', 'z', 'A', 'Z', '0', '9', '#', ' ', '_', '[', '`', '{', '@', '/', ':', 'é', 'Ω', '\u{1F600}', '٣'];
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const mismatches: string[] = [];
    for (let k = 0; k < 3000; k++) {
      const policy: PasswordPolicy = { minLength: next(9), minDigits: next(3), minLetters: next(4), minSpecial: next(3), mixedCase: next(2) === 1, noWebExId: false };
      const password = Array.from({ length: next(12) }, () => alphabet[next(alphabet.length)]).join('');
      const want = byRegex(policy, password);
      const got = detailOf(policy, password);
      if (want !== got) mismatches.push(`${JSON.stringify(password)} ${JSON.stringify(policy)}: ${want} vs ${got}`);
    }
    expect(mismatches).toEqual([]);
  });
});
