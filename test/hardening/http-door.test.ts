/**
 * The HTTP door under hostile traffic: 20 MB bodies (declared or chunked) get 413 and the process keeps serving;
 * invalid UTF-8 and hostile XML get a Webex FAILURE; the admin API is loopback-only and honours its token.
 */
import http from 'node:http';
import { createWebexMock, DEMO, XML_SERVICE_PATH, type RunningServer } from '../../mock-server';
import { isLoopback } from '../../mock-server/control/admin-access';
import { exceptionOf, expectWebexAnswer, post } from './support/harness';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const getUser = `<serv:message ${XSI}><header><securityContext><siteName>demo</siteName><webExID>admin</webExID><password>${DEMO.admin.password}</password></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>host</webExId></bodyContent></body></serv:message>`;
const TWENTY_MB = 20 * 1024 * 1024;

/** Stream a body in 1 MB chunks without Content-Length (Transfer-Encoding: chunked). */
function postChunked(url: string, total: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'text/xml' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    // The server may answer 413 and close before the whole body is sent.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? resolve(-1) : reject(e)));
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) { req.once('drain', pump); return; }
      }
      req.end();
    };
    req.write(`<serv:message ${XSI}><header/><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><description>`);
    pump();
  });
}

describe('HTTP door: oversized and hostile bodies', () => {
  const mock = createWebexMock();
  let server: RunningServer;
  beforeAll(async () => { server = await mock.listen({ port: 0 }); });
  afterAll(async () => { await server.close(); });
  afterEach(async () => {
    // the process survived and still serves normally
    expect(expectWebexAnswer(await post(server.xmlUrl, getUser))).toBe('SUCCESS');
  });

  it('a 20 MB body with Content-Length → 413, nothing read into the engine', async () => {
    const before = mock.registry.get('demo')!.userCount;
    const body = Buffer.concat([Buffer.from(`<serv:message ${XSI}><header/><body><bodyContent xsi:type="java:com.webex.service.binding.user.CreateUser"><description>`), Buffer.alloc(TWENTY_MB, 'x')]);
    const a = await post(server.xmlUrl, body).catch((e: NodeJS.ErrnoException) => ({ status: e.code === 'EPIPE' || e.code === 'ECONNRESET' ? -1 : 0, body: '', headers: {} }));
    expect([413, -1]).toContain(a.status);
    expect(mock.registry.get('demo')!.userCount).toBe(before);
  });

  it('a 20 MB chunked body without Content-Length → 413', async () => {
    expect([413, -1]).toContain(await postChunked(server.xmlUrl, TWENTY_MB));
  });

  it('invalid UTF-8, DOCTYPE with external entity, 10k-deep nesting over HTTP → 000000', async () => {
    const bad = Buffer.from(getUser);
    bad[bad.indexOf('host')] = 0xff;
    for (const body of [
      bad,
      getUser.replace('<serv:message', '<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><serv:message').replace('<webExId>host', '<webExId>&x;host'),
      getUser.replace('<webExId>host</webExId>', `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`),
    ]) {
      const a = await post(server.xmlUrl, body);
      expect(expectWebexAnswer(a)).toBe('FAILURE');
      expect(exceptionOf(a.body)).toBe('000000');
      expect(a.body).not.toContain('root:');
    }
  });

  it('a 20 MB garbage body to the admin API (scenario upload, 50 MB limit) → a clear 4xx', async () => {
    const a = await post(`${server.url}/_mock/scenario`, Buffer.alloc(TWENTY_MB, 'x'), { headers: { 'Content-Type': 'application/json' } })
      .catch((e: NodeJS.ErrnoException) => ({ status: e.code === 'EPIPE' || e.code === 'ECONNRESET' ? -1 : 0, body: '', headers: {} }));
    expect([400, 413, -1]).toContain(a.status);
  });

  it('other methods → 405 with Allow: POST', async () => {
    const status = await new Promise<{ code: number; allow: string | undefined }>((resolve, reject) => {
      http.get(`${server.url}${XML_SERVICE_PATH}`, (res) => { res.resume(); resolve({ code: res.statusCode ?? 0, allow: res.headers.allow as string | undefined }); }).on('error', reject);
    });
    expect(status).toEqual({ code: 405, allow: 'POST' });
  });
});

describe('admin API access', () => {
  it('listens on loopback by default and takes loopback addresses only', async () => {
    const mock = createWebexMock();
    const server = await mock.listen();
    try {
      expect(server.url.startsWith('http://127.0.0.1:')).toBe(true);
    } finally {
      await server.close();
    }
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a)).toBe(true);
    for (const a of ['10.0.0.1', '::ffff:192.168.1.2', '0.0.0.0', '', undefined]) expect(isLoopback(a)).toBe(false);
  });

  it('with a token configured, requests without it (or with a wrong one) are refused', async () => {
    const mock = createWebexMock({ control: { token: 'admin-token-for-test' } });
    const server = await mock.listen({ port: 0 });
    const get = (auth?: string) => new Promise<number>((resolve, reject) => {
      http.get(`${server.url}/_mock/sites`, { headers: auth ? { Authorization: auth } : {} }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
    });
    try {
      expect(await get()).toBe(401);
      expect(await get('Bearer wrong-token')).toBe(401);
      expect(await get('Bearer admin-token-for-test')).toBe(200);
    } finally {
      await server.close();
    }
  });
});
