/** `webex-mock serve --scenario sso-site-oauth`: the server names the integration (never its secret) and serves the flow. */
import type { ChildProcess } from 'node:child_process';
import { exited, startServer } from '../control/support/spawn-server';

let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) { child.kill('SIGTERM'); await exited(child); }
});

async function outputWith(output: () => string, text: string): Promise<string> {
  for (let i = 0; i < 100 && !output().includes(text); i++) await new Promise((r) => setTimeout(r, 50));
  return output();
}

it('prints the SSO site and the integration by client id, and serves authorize → token → XML API', async () => {
  const server = await startServer(['--scenario', 'sso-site-oauth']);
  child = server.child;
  const out = await outputWith(server.output, 'OAuth: client');
  expect(out).toContain('Site: siteName=ssoco siteID=424250 users=2 samlSSO (OAuth only)');
  expect(out).toContain(`OAuth: client C-sso-site-oauth-connector (auto-approved) — ${server.url}/v1/authorize, ${server.url}/v1/access_token`);
  expect(out).not.toContain('sso-site-oauth-client-secret');

  const redirect = 'http://127.0.0.1:8765/callback';
  const auth = await fetch(`${server.url}/v1/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'C-sso-site-oauth-connector', redirect_uri: redirect, scope: 'all_read' })}`, { redirect: 'manual' });
  const code = new URL(auth.headers.get('location')!).searchParams.get('code')!;
  const tok = await (await fetch(`${server.url}/v1/access_token`, {
    method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'C-sso-site-oauth-connector', client_secret: 'sso-site-oauth-client-secret', code, redirect_uri: redirect }),
  })).json() as { access_token: string };
  const xml = `<serv:message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><header><securityContext><siteName>ssoco</siteName><webExID>admin</webExID><webExAccessToken>${tok.access_token}</webExAccessToken></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>kim.lee</webExId></bodyContent></body></serv:message>`;
  const answer = await (await fetch(`${server.url}/WBXService/XMLService`, { method: 'POST', body: xml })).text();
  expect(answer).toContain('<serv:result>SUCCESS</serv:result>');
  expect(server.output()).not.toContain(tok.access_token);
});
