/** `serve --tls`: https for {site}.webex.com and loopback, checked by a client that verifies the certificate. */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { exited, startServer, type ServerProcess } from '../control/support/spawn-server';
import { envelope } from '../control/support/xml';

function post(url: string, body: string, options: { ca?: string; servername?: string; host?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST', ca: options.ca, servername: options.servername,
      headers: options.host ? { Host: options.host } : {},
    }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString(); });
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let server: ServerProcess | undefined;
afterEach(async () => {
  if (server) {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
  server = undefined;
});

it('a client trusting only the printed certificate reaches acme.webex.com and 127.0.0.1 over verified TLS', async () => {
  server = await startServer(['--tls', '--scenario', 'host-limit-reached']);
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  // The banner goes on after the "listening" line.
  while (!server.output().includes('trust it:')) await new Promise((r) => setTimeout(r, 20));
  const certPath = /TLS certificate: (\S+)/.exec(server.output())![1];
  expect(server.output()).toContain('self-signed for acme.webex.com');
  const ca = readFileSync(certPath, 'utf8');
  const getUser = envelope('user.GetUser', '<webExId>acme-admin</webExId>', { site: 'acme', webExId: 'acme-admin', password: 'x' });
  // As a connector built for https://acme.webex.com/... with the hosts-file line: SNI and Host are the site's name.
  const asSite = await post(`${server.url}/WBXService/XMLService`, getUser, { ca, servername: 'acme.webex.com', host: 'acme.webex.com' });
  expect(asSite).toMatch(/<serv:result>(SUCCESS|FAILURE)<\/serv:result>/);
  const byIp = await post(`${server.url}/WBXService/XMLService`, getUser, { ca });
  expect(byIp).toContain('<serv:result>');
  // Without the certificate a verifying client refuses the server; for a name not in it, too.
  await expect(post(`${server.url}/WBXService/XMLService`, getUser, {})).rejects.toThrow(/self-signed|self signed/);
  await expect(post(`${server.url}/WBXService/XMLService`, getUser, { ca, servername: 'other.example.com' })).rejects.toThrow(/altnames|Hostname/i);
});

it('--cert without --key is a usage error', async () => {
  const failed = await startServer(['--cert', 'cert.pem']).then(() => 'started', (e: Error) => e.message);
  expect(failed).toMatch(/exited \(2\)[\s\S]*--cert and --key go together/);
});
