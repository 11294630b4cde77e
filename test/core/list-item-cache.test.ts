/**
 * LstsummaryUser pages are joined from per-user item bytes the engine keeps (engine.listItems): the bytes must be
 * exactly those of the page built as one string, and an item must be rebuilt whenever what it shows changes —
 * a write, a login (lastLoginTime changes without a write), a settings patch (Control Hub adds objectGUID).
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
    mock.reset();
    expect(mock.engine.listItems.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('the journal keeps a page as a copy (the page Buffer is not shared) and shows its text', async () => {
    const answer = await handle(mock, page(2));
    expect(answer.shared).toBeUndefined();
    const entry = mock.control.journal!.query({ operation: 'LstsummaryUser' }).entries.at(-1)!;
    expect(entry.responseXml).toBe(responseText(answer));
  });
});
