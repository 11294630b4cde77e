/**
 * OAuth tokens in the XML API: `webExAccessToken` in the securityContext and `accessToken` in AuthenticateUser
 * (developer.cisco.com/docs/webex-xml-api-reference-guide/request-authentication and …/authenticateuser), and
 * SAML SSO sites, where "Password authentication is not available … developers must support OAuth" (same page).
 * Expired / wrong-scope answers are assigned ids (catalog: accessTokenExpired, insufficientScope).
 */
import request from 'supertest';
import { catalog } from '../../mock-server';
import { call, expectFailure } from '../core/support/client';
import { elements } from '../core/support/xml';
import { CI, PASSWORD, clock, getUser, oauthMock, tokenRequest, tokensFor, withToken } from './support';

const { EXCEPTIONS } = catalog;

describe('webExAccessToken', () => {
  it('a fresh token signs its user in on its site', async () => {
    const mock = oauthMock();
    const t = await tokensFor(mock, 'all_read');
    const a = await getUser(mock, withToken('alpha', t.access_token));
    expect(a.result).toBe('SUCCESS');
  });

  it('expires after the site lifetime (030081), and works again after a refresh', async () => {
    const c = clock();
    const mock = oauthMock(c);
    await request(mock.app).patch('/_mock/sites/alpha').send({ oauth: { accessTokenTtlSeconds: 5 } }).expect(200);
    const t = await tokensFor(mock, 'all_read');
    expect(t.expires_in).toBe(5);
    c.advance(4);
    expect((await getUser(mock, withToken('alpha', t.access_token))).result).toBe('SUCCESS');
    c.advance(1);
    expectFailure(await getUser(mock, withToken('alpha', t.access_token)), EXCEPTIONS.accessTokenExpired.id, EXCEPTIONS.accessTokenExpired.reason);
    const r = await tokenRequest(mock, { grant_type: 'refresh_token', client_id: CI.clientId, client_secret: CI.clientSecret, refresh_token: t.refresh_token });
    expect((await getUser(mock, withToken('alpha', r.body.access_token))).result).toBe('SUCCESS');
  });

  it('a token without the scope gets 000001: all_read reads but cannot SetUser; user_modify or spark:all can', async () => {
    const mock = oauthMock();
    const read = await tokensFor(mock, 'all_read');
    const write = await tokensFor(mock, 'user_modify');
    const all = await tokensFor(mock, 'spark:all');
    const setUser = (tok: string) => call(mock, 'SetUser', elements({ webExId: 'host', firstName: 'Renamed' }), withToken('alpha', tok));
    expectFailure(await setUser(read.access_token), '000001', 'Access denied, additional privileges are required');
    expect((await setUser(write.access_token)).result).toBe('SUCCESS');
    expect((await setUser(all.access_token)).result).toBe('SUCCESS');
    expectFailure(await getUser(mock, withToken('alpha', write.access_token)), '000001');
  });

  it('a token of another site or another user is unknown there (030002)', async () => {
    const mock = oauthMock();
    const t = await tokensFor(mock, 'all_read'); // alpha/admin
    expectFailure(await getUser(mock, withToken('sso', t.access_token)), '030002', 'Incorrect user or password');
    expectFailure(await getUser(mock, withToken('alpha', t.access_token, 'host'), 'host'), '030002');
    expectFailure(await getUser(mock, withToken('alpha', 'made-up-token-0123456789')), '030002');
  });

  it('POST /_mock/oauth/revoke ends access and refresh tokens: 030002, then invalid_grant', async () => {
    const mock = oauthMock();
    const t = await tokensFor(mock, 'all_read');
    const other = await tokensFor(mock, 'all_read', { site: 'alpha', login_hint: 'host' });
    const res = await request(mock.app).post('/_mock/oauth/revoke').send({ site: 'alpha', webExId: 'admin' });
    expect(res.body).toEqual({ revoked: 1 });
    expectFailure(await getUser(mock, withToken('alpha', t.access_token)), '030002');
    const r = await tokenRequest(mock, { grant_type: 'refresh_token', client_id: CI.clientId, client_secret: CI.clientSecret, refresh_token: t.refresh_token });
    expect(r.status).toBe(400);
    expect((await getUser(mock, withToken('alpha', other.access_token, 'host'), 'host')).result).toBe('SUCCESS');
    expect((await request(mock.app).post('/_mock/oauth/revoke').send({ site: 'nosuch' })).status).toBe(404);
    expect((await request(mock.app).post('/_mock/oauth/revoke').send({ user: 'x' })).status).toBe(400);
  });

  it('POST /_mock/oauth/expire ends access tokens now (030081) while the refresh token still works', async () => {
    const mock = oauthMock();
    const t = await tokensFor(mock, 'all_read');
    expect((await request(mock.app).post('/_mock/oauth/expire').send({ site: 'alpha', webExId: 'admin' })).body).toEqual({ expired: 1 });
    expectFailure(await getUser(mock, withToken('alpha', t.access_token)), '030081');
    const r = await tokenRequest(mock, { grant_type: 'refresh_token', client_id: CI.clientId, client_secret: CI.clientSecret, refresh_token: t.refresh_token });
    expect((await getUser(mock, withToken('alpha', r.body.access_token))).result).toBe('SUCCESS');
  });

  it('resetting a site drops its tokens', async () => {
    const mock = oauthMock();
    const t = await tokensFor(mock, 'all_read');
    mock.reset('alpha');
    expectFailure(await getUser(mock, withToken('alpha', t.access_token)), '030002');
  });
});

