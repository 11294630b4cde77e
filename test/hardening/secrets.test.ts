/**
 * Secrets never leak: after a session that uses passwords (right and wrong), session tickets, access tokens and
 * login tickets, none of them appears on stdout/stderr, in the engine's exchange meta, the journal, the admin
 * API's views or a snapshot. Password hashes and salts stay inside the site too.
 */
import http from 'node:http';
import { createWebexMock, DEMO, type ExchangeMeta, type RunningServer } from '../../mock-server';
import { post } from './support/harness';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const env = (sc: string, op: string, inner: string) => `<serv:message ${XSI}><header><securityContext><siteName>demo</siteName>${sc}</securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.${op}">${inner}</bodyContent></body></serv:message>`;
const admin = `<webExID>admin</webExID><password>${DEMO.admin.password}</password>`;

function getJson(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

describe('secrets stay out of logs, meta, journal, admin API and snapshots', () => {
  const mock = createWebexMock();
  const metas: ExchangeMeta[] = [];
  mock.engine.observers.push((x) => metas.push(x.meta));
  let server: RunningServer;
  let written = '';
  const spies: jest.SpyInstance[] = [];
  const secrets: string[] = [DEMO.admin.password, DEMO.host.password, DEMO.accessToken, 'Fresh#Secret42', 'Changed#Secret43', 'Wrong#Guess44'];

  beforeAll(async () => {
    for (const stream of [process.stdout, process.stderr]) {
      spies.push(jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => { written += String(chunk); return true; }));
    }
    server = await mock.listen({ port: 0 });
    const send = async (xml: string) => (await post(server.xmlUrl, xml)).body;

    await send(env(admin, 'CreateUser', '<webExId>leaky</webExId><email>leaky@demo.example.com</email><password>Fresh#Secret42</password>'));
    await send(env(admin, 'SetUser', '<webExId>leaky</webExId><password>Changed#Secret43</password>'));
    await send(env('<webExID>leaky</webExID><password>Wrong#Guess44</password>', 'GetUser', '<webExId>leaky</webExId>'));
    const auth = await send(env('<webExID>leaky</webExID><password>Changed#Secret43</password>', 'AuthenticateUser', ''));
    const ticket = /<use:sessionTicket>([^<]+)</.exec(auth)?.[1];
    expect(ticket).toBeDefined();
    secrets.push(ticket!);
    await send(env(`<webExID>leaky</webExID><sessionTicket>${ticket}</sessionTicket>`, 'GetUser', '<webExId>leaky</webExId>'));
    await send(env(`<webExID>admin</webExID><webExAccessToken>${DEMO.accessToken}</webExAccessToken>`, 'GetUser', '<webExId>host</webExId>'));
    const login = await send(env(admin, 'GetloginurlUser', '<webExID>host</webExID>'));
    const tk = /TK=([^&<]+)/.exec(login)?.[1];
    expect(tk).toBeDefined();
    secrets.push(decodeURIComponent(tk!));
    const loginTicket = /<use:ticket>([^<]+)</.exec(await send(env(admin, 'GetloginTicket', '')))?.[1];
    expect(loginTicket).toBeDefined();
    secrets.push(loginTicket!);
    // OAuth: the client secret, the code, the access and refresh tokens (docs/oauth.md).
    const oauth = { clientId: 'C-secrets-test-client', clientSecret: 'Client#Secret45-xyz', redirect: 'http://127.0.0.1:9/cb' };
    mock.registry.oauth.setIntegrations([{ clientId: oauth.clientId, clientSecret: oauth.clientSecret, redirectUris: [oauth.redirect], scopes: ['spark:all'], autoApprove: { site: 'demo', webExId: 'admin' } }]);
    secrets.push(oauth.clientSecret);
    const authorize = await fetch(`${server.url}/v1/authorize?${new URLSearchParams({ response_type: 'code', client_id: oauth.clientId, redirect_uri: oauth.redirect, scope: 'spark:all' })}`, { redirect: 'manual' });
    const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
    const tokenForm = (f: Record<string, string>) => fetch(`${server.url}/v1/access_token`, { method: 'POST', body: new URLSearchParams({ client_id: oauth.clientId, client_secret: oauth.clientSecret, ...f }) }).then((r) => r.json() as Promise<{ access_token: string; refresh_token: string }>);
    const tokens = await tokenForm({ grant_type: 'authorization_code', code, redirect_uri: oauth.redirect });
    const refreshed = await tokenForm({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    secrets.push(code, tokens.access_token, tokens.refresh_token, refreshed.access_token);
    await send(env(`<webExID>admin</webExID><webExAccessToken>${tokens.access_token}</webExAccessToken>`, 'GetUser', '<webExId>host</webExId>'));
    await send(env('<webExID>admin</webExID>', 'AuthenticateUser', `<accessToken>${refreshed.access_token}</accessToken>`));
    await fetch(`${server.url}/v1/access_token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', client_id: oauth.clientId, client_secret: oauth.clientSecret, code, redirect_uri: oauth.redirect }) });
    // A request the envelope reader refuses still carries a password in its bytes.
    await send(`<serv:message ${XSI}><header><securityContext><password>Fresh#Secret42</password></securityContext></header><body><bodyContent>`);
  });

  afterAll(async () => {
    for (const s of spies) s.mockRestore();
    await server.close();
  });

  const expectClean = (where: string, text: string, opts: { hashesAllowed?: boolean } = {}) => {
    for (const s of secrets) expect({ where, leaked: text.includes(s) ? s : undefined }).toEqual({ where, leaked: undefined });
    if (opts.hashesAllowed) return;
    for (const u of mock.registry.get('demo')!.users()) {
      if (u.passwordHash) expect({ where, hash: text.includes(u.passwordHash) }).toEqual({ where, hash: false });
      if (u.passwordSalt) expect({ where, salt: text.includes(u.passwordSalt) }).toEqual({ where, salt: false });
    }
  };

  it('stdout and stderr', () => expectClean('stdout/stderr', written));

  it('the exchange meta every observer sees', () => {
    expect(metas.length).toBeGreaterThan(8);
    expectClean('meta', JSON.stringify(metas));
  });

  it('the journal, through the admin API', async () => {
    const journal = await getJson(`${server.url}/_mock/journal?limit=1000`);
    expect(journal).toContain('AuthenticateUser');
    expectClean('journal', journal);
  });

  it('the admin API user views and site detail', async () => {
    const users = await getJson(`${server.url}/_mock/sites/demo/users?q=leaky`);
    expect(users).toContain('leaky');
    expectClean('users', users);
    expectClean('user', await getJson(`${server.url}/_mock/sites/demo/users/leaky`));
    expectClean('site', await getJson(`${server.url}/_mock/sites/demo`));
    const oauthView = await getJson(`${server.url}/_mock/oauth`);
    expect(oauthView).toContain('C-secrets-test-client');
    expectClean('oauth', oauthView);
  });

  it('a snapshot export (it carries salted hashes by design, so an imported site keeps its sign-ins; never a secret)', async () => {
    const snapshot = await getJson(`${server.url}/_mock/sites/demo/snapshot`);
    expect(snapshot).toContain('leaky');
    expect(snapshot).not.toContain(DEMO.accessToken); // access tokens are left out of exports
    expectClean('snapshot', snapshot, { hashesAllowed: true });
  });
});

describe('secrets stay out of the persistent store', () => {
  // Configured access tokens are site configuration the store must keep to survive a restart; passwords and
  // tickets are not, and must never reach the disk.
  it('the SQLite files hold no password or session ticket in clear', async () => {
    const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'webex-mock-secrets-'));
    try {
      const mock = createWebexMock({ dataDir: dir });
      await mock.request(env(admin, 'CreateUser', '<webExId>stored</webExId><email>stored@demo.example.com</email><password>Kept#Secret45</password>'));
      await mock.request(env(admin, 'SetUser', '<webExId>stored</webExId><password>Kept#Secret46</password>'));
      const auth = await mock.request(env('<webExID>stored</webExID><password>Kept#Secret46</password>', 'AuthenticateUser', ''));
      const ticket = /<use:sessionTicket>([^<]+)</.exec(auth.body)?.[1];
      expect(ticket).toBeDefined();
      mock.close();
      const files = readdirSync(dir);
      expect(files.length).toBeGreaterThan(0);
      const bytes = Buffer.concat(files.map((f) => readFileSync(path.join(dir, f))));
      expect(bytes.includes('stored@demo.example.com')).toBe(true); // the store did record the user
      for (const s of ['Kept#Secret45', 'Kept#Secret46', ticket!, DEMO.admin.password]) {
        expect({ secret: s, found: bytes.includes(s) }).toEqual({ secret: s, found: false });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
