/** LstsummaryUser and LstUser (SPEC §2.6, §2.7): paging, filters, AND/OR, dataScope, ordering, 000015. */
import { createWebexMock, inputFromPaths, readPath, type WebexMock } from '../../mock-server';
import { call, expectFailure, expectSuccess, bodyChildNames, type Answer } from './support/client';
import { ADMIN, HOST } from './support/xml';
import { addSite, adminOf } from './support/sites';

const mock = createWebexMock();
const demo = mock.registry.get('demo')!;

type Summary = Record<string, string>;
const users = (a: Answer): Summary[] => (a.body?.['use:user'] ?? []) as Summary[];
const matching = (a: Answer) => a.body!['use:matchingRecords'] as Record<string, string>;

/** Three seeded users of a fresh demo mock (positions 6-8), by webExId. */
function seededIds(m: WebexMock): string[] {
  return m.registry.get('demo')!.users().slice(5, 8).map((r) => String(readPath(r, 'webExId')));
}

function lst(body: string, sec = ADMIN) {
  return call(mock, 'LstsummaryUser', body, sec);
}

describe('LstsummaryUser', () => {
  it('answers use:LstsummaryUserResponse: user summaries then matchingRecords with serv: children', async () => {
    const a = await lst('<listControl><startFrom>1</startFrom><maximumNum>3</maximumNum></listControl>');
    expectSuccess(a);
    expect(a.type).toBe('use:LstsummaryUserResponse');
    expect(bodyChildNames(a.text)).toEqual(['use:user', 'use:user', 'use:user', 'use:matchingRecords']);
    expect(a.text).toMatch(/<use:matchingRecords><serv:total>52<\/serv:total><serv:returned>3<\/serv:returned><serv:startFrom>1<\/serv:startFrom><\/use:matchingRecords>/);
    const first = users(a)[0];
    // API 39.11.0 sample: registrationDate, lastLoginTime, lastModifiedTime (help.webex.com/en-us/article/hlvvgf).
    expect(Object.keys(first)).toEqual(['use:webExId', 'use:firstName', 'use:lastName', 'use:email', 'use:registrationDate', 'use:lastLoginTime', 'use:lastModifiedTime', 'use:active', 'use:timeZoneID']);
    expect(first['use:webExId']).toBe('admin');
  });

  it('pages with startFrom/maximumNum in userId order; startFrom 0 reads as 1', async () => {
    const page = await lst('<listControl><startFrom>11</startFrom><maximumNum>5</maximumNum></listControl>');
    expect(matching(page)).toEqual({ 'serv:total': '52', 'serv:returned': '5', 'serv:startFrom': '11' });
    const expected = demo.users().slice(10, 15).map((r) => readPath(r, 'webExId'));
    expect(users(page).map((u) => u['use:webExId'])).toEqual(expected);
    const zero = await lst('<listControl><startFrom>0</startFrom><maximumNum>2</maximumNum></listControl>');
    expect(users(zero)[0]['use:webExId']).toBe('admin');
    expect(matching(zero)['serv:startFrom']).toBe('1');
  });

  it('returns 50 by default and at most 500', async () => {
    const dflt = await lst('');
    expect(users(dflt)).toHaveLength(50);
    expect(matching(dflt)).toEqual({ 'serv:total': '52', 'serv:returned': '50', 'serv:startFrom': '1' });

    const big = createWebexMock({ setup: (r) => {
      const site = addSite(r, { name: 'big' });
      for (let i = 0; i < 620; i++) site.createUser(inputFromPaths({ webExId: `u${i}`, email: `u${i}@big.example.com` }));
    } });
    const a = await call(big, 'LstsummaryUser', '<listControl><maximumNum>1000</maximumNum></listControl>', adminOf('big'));
    expect(users(a)).toHaveLength(500);
    expect(matching(a)).toEqual({ 'serv:total': '621', 'serv:returned': '500', 'serv:startFrom': '1' });
  });

  it('past the last record → 000015 "Sorry, no record found"', async () => {
    expectFailure(await lst('<listControl><startFrom>53</startFrom></listControl>'), '000015', 'Sorry, no record found');
  });

  it('filters by webExId, email and active; AND needs all, OR needs any', async () => {
    const one = await lst('<webExId>HOST</webExId>');
    expect(users(one).map((u) => u['use:webExId'])).toEqual(['host']);
    const byEmail = await lst('<email>admin@demo.example.com</email>');
    expect(users(byEmail).map((u) => u['use:webExId'])).toEqual(['admin']);

    const both = '<webExId>host</webExId><email>admin@demo.example.com</email>';
    expectFailure(await lst(`${both}<listControl><listMethod>AND</listMethod></listControl>`), '000015');
    const or = await lst(`${both}<listControl><listMethod>OR</listMethod></listControl>`);
    expect(users(or).map((u) => u['use:webExId']).sort()).toEqual(['admin', 'host']);
    expect(matching(or)['serv:total']).toBe('2');
  });

  it('filters on active; a wildcard % matches', async () => {
    const m = createWebexMock();
    const ids = seededIds(m);
    expectSuccess(await call(m, 'DelUser', ids.map((i) => `<webExId>${i}</webExId>`).join('')));
    const off = await call(m, 'LstsummaryUser', '<active>DEACTIVATED</active>');
    expect(users(off).map((u) => u['use:webExId'])).toEqual(ids);
    expect(users(off).every((u) => u['use:active'] === 'DEACTIVATED')).toBe(true);
    const on = await call(m, 'LstsummaryUser', '<active>ACTIVATED</active><listControl><maximumNum>100</maximumNum></listControl>');
    expect(matching(on)['serv:total']).toBe(String(52 - ids.length));
    expectFailure(await call(m, 'LstsummaryUser', '<active>MAYBE</active>'), '030071', /active/);
    const wild = await call(m, 'LstsummaryUser', '<email>h%t@demo.example.com</email>');
    expect(users(wild).map((u) => u['use:webExId'])).toEqual(['host']);
  });

  it('dataScope regDateStart/regDateEnd keeps registrations inside the window', async () => {
    const start = '01/02/2024 09:10:00';
    const end = '01/02/2024 09:20:00';
    const a = await lst(`<dataScope><regDateStart>${start}</regDateStart><regDateEnd>${end}</regDateEnd></dataScope>`);
    expectSuccess(a);
    const from = Date.UTC(2024, 0, 2, 9, 10, 0);
    const to = Date.UTC(2024, 0, 2, 9, 20, 0);
    const inWindow = demo.users().filter((u) => u.registeredAt >= from && u.registeredAt <= to).length;
    expect(inWindow).toBeGreaterThan(0);
    expect(inWindow).toBeLessThan(52);
    expect(users(a)).toHaveLength(inWindow);
    const toMs = (d: string) => { const [m, day, y, h, mi, s] = d.split(/[/ :]/).map(Number); return Date.UTC(y, m - 1, day, h, mi, s); };
    for (const u of users(a)) {
      expect(toMs(u['use:registrationDate'])).toBeGreaterThanOrEqual(from);
      expect(toMs(u['use:registrationDate'])).toBeLessThanOrEqual(to);
    }
    expectFailure(await lst('<dataScope><regDateStart>01/01/2030 00:00:00</regDateStart></dataScope>'), '000015');
  });

  it('orders by orderBy/orderAD, up to three keys', async () => {
    const names = async (order: string) => users(await lst(`<order>${order}</order><listControl><maximumNum>100</maximumNum></listControl>`));
    const desc = await names('<orderBy>LASTNAME</orderBy><orderAD>DESC</orderAD>');
    const last = desc.map((u) => u['use:lastName'].toLowerCase());
    expect(last).toEqual([...last].sort().reverse());
    expect(new Set(last).size).toBeGreaterThan(10);

    const asc = await names('<orderBy>WEBEXID</orderBy><orderAD>ASC</orderAD>');
    const ids = asc.map((u) => u['use:webExId'].toLowerCase());
    expect(ids).toEqual([...ids].sort());

    const uidDesc = await names('<orderBy>UID</orderBy><orderAD>DESC</orderAD>');
    expect(uidDesc[uidDesc.length - 1]['use:webExId']).toBe('admin');

    const two = await names('<orderBy>FIRSTNAME</orderBy><orderBy>LASTNAME</orderBy><orderAD>ASC</orderAD><orderAD>DESC</orderAD>');
    for (let i = 1; i < two.length; i++) {
      const [a, b] = [two[i - 1], two[i]];
      const fa = a['use:firstName'].toLowerCase(); const fb = b['use:firstName'].toLowerCase();
      expect(fa <= fb).toBe(true);
      if (fa === fb) expect(a['use:lastName'].toLowerCase() >= b['use:lastName'].toLowerCase()).toBe(true);
    }
    expectFailure(await lst('<order><orderBy>SHOESIZE</orderBy></order>'), '030071', /orderBy/);
    expectFailure(await lst('<order><orderBy>UID</orderBy><orderBy>UID</orderBy><orderBy>UID</orderBy><orderBy>UID</orderBy></order>'), '030071', /orderBy/);
  });

  it('needs a site admin (000001 for a host)', async () => {
    expectFailure(await lst('', HOST), '000001');
  });
});

describe('LstUser (deprecated)', () => {
  it('answers use:lstUserResponse with full user records and matchingRecords', async () => {
    const a = await call(mock, 'LstUser', '<webExId>host</webExId>');
    expectSuccess(a);
    expect(a.type).toBe('use:lstUserResponse');
    expect(bodyChildNames(a.text)).toEqual(['use:user', 'use:matchingRecords']);
    const u = users(a)[0] as unknown as Record<string, unknown>;
    expect(u['use:webExId']).toBe('host');
    expect(u['use:password']).toBe('******');
    expect(u['use:privilege']).toBeDefined();
    // items are userInstanceType: they end at userId (eventCenter, passwordExpires... are getUserResponse only)
    expect(Object.keys(u).filter((k) => k.startsWith('use:')).pop()).toBe('use:userId');
    expect(u['use:passwordExpires']).toBeUndefined();
    expect(matching(a)).toEqual({ 'serv:total': '1', 'serv:returned': '1', 'serv:startFrom': '1' });
    expectFailure(await call(mock, 'LstUser', '<webExId>nobody</webExId>'), '000015');
    expectFailure(await call(mock, 'LstUser', '', HOST), '000001');
  });
});

