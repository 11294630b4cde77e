/**
 * /v1/authorize and /v1/access_token as Webex integrations use them (developer.webex.com/docs/integrations;
 * developer.cisco.com/docs/webex-meetings "Webex Meetings Integrations" for the request parameters and scopes;
 * RFC 6749 §4.1 for the redirects and error codes).
 */
import request from 'supertest';
import { CI, CONSENT, PASSWORD, REDIRECT, authorizeUrl, clock, codeFor, oauthMock, redirectParams, tokenRequest, tokensFor } from './support';

describe('GET /v1/authorize', () => {
  it('auto-approves an autoApprove integration: 302 to the redirect URI with code and state', async () => {
    const res = await request(oauthMock().app).get(authorizeUrl({ client_id: CI.clientId, scope: 'all_read user_modify' }));
    expect(res.status).toBe(302);
    const q = redirectParams(res.headers.location);
    expect(q.get('code')).toMatch(/^[\w-]{40,}$/);
    expect(q.get('state')).toBe('st-1');
  });

  it('shows the consent page for other integrations, naming the scopes', async () => {
    const res = await request(oauthMock().app).get(authorizeUrl({ client_id: CONSENT.clientId, scope: 'all_read' }));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('all_read');
    expect(res.text).toContain('Read-only privilege to access all Webex resources');
    expect(res.text).toContain('name="decision" value="accept"');
    // Decline must work with the sign-in fields empty (they are `required` for Accept only).
    expect(res.text).toContain('value="decline" formnovalidate');
  });

  it('echoes the request into the page escaped (state is the client\'s free text)', async () => {
    const res = await request(oauthMock().app).get(authorizeUrl({ client_id: CONSENT.clientId, scope: 'all_read', state: '"><script>alert(1)</script>' }));
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('an unknown client or an unregistered redirect URI is answered 400 here, never redirected (RFC 6749 §4.1.2.1)', async () => {
    const app = oauthMock().app;
    const a = await request(app).get(authorizeUrl({ client_id: 'C-nobody', scope: 'all_read' }));
    expect(a.status).toBe(400);
    expect(a.headers.location).toBeUndefined();
    const b = await request(app).get(authorizeUrl({ client_id: CI.clientId, scope: 'all_read', redirect_uri: 'http://127.0.0.1:1/evil' }));
    expect(b.status).toBe(400);
    expect(b.headers.location).toBeUndefined();
  });

  it('a wrong response_type or a scope the integration lacks goes back to the client as an error', async () => {
    const app = oauthMock().app;
    const a = redirectParams((await request(app).get(authorizeUrl({ client_id: CI.clientId, scope: 'all_read', response_type: 'token' }))).headers.location);
    expect([a.get('error'), a.get('state'), a.get('code')]).toEqual(['unsupported_response_type', 'st-1', null]);
    const b = redirectParams((await request(app).get(authorizeUrl({ client_id: CI.clientId, scope: 'all_read setting_modify' }))).headers.location);
    expect(b.get('error')).toBe('invalid_scope');
    expect(b.get('error_description')).toContain('setting_modify');
    const c = redirectParams((await request(app).get(authorizeUrl({ client_id: CI.clientId, scope: '' }))).headers.location);
    expect(c.get('error')).toBe('invalid_scope');
  });

  it('auto-approval signs in as the user the query names (site + login_hint), refusing unknown users', async () => {
    const mock = oauthMock();
    const ok = await request(mock.app).get(authorizeUrl({ client_id: CI.clientId, scope: 'all_read', site: 'alpha', login_hint: 'host' }));
    expect(redirectParams(ok.headers.location).get('code')).toBeTruthy();
    const bad = await request(mock.app).get(authorizeUrl({ client_id: CI.clientId, scope: 'all_read', site: 'alpha', login_hint: 'ghost' }));
    expect(redirectParams(bad.headers.location).get('error')).toBe('access_denied');
  });
});

describe('POST /v1/authorize (the consent form)', () => {
  const form = (extra: Record<string, string>) => ({ client_id: CONSENT.clientId, redirect_uri: REDIRECT, scope: 'all_read', state: 's2', response_type: 'code', ...extra });

  it('accept with the right password redirects with a code; decline with access_denied', async () => {
    const app = oauthMock().app;
    const ok = await request(app).post('/v1/authorize').type('form').send(form({ site: 'alpha', login: 'admin', password: PASSWORD, decision: 'accept' }));
    expect(ok.status).toBe(302);
    expect(redirectParams(ok.headers.location).get('code')).toBeTruthy();
    const no = await request(app).post('/v1/authorize').type('form').send(form({ site: 'alpha', login: 'admin', password: PASSWORD, decision: 'decline' }));
    expect([redirectParams(no.headers.location).get('error'), redirectParams(no.headers.location).get('state')]).toEqual(['access_denied', 's2']);
  });

  it('a wrong password shows the page again (401), no code', async () => {
    const res = await request(oauthMock().app).post('/v1/authorize').type('form').send(form({ site: 'alpha', login: 'admin', password: 'wrong', decision: 'accept' }));
    expect(res.status).toBe(401);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toContain('Incorrect site, user or password.');
  });

  it('on a SAML SSO site no password is asked: the identity provider (emulated) signs the user in', async () => {
    const res = await request(oauthMock().app).post('/v1/authorize').type('form').send(form({ site: 'sso', login: 'admin', decision: 'accept' }));
    expect(res.status).toBe(302);
    expect(redirectParams(res.headers.location).get('code')).toBeTruthy();
  });
});

describe('POST /v1/access_token', () => {
  it('exchanges a code for the documented JSON (access_token, expires_in, refresh_token, refresh_token_expires_in)', async () => {
    const mock = oauthMock();
    const t = await tokensFor(mock, 'all_read');
    expect(Object.keys(t).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'refresh_token_expires_in', 'token_type']);
    expect(t.expires_in).toBe(1_209_600);
    expect(t.refresh_token_expires_in).toBe(7_776_000);
    expect(t.token_type).toBe('Bearer');
    expect(t.access_token).not.toBe(t.refresh_token);
  });

  it('a code works once: the second exchange is 400 invalid_grant in the Webex error shape', async () => {
    const mock = oauthMock();
    const code = await codeFor(mock, 'all_read');
    const form = { grant_type: 'authorization_code', client_id: CI.clientId, client_secret: CI.clientSecret, code, redirect_uri: REDIRECT };
    expect((await tokenRequest(mock, form)).status).toBe(200);
    const again = await tokenRequest(mock, form);
    expect(again.status).toBe(400);
    expect(Object.keys(again.body).sort()).toEqual(['errors', 'message', 'trackingId']);
    expect(again.body.message).toMatch(/^\(invalid_grant\) /);
    expect(again.body.errors).toEqual([{ description: again.body.message }]);
    expect(again.body.trackingId).toMatch(/^ROUTER_[0-9a-f-]{36}$/);
  });

  it('a code expires after 10 minutes and is bound to its redirect URI', async () => {
    const c = clock();
    const mock = oauthMock(c);
    const base = { grant_type: 'authorization_code', client_id: CI.clientId, client_secret: CI.clientSecret };
    const code1 = await codeFor(mock, 'all_read');
    expect((await tokenRequest(mock, { ...base, code: code1, redirect_uri: 'http://127.0.0.1:9999/other' })).status).toBe(400);
    const code2 = await codeFor(mock, 'all_read');
    c.advance(601);
    expect((await tokenRequest(mock, { ...base, code: code2, redirect_uri: REDIRECT })).body.message).toMatch(/invalid_grant/);
  });

  it('a wrong client secret is 401 invalid_client; a missing grant_type 400 invalid_request; an unknown grant 400 unsupported_grant_type', async () => {
    const mock = oauthMock();
    const code = await codeFor(mock, 'all_read');
    const bad = await tokenRequest(mock, { grant_type: 'authorization_code', client_id: CI.clientId, client_secret: 'nope-nope-nope', code, redirect_uri: REDIRECT });
    expect(bad.status).toBe(401);
    expect(bad.body.message).toMatch(/^\(invalid_client\) /);
    expect((await tokenRequest(mock, { client_id: CI.clientId })).body.message).toMatch(/^\(invalid_request\) /);
    const pw = await tokenRequest(mock, { grant_type: 'password', client_id: CI.clientId, client_secret: CI.clientSecret });
    expect([pw.status, pw.body.message.slice(0, 24)]).toEqual([400, '(unsupported_grant_type)']);
  });

  it('refresh_token gives a new access token; the refresh token stays, with what is left of its life', async () => {
    const c = clock();
    const mock = oauthMock(c);
    const t = await tokensFor(mock, 'all_read');
    c.advance(100);
    const r = await tokenRequest(mock, { grant_type: 'refresh_token', client_id: CI.clientId, client_secret: CI.clientSecret, refresh_token: t.refresh_token });
    expect(r.status).toBe(200);
    expect(r.body.access_token).not.toBe(t.access_token);
    expect(r.body.refresh_token).toBe(t.refresh_token);
    expect(r.body.refresh_token_expires_in).toBe(7_776_000 - 100);
    // Another client cannot use it.
    const other = await tokenRequest(mock, { grant_type: 'refresh_token', client_id: CONSENT.clientId, client_secret: CONSENT.clientSecret, refresh_token: t.refresh_token });
    expect(other.status).toBe(400);
  });

  it('an expired refresh token is invalid_grant (lifetimes per site: sso has 600 s)', async () => {
    const c = clock();
    const mock = oauthMock(c);
    const t = await tokensFor(mock, 'all_read', { site: 'sso', login_hint: 'admin' });
    expect([t.expires_in, t.refresh_token_expires_in]).toEqual([60, 600]);
    c.advance(600);
    const r = await tokenRequest(mock, { grant_type: 'refresh_token', client_id: CI.clientId, client_secret: CI.clientSecret, refresh_token: t.refresh_token });
    expect([r.status, r.body.message.slice(0, 15)]).toEqual([400, '(invalid_grant)']);
  });

  it('a body that is not a form still gets the JSON error shape', async () => {
    const res = await request(oauthMock().app).post('/v1/access_token').set('Content-Type', 'application/x-www-form-urlencoded; charset=latin9').send('grant_type=x');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^\(invalid_request\) /);
  });
});