describe('AuthenticateUser with an OAuth token', () => {
  it('a token in the body gives a session ticket that keeps the token\'s scopes', async () => {
    const mock = oauthMock();
    const t = await tokensFor(mock, 'all_read');
    const auth = await call(mock, 'AuthenticateUser', `<accessToken>${t.access_token}</accessToken>`, { siteName: 'alpha', webExID: 'admin' });
    expect(auth.result).toBe('SUCCESS');
    const ticket = { siteName: 'alpha', webExID: 'admin', sessionTicket: auth.body!['use:sessionTicket'] as string };
    expect((await getUser(mock, ticket)).result).toBe('SUCCESS');
    expectFailure(await call(mock, 'SetUser', elements({ webExId: 'host', firstName: 'X' }), ticket), '000001');
  });

  it('an expired token in the body is refused as real sites refuse unusable tokens (030048 + AS0001)', async () => {
    const c = clock();
    const mock = oauthMock(c);
    const t = await tokensFor(mock, 'all_read');
    c.advance(1_209_600);
    const a = await call(mock, 'AuthenticateUser', `<accessToken>${t.access_token}</accessToken>`, { siteName: 'alpha', webExID: 'admin' });
    expectFailure(a, '030048');
    expect(a.text).toContain('<serv:exceptionID>AS0001</serv:exceptionID>');
  });
});

describe('SAML SSO site (samlSSO: true)', () => {
  it('refuses a password in the securityContext and in AuthenticateUser (030082), accepts OAuth', async () => {
    const mock = oauthMock();
    const pw = { siteName: 'sso', webExID: 'admin', password: PASSWORD };
    expectFailure(await getUser(mock, pw), EXCEPTIONS.passwordAuthNotAvailable.id, EXCEPTIONS.passwordAuthNotAvailable.reason);
    expectFailure(await call(mock, 'AuthenticateUser', '', pw), '030082');
    const t = await tokensFor(mock, 'all_read', { site: 'sso', login_hint: 'admin' });
    expect((await getUser(mock, withToken('sso', t.access_token))).result).toBe('SUCCESS');
  });

  it('the same password works on the same site once samlSSO is switched off (the flag decides)', async () => {
    const mock = oauthMock();
    await request(mock.app).patch('/_mock/sites/sso').send({ samlSSO: false }).expect(200);
    expect((await getUser(mock, { siteName: 'sso', webExID: 'admin', password: PASSWORD })).result).toBe('SUCCESS');
  });
});

describe('secrets stay out of the admin API and the journal', () => {
  it('GET /_mock/oauth lists integrations and grants without any secret', async () => {
    const mock = oauthMock();
    const code = (await request(mock.app).get(`/v1/authorize?response_type=code&client_id=${CI.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:9999/callback')}&scope=all_read`)).headers.location as string;
    const t = await tokensFor(mock, 'all_read');
    await getUser(mock, withToken('alpha', t.access_token));
    const view = (await request(mock.app).get('/_mock/oauth').expect(200)).text;
    expect(view).toContain(CI.clientId);
    expect(view).toContain('"grants"');
    for (const secret of [CI.clientSecret, t.access_token, t.refresh_token, new URL(code).searchParams.get('code')!]) expect(view).not.toContain(secret);
    const journal = (await request(mock.app).get('/_mock/journal').expect(200)).text;
    expect(journal).toContain('GetUser');
    expect(journal).not.toContain(t.access_token);
    const site = (await request(mock.app).get('/_mock/sites/alpha').expect(200)).body;
    expect(site.config.samlSSO).toBe(false);
    expect(site.config.oauth).toEqual({ accessTokenTtlSeconds: 1_209_600, refreshTokenTtlSeconds: 7_776_000 });
  });
});
