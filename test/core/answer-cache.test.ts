import http from 'node:http';
import request from 'supertest';
import { createWebexMock, responseText, type WebexMock } from '../../mock-server';
import { AnswerCache } from '../../mock-server/operations/answer-cache';
import { XML_PATH, envelope, getUser } from '../control/support/xml';

const handle = (mock: WebexMock, xml: string) => mock.engine.handle({ body: xml });

describe('GetUser answer cache', () => {
  let mock: WebexMock;
  beforeEach(() => { mock = createWebexMock(); });

  it('sends the same bytes for the same user until a write replaces its values', async () => {
    const first = await handle(mock, getUser('host'));
    const second = await handle(mock, getUser('host'));
    expect(Buffer.isBuffer(second.body)).toBe(true);
    expect(second.body).toBe(first.body); // reused, not rebuilt
    expect(mock.engine.answers.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });

    await handle(mock, envelope('user.SetUser', '<webExId>host</webExId><title>Cached no more</title>'));
    const after = await handle(mock, getUser('host'));
    expect(after.body).not.toBe(first.body);
    expect(responseText(after)).toContain('<use:title>Cached no more</use:title>');
    expect(responseText(first)).not.toContain('Cached no more');
  });

  it('a deactivation (DelUser) is seen by the next GetUser', async () => {
    await handle(mock, getUser('host'));
    await handle(mock, envelope('user.DelUser', '<webExId>host</webExId>'));
    expect(responseText(await handle(mock, getUser('host')))).toContain('<use:active>DEACTIVATED</use:active>');
  });

  it('keys on gsbStatus: a backup-servers fault gets BACKUP, the next plain read PRIMARY', async () => {
    await handle(mock, getUser('host'));
    mock.control.faults.add({ match: { operation: 'GetUser', times: 1 }, effect: { gsbStatus: 'BACKUP' } });
    expect(responseText(await handle(mock, getUser('host')))).toContain('<serv:gsbStatus>BACKUP</serv:gsbStatus>');
    expect(responseText(await handle(mock, getUser('host')))).toContain('<serv:gsbStatus>PRIMARY</serv:gsbStatus>');
  });

  it('keys on the site config: a settings patch renders the answer again', async () => {
    const before = await handle(mock, getUser('host'));
    mock.control.patchSite('demo', { hostLimit: 300 });
    const after = await handle(mock, getUser('host'));
    expect(after.body).not.toBe(before.body);
    expect(responseText(after)).toBe(responseText(before));
  });

  it('a refused GetUser is never cached, and a reset empties the cache', async () => {
    const refused = await handle(mock, getUser('host', { password: 'wrong' }));
    expect(typeof refused.body).toBe('string');
    await handle(mock, getUser('host'));
    expect(mock.engine.answers.stats().entries).toBe(1);
    mock.reset();
    expect(mock.engine.answers.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('shows its size in /_mock/health', async () => {
    await handle(mock, getUser('host'));
    const health = await request(mock.app).get('/_mock/health');
    const { entries, bytes, maxBytes } = health.body.answerCache;
    expect(entries).toBe(1);
    expect(bytes).toBe(Buffer.byteLength(responseText(await handle(mock, getUser('host')))));
    expect(maxBytes).toBeGreaterThan(bytes);
  });

  it('the HTTP door sends the cached bytes with Content-Length, not chunked', async () => {
    const running = await mock.listen({ port: 0 });
    try {
      const answers = [];
      for (let i = 0; i < 2; i++) {
        answers.push(await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
          const req = http.request(running.xmlUrl, { method: 'POST' }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          });
          req.on('error', reject);
          req.end(getUser('host'));
        }));
      }
      for (const a of answers) {
        expect(a.headers['transfer-encoding']).toBeUndefined();
        expect(Number(a.headers['content-length'])).toBe(a.body.length);
      }
      expect(answers[1].body.equals(answers[0].body)).toBe(true);
    } finally {
      await running.close();
    }
  });

  it('supertest over the Express app gets the same text as the engine', async () => {
    const engine = responseText(await handle(mock, getUser('host')));
    const res = await request(mock.app).post(XML_PATH).send(getUser('host'));
    expect(res.text).toBe(engine);
  });
});

describe('AnswerCache', () => {
  const render = (n: number) => () => 'x'.repeat(n);

  it('evicts least recently used entries to stay within its byte bound', () => {
    const cache = new AnswerCache(250);
    const [a, b, c] = [{}, {}, {}];
    const values = [{}, {}, {}];
    const config = {};
    cache.get(a, values[0], config, 'PRIMARY', render(100));
    cache.get(b, values[1], config, 'PRIMARY', render(100));
    cache.get(a, values[0], config, 'PRIMARY', render(100)); // a is now the most recent
    cache.get(c, values[2], config, 'PRIMARY', render(100)); // over 250: b goes
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 200, hits: 1, misses: 3 });
    let rendered = false;
    cache.get(a, values[0], config, 'PRIMARY', () => { rendered = true; return ''; });
    expect(rendered).toBe(false);
    cache.get(b, values[1], config, 'PRIMARY', () => { rendered = true; return 'x'; });
    expect(rendered).toBe(true);
  });

  it('replaces a stale entry of the same owner instead of keeping both, and never stores an answer larger than the bound', () => {
    const cache = new AnswerCache(150);
    const owner = {};
    cache.get(owner, {}, {}, 'PRIMARY', render(100));
    cache.get(owner, {}, {}, 'PRIMARY', render(120));
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 120 });
    expect(cache.get({}, {}, {}, 'PRIMARY', render(200)).length).toBe(200);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 120 });
  });
});