describe('bounded memory', () => {
  it('a flood of authorization requests keeps at most MAX_CODES codes; the newest still work', async () => {
    const { OAuthStore, MAX_CODES } = await import('../../mock-server/oauth/token-store');
    const store = new OAuthStore(() => 0);
    store.setIntegrations([{ clientId: CI.clientId, clientSecret: CI.clientSecret, redirectUris: [REDIRECT], scopes: ['all_read'] }]);
    const grant = { clientId: CI.clientId, site: 'alpha', webExId: 'admin', scopes: ['all_read'] };
    const first = store.issueCode(grant, REDIRECT);
    let last = '';
    for (let i = 0; i < MAX_CODES + 5; i++) last = store.issueCode(grant, REDIRECT);
    const life = () => ({ accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 600 });
    expect(store.exchangeCode(CI.clientId, first, REDIRECT, life)).toBe('invalid_grant');
    expect(typeof store.exchangeCode(CI.clientId, last, REDIRECT, life)).toBe('object');
  });
});

describe('PKCE (RFC 7636; developer.webex.com/docs/login-with-webex recommends it)', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'; // RFC 7636 appendix B
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
  const exchange = (mock: ReturnType<typeof oauthMock>, code: string, extra: Record<string, string>) =>
    tokenRequest(mock, { grant_type: 'authorization_code', client_id: CI.clientId, client_secret: CI.clientSecret, code, redirect_uri: REDIRECT, ...extra });

  it('an S256 challenge needs the matching code_verifier at the token endpoint', async () => {
    const mock = oauthMock();
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
    expect((await exchange(mock, await codeFor(mock, 'all_read', pkce), {})).status).toBe(400);
    expect((await exchange(mock, await codeFor(mock, 'all_read', pkce), { code_verifier: `${verifier.slice(0, -1)}x` })).body.message).toMatch(/invalid_grant/);
    expect((await exchange(mock, await codeFor(mock, 'all_read', pkce), { code_verifier: verifier })).status).toBe(200);
  });

  it('a plain challenge, and an unknown method refused back at the client', async () => {
    const mock = oauthMock();
    expect((await exchange(mock, await codeFor(mock, 'all_read', { code_challenge: verifier }), { code_verifier: verifier })).status).toBe(200);
    const res = await request(mock.app).get(authorizeUrl({ client_id: CI.clientId, scope: 'all_read', code_challenge: challenge, code_challenge_method: 'MD5' }));
    expect(redirectParams(res.headers.location).get('error')).toBe('invalid_request');
  });

  it('the consent form carries the challenge on', async () => {
    const res = await request(oauthMock().app).get(authorizeUrl({ client_id: CONSENT.clientId, scope: 'all_read', code_challenge: challenge, code_challenge_method: 'S256' }));
    expect(res.text).toContain(`name="code_challenge" value="${challenge}"`);
    expect(res.text).toContain('name="code_challenge_method" value="S256"');
  });
});
