/**
 * The attacks of issue 10 §1 against a real `webex-mock serve` over HTTP: a web page (any Origin, or a
 * rebound DNS name) can neither drive nor read the admin API, and the XML service refuses foreign browser
 * origins while staying lenient for real clients (any Content-Type, any Host).
 */
import type { ChildProcess } from 'node:child_process';
import { exited, startServer, type ServerProcess } from './support/spawn-server';
import { rawRequest, type RawResponse } from './support/raw-http';
import { XML_PATH, authenticateUser, createUser, exceptionOf, getUser, resultOf } from './support/xml';

const EVIL = 'http://evil.example';
const ATTACKER_SCENARIO = 'sites:\n  - name: demo\n    admins:\n      - webExId: attacker\n        password: Attack3r!Pass\n';

describe('admin API security model (real serve over HTTP)', () => {
  let server: ServerProcess;
  let children: ChildProcess[] = [];
  const host = () => new URL(server.url).host;
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    rawRequest(server.url, method, path, { Host: host(), ...headers }, body);
  const xml = (body: string, headers: Record<string, string> = {}) => call('POST', XML_PATH, headers, body);

  beforeAll(async () => {
    server = await startServer([]);
    children.push(server.child);
  });
  afterAll(async () => {
    for (const c of children) {
      c.kill('SIGKILL');
      await exited(c);
    }
    children = [];
  });

  async function expectDemoIntact(marker: string): Promise<void> {
    expect(resultOf((await xml(getUser(marker))).body)).toBe('SUCCESS');
    expect(resultOf((await xml(authenticateUser())).body)).toBe('SUCCESS');
  }

  function expectRefusal(res: RawResponse, status: number, text: RegExp): void {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body).error).toMatch(text);
    expect(res.body).not.toMatch(/\n\s+at /); // a message, never a stack
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  }

  it('refuses a text/plain, form or multipart reset (with or without a foreign Origin), and nothing is reset', async () => {
    expect(resultOf((await xml(createUser('keep.me'))).body)).toBe('SUCCESS');
    const bodies: [string, string][] = [
      ['text/plain', '{"x":1}'],
      ['application/x-www-form-urlencoded', 'site=demo'],
      ['multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="site"\r\n\r\ndemo\r\n--XyZ--\r\n'],
    ];
    for (const [type, body] of bodies) {
      expectRefusal(await call('POST', '/_mock/reset', { 'Content-Type': type, Origin: EVIL }, body), 403, /web page at http:\/\/evil\.example is refused/);
      expectRefusal(await call('POST', '/_mock/reset', { 'Content-Type': type }, body), 415, /needs Content-Type: application\/json/);
    }
    expectRefusal(await call('POST', '/_mock/reset'), 415, /curl -X POST -H 'Content-Type: application\/json'/);
    await expectDemoIntact('keep.me');
  });

  it('refuses a YAML scenario sent as text/plain: the attacker admin cannot sign in', async () => {
    expectRefusal(await call('POST', '/_mock/scenario', { 'Content-Type': 'text/plain' }, ATTACKER_SCENARIO), 415, /application\/yaml/);
    expectRefusal(await call('POST', '/_mock/scenario', { 'Content-Type': 'application/yaml', Origin: EVIL }, ATTACKER_SCENARIO), 403, /evil\.example/);
    expect(exceptionOf((await xml(authenticateUser({ webExId: 'attacker', password: 'Attack3r!Pass' }))).body)).toBeDefined();
    await expectDemoIntact('admin');
  });

  it('refuses a DNS-rebinding Host on the snapshot, the Inspector and health, naming the flag that allows it', async () => {
    for (const path of ['/_mock/sites/demo/snapshot', '/_mock/ui/', '/_mock/health']) {
      const res = await call('GET', path, { Host: `rebind.attacker.example:${server.url.split(':').pop()}` });
      expectRefusal(res, 403, /Host "rebind\.attacker\.example:\d+" does not name this server.*--allowed-hosts rebind\.attacker\.example/);
      expect(res.body).not.toContain('passwordHash');
    }
    // Loopback names and addresses are this server.
    for (const name of ['localhost', '127.0.0.1', 'app.localhost']) {
      expect((await call('GET', '/_mock/sites/demo/snapshot', { Host: `${name}:${server.url.split(':').pop()}` })).status).toBe(200);
    }
  });

  it('refuses other origins on reads too (another port on 127.0.0.1, localhost vs 127.0.0.1, null), answers its own', async () => {
    const port = Number(server.url.split(':').pop());
    for (const origin of [`http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, 'null', EVIL]) {
      expectRefusal(await call('GET', '/_mock/sites/demo/snapshot', { Origin: origin }), 403, /is refused/);
    }
    expectRefusal(await call('OPTIONS', '/_mock/reset', { Origin: EVIL, 'Access-Control-Request-Method': 'POST' }), 403, /is refused/);
    expectRefusal(await call('GET', '/_mock/sites', { 'Sec-Fetch-Site': 'same-site' }), 403, /same-site browser request/);
    const own = await call('POST', '/_mock/reset', { Origin: `http://${host()}`, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' }, '{}');
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('XML service: any Content-Type and any Host for real clients; a foreign browser Origin is refused and changes nothing', async () => {
    expect(resultOf((await xml(getUser('host'), { 'Content-Type': 'text/plain', Host: 'demo.webex.com' })).body)).toBe('SUCCESS');
    const blind = await xml(createUser('csrf.victim'), { 'Content-Type': 'text/plain', Origin: EVIL });
    expect(blind.status).toBe(403);
    expect(blind.body).toMatch(/refuses XML API requests from the web page at http:\/\/evil\.example/);
    // A rebinding page: its Host and Origin both name the attacker's domain.
    const rebound = await xml(getUser('host'), { Host: 'rebind.attacker.example', Origin: 'http://rebind.attacker.example' });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('host@demo');
    expect(exceptionOf((await xml(getUser('csrf.victim'))).body)).toBe('030001');
    expect(resultOf((await xml(getUser('host'), { Origin: `http://${host()}` })).body)).toBe('SUCCESS'); // same origin
  });

  it('a name allowed by --allowed-hosts or WEBEX_MOCK_ALLOWED_HOSTS is this server', async () => {
    const flagged = await startServer(['--allowed-hosts', 'mock.internal, .dev.test']);
    const env = await startServer([], { WEBEX_MOCK_ALLOWED_HOSTS: 'env.internal' });
    children.push(flagged.child, env.child);
    const get = (s: ServerProcess, name: string) => rawRequest(s.url, 'GET', '/_mock/sites', { Host: `${name}:1234` });
    expect((await get(flagged, 'mock.internal')).status).toBe(200);
    expect((await get(flagged, 'a.b.dev.test')).status).toBe(200);
    expect((await get(flagged, 'dev.test')).status).toBe(200);
    expect((await get(flagged, 'evil.test')).status).toBe(403);
    expect((await get(env, 'env.internal')).status).toBe(200);
    expect((await get(env, 'mock.internal')).status).toBe(403);
  });
});
