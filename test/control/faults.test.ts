import request from 'supertest';
import { SLOT, createWebexMock, valueAt } from '../../mock-server';
import { XML_PATH, createUser, delUser, exceptionOf, getUser, resultOf } from './support/xml';

describe('faults', () => {
  const mock = createWebexMock();
  const api = request(mock.app);
  const addFault = (spec: object) => api.post('/_mock/faults').send(spec);
  beforeEach(async () => {
    mock.reset();
    await api.delete('/_mock/faults').set('Content-Type', 'application/json');
  });

  it('answers a Webex exception for the matching operation only', async () => {
    const res = await addFault({ match: { operation: 'CreateUser' }, effect: { exception: { id: '000035', reason: 'ASService not responding' } } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'f1', seen: 0, fired: 0 });
    const created = await api.post(XML_PATH).send(createUser('blocked.user'));
    expect(exceptionOf(created.text)).toBe('000035');
    expect(created.text).toContain('<serv:reason>ASService not responding</serv:reason>');
    expect(mock.registry.get('demo')!.findUser('blocked.user')).toBeUndefined();
    expect(resultOf((await api.post(XML_PATH).send(getUser('host'))).text)).toBe('SUCCESS');
    expect((await api.get('/_mock/faults')).body[0]).toMatchObject({ seen: 1, fired: 1 });
    const journal = (await api.get('/_mock/journal?operation=CreateUser&limit=1')).body.entries[0];
    expect(journal.fault).toBe('f1');
  });

  it('answers an HTTP status without XML', async () => {
    await addFault({ effect: { httpStatus: 503 } });
    const res = await api.post(XML_PATH).send(getUser('host'));
    expect(res.status).toBe(503);
    expect(res.text).not.toContain('serv:message');
  });

  it('drops the connection', async () => {
    await addFault({ match: { operation: 'GetUser' }, effect: { reset: true } });
    await expect(api.post(XML_PATH).send(getUser('host'))).rejects.toThrow(/socket hang up|ECONNRESET/);
    const [e] = (await api.get('/_mock/journal?operation=GetUser&limit=1')).body.entries;
    expect(e.result).toBe('DROPPED');
  });

  it('rate-limits with 000045 and Retry-After', async () => {
    await addFault({ match: { operation: 'GetUser', after: 2 }, effect: { rateLimit: { retryAfterSeconds: 30 } } });
    for (let i = 0; i < 2; i++) expect(resultOf((await api.post(XML_PATH).send(getUser('host'))).text)).toBe('SUCCESS');
    const limited = await api.post(XML_PATH).send(getUser('host'));
    expect(exceptionOf(limited.text)).toBe('000045');
    expect(limited.text).toContain('<serv:reason>API Rate Limit Reached</serv:reason>');
    expect(limited.headers['retry-after']).toBe('30');
  });

  it('answers a real result from the BACKUP data center', async () => {
    await addFault({ match: { site: 'demo', operation: 'CreateUser' }, effect: { gsbStatus: 'BACKUP' } });
    const res = await api.post(XML_PATH).send(createUser('backup.user'));
    expect(resultOf(res.text)).toBe('SUCCESS');
    expect(res.text).toContain('<serv:gsbStatus>BACKUP</serv:gsbStatus>');
    expect(res.text).toMatch(/<use:userId>\d+<\/use:userId>/);
    expect(mock.registry.get('demo')!.findUser('backup.user')).toBeDefined();
    // The real rules still apply: a duplicate fails, from the backup.
    const dup = await api.post(XML_PATH).send(createUser('backup.user'));
    expect(exceptionOf(dup.text)).toBe('030004');
    expect(dup.text).toContain('<serv:gsbStatus>BACKUP</serv:gsbStatus>');
  });

  it('combines an exception with gsbStatus BACKUP and a latency', async () => {
    await addFault({ effect: { latencyMs: 5, gsbStatus: 'BACKUP', exception: { id: '000029', reason: 'process error' } } });
    const res = await api.post(XML_PATH).send(getUser('host'));
    expect(exceptionOf(res.text)).toBe('000029');
    expect(res.text).toContain('<serv:gsbStatus>BACKUP</serv:gsbStatus>');
  });

  it('adds latency and then runs the request normally', async () => {
    await addFault({ match: { operation: 'GetUser' }, effect: { latencyMs: 20 } });
    const res = await api.post(XML_PATH).send(getUser('host'));
    expect(resultOf(res.text)).toBe('SUCCESS');
    expect((await api.get('/_mock/faults')).body[0].fired).toBe(1);
  });

  it('fails listed ids inside a DelUser batch and deactivates the others', async () => {
    const site = mock.registry.get('demo')!;
    const ids = site.users().slice(2, 5).map((u) => String(valueAt(u.values, SLOT.webExId)));
    await addFault({ match: { operation: 'DelUser' }, effect: { delUserPartial: { webExIds: [ids[1]] } } });
    const res = await api.post(XML_PATH).send(delUser(ids));
    expect(resultOf(res.text)).toBe('SUCCESS');
    const statuses = [...res.text.matchAll(/<use:webExId>([^<]+)<\/use:webExId><use:status>(\w+)</g)].map((m) => [m[1], m[2]]);
    expect(statuses).toEqual([[ids[0], 'SUCCESS'], [ids[1], 'FAILURE'], [ids[2], 'SUCCESS']]);
    const active = (id: string) => valueAt(site.findUser(id)!.values, SLOT.active) === 'ACTIVATED';
    expect(active(ids[0])).toBe(false);
    expect(active(ids[1])).toBe(true);
    expect(active(ids[2])).toBe(false);
  });

  it('a DelUser-only partial failure without an operation match is not used up by other operations', async () => {
    const site = mock.registry.get('demo')!;
    const ids = site.users().slice(2, 4).map((u) => String(valueAt(u.values, SLOT.webExId)));
    await addFault({ match: { times: 1 }, effect: { delUserPartial: { webExIds: [ids[1]] } } });
    expect(resultOf((await api.post(XML_PATH).send(getUser('host'))).text)).toBe('SUCCESS');
    expect((await api.get('/_mock/journal?operation=GetUser&limit=1')).body.entries[0].fault).toBeUndefined();
    expect((await api.get('/_mock/faults')).body[0]).toMatchObject({ seen: 0, fired: 0 });
    const res = await api.post(XML_PATH).send(delUser(ids));
    expect(res.text).toContain(`<use:webExId>${ids[1]}</use:webExId><use:status>FAILURE</use:status>`);
    expect(valueAt(site.findUser(ids[1])!.values, SLOT.active)).toBe('ACTIVATED');
  });

  it('a partial DelUser failure that takes out every id still authenticates the caller first (030002 for a wrong password)', async () => {
    await addFault({ match: { operation: 'DelUser' }, effect: { delUserPartial: { webExIds: ['host'] } } });
    const wrong = await api.post(XML_PATH).send(delUser(['host'], { webExId: 'admin', password: 'Wrong#Pass1' }));
    expect(exceptionOf(wrong.text)).toBe('030002');
    expect(exceptionOf((await api.post(XML_PATH).send(delUser(['host']))).text)).toBe('030001');
  });

  it('counts `times` and lets `after` requests through', async () => {
    await addFault({ match: { operation: 'GetUser', after: 1, times: 2 }, effect: { exception: { id: '000029', reason: 'process error' } } });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(resultOf((await api.post(XML_PATH).send(getUser('host'))).text));
    expect(results).toEqual(['SUCCESS', 'FAILURE', 'FAILURE', 'SUCCESS', 'SUCCESS']);
  });

  it('draws probabilities from a seeded RNG: clearing the faults restarts it, so a run repeats', async () => {
    const run = async () => {
      await addFault({ match: { operation: 'GetUser', probability: 0.5 }, effect: { exception: { id: '000029', reason: 'process error' } } });
      const out = [];
      for (let i = 0; i < 20; i++) out.push(resultOf((await api.post(XML_PATH).send(getUser('host'))).text) === 'FAILURE' ? 1 : 0);
      await api.delete('/_mock/faults').set('Content-Type', 'application/json');
      return out.join('');
    };
    const first = await run();
    const second = await run();
    expect(first).toBe(second);
    expect(first).toMatch(/1/);
    expect(first).toMatch(/0/);
  });

  it('removes one fault or all', async () => {
    const f1 = (await addFault({ effect: { httpStatus: 500 } })).body.id;
    await addFault({ effect: { httpStatus: 502 } });
    expect((await api.delete(`/_mock/faults/${f1}`).set('Content-Type', 'application/json')).body).toEqual({ removed: 1 });
    expect((await api.delete('/_mock/faults/f99').set('Content-Type', 'application/json')).status).toBe(404);
    expect((await api.post(XML_PATH).send(getUser('host'))).status).toBe(502);
    expect((await api.delete('/_mock/faults').set('Content-Type', 'application/json')).body).toEqual({ removed: 1 });
    expect((await api.post(XML_PATH).send(getUser('host'))).status).toBe(200);
  });

  it.each([
    [{ effect: {} }, /at least one/],
    [{ effect: { httpStatus: 503, reset: true } }, /only one of/],
    [{ match: { operation: 'Nope' }, effect: { reset: true } }, /match\.operation/],
    [{ match: { probability: 2 }, effect: { reset: true } }, /match\.probability/],
    [{ effect: { gsbStatus: 'SECONDARY' } }, /effect\.gsbStatus/],
    // 1xx is not a final answer: 100 breaks the client's parser, 101 leaves it waiting forever.
    [{ effect: { httpStatus: 101 } }, /effect\.httpStatus/],
  ])('refuses the bad fault %j with 400', async (spec, message) => {
    const res = await addFault(spec);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(message);
  });
});
