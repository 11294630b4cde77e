/**
 * The admin API for the API 39–42 site kinds: PATCH suspended (42.6.0) and apiVersion, and the verify endpoint
 * that plays the user's click on a verification email (40.4.0 email change, 41.11.0 Control Hub activation).
 */
import request from 'supertest';
import { createWebexMock } from '../../mock-server';
import { XML_PATH, createUser, exceptionOf, resultOf } from './support/xml';

describe('admin API: suspended sites, API version, verification', () => {
  const mock = createWebexMock();
  const api = request(mock.app);
  beforeEach(() => mock.reset());

  it('PATCH suspended makes the next CreateUser answer 010107, and lifting it restores it; apiVersion is validated', async () => {
    expect((await api.patch('/_mock/sites/demo').send({ suspended: true })).body.config.suspended).toBe(true);
    const refused = await api.post(XML_PATH).send(createUser('held.user'));
    expect([resultOf(refused.text), exceptionOf(refused.text)]).toEqual(['FAILURE', '010107']);
    await api.patch('/_mock/sites/demo').send({ suspended: false });
    expect(resultOf((await api.post(XML_PATH).send(createUser('held.user'))).text)).toBe('SUCCESS');
    expect((await api.patch('/_mock/sites/demo').send({ apiVersion: { apiVer: 'x' } })).status).toBe(400);
  });

  it('POST .../users/:webExId/verify activates an unverified Control Hub user and shows the user state', async () => {
    await api.patch('/_mock/sites/demo').send({ flags: { controlHubManaged: true } });
    expect(resultOf((await api.post(XML_PATH).send(createUser('pat'))).text)).toBe('SUCCESS');
    const before = await api.get('/_mock/sites/demo/users/pat@example.com'); // stored under its email (41.11.0)
    expect(before.body).toMatchObject({ webExId: 'pat@example.com', active: 'DEACTIVATED', state: { unverified: true } });
    const verified = await api.post('/_mock/sites/demo/users/pat@example.com/verify').send({});
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ active: 'ACTIVATED', state: { unverified: false } });
    expect((await api.post('/_mock/sites/demo/users/nobody/verify').send({})).status).toBe(404);
    await api.patch('/_mock/sites/demo').send({ hostLimit: 0 });
    expect(resultOf((await api.post(XML_PATH).send(createUser('quinn'))).text)).toBe('SUCCESS');
    expect((await api.post('/_mock/sites/demo/users/quinn@example.com/verify').send({})).status).toBe(409); // no host licence left
  });

  it('a snapshot keeps the state outside the element tree (modification time, pending verification)', async () => {
    await api.patch('/_mock/sites/demo').send({ flags: { controlHubManaged: true } });
    expect(resultOf((await api.post(XML_PATH).send(createUser('sam'))).text)).toBe('SUCCESS');
    const snap = (await api.get('/_mock/sites/demo/snapshot')).body;
    const stored = snap.users.find((u: { values: Record<string, unknown> }) => u.values.webExId === 'sam@example.com');
    expect(stored).toMatchObject({ unverified: true, modifiedAt: expect.any(Number) });
    mock.reset();
    expect((await api.post('/_mock/sites/demo/snapshot').send(snap)).status).toBe(200);
    expect((await api.get('/_mock/sites/demo/users/sam@example.com')).body.state).toMatchObject({ unverified: true });
  });
});
