import request from 'supertest';
import express from 'express';
import { createWebexMock } from '../../mock-server';
import { XML_PATH, createUser, exceptionOf, getUser, resultOf } from './support/xml';

describe('admin API', () => {
  const mock = createWebexMock();
  const api = request(mock.app);
  beforeEach(() => mock.reset());

  it('reports health', async () => {
    const res = await api.get('/_mock/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', sites: 1, users: 52, persistent: false });
  });

  it('lists sites with usage and shows one site with masked tokens', async () => {
    const list = await api.get('/_mock/sites');
    expect(list.body).toEqual([expect.objectContaining({ name: 'demo', id: 100001, userCount: 52, hostLimit: 250 })]);
    const one = await api.get('/_mock/sites/demo');
    expect(one.body.config.features.webACD).toBe(false);
    expect(one.body.config.accessTokens).toEqual([{ webExId: 'admin', token: '******' }]);
    expect(JSON.stringify(one.body)).not.toContain('demo-access-token');
    expect(one.body.usage.sessionTypes.find((t: { id: number }) => t.id === 214)).toMatchObject({ limit: 100 });
    expect((await api.get('/_mock/sites/nope')).status).toBe(404);
  });

  it('PATCH changes a feature and a limit for the very next request', async () => {
    const patch = await api.patch('/_mock/sites/demo').send({ hostLimit: 52, features: { webACD: true } });
    expect(patch.status).toBe(200);
    expect(patch.body.config.hostLimit).toBe(52);
    const refused = await api.post(XML_PATH).send(createUser('one.more'));
    expect(exceptionOf(refused.text)).toBe('030059');
    await api.patch('/_mock/sites/demo').send({ hostLimit: null });
    const ok = await api.post(XML_PATH).send(createUser('one.more', '<webACDPrefs><isAgent>true</isAgent></webACDPrefs>'));
    expect(resultOf(ok.text)).toBe('SUCCESS');
  });

  it('PATCH sets a session-type limit, adds a known session type and flags', async () => {
    const res = await api.patch('/_mock/sites/demo').send({ sessionTypes: [{ id: 214, limit: 0 }, { id: 9 }], flags: { sparkMeet: true } });
    expect(res.status).toBe(200);
    expect(res.body.config.sessionTypes).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 214, limit: 0 }), expect.objectContaining({ id: 9, shortName: 'SAC', limit: null }),
    ]));
    expect(res.body.flags.sparkMeet).toBe(true);
  });

  it.each([
    [{ features: { notAFeature: true } }, /features/],
    [{ hostLimit: -1 }, /hostLimit/],
    [{ sessionTypes: [{ id: 777 }] }, /session type 777 is not a known id/],
    [{ defaultSessionTypes: [999] }, /default session type 999/],
    [{ colour: 'blue' }, /unknown field\(s\) colour/],
    [{ passwordPolicy: { minLength: 'eight' } }, /passwordPolicy\.minLength/],
  ])('PATCH refuses %j with a clear 400', async (body, message) => {
    const res = await api.patch('/_mock/sites/demo').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(message);
  });

  it('pages and searches users', async () => {
    const page = await api.get('/_mock/sites/demo/users?offset=2&limit=5');
    expect(page.body).toMatchObject({ total: 52, offset: 2, limit: 5 });
    expect(page.body.users).toHaveLength(5);
    const found = await api.get('/_mock/sites/demo/users?q=ADMIN@demo');
    expect(found.body.total).toBe(1);
    expect(found.body.users[0].webExId).toBe('admin');
    expect((await api.get('/_mock/sites/demo/users?limit=0')).status).toBe(400);
  });

  it('shows one user by flat attribute names and by group, password masked, with usage', async () => {
    const res = await api.get('/_mock/sites/demo/users/host');
    expect(res.status).toBe(200);
    expect(res.body.attributes).toMatchObject({ webExId: 'host', firstName: 'Demo', password: '******', privilegeHost: true });
    expect(res.body.groups.privilege['privilege/host']).toBe(true);
    expect(res.body.groups.meetingTypes['meetingTypes/meetingType']).toEqual([214]);
    expect(res.body.usage).toEqual({ holdsHostLicence: true, sessionTypes: [214] });
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/passwordHash|passwordSalt|P@ssword123/);
    expect((await api.get('/_mock/sites/demo/users/nobody')).status).toBe(404);
  });

  it('resets one site or all back to the loaded state', async () => {
    await api.post(XML_PATH).send(createUser('temp.user'));
    expect(mock.registry.get('demo')!.userCount).toBe(53);
    const res = await api.post('/_mock/reset').send({ site: 'demo' });
    expect(res.status).toBe(200);
    expect(mock.registry.get('demo')!.userCount).toBe(52);
    await api.post(XML_PATH).send(createUser('temp.user'));
    await api.post('/_mock/reset').set('Content-Type', 'application/json');
    expect(mock.registry.get('demo')!.findUser('temp.user')).toBeUndefined();
  });

  it('exports and imports a snapshot without clear passwords or tokens', async () => {
    await api.post(XML_PATH).send(createUser('snap.user'));
    const snap = await api.get('/_mock/sites/demo/snapshot');
    expect(snap.body.format).toBe('webex-mock-site-snapshot/1');
    expect(snap.body.users).toHaveLength(53);
    const text = JSON.stringify(snap.body);
    expect(text).not.toMatch(/P@ssword123|Secret!Pass99|demo-access-token/);
    await api.post('/_mock/reset').set('Content-Type', 'application/json');
    expect(mock.registry.get('demo')!.findUser('snap.user')).toBeUndefined();
    const imp = await api.post('/_mock/sites/demo/snapshot').send(snap.body);
    expect(imp.status).toBe(200);
    expect(imp.body.userCount).toBe(53);
    // The imported hash still authenticates the user; the kept token still works.
    const asUser = await api.post(XML_PATH).send(getUser('snap.user', { webExId: 'snap.user', password: 'Secret!Pass99' }));
    expect(resultOf(asUser.text)).toBe('SUCCESS');
    const bad = await api.post('/_mock/sites/demo/snapshot').send({ format: 'nope' });
    expect(bad.status).toBe(400);
  });

  it('refuses a snapshot with a broken config or duplicate users (400) and leaves the site as it was', async () => {
    const snap = (await api.get('/_mock/sites/demo/snapshot')).body;
    const hostsBefore = mock.registry.get('demo')!.usage().hosts.used;
    const badConfig = JSON.parse(JSON.stringify(snap));
    badConfig.config.sessionTypes = 5;
    const r1 = await api.post('/_mock/sites/demo/snapshot').send(badConfig);
    expect(r1.status).toBe(400);
    expect(r1.body.error).toMatch(/config\.sessionTypes/);
    const badDefault = JSON.parse(JSON.stringify(snap));
    badDefault.config.defaultSessionTypes = [9999];
    expect((await api.post('/_mock/sites/demo/snapshot').send(badDefault)).status).toBe(400);
    const dup = JSON.parse(JSON.stringify(snap));
    dup.users.push({ ...dup.users[5], userId: 999999999 });
    const r2 = await api.post('/_mock/sites/demo/snapshot').send(dup);
    expect(r2.status).toBe(400);
    expect(r2.body.error).toMatch(/duplicate/);
    expect(mock.registry.get('demo')!.userCount).toBe(52);
    expect(mock.registry.get('demo')!.usage().hosts.used).toBe(hostsBefore);
    expect(resultOf((await api.post(XML_PATH).send(createUser('after.refused'))).text)).toBe('SUCCESS');
  });

  it('refuses a snapshot whose user holds a single value where the catalog has a list, or a list for a single value', async () => {
    const snap = (await api.get('/_mock/sites/demo/snapshot')).body;
    for (const [path, value] of [['meetingTypes/meetingType', 'x'], ['firstName', ['a']]] as const) {
      const bad = JSON.parse(JSON.stringify(snap));
      bad.users[3].values[path] = value;
      const res = await api.post('/_mock/sites/demo/snapshot').send(bad);
      expect(res.status).toBe(400);
      expect(res.body.error).toContain(path);
    }
    const host = await api.post(XML_PATH).send(getUser('host'));
    expect(resultOf(host.text)).toBe('SUCCESS');
  });

  it('a snapshot imported as a new site needs a site name a scenario would accept (400 otherwise, no site added)', async () => {
    const snap = (await api.get('/_mock/sites/demo/snapshot')).body;
    snap.config.id = 200004;
    const res = await api.post('/_mock/sites/bad%0Aname/snapshot').send(snap);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/site name/);
    expect(mock.registry.all().map((s) => s.name)).toEqual(['demo']);
  });

  it('a snapshot config with a partial password policy or feature set keeps the defaults for the rest', async () => {
    const snap = (await api.get('/_mock/sites/demo/snapshot')).body;
    snap.config.id = 200003;
    snap.config.passwordPolicy = { minLength: 20 };
    snap.config.features = { webACD: true };
    expect((await api.post('/_mock/sites/partial/snapshot').send(snap)).status).toBe(200);
    const config = mock.registry.get('partial')!.config;
    expect(config.passwordPolicy).toMatchObject({ minLength: 20, minDigits: 1, noWebExId: true });
    expect(config.features).toMatchObject({ webACD: true, meetingCenter: true });
  });

  it('imports a snapshot as a new site', async () => {
    const snap = (await api.get('/_mock/sites/demo/snapshot')).body;
    snap.config.id = 200002;
    const res = await api.post('/_mock/sites/copy/snapshot').send(snap);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'copy', id: 200002, userCount: 52 });
  });

  it('exposes the catalog for UIs', async () => {
    const res = await api.get('/_mock/catalog');
    expect(res.body.attributes.find((a: { name: string }) => a.name === 'webACDPrefsIsAgent')).toMatchObject({ group: 'webACDPrefs', type: 'boolean', feature: 'webACD' });
    expect(res.body.exceptions.find((e: { id: string }) => e.id === '110055')).toBeDefined();
    expect(res.body.operations.map((o: { name: string }) => o.name)).toContain('DelUser');
    expect(res.body.features.map((f: { key: string }) => f.key)).toContain('webACD');
  });

  it('answers malformed JSON with a 400 JSON error', async () => {
    const res = await api.patch('/_mock/sites/demo').set('Content-Type', 'application/json').send('{"hostLimit": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toBeDefined();
  });

  it('answers 404 JSON for unknown admin routes', async () => {
    const res = await api.get('/_mock/nothing');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/no admin route/);
  });
});

