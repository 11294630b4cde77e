import type { ChildProcess } from 'node:child_process';
import { exited, startServer } from './support/spawn-server';
import { createUser } from './support/xml';

describe('webex-mock serve (control options)', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('serves a bundled scenario with an admin token and stops cleanly on SIGTERM', async () => {
    const server = await startServer(['--scenario', 'host-limit-reached', '--admin-token', 'cli-admin-token', '--journal-size', '5']);
    child = server.child;
    expect(await (await fetch(`${server.url}/_mock/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${server.url}/_mock/sites`)).status).toBe(401);
    const health = await fetch(`${server.url}/_mock/health`, { headers: { Authorization: 'Bearer cli-admin-token' } });
    expect(await health.json()).toMatchObject({ scenario: { name: 'host-limit-reached' }, journal: { size: 5 } });
    const res = await fetch(`${server.url}/WBXService/XMLService`, { method: 'POST', body: createUser('one.too.many', '', { site: 'acme' }) });
    expect(await res.text()).toContain('<serv:exceptionID>030059</serv:exceptionID>');
    server.child.kill('SIGTERM');
    await exited(server.child);
    expect(server.child.exitCode).toBe(0);
  });

  it('bounds the journal in bytes from --journal-bytes or WEBEX_MOCK_JOURNAL_BYTES (the flag wins), and refuses a size too small', async () => {
    const health = async (args: string[], env: Record<string, string> = {}) => {
      const server = await startServer(args, env);
      child = server.child;
      const body = await (await fetch(`${server.url}/_mock/health`)).json();
      server.child.kill('SIGTERM');
      await exited(server.child);
      return body.journal;
    };
    expect(await health([])).toMatchObject({ maxBytes: 32 * 1024 * 1024, bytes: 0, evictedBytes: 0 });
    expect(await health(['--journal-bytes', '1mb'], { WEBEX_MOCK_JOURNAL_BYTES: '2mb' })).toMatchObject({ maxBytes: 1024 * 1024 });
    expect(await health([], { WEBEX_MOCK_JOURNAL_BYTES: '3145728' })).toMatchObject({ maxBytes: 3 * 1024 * 1024 });
    await expect(startServer(['--journal-bytes', '1000'])).rejects.toThrow(/exited \(2\)[\s\S]*--journal-bytes[\s\S]*must be a size from 256 kb/);
  });

  it('refuses an unknown scenario with a message naming the bundled ones', async () => {
    await expect(startServer(['--scenario', 'no-such-scenario'])).rejects.toThrow(/neither a bundled scenario .*user-limit-exceeded/);
  });
});
