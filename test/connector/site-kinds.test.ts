/**
 * The connector on the sites Webex runs today: Control Hub managed sites (XML API 41.11.0, help.webex.com/article/
 * nvuo92z) addressed by email, and modification-time import (XML API 39.11.0, help.webex.com/en-us/article/hlvvgf).
 */
import { liveMock } from './helpers/live-mock';
import { MODIFIED_WINDOW_MS } from '../../connector/operations/import-users';

const live = liveMock();

describe('Control Hub managed site (controlHub: true)', () => {
  beforeEach(() => live.patchSite({ flags: { controlHubManaged: true } }));

  it('creates with webExId = email and no password, updates by email, follows an email change', async () => {
    const c = live.connector({ controlHub: true });
    const pushed = await c.pushNewUser({ webExId: 'kim', email: 'kim.ito@demo.example.com', firstName: 'Kim', lastName: 'Ito', password: 'Secr3t!pass' });
    expect(pushed.webExId).toBe('kim.ito@demo.example.com');
    expect(pushed.notes.join(' ')).toMatch(/webExId is the email/);
    expect(pushed.notes.join(' ')).toMatch(/passwords are managed in Control Hub/);
    const stored = live.site.findUser('kim.ito@demo.example.com')!;
    expect(stored.passwordHash).toBeUndefined();
    expect((await c.getUser('kim.ito@demo.example.com')).profile.active).toBe('DEACTIVATED');

    const updated = await c.pushProfileUpdate(pushed.webExId, { title: 'Lead', email: 'kim@demo.example.com' });
    expect(updated.webExId).toBe('kim@demo.example.com');
    expect((await c.getUser('kim@demo.example.com')).profile).toMatchObject({ title: 'Lead', email: 'kim@demo.example.com', webExId: 'kim@demo.example.com' });
    await expect(c.pushProfileUpdate('kim@demo.example.com', { webExId: 'kimi' })).rejects.toMatchObject({ errorClass: 'siteUnsupported', origin: 'local', attribute: 'webExId' });
    expect((await c.pushPassword('kim@demo.example.com', 'An0ther!pass')).operations).toEqual([]);
  });

  it('a connector that does not know the site is Control Hub loses the user it created (what controlHub fixes)', async () => {
    const c = live.connector();
    const pushed = await c.pushNewUser({ webExId: 'lou', email: 'lou@demo.example.com', firstName: 'Lou', lastName: 'Ng' });
    expect(pushed.webExId).toBe('lou');
    await expect(c.getUser('lou')).rejects.toMatchObject({ errorClass: 'userNotFound' });
  });
});

describe('modification-time import (listModifiedUsers)', () => {
  it('asks in windows of at most 90 days and lists each modified user once', async () => {
    const t = Date.UTC(2026, 5, 1);
    const c = live.connector({ now: () => t });
    const calls: string[] = [];
    live.mock.engine.observers.push((x) => { if (x.meta.operation === 'LstsummaryUser') calls.push(String(x.request.body)); });
    // The demo users were written in January 2024: a 2.5-year span is ten windows, and none of them is refused.
    const since = Date.UTC(2024, 0, 1);
    const users = await c.listModifiedUsers(since);
    expect(users.map((u) => u.webExId)).toContain('admin');
    expect(new Set(users.map((u) => u.webExId)).size).toBe(users.length);
    expect(users.find((u) => u.webExId === 'admin')!.lastModifiedTime).toBe('01/02/2024 09:00:00');
    const windows = calls.map((b) => [/<(?:\w+:)?modifiedDateStart>([^<]*)</.exec(b)![1], /<(?:\w+:)?modifiedDateEnd>([^<]*)</.exec(b)![1]]);
    expect(windows.length).toBe(Math.ceil((t - since) / (MODIFIED_WINDOW_MS + 1000)));
    expect(windows[0][0]).toBe('01/01/2024 00:00:00');
    expect(windows.at(-1)![1]).toBe('06/01/2026 00:00:00');
    const after = await c.listModifiedUsers(Date.UTC(2025, 0, 1));
    expect(after).toEqual([]);
  });
});

describe('schema discovery reads the real GetSite shape', () => {
  it('finds the features, session types, host counters and site state where the real GetSite has them', async () => {
    const report = await live.connector().discoverSchema();
    expect(report.features.hqVideo).toBe(true);
    expect(report.features.webACD).toBe(false);
    expect(report.sessionTypes.map((t) => t.id)).toEqual([214, 4, 216, 11, 13]);
    expect(report.hosts?.limit).toBe(250);
    expect(report).toMatchObject({ samlSSO: false, siteActive: true });
    live.patchSite({ suspended: true });
    const held = await live.connector().discoverSchema();
    expect(held.siteActive).toBe(false);
    expect(held.warnings.join(' ')).toMatch(/suspended/);
  });
});
