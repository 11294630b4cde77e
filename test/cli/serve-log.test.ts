/** `serve --log-level`: one line per exchange on stderr, secrets never printed; `GET /` leads a browser to the Inspector. */
import request from 'supertest';
import { exchangeLine } from '../../mock-server/cli/exchange-log';
import { createWebexMock } from '../../mock-server/mock';
import { exited, startServer } from '../control/support/spawn-server';
import { getUser } from '../control/support/xml';

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

it('--log-level info prints time, site, operation, caller, result, exceptionID and ms for each exchange, no secret', async () => {
  const server = await startServer(['--log-level', 'info']);
  try {
    const post = (body: string) => fetch(`${server.url}/WBXService/XMLService`, { method: 'POST', body }).then((r) => r.text());
    await post(getUser('host'));
    await post(getUser('host', { password: 'Wr0ng-Secret!' }));
    await until(() => /FAILURE/.test(server.output()));
    const lines = server.output().split('\n').filter((l) => /^\d{4}-\d\d-\d\dT/.test(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\S+Z demo GetUser caller=admin SUCCESS \d+\.\dms$/);
    expect(lines[1]).toMatch(/^\S+Z demo GetUser caller=admin FAILURE 030002 \d+\.\dms$/);
    expect(server.output()).not.toContain('Wr0ng-Secret!');
    expect(server.output()).not.toContain('P@ssword123</');
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
});

it('--log-level failures prints only what failed; a bad level is a usage error naming the choices', async () => {
  const server = await startServer([], { WEBEX_MOCK_LOG_LEVEL: 'failures' });
  try {
    const post = (body: string) => fetch(`${server.url}/WBXService/XMLService`, { method: 'POST', body }).then((r) => r.text());
    await post(getUser('host'));
    await post(getUser('nobody-here'));
    await until(() => /FAILURE/.test(server.output()));
    expect(server.output()).not.toMatch(/GetUser caller=admin SUCCESS/);
    expect(server.output()).toMatch(/demo GetUser caller=admin FAILURE \d{6}/);
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
  const refused = await startServer(['--log-level', 'loud']).then(() => 'started', (e: Error) => e.message);
  expect(refused).toMatch(/exited \(2\)[\s\S]*Allowed choices are off, failures, info, debug/);
});

it('debug adds the fault and the HTTP status', () => {
  const line = exchangeLine({
    startedAt: 0, durationMs: 1.25, request: { body: '<password>s3cret</password>' }, response: { status: 503, headers: {}, body: '' },
    meta: { site: 'acme', operation: 'CreateUser', caller: 'admin', result: 'HTTP_ERROR', fault: 'f1' },
  }, 'debug');
  expect(line).toBe('1970-01-01T00:00:00.000Z acme CreateUser caller=admin HTTP_ERROR 1.3ms fault=f1 http=503');
});

it('GET / redirects a browser to the Inspector', async () => {
  const res = await request(createWebexMock().app).get('/');
  expect(res.status).toBe(302);
  expect(res.headers.location).toBe('/_mock/ui/');
  const bare = await request(createWebexMock({ control: { adminApi: false } }).app).get('/');
  expect(bare.status).toBe(404);
});
