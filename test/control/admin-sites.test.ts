/**
 * POST /_mock/sites and DELETE /_mock/sites/:site: a site added next to the others (as a scenario's sites[] entry,
 * through the site's own CreateUser rules) and removed again — what a conformance run against a running
 * webex-mock does for every case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createWebexMock } from '../../mock-server';
import { createWebexMock as createPersistentMock } from './support/persistence-helpers';
import { XML_PATH, createUser, exceptionOf, getUser, resultOf } from './support/xml';

const ACME = {
  name: 'acme-conf',
  features: { webACD: true },
  sessionTypes: [{ id: 214, limit: 3 }, { id: 216 }],
  hostLimit: 10,
  suspended: false,
  admins: [{ webExId: 'siteboss', password: 'B0ss!Secret', email: 'siteboss@acme.example.com' }],
  users: [{ webExId: 'plainhost', email: 'plainhost@acme.example.com', firstName: 'Plain', lastName: 'Host', password: 'H0st!Secret' }],
};
const asBoss = { site: 'acme-conf', webExId: 'siteboss', password: 'B0ss!Secret' };

describe('admin API: adding and deleting sites', () => {
  const mock = createWebexMock();
  const api = request(mock.app);
  beforeEach(() => mock.reset());

  it('POST /_mock/sites adds a site with its settings, admin and users; its admin signs in at once', async () => {
    const res = await api.post('/_mock/sites').send(ACME);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'acme-conf', userCount: 2, hostLimit: 10 });
    expect(res.body.config.features.webACD).toBe(true);
    expect(res.body.usage.sessionTypes).toEqual(expect.arrayContaining([expect.objectContaining({ id: 214, limit: 3 }), expect.objectContaining({ id: 216 })]));
    expect(JSON.stringify(res.body)).not.toContain('B0ss!Secret');
    expect((await api.get('/_mock/sites')).body.map((s: { name: string }) => s.name)).toEqual(['demo', 'acme-conf']);
    const got = await api.post(XML_PATH).send(getUser('plainhost', asBoss));
    expect(resultOf(got.text)).toBe('SUCCESS');
    const created = await api.post(XML_PATH).send(createUser('newcomer', '', asBoss));
    expect(resultOf(created.text)).toBe('SUCCESS');
    // The demo site is untouched.
    expect(mock.registry.get('demo')!.userCount).toBe(52);
  });

  it('gives the new site an id no other site holds, or refuses a taken name or id with 409', async () => {
    const first = await api.post('/_mock/sites').send({ name: 'one' });
    const second = await api.post('/_mock/sites').send({ name: 'two' });
    expect(first.body.id).not.toBe(second.body.id);
    expect((await api.post('/_mock/sites').send({ name: 'ONE' })).status).toBe(409);
    const taken = await api.post('/_mock/sites').send({ name: 'three', id: 100001 });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatch(/site id 100001 is used by site demo/);
    expect(mock.registry.get('three')).toBeUndefined();
  });

  it('refuses a bad setting or a user the site rules refuse (400 naming the field), adding nothing', async () => {
    const bad = await api.post('/_mock/sites').send({ name: 'bad', hostLimit: 'many' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/hostLimit/);
    const refused = await api.post('/_mock/sites').send({ name: 'bad', users: [{ webExId: 'x', email: 'x@example.com', firstName: 'X', lastName: 'Y', timeZoneID: 'abc' }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^users\.0: site "bad" refuses user "x": 030071/);
    expect((await api.post('/_mock/sites').send({ name: 'not a host name' })).status).toBe(400);
    expect(mock.registry.get('bad')).toBeUndefined();
  });

  it('DELETE /_mock/sites/:site removes it with its users and tokens; the XML service no longer finds it', async () => {
    await api.post('/_mock/sites').send({ ...ACME, accessTokens: [{ token: 'acme-token-123', webExId: 'siteboss' }] });
    const del = await api.delete('/_mock/sites/ACME-conf').set('Content-Type', 'application/json');
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ deleted: 'acme-conf' });
    expect(exceptionOf((await api.post(XML_PATH).send(getUser('plainhost', asBoss))).text)).toBe('030076'); // site is not valid
    expect((await api.get('/_mock/sites/acme-conf')).status).toBe(404);
    expect((await api.delete('/_mock/sites/acme-conf').set('Content-Type', 'application/json')).status).toBe(404);
    // The name is free again: a new site of that name starts empty of the old users.
    const again = await api.post('/_mock/sites').send({ name: 'acme-conf' });
    expect(again.body.userCount).toBe(0);
  });

  it('a full reset removes added sites; a reset of an added site alone is refused (not part of the loaded state)', async () => {
    await api.post('/_mock/sites').send(ACME);
    expect((await api.post('/_mock/reset').send({ site: 'acme-conf' })).status).toBe(404);
    await api.post('/_mock/reset').send({});
    expect(mock.registry.all().map((s) => s.name)).toEqual(['demo']);
  });

  it('is guarded like the rest of /_mock: token, JSON content type, Origin', async () => {
    const guarded = createWebexMock({ control: { token: 'sekret-token' } });
    const g = request(guarded.app);
    expect((await g.post('/_mock/sites').send({ name: 'x' })).status).toBe(401);
    expect((await g.delete('/_mock/sites/demo')).status).toBe(401);
    expect((await g.post('/_mock/sites').set('Authorization', 'Bearer sekret-token').send({ name: 'x' })).status).toBe(201);
    expect((await g.delete('/_mock/sites/x').set('Authorization', 'Bearer sekret-token')).status).toBe(200);
    expect((await api.post('/_mock/sites').set('Content-Type', 'text/plain').send('{"name":"x"}')).status).toBe(415);
    expect((await api.delete('/_mock/sites/demo')).status).toBe(415);
    expect((await api.post('/_mock/sites').set('Origin', 'http://evil.example').send({ name: 'x' })).status).toBe(403);
    expect(mock.registry.all().map((s) => s.name)).toEqual(['demo']);
  });
});

describe('added and deleted sites with --data-dir', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'webex-mock-sites-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an added site survives a restart, a deleted one is gone after it', async () => {
    const first = createPersistentMock({ dataDir: dir });
    await request(first.app).post('/_mock/sites').send(ACME);
    await request(first.app).post('/_mock/sites').send({ name: 'short-lived' });
    await request(first.app).delete('/_mock/sites/short-lived').set('Content-Type', 'application/json');
    first.close();
    const second = createPersistentMock({ dataDir: dir });
    try {
      expect(second.registry.get('acme-conf')!.userCount).toBe(2);
      expect(second.registry.all().map((s) => s.name)).toEqual(['demo', 'acme-conf']);
      expect(resultOf((await request(second.app).post(XML_PATH).send(getUser('plainhost', asBoss))).text)).toBe('SUCCESS');
    } finally {
      second.close();
    }
  });
});

describe('admin API: adding and removing an OAuth integration', () => {
  const mock = createWebexMock();
  const api = request(mock.app);
  beforeEach(() => mock.reset());
  const INTEGRATION = {
    clientId: 'C-added-at-runtime', clientSecret: 'runtime-client-secret', redirectUris: ['http://127.0.0.1:9/callback'],
    scopes: ['all_read', 'user_modify'], autoApprove: { site: 'demo', webExId: 'admin' },
  };
  const authorize = () => api.get('/v1/authorize').query({ response_type: 'code', client_id: INTEGRATION.clientId, redirect_uri: INTEGRATION.redirectUris[0], scope: 'all_read', site: 'demo', login_hint: 'admin' });

  it('POST /_mock/oauth/integrations adds one next to the loaded ones (secret never shown); DELETE removes it and its grants', async () => {
    const added = await api.post('/_mock/oauth/integrations').send(INTEGRATION);
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ ...INTEGRATION, clientSecret: undefined });
    expect(JSON.stringify((await api.get('/_mock/oauth')).body)).not.toContain('runtime-client-secret');
    const code = new URL((await authorize()).headers.location).searchParams.get('code');
    const token = await api.post('/v1/access_token').type('form').send({ grant_type: 'authorization_code', client_id: INTEGRATION.clientId, client_secret: INTEGRATION.clientSecret, code, redirect_uri: INTEGRATION.redirectUris[0] });
    expect(token.status).toBe(200);
    expect((await api.get('/_mock/oauth')).body.grants).toEqual([expect.objectContaining({ clientId: INTEGRATION.clientId, site: 'demo' })]);
    expect((await api.post('/_mock/oauth/integrations').send(INTEGRATION)).status).toBe(409);

    const removed = await api.delete(`/_mock/oauth/integrations/${INTEGRATION.clientId}`).set('Content-Type', 'application/json');
    expect(removed.body).toEqual({ removed: INTEGRATION.clientId });
    expect((await api.get('/_mock/oauth')).body).toEqual({ integrations: [], grants: [] });
    expect((await authorize()).status).toBeGreaterThanOrEqual(400);
    expect((await api.delete(`/_mock/oauth/integrations/${INTEGRATION.clientId}`).set('Content-Type', 'application/json')).status).toBe(404);
  });

  it('refuses a bad integration (400) and is gone after a full reset', async () => {
    const bad = await api.post('/_mock/oauth/integrations').send({ ...INTEGRATION, scopes: ['everything'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/scopes/);
    await api.post('/_mock/oauth/integrations').send(INTEGRATION);
    await api.post('/_mock/reset').send({});
    expect((await api.get('/_mock/oauth')).body.integrations).toEqual([]);
  });
});
