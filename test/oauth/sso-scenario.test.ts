/** The bundled `sso-site-oauth` scenario: a SAML SSO site reachable only with OAuth tokens (docs/oauth.md). */
import request from 'supertest';
import { createWebexMock, loadBundled } from '../../mock-server';
import { runReproduce } from '../../mock-server/cli/reproduce';
import { call, expectFailure } from '../core/support/client';
import { clock } from './support';

const CLIENT = { client_id: 'C-sso-site-oauth-connector', client_secret: 'sso-site-oauth-client-secret' };
const REDIRECT = 'http://127.0.0.1:8765/callback';

it('refuses the password (its reproduce block), then serves the whole OAuth flow with 300 s tokens', async () => {
  const c = clock();
  const s = loadBundled('sso-site-oauth');
  const mock = createWebexMock({ scenario: s, now: c.now });
  expect((await runReproduce(mock, s.scenario.reproduce!)).mismatches).toEqual([]);

  const auth = await request(mock.app).get(`/v1/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT.client_id, redirect_uri: REDIRECT, scope: 'all_read user_modify', state: 'x' })}`);
  expect(auth.status).toBe(302);
  const code = new URL(auth.headers.location as string).searchParams.get('code')!;
  const tok = await request(mock.app).post('/v1/access_token').type('form').send({ grant_type: 'authorization_code', ...CLIENT, code, redirect_uri: REDIRECT });
  expect([tok.status, tok.body.expires_in, tok.body.refresh_token_expires_in]).toEqual([200, 300, 86400]);

  const sec = (t: string) => ({ siteName: 'ssoco', webExID: 'admin', webExAccessToken: t });
  expect((await call(mock, 'GetUser', '<webExId>kim.lee</webExId>', sec(tok.body.access_token))).result).toBe('SUCCESS');
  expect((await call(mock, 'SetUser', '<webExId>kim.lee</webExId><firstName>Kimberly</firstName>', sec(tok.body.access_token))).result).toBe('SUCCESS');
  c.advance(300);
  expectFailure(await call(mock, 'GetUser', '<webExId>kim.lee</webExId>', sec(tok.body.access_token)), '030081');
  const fresh = await request(mock.app).post('/v1/access_token').type('form').send({ grant_type: 'refresh_token', ...CLIENT, refresh_token: tok.body.refresh_token });
  const after = await call(mock, 'GetUser', '<webExId>kim.lee</webExId>', sec(fresh.body.access_token));
  expect(after.body!['use:firstName']).toBe('Kimberly');
});
