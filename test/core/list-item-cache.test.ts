/**
 * LstsummaryUser pages are joined from per-user item bytes the engine keeps (engine.listItems): the bytes must be
 * exactly those of the page built as one string, and an item must be rebuilt whenever what it shows changes —
 * a write, a login (lastLoginTime changes without a write), a settings patch (Control Hub adds objectGUID).
 * A whole page is kept too (engine.listPages) and reused while every item is: the same checks apply to it.
 */
import request from 'supertest';
import { createWebexMock, responseText, type WebexMock } from '../../mock-server';
import { successEnvelope } from '../../mock-server/wire';
import { summaryItem } from '../../mock-server/operations/list-users';
import { listUsers } from '../../mock-server/site/list-users';
import { authenticateUser, envelope } from '../control/support/xml';

const handle = (mock: WebexMock, xml: string) => mock.engine.handle({ body: xml });
const page = (max = 500) => envelope('user.LstsummaryUser', `<listControl><startFrom>1</startFrom><maximumNum>${max}</maximumNum></listControl>`);

/** The page as the engine built it before items were cached: one string, encoded once. */
function pageAsOneString(mock: WebexMock, max = 500): Buffer {
  const site = mock.registry.get('demo')!;
  const p = listUsers(site, { filters: [], method: 'AND', order: [], startFrom: 1, maximumNum: max });
  const inner = p.users.map((u) => summaryItem(site, u)).join('')
    + `<use:matchingRecords><serv:total>${p.total}</serv:total><serv:returned>${p.users.length}</serv:returned><serv:startFrom>${p.startFrom}</serv:startFrom></use:matchingRecords>`;
  return Buffer.from(successEnvelope('use:LstsummaryUserResponse', inner), 'utf8');
}

describe('LstsummaryUser item cache', () => {
  let mock: WebexMock;
  beforeEach(() => { mock = createWebexMock(); });

  it('joins the very bytes of the page built as one string, first and when every item comes from the cache', async () => {
    const first = await handle(mock, page());
    const second = await handle(mock, page());
    expect(Buffer.isBuffer(second.body)).toBe(true);
    expect((first.body as Buffer).equals(pageAsOneString(mock))).toBe(true);
    expect((second.body as Buffer).equals(first.body as Buffer)).toBe(true);
    const users = mock.registry.get('demo')!.userCount;
    expect(mock.engine.listItems.stats()).toMatchObject({ entries: users, hits: users, misses: users });
  });

  it('sends a page read again as the very same Buffer, and rebuilds it when an item or the paging changes', async () => {
    const first = await handle(mock, page(5));
    const again = await handle(mock, page(5));
    expect(again.body).toBe(first.body);
    expect(again.shared).toBe(true);
    expect(mock.engine.listPages.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });

    await handle(mock, envelope('user.SetUser', '<webExId>host</webExId><title>Paged</title>'));
    const after = await handle(mock, page(5));
    expect(after.body).not.toBe(first.body);
    expect((after.body as Buffer).equals(pageAsOneString(mock, 5))).toBe(true);
    expect(responseText(first)).not.toContain('Paged');

    const shorter = await handle(mock, page(4));
    expect((shorter.body as Buffer).equals(pageAsOneString(mock, 4))).toBe(true);
    mock.control.faults.add({ match: { operation: 'LstsummaryUser', times: 1 }, effect: { gsbStatus: 'BACKUP' } });
    expect(responseText(await handle(mock, page(4)))).toContain('<serv:gsbStatus>BACKUP</serv:gsbStatus>');
    expect((await handle(mock, page(4))).body).toEqual(shorter.body);
  });

  it('a write, a login and a settings patch each show in the next page', async () => {
    await handle(mock, page());
    await handle(mock, envelope('user.SetUser', '<webExId>host</webExId><firstName>Renamed</firstName>'));
    expect(responseText(await handle(mock, page()))).toContain('<use:firstName>Renamed</use:firstName>');

    const loginOf = (xml: string) => new RegExp('<use:webExId>host</use:webExId>.*?<use:lastLoginTime>([^<]*)<').exec(xml)?.[1];
    expect(loginOf(responseText(await handle(mock, page())))).toBe('');
    await handle(mock, authenticateUser({ webExId: 'host', password: 'P@ssword123' }));
    expect(loginOf(responseText(await handle(mock, page())))).toMatch(/^\d\d\/\d\d\/\d{4} /);

    expect(responseText(await handle(mock, page()))).not.toContain('<use:objectGUID>');
    mock.control.patchSite('demo', { flags: { controlHubManaged: true } });
    expect(responseText(await handle(mock, page()))).toContain('<use:objectGUID>');
    expect(((await handle(mock, page())).body as Buffer).equals(pageAsOneString(mock))).toBe(true);
  });

  it('is emptied by a reset and shown in /_mock/health', async () => {
    await handle(mock, page(3));
    const health = await request(mock.app).get('/_mock/health');
    expect(health.body.listItemCache).toMatchObject({ entries: 3 });
    expect(health.body.listItemCache.bytes).toBeGreaterThan(3 * 100);
    expect(health.body.listPageCache).toMatchObject({ entries: 1, misses: 1 });
    mock.reset();
    expect(mock.engine.listItems.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect(mock.engine.listPages.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('the journal keeps a page by reference (a cached page is shared) and shows its text', async () => {
    const answer = await handle(mock, page(2));
    expect(answer.shared).toBe(true);
    const entry = mock.control.journal!.query({ operation: 'LstsummaryUser' }).entries.at(-1)!;
    expect(entry.responseXml).toBe(responseText(answer));
  });
});
