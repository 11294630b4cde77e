/**
 * Snapshot import takes only what a request could have stored (issue 10 §3): every value through the site's
 * catalog rules, one webExId rule, unique ids, licences within the limits; a refusal is a 400 naming the site,
 * the user and the field, and leaves the site as it was.
 */
import request from 'supertest';
import { SLOT, valueAt, bundledNames, createWebexMock, exportSite, loadBundled } from '../../mock-server';
import { XML_PATH, getUser, resultOf } from './support/xml';

type Snapshot = { config: Record<string, unknown>; users: { userId: number; values: Record<string, unknown> }[] };

describe('snapshot import validates users by the catalog rules', () => {
  const mock = createWebexMock();
  const api = request(mock.app);
  let snap: Snapshot;
  beforeAll(async () => { snap = (await api.get('/_mock/sites/demo/snapshot')).body; });
  const hostIndex = () => snap.users.findIndex((u) => u.values.webExId === 'host');
  const withHost = (change: (values: Record<string, unknown>) => void): Snapshot => {
    const copy = JSON.parse(JSON.stringify(snap)) as Snapshot;
    change(copy.users[hostIndex()].values);
    return copy;
  };
  const refused = async (doc: Snapshot, message: RegExp) => {
    const before = (await api.post(XML_PATH).send(getUser('host'))).text;
    const res = await api.post('/_mock/sites/demo/snapshot').send(doc);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(message);
    expect(res.body.error).toMatch(/^invalid snapshot for site "demo"/);
    expect((await api.post(XML_PATH).send(getUser('host'))).text).toBe(before); // the site is as it was
    return res.body.error as string;
  };

  it('values no request could store: a time zone id, an active state, a boolean, a meetingType the site lacks, an email', async () => {
    const at = `users.${hostIndex()}`;
    const userId = snap.users[hostIndex()].userId;
    const msg = await refused(withHost((v) => { v.timeZoneID = 'abc'; }), /timeZoneID: 030071 Can't set field timeZoneID: "abc" is not a whole number/);
    expect(msg).toContain(`${at} (userId ${userId}, webExId "host")`);
    await refused(withHost((v) => { v.timeZoneID = 400; }), /timeZoneID: .*above the maximum/);
    await refused(withHost((v) => { v.active = 'BOGUS'; }), /active: .*"BOGUS" is not one of ACTIVATED/);
    await refused(withHost((v) => { v['privilege/host'] = 'maybe'; }), /privilege\/host: .*not a boolean/);
    await refused(withHost((v) => { v['meetingTypes/meetingType'] = [214, 9999]; }), /meetingTypes\/meetingType\.1: .*session type 9999 is not available/);
    await refused(withHost((v) => { v.email = 'not-an-email'; }), /email: .*not a valid email address/);
    await refused(withHost((v) => { v.firstName = 'x'.repeat(65); }), /firstName: .*longer than 64/);
    await refused(withHost((v) => { v.password = 'P@ssword123'; }), /password: .*never a password/);
  });

  it('the webExId rule: present, no character XML cannot carry, unique case-insensitively; an email is required', async () => {
    await refused(withHost((v) => { delete v.webExId; }), /webExId: a user needs a webExId/);
    await refused(withHost((v) => { v.webExId = '   '; }), /webExId: a user needs a webExId/);
    await refused(withHost((v) => { v.webExId = 'ho\u0001st'; }), /webExId: .*Can't set field webExId: contains a character XML cannot carry/);
    await refused(withHost((v) => { v.webExId = 'ho\uFFFEst'; }), /Can't set field webExId/);
    await refused(withHost((v) => { v.webExId = 'ADMIN'; }), /duplicate webExId admin/);
    await refused(withHost((v) => { v.email = null; }), /email: a user needs an email address/);
    const token = JSON.parse(JSON.stringify(snap)) as Snapshot;
    token.config.accessTokens = [{ token: 'tok-12345678', webExId: 'ho\u0001st' }];
    await refused(token, /at config\.accessTokens\.0\.webExId: Can't set field webExId: contains a character XML cannot carry/);
  });

  it('more ACTIVATED users than the host limit, or than a session type allows', async () => {
    const limited = JSON.parse(JSON.stringify(snap)) as Snapshot;
    const active = limited.users.filter((u) => (u.values.active ?? 'ACTIVATED') === 'ACTIVATED').length;
    limited.config.hostLimit = active - 1;
    await refused(limited, new RegExp(`at users: ${active} users are ACTIVATED but the site's hostLimit is ${active - 1}`));
    const typed = JSON.parse(JSON.stringify(snap)) as Snapshot;
    typed.config.sessionTypes = (typed.config.sessionTypes as { id: number; limit: number | null }[]).map((t) => (t.id === 214 ? { ...t, limit: 1 } : t));
    await refused(typed, /ACTIVATED users hold session type 214 .* but its limit is 1/);
  });

  it('values are stored as a request would store them; GetUser serves them', async () => {
    const doc = withHost((v) => { v.timeZoneID = '21'; v['privilege/host'] = 'TRUE'; });
    const res = await api.post('/_mock/sites/demo/snapshot').send(doc);
    expect(res.status).toBe(200);
    const host = mock.registry.get('demo')!.findUser('host')!;
    expect(valueAt(host.values, SLOT.timeZoneID)).toBe(21);
    expect(valueAt(host.values, SLOT.host)).toBe(true);
    expect(resultOf((await api.post(XML_PATH).send(getUser('host'))).text)).toBe('SUCCESS');
  });
});

describe('every state the emulator builds exports to a snapshot it takes back', () => {
  it.each(bundledNames().filter((n) => n !== 'large-site'))('%s', async (name) => {
    const mock = createWebexMock({ scenario: loadBundled(name) });
    for (const site of mock.registry.all()) {
      const res = await request(mock.app).post(`/_mock/sites/${site.name}/snapshot`).send(JSON.parse(JSON.stringify(exportSite(site))));
      expect({ site: site.name, status: res.status, error: res.body.error }).toEqual({ site: site.name, status: 200, error: undefined });
    }
  });
});
