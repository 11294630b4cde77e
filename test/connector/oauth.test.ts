/**
 * The connector with OAuth (docs/oauth.md) against the emulator over HTTP on the bundled `sso-site-oauth`
 * scenario — a SAML SSO site that refuses passwords: refresh before expiry, refresh once on the expired-token
 * answer, refusals reported without secrets, and the CLI options.
 */
import { createWebexMock, loadBundled, type RunningServer, type WebexMock } from '../../mock-server';
import { WebexConnector, type ConnectorConfig, type ConnectorError } from '../../connector';
import { runCli } from '../../connector/cli/main';
import type { CliIo } from '../../connector/cli/io';

const CLIENT_ID = 'C-sso-site-oauth-connector';
const CLIENT_SECRET = 'sso-site-oauth-client-secret';
const REDIRECT = 'http://127.0.0.1:8765/callback';

let t = Date.UTC(2026, 11, 1, 12);
const now = () => t;
let mock: WebexMock;
let server: RunningServer;
/** exceptionIDs the emulator answered, in order. */
const answered: string[] = [];

beforeAll(async () => {
  mock = createWebexMock({ scenario: loadBundled('sso-site-oauth'), now });
  mock.engine.observers.push((x) => { answered.push(x.meta.exceptionID ?? x.meta.result); });
  server = await mock.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => server.close());
beforeEach(() => { mock.reset(); answered.length = 0; });

/** The integration's first authorization, as an admin does it once: a refresh token. */
async function authorize(): Promise<{ access_token: string; refresh_token: string; expires_in: number }> {
  const q = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: 'all_read user_modify', state: 's' });
  const res = await fetch(`${server.url}/v1/authorize?${q}`, { redirect: 'manual' });
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  const tok = await fetch(`${server.url}/v1/access_token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code, redirect_uri: REDIRECT }),
  });
  return tok.json() as Promise<{ access_token: string; refresh_token: string; expires_in: number }>;
}

function connector(overrides: Partial<ConnectorConfig> = {}, refreshToken = 'unset'): WebexConnector {
  return new WebexConnector({
    url: server.url, siteName: 'ssoco', admin: 'admin', now, sleep: async () => undefined,
    oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, refreshToken, tokenUrl: `${server.url}/v1/access_token` },
    ...overrides,
  });
}

async function rejection(p: Promise<unknown>): Promise<ConnectorError> {
  try { await p; } catch (e) { return e as ConnectorError; }
  throw new Error('expected a rejection');
}

it('a password is refused on the SSO site with a remedy that says OAuth', async () => {
  const c = new WebexConnector({ url: server.url, siteName: 'ssoco', admin: 'admin', password: 'P@ssword123', sleep: async () => undefined });
  const e = await rejection(c.getUser('kim.lee'));
  expect([e.errorClass, e.exceptionId]).toEqual(['siteUnsupported', '030082']);
  expect(e.message).toMatch(/configure OAuth/);
});

it('with only a refresh token it refreshes first, then works on the SSO site', async () => {
  const { refresh_token } = await authorize();
  const c = connector({}, refresh_token);
  expect((await c.testConnection()).ok).toBe(true);
  expect((await c.getUser('kim.lee')).profile.firstName).toBe('Kim');
  expect(c.tokens!.refreshes).toBe(1);
});

it('refreshes before the token expires mid-run: Webex never answers 030081', async () => {
  const first = await authorize();
  const c = connector({ accessToken: first.access_token, oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, refreshToken: first.refresh_token, tokenUrl: `${server.url}/v1/access_token`, accessTokenExpiresAt: now() + first.expires_in * 1000 } });
  await c.getUser('kim.lee');
  expect(c.tokens!.refreshes).toBe(0);
  t += 250_000; // 50 s before the 300 s expiry: inside the 60 s margin
  await c.pushProfileUpdate('kim.lee', { title: 'Lead' });
  t += 400_000;
  expect((await c.getUser('kim.lee')).profile.title).toBe('Lead');
  expect(c.tokens!.refreshes).toBe(2);
  expect(answered).not.toContain('030081');
});

it('when Webex says the token expired (its clock ahead of ours), refreshes once and sends again', async () => {
  const first = await authorize();
  const c = connector({ accessToken: first.access_token, oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, refreshToken: first.refresh_token, tokenUrl: `${server.url}/v1/access_token` } });
  t += 301_000; // no expiry known to the connector: only Webex's answer tells
  expect((await c.getUser('kim.lee')).profile.lastName).toBe('Lee');
  expect(answered).toEqual(['030081', 'SUCCESS']);
  expect(c.tokens!.refreshes).toBe(1);
});

it('refreshes only once per call: a second expired answer is reported, not looped on', async () => {
  const { refresh_token } = await authorize();
  const expiredAnswer = '<?xml version="1.0" encoding="UTF-8"?><serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service"><serv:header><serv:response><serv:result>FAILURE</serv:result><serv:reason>The access token has expired</serv:reason><serv:gsbStatus>PRIMARY</serv:gsbStatus><serv:exceptionID>030081</serv:exceptionID></serv:response></serv:header><serv:body><serv:bodyContent/></serv:body></serv:message>';
  let xmlCalls = 0;
  const fakeFetch: typeof fetch = async (url, init) => {
    if (String(url).includes('/WBXService/')) { xmlCalls++; return new Response(expiredAnswer, { status: 200, headers: { 'Content-Type': 'text/xml;charset=UTF-8' } }); }
    return fetch(url, init);
  };
  const c = connector({ fetch: fakeFetch }, refresh_token);
  const e = await rejection(c.getUser('kim.lee'));
  expect(e.exceptionId).toBe('030081');
  expect(xmlCalls).toBe(2);
  expect(c.tokens!.refreshes).toBe(2); // the first call had no token yet, then the one refresh on expiry
});

it('a revoked refresh token is an authentication error that names no secret', async () => {
  const { refresh_token } = await authorize();
  await fetch(`${server.url}/_mock/oauth/revoke`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  const e = await rejection(connector({}, refresh_token).getUser('kim.lee'));
  expect([e.errorClass, e.httpStatus]).toEqual(['authentication', 400]);
  expect(e.message).toMatch(/invalid_grant/);
  expect(e.remedy).toMatch(/authorize the integration again/);
  for (const s of [refresh_token, CLIENT_SECRET]) expect(JSON.stringify(e.toJSON())).not.toContain(s);
});

describe('CLI', () => {
  function io(env: Record<string, string>) {
    const out = { stdout: '', stderr: '' };
    const cliIo: CliIo = {
      stdout: { write: (s: string) => { out.stdout += s; } }, stderr: { write: (s: string) => { out.stderr += s; } },
      env, readStdin: async () => '', readFile: async () => { throw new Error('no files'); },
    };
    return { cliIo, out };
  }

  it('--client-id, --client-secret, --refresh-token and --token-url reach the SSO site', async () => {
    const { refresh_token } = await authorize();
    const { cliIo, out } = io({});
    const code = await runCli(['get', 'kim.lee', '--url', server.url, '--site', 'ssoco', '--admin', 'admin', '--client-id', CLIENT_ID,
      '--client-secret', CLIENT_SECRET, '--refresh-token', refresh_token, '--token-url', `${server.url}/v1/access_token`], cliIo);
    expect([code, out.stderr]).toEqual([0, '']);
    expect(JSON.parse(out.stdout).profile.email).toBe('kim.lee@ssoco.example.com');
  });

  it('takes them from WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET, WEBEX_REFRESH_TOKEN, WEBEX_TOKEN_URL; a partial set is a usage error', async () => {
    const { refresh_token } = await authorize();
    const env = { WEBEX_URL: server.url, WEBEX_SITE: 'ssoco', WEBEX_ADMIN: 'admin', WEBEX_CLIENT_ID: CLIENT_ID, WEBEX_CLIENT_SECRET: CLIENT_SECRET, WEBEX_REFRESH_TOKEN: refresh_token, WEBEX_TOKEN_URL: `${server.url}/v1/access_token` };
    const ok = io(env);
    expect(await runCli(['test'], ok.cliIo)).toBe(0);
    const partial = io({ ...env, WEBEX_REFRESH_TOKEN: '' });
    expect(await runCli(['test'], partial.cliIo)).toBe(2);
    expect(partial.out.stderr).toMatch(/OAuth needs all of/);
    expect(partial.out.stderr).not.toContain(CLIENT_SECRET);
  });
});
