/**
 * The msw door (useWebexMock, no port) answers https://webexapis.com/v1/authorize and /v1/access_token from the
 * mock's integrations, so a connector with the default token URL works in-process on the SSO scenario.
 */
import { WebexConnector } from '../../connector';
import { useWebexMock } from '../../mock-server/testing/jest';

const webex = useWebexMock({ scenario: 'sso-site-oauth' });
const CLIENT = { client_id: 'C-sso-site-oauth-connector', client_secret: 'sso-site-oauth-client-secret' };
const REDIRECT = 'http://127.0.0.1:8765/callback';

it('authorize + access_token at webexapis.com, then the connector refreshes through the same door', async () => {
  const q = new URLSearchParams({ response_type: 'code', client_id: CLIENT.client_id, redirect_uri: REDIRECT, scope: 'all_read user_modify', state: 'm' });
  const auth = await fetch(`https://webexapis.com/v1/authorize?${q}`, { redirect: 'manual' });
  expect(auth.status).toBe(302);
  const code = new URL(auth.headers.get('location')!).searchParams.get('code')!;
  const tok = await fetch('https://webexapis.com/v1/access_token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', ...CLIENT, code, redirect_uri: REDIRECT }),
  });
  const body = await tok.json() as { refresh_token: string; expires_in: number };
  expect([tok.status, body.expires_in]).toEqual([200, 300]);

  const bad = await fetch('https://webexapis.com/v1/access_token', { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', client_id: CLIENT.client_id, client_secret: 'wrong-secret', refresh_token: body.refresh_token }) });
  expect(bad.status).toBe(401);

  const c = new WebexConnector({ url: 'https://ssoco.webex.com', siteName: 'ssoco', admin: 'admin', oauth: { clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, refreshToken: body.refresh_token } });
  expect((await c.getUser('kim.lee')).profile.lastName).toBe('Lee');
  expect(c.tokens!.refreshes).toBe(1);
  expect(webex.mock.registry.oauth.list().grants).toHaveLength(1);
});
