/**
 * The plain node:http XML door reads Host, Content-Length and Origin from the raw header list (not req.headers)
 * and answers without a promise unless a fault makes it wait. Raw sockets, so header names keep the case and
 * repetition a client sends.
 */
import net from 'node:net';
import { createWebexMock, type RunningServer, type WebexMock } from '../../mock-server';
import { getUser } from './support/xml';

function raw(port: number, head: string[], body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => { out += d.toString('utf8'); });
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
    socket.end(`POST /WBXService/XMLService HTTP/1.1\r\n${head.map((h) => `${h}\r\n`).join('')}Connection: close\r\n\r\n${body}`);
  });
}

describe('the XML door over raw HTTP', () => {
  let mock: WebexMock;
  let server: RunningServer;
  beforeAll(async () => { mock = createWebexMock(); server = await mock.listen({ port: 0 }); });
  afterAll(() => server.close());

  const len = (s: string) => Buffer.byteLength(s);

  it('picks the site from a Host header in any case, the first of two as node does', async () => {
    const body = getUser('host', { site: '' }).replace('<siteName></siteName>', '');
    const a = await raw(server.port, ['hOsT: demo.webex.com', `CONTENT-length: ${len(body)}`], body);
    expect(a).toContain('<serv:result>SUCCESS</serv:result>');
    const first = async (hosts: string[]) => raw(server.port, [...hosts.map((h) => `Host: ${h}`), `Content-Length: ${len(body)}`], body);
    expect(await first(['demo.webex.com', 'nowhere.webex.com'])).toContain('<serv:result>SUCCESS</serv:result>');
    expect(await first(['nowhere.webex.com', 'demo.webex.com'])).toContain('<serv:result>FAILURE</serv:result>');
  });

  it('refuses a foreign Origin whatever the case of its name, and answers its own origin', async () => {
    const body = getUser('host');
    const foreign = await raw(server.port, [`Host: 127.0.0.1:${server.port}`, 'ORIGIN: http://evil.example', `Content-Length: ${len(body)}`], body);
    expect(foreign).toMatch(/^HTTP\/1\.1 403/);
    expect(foreign).toContain('web page at http://evil.example');
    const own = await raw(server.port, [`Host: 127.0.0.1:${server.port}`, `origin: http://127.0.0.1:${server.port}`, `Content-Length: ${len(body)}`], body);
    expect(own).toContain('<serv:result>SUCCESS</serv:result>');
  });

  it('refuses a declared Content-Length over the limit whatever the case of its name', async () => {
    const small = createWebexMock({ app: { bodyLimit: '1kb' } });
    const running = await small.listen({ port: 0 });
    try {
      const body = 'x'.repeat(2000);
      expect(await raw(running.port, [`Host: 127.0.0.1:${running.port}`, `content-LENGTH: ${body.length}`], body)).toMatch(/^HTTP\/1\.1 413/);
    } finally {
      await running.close();
    }
  });

  it('engine.respond answers without a promise, and with one when a latency fault waits', async () => {
    const plain = mock.engine.respond({ body: getUser('host') });
    expect(plain).not.toBeInstanceOf(Promise);
    mock.control.faults.add({ match: { operation: 'GetUser', times: 1 }, effect: { latencyMs: 5 } });
    const later = mock.engine.respond({ body: getUser('host') });
    expect(later).toBeInstanceOf(Promise);
    expect((await later).status).toBe(200);
  });
});