describe('admin API access', () => {
  it('refuses non-loopback clients with 403 unless allowRemote', async () => {
    const pretendRemote = (allowRemote: boolean) => {
      const mock = createWebexMock({ control: { allowRemote } });
      const outer = express();
      outer.use((req, _res, next) => { Object.defineProperty(req.socket, 'remoteAddress', { value: '203.0.113.9', configurable: true }); next(); });
      outer.use(mock.app);
      return outer;
    };
    expect((await request(pretendRemote(false)).get('/_mock/health')).status).toBe(403);
    expect((await request(pretendRemote(true)).get('/_mock/health')).status).toBe(200);
    // The XML API itself is not restricted.
    expect((await request(pretendRemote(false)).post(XML_PATH).send(getUser('host'))).status).toBe(200);
  });

  it('requires the bearer token when one is configured (option or WEBEX_MOCK_ADMIN_TOKEN)', async () => {
    const mock = createWebexMock({ control: { token: 's3cret-admin' } });
    // Health answers readiness probes without the token, and then holds no data.
    expect((await request(mock.app).get('/_mock/health')).body).toEqual({ status: 'ok' });
    expect((await request(mock.app).get('/_mock/sites')).status).toBe(401);
    expect((await request(mock.app).get('/_mock/sites').set('Authorization', 'Bearer wrong')).status).toBe(401);
    expect((await request(mock.app).get('/_mock/sites').set('Authorization', 'Bearer s3cret-admin')).status).toBe(200);
    expect((await request(mock.app).get('/_mock/health').set('Authorization', 'Bearer s3cret-admin')).body).toMatchObject({ status: 'ok', sites: 1 });
    // With the token, any content type is accepted (a browser cannot send the header without a preflight).
    expect((await request(mock.app).post('/_mock/reset').set('Authorization', 'Bearer s3cret-admin').set('Content-Type', 'text/plain').send('')).status).toBe(200);
    process.env.WEBEX_MOCK_ADMIN_TOKEN = 'from-env-token';
    try {
      const envMock = createWebexMock();
      expect((await request(envMock.app).get('/_mock/sites')).status).toBe(401);
      expect((await request(envMock.app).get('/_mock/sites').set('Authorization', 'Bearer from-env-token')).status).toBe(200);
    } finally {
      delete process.env.WEBEX_MOCK_ADMIN_TOKEN;
    }
  });

  it('can be left unmounted', async () => {
    const mock = createWebexMock({ control: { adminApi: false } });
    expect((await request(mock.app).get('/_mock/health')).status).toBe(404);
  });
});
