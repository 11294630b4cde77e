/**
 * Sites as Webex runs them after API 39–42 (FINDINGS-2026-12 §3): Control Hub managed sites (41.11.0), suspended
 * sites (42.6.0), modification times (39.11.0), displayName / cmrHybridVoip / isHTMLEmail (40.x), email
 * verification for non-admins (40.4.0), the PIN a personal conference number needs (SetUser page).
 */
import { createWebexMock } from '../../mock-server';
import { call, expectFailure, expectSuccess, pick, type Answer } from './support/client';
import { elements, newUserBody, type Security } from './support/xml';
import { SITE_ADMIN_PASSWORD, addSite, adminOf, mockWithSite } from './support/sites';

const getUser = async (m: ReturnType<typeof createWebexMock>, webExId: string, sec: Security) => {
  const a = await call(m, 'GetUser', `<webExId>${webExId}</webExId>`, sec);
  expectSuccess(a);
  return a.body!;
};
const users = (a: Answer) => (a.body?.['use:user'] ?? []) as Record<string, string>[];

/** A clock tests move by hand (the mock's injectable `now`). */
function clock(start = Date.UTC(2026, 0, 10, 8, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

describe('Control Hub managed site, API 41.11.0 (help.webex.com/article/nvuo92z)', () => {
  const A = adminOf('ch');
  const site = () => mockWithSite({ name: 'ch', flags: { sparkMeet: false, controlHubManaged: true } });

  it('CreateUser stores the email as webExId, ignores password and active; the unverified user stays inactive', async () => {
    const m = site();
    const a = await call(m, 'CreateUser', elements({ webExId: 'ann', email: 'ann.lee@ch.example.com', firstName: 'Ann', lastName: 'Lee', password: 'Secr3t!pass', active: 'ACTIVATED' }), A);
    expectSuccess(a);
    expectFailure(await call(m, 'GetUser', '<webExId>ann</webExId>', A), '030001');
    const u = await getUser(m, 'ann.lee@ch.example.com', A);
    expect(u['use:webExId']).toBe('ann.lee@ch.example.com');
    expect(u['use:active']).toBe('DEACTIVATED');
    const rec = m.registry.get('ch')!.findUser('ann.lee@ch.example.com')!;
    expect(rec.passwordHash).toBeUndefined(); // "The password element of CreateUser and SetUser APIs will be ignored"
    expect(rec.unverified).toBe(true);
    // "new user (not be verified) can't be activated through this parameter using API SetUser"
    expectSuccess(await call(m, 'SetUser', elements({ webExId: 'ann.lee@ch.example.com', active: 'ACTIVATED' }), A));
    expect((await getUser(m, 'ann.lee@ch.example.com', A))['use:active']).toBe('DEACTIVATED');
    // The user confirms the activation email (admin API), then the site activates them.
    m.control.verifyUser('ch', 'ann.lee@ch.example.com');
    expect((await getUser(m, 'ann.lee@ch.example.com', A))['use:active']).toBe('ACTIVATED');
  });

  it('SetUser addresses users by their email identity and may change the email (webExId follows); password is ignored', async () => {
    const m = site();
    expectSuccess(await call(m, 'CreateUser', elements({ webExId: 'bo@ch.example.com', email: 'bo@ch.example.com', firstName: 'Bo', lastName: 'Ek' }), A));
    m.control.verifyUser('ch', 'bo@ch.example.com');
    const admin = m.registry.get('ch')!.findUser('admin')!;
    expect(admin.values).toBeDefined();
    expectFailure(await call(m, 'SetUser', elements({ webExId: 'admin', title: 'x' }), A), '030001'); // 'admin' is no email identity
    expectSuccess(await call(m, 'SetUser', elements({ webExId: 'bo@ch.example.com', password: 'An0ther!pass', title: 'Lead' }), A));
    expect(m.registry.get('ch')!.findUser('bo@ch.example.com')!.passwordHash).toBeUndefined();
    expectSuccess(await call(m, 'SetUser', elements({ webExId: 'bo@ch.example.com', email: 'bo.ek@ch.example.com' }), A));
    const u = await getUser(m, 'bo.ek@ch.example.com', A);
    expect([u['use:email'], u['use:webExId'], u['use:title']]).toEqual(['bo.ek@ch.example.com', 'bo.ek@ch.example.com', 'Lead']);
    expectFailure(await call(m, 'GetUser', '<webExId>bo@ch.example.com</webExId>', A), '030001');
  });

  it('names and phones stay Control Hub\'s (030077, user-service overview); newWebExId cannot set anything but the email', async () => {
    const m = site();
    const id = 'cy@ch.example.com';
    expectSuccess(await call(m, 'CreateUser', elements({ webExId: id, email: id, firstName: 'Cy', lastName: 'Do' }), A));
    for (const [path, value] of [['firstName', 'Other'], ['lastName', 'Other'], ['phones/phone', '1,2,3'], ['phones/mobilePhone', '1,408,5550100']]) {
      expectFailure(await call(m, 'SetUser', elements({ webExId: id, [path]: value }), A), '030077', `Can't set field ${path.split('/').pop()}: managed in Control Hub`);
    }
    expectFailure(await call(m, 'SetUser', elements({ webExId: id, newWebExId: 'renamed' }), A), '030077', /webExId/);
    expectSuccess(await call(m, 'SetUser', elements({ webExId: id, firstName: 'Cy', title: 'Same names pass' }), A));
  });

  it('DelUser deactivates and removes the meeting licences (user-service overview)', async () => {
    const m = site();
    const id = 'di@ch.example.com';
    expectSuccess(await call(m, 'CreateUser', elements({ webExId: id, email: id, firstName: 'Di', lastName: 'Ro' }), A));
    m.control.verifyUser('ch', id);
    expect(pick(await getUser(m, id, A), 'use:meetingTypes/use:meetingType')).toEqual(['214']);
    expectSuccess(await call(m, 'DelUser', `<webExId>${id}</webExId>`, A));
    const u = await getUser(m, id, A);
    expect(u['use:active']).toBe('DEACTIVATED');
    expect(u['use:meetingTypes']).toBe('');
  });

  it('LstsummaryUser returns a stable objectGUID for every user, only on Control Hub sites (lstsummaryuser page)', async () => {
    const m = site();
    const a = await call(m, 'LstsummaryUser', '', A);
    expectSuccess(a);
    const guid = users(a)[0]['use:objectGUID'];
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(users(await call(m, 'LstsummaryUser', '', A))[0]['use:objectGUID']).toBe(guid);
    const plain = mockWithSite({ name: 'plain' });
    expect(users(await call(plain, 'LstsummaryUser', '', adminOf('plain')))[0]['use:objectGUID']).toBeUndefined();
  });
});

describe('suspended site, API 42.6.0 (help.webex.com/article/trlbvp)', () => {
  it('an admin\'s CreateUser and SetUser answer 010107; a user may still edit themself; the admin API can lift it', async () => {
    const m = createWebexMock({ setup: (r) => {
      const s = addSite(r, { name: 'held' });
      s.createUser({ scalars: new Map<string, string>([['webExId', 'joe'], ['email', 'joe@held.example.com'], ['password', SITE_ADMIN_PASSWORD]]), lists: new Map(), ignored: [] });
    } });
    m.control.patchSite('held', { suspended: true });
    const A = adminOf('held');
    const joe: Security = { siteName: 'held', webExID: 'joe', password: SITE_ADMIN_PASSWORD };
    expectFailure(await call(m, 'CreateUser', newUserBody().xml, A), '010107', 'The site is suspended');
    expectFailure(await call(m, 'SetUser', elements({ webExId: 'joe', title: 'x' }), A), '010107', 'The site is suspended');
    expectSuccess(await call(m, 'SetUser', elements({ webExId: 'joe', title: 'Self edit' }), joe));
    expectSuccess(await call(m, 'GetUser', '<webExId>joe</webExId>', A)); // reads are not refused
    expectFailure(await call(m, 'SetUser', elements({ webExId: 'admin', title: 'x' }), joe), '000001'); // privileges first
    m.control.patchSite('held', { suspended: false });
    expectSuccess(await call(m, 'CreateUser', newUserBody().xml, A));
  });
});

describe('modification times, API 39.11.0 (help.webex.com/en-us/article/hlvvgf)', () => {
  it('every successful write moves lastModifiedTime (site clock); a refused one does not; login sets lastLoginTime', async () => {
    const c = clock();
    const m = mockWithSite({ name: 'mt' }, c.now);
    const A = adminOf('mt');
    const u = newUserBody();
    expectSuccess(await call(m, 'CreateUser', u.xml, A));
    const summary = async () => users(await call(m, 'LstsummaryUser', `<webExId>${u.webExId}</webExId>`, A))[0];
    expect((await summary())['use:lastModifiedTime']).toBe('01/10/2026 08:00:00');
    expect((await summary())['use:lastLoginTime']).toBe('');
    c.advance(3_600_000);
    expectSuccess(await call(m, 'SetUser', elements({ webExId: u.webExId, title: 'New' }), A));
    expect((await summary())['use:lastModifiedTime']).toBe('01/10/2026 09:00:00');
    c.advance(3_600_000);
    expectFailure(await call(m, 'SetUser', elements({ webExId: u.webExId, timeZoneID: '999' }), A), '030071');
    expect((await summary())['use:lastModifiedTime']).toBe('01/10/2026 09:00:00');
    expectSuccess(await call(m, 'AuthenticateUser', '', { siteName: 'mt', webExID: u.webExId, password: 'Secr3t!pass' }));
    expect((await summary())['use:lastLoginTime']).toBe('01/10/2026 10:00:00');
    c.advance(3_600_000);
    expectSuccess(await call(m, 'DelUser', `<webExId>${u.webExId}</webExId>`, A));
    expect((await summary())['use:lastModifiedTime']).toBe('01/10/2026 11:00:00');
  });

  it('modifiedDateStart/modifiedDateEnd select by last modification; over 90 days → 999999', async () => {
    const c = clock();
    const m = mockWithSite({ name: 'mt' }, c.now);
    const A = adminOf('mt');
    const early = newUserBody();
    expectSuccess(await call(m, 'CreateUser', early.xml, A));
    c.advance(10 * 86_400_000);
    const late = newUserBody();
    expectSuccess(await call(m, 'CreateUser', late.xml, A));
    const window = (from: string, to: string) => call(m, 'LstsummaryUser', `<modifiedDateStart>${from}</modifiedDateStart><modifiedDateEnd>${to}</modifiedDateEnd>`, A);
    const ids = async (from: string, to: string) => users(await window(from, to)).map((x) => x['use:webExId']);
    expect(await ids('01/15/2026 00:00:00', '02/01/2026 00:00:00')).toEqual([late.webExId]);
    expect(await ids('01/10/2026 00:00:00', '01/11/2026 00:00:00')).toEqual(['admin', early.webExId]);
    c.advance(86_400_000);
    expectSuccess(await call(m, 'SetUser', elements({ webExId: early.webExId, title: 'touched' }), A));
    expect(await ids('01/21/2026 00:00:00', '01/22/2026 00:00:00')).toEqual([early.webExId]);
    expectSuccess(await window('01/01/2026 00:00:00', '04/01/2026 00:00:00')); // exactly 90 days
    expectFailure(await window('01/01/2026 00:00:00', '04/01/2026 00:00:01'), '999999', 'Maximum date range is 90 days for modified date query');
    expectFailure(await call(m, 'LstsummaryUser', '<modifiedDateStart>2026-01-01</modifiedDateStart>', A), '030071', /modifiedDateStart/);
  });
});

describe('API 40.x user elements (help.webex.com/en-us/nckjgxw)', () => {
  const A = adminOf('v40');
  it('displayName defaults to the names (no space for Asian scripts), follows them until set; cmrHybridVoip round-trips; isHTMLEmail is accepted', async () => {
    const m = mockWithSite({ name: 'v40' });
    const a = newUserBody({ firstName: 'Ana', lastName: 'Silva', cmrHybridVoip: 'true', isHTMLEmail: 'true' });
    expectSuccess(await call(m, 'CreateUser', a.xml, A));
    let u = await getUser(m, a.webExId, A);
    expect([u['use:displayName'], u['use:cmrHybridVoip']]).toEqual(['Ana Silva', 'true']);
    const created = m.control.journal!.query({}).entries.find((e) => e.operation === 'CreateUser');
    expect(created).toBeDefined();
    expect(created!.ignoredElements ?? []).not.toContain('isHTMLEmail');
    expectSuccess(await call(m, 'SetUser', elements({ webExId: a.webExId, lastName: 'Souza' }), A));
    expect((await getUser(m, a.webExId, A))['use:displayName']).toBe('Ana Souza');
    expectSuccess(await call(m, 'SetUser', elements({ webExId: a.webExId, displayName: 'Dr. Ana' }), A));
    expectSuccess(await call(m, 'SetUser', elements({ webExId: a.webExId, firstName: 'Anna' }), A));
    expect((await getUser(m, a.webExId, A))['use:displayName']).toBe('Dr. Ana');
    const jp = newUserBody({ firstName: '太郎', lastName: '山田' });
    expectSuccess(await call(m, 'CreateUser', jp.xml, A));
    u = await getUser(m, jp.webExId, A);
    expect(u['use:displayName']).toBe('太郎山田');
  });

  it('a non-admin\'s email change waits for verification (40.4.0); an admin\'s applies at once', async () => {
    const m = mockWithSite({ name: 'v40' });
    const u = newUserBody();
    expectSuccess(await call(m, 'CreateUser', u.xml, A));
    const self: Security = { siteName: 'v40', webExID: u.webExId, password: 'Secr3t!pass' };
    expectSuccess(await call(m, 'SetUser', elements({ webExId: u.webExId, email: 'new.address@example.com' }), self));
    expect((await getUser(m, u.webExId, A))['use:email']).toBe(u.email); // "the current email remains until the new email is verified"
    m.control.verifyUser('v40', u.webExId);
    expect((await getUser(m, u.webExId, A))['use:email']).toBe('new.address@example.com');
    expectSuccess(await call(m, 'SetUser', elements({ webExId: u.webExId, email: 'by.admin@example.com' }), A));
    expect((await getUser(m, u.webExId, A))['use:email']).toBe('by.admin@example.com');
  });
});

describe('personal conference number accounts need a valid PIN (developer.cisco.com .../setuser)', () => {
  const A = adminOf('pcn');
  const account = { 'personalTeleconf/account/accountIndex': '1', 'personalTeleconf/account/subscriberAccessCode': '123456' };
  it('adding or editing one without a PIN → "valid PIN is required"; with a PIN it passes; deleting needs none', async () => {
    const m = mockWithSite({ name: 'pcn' });
    const u = newUserBody();
    expectSuccess(await call(m, 'CreateUser', u.xml, A));
    expectFailure(await call(m, 'SetUser', elements({ webExId: u.webExId, ...account }), A), '030078', 'valid PIN is required');
    expectFailure(await call(m, 'CreateUser', newUserBody(account).xml, A), '030078', 'valid PIN is required');
    expectSuccess(await call(m, 'SetUser', elements({ webExId: u.webExId, 'phones/PIN': '2580', ...account }), A));
    expectSuccess(await call(m, 'SetUser', elements({ webExId: u.webExId, 'phones/PIN': '' }), A));
    expectSuccess(await call(m, 'SetUser', elements({ webExId: u.webExId, 'personalTeleconf/account/accountIndex': '1', 'personalTeleconf/account/delete': 'true' }), A));
    expect(pick(await getUser(m, u.webExId, A), 'use:personalTeleconf/use:account')).toBeUndefined();
  });
});
