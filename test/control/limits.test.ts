/**
 * Issue 10 §4 against a real `webex-mock serve`: size and resource limits where input enters, the data-dir
 * checks and lock, the 413 a client gets after sending its whole body, and graceful shutdown on SIGTERM.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, startServer, type ServerProcess } from './support/spawn-server';
import { rawRequest } from './support/raw-http';
import { XML_PATH, getUser, resultOf } from './support/xml';

const JSON_TYPE = { 'Content-Type': 'application/json' };
const YAML_TYPE = { 'Content-Type': 'application/yaml' };

describe('limits, data dir and shutdown (real serve)', () => {
  const children: ChildProcess[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'webex-mock-limits-'));
  const start = async (args: string[]) => {
    const s = await startServer(args);
    children.push(s.child);
    return s;
  };
  /** The server must refuse to start: its exit code and output. */
  const refusal = (args: string[]) => startServer(args).then(
    (s) => { children.push(s.child); throw new Error(`started: ${s.url}`); },
    (e: Error) => e.message,
  );
  afterAll(async () => {
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await exited(c);
    }
  });

  describe('one shared server', () => {
    let server: ServerProcess;
    beforeAll(async () => { server = await start([]); });
    const post = (path: string, body: string, headers: Record<string, string> = JSON_TYPE) => rawRequest(server.url, 'POST', path, headers, body);

    it('a YAML alias bomb posted as a scenario gets 400 with a clear message, no stack', async () => {
      const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
      const res = await post('/_mock/scenario', bomb, YAML_TYPE);
      expect(res.status).toBe(400);
      const body = JSON.parse(res.body);
      expect(body.error).toMatch(/alias/i);
      expect(res.body).not.toMatch(/\bat .*\.(js|ts):\d+/);
    });

    it('caps the users a scenario builds across its sites, and what one admin call builds', async () => {
      const tenMillion = JSON.stringify({ sites: Array.from({ length: 10 }, (_, i) => ({ name: `s${i}`, generate: { count: 1_000_000, seed: i } })) });
      const all = await post('/_mock/scenario', tenMillion);
      expect(all.status).toBe(400);
      expect(JSON.parse(all.body).error).toMatch(/builds 10,000,000 users across its sites; at most 1,000,000/);
      const big = await post('/_mock/scenario', JSON.stringify({ sites: [{ name: 'big', generate: { count: 300_000, seed: 1 } }] }));
      expect(big.status).toBe(400);
      expect(JSON.parse(big.body).error).toMatch(/one admin call builds at most 250,000 \(start the server with --scenario FILE/);
      expect(resultOf((await post(XML_PATH, getUser('host'), {})).body)).toBe('SUCCESS'); // the demo site is still there
    });

    it('builds a large generated site without blocking the XML service, then commits it at once', async () => {
      let loaded = false;
      const load = post('/_mock/scenario', JSON.stringify({ sites: [{ name: 'demo', admins: [{ webExId: 'admin', password: 'P@ssword123' }], generate: { count: 6000, seed: 3 } }] }))
        .finally(() => { loaded = true; });
      let answeredWhileBuilding = 0;
      let sawPartialSite = false;
      while (!loaded) {
        const res = await post(XML_PATH, getUser('host'), {});
        if (!loaded) {
          answeredWhileBuilding++;
          // Until the commit, the old demo site (with its user "host") answers, whole.
          if (resultOf(res.body) !== 'SUCCESS') sawPartialSite = true;
        }
      }
      expect((await load).status).toBe(200);
      // Built in one go, the event loop is blocked throughout: at most the one request in flight is answered.
      expect(answeredWhileBuilding).toBeGreaterThanOrEqual(2);
      expect(sawPartialSite).toBe(false);
      const site = JSON.parse((await rawRequest(server.url, 'GET', '/_mock/sites/demo')).body);
      expect(site.userCount ?? site.users).toBe(6001);
    });

    it('answers 413 to a client that sends its whole 10 MB body before reading', async () => {
      const { port } = new URL(server.url);
      const body = Buffer.alloc(10 * 1024 * 1024, 'a');
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1');
        let got = '';
        socket.on('data', (d) => { got += d.toString(); });
        socket.on('error', (e) => reject(new Error(`${e.message} after: ${got.slice(0, 80)}`)));
        socket.on('close', () => resolve(got));
        socket.write(`POST ${XML_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${body.length}\r\n\r\n`);
        socket.write(body, () => socket.end());
      });
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toContain('Request body too large.');
    });
  });

  describe('start-up problems: one line naming the flag, the path and the fix; exit 2', () => {
    it('--scenario /dev/zero and a file over the size bound', async () => {
      expect(await refusal(['--scenario', '/dev/zero'])).toMatch(/exited \(2\)[\s\S]*--scenario \/dev\/zero: is not a regular file/);
      const huge = join(tmp, 'huge.yaml');
      const fd = openSync(huge, 'w');
      ftruncateSync(fd, 17 * 1024 * 1024);
      closeSync(fd);
      expect(await refusal(['--scenario', huge])).toMatch(/exited \(2\)[\s\S]*--scenario .*huge\.yaml: is larger than 16 MiB/);
    });

    it('--data-dir under /proc, a file, and an existing directory it cannot write', async () => {
      expect(await refusal(['--data-dir', '/proc/1/x'])).toMatch(/exited \(2\)[\s\S]*--data-dir \/proc\/1\/x: cannot create \/proc\/1\/x \(ENOENT\); give a directory this user can write/);
      const file = join(tmp, 'a-file');
      writeFileSync(file, 'x');
      expect(await refusal(['--data-dir', file])).toMatch(/exited \(2\)[\s\S]*--data-dir .*a-file: is a file, not a directory/);
      expect(await refusal(['--data-dir', '/proc/1'])).toMatch(/exited \(2\)[\s\S]*--data-dir \/proc\/1: (is not writable|cannot create the lock file)/);
    });

    it('a second serve on the same --data-dir refuses, naming the process that holds it; a stale lock is taken over', async () => {
      const dir = join(tmp, 'shared');
      const first = await start(['--data-dir', dir]);
      const message = await refusal(['--data-dir', dir]);
      expect(message).toMatch(new RegExp(`exited \\(2\\)[\\s\\S]*--data-dir ${dir}: is in use by webex-mock pid ${first.child.pid}.*stop that server, or give this one another --data-dir`));
      first.child.kill('SIGTERM');
      await exited(first.child);
      expect(() => readFileSync(join(dir, 'webex-mock.lock'))).toThrow(/ENOENT/); // released on shutdown
      // A lock left by a process that is gone (kill -9): taken over.
      writeFileSync(join(dir, 'webex-mock.lock'), JSON.stringify({ pid: 32767 + 1, host: require('node:os').hostname(), startedAt: 'then' }));
      const second = await start(['--data-dir', dir]);
      expect(JSON.parse(readFileSync(join(dir, 'webex-mock.lock'), 'utf8')).pid).toBe(second.child.pid);
    });
  });

  it('on SIGTERM: stops accepting, finishes a request held by a 3 s latency fault, exits 0', async () => {
    const server = await start([]);
    const fault = await rawRequest(server.url, 'POST', '/_mock/faults', JSON_TYPE, JSON.stringify({ match: { operation: 'GetUser' }, effect: { latencyMs: 3000 } }));
    expect(fault.status).toBe(201);
    const held = rawRequest(server.url, 'POST', XML_PATH, {}, getUser('host'));
    await new Promise((r) => setTimeout(r, 500)); // the request is in the fault's wait
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await expect(rawRequest(server.url, 'GET', '/_mock/health')).rejects.toThrow(/ECONNREFUSED|ECONNRESET/);
    const answer = await held;
    expect(answer.status).toBe(200);
    expect(resultOf(answer.body)).toBe('SUCCESS');
    await exited(server.child);
    expect(server.child.exitCode).toBe(0);
  });
});
