import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { createWebexMock, DB_FILE_NAME } from './support/persistence-helpers';
import { XML_PATH, createUser, envelope, getUser, resultOf } from './support/xml';
import { exited, startServer } from './support/spawn-server';

describe('persistence (--data-dir)', () => {
  let dir: string;
  let spawned: ChildProcess | undefined;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'webex-mock-data-')); });
  afterEach(() => {
    if (spawned && spawned.exitCode === null && spawned.signalCode === null) spawned.kill('SIGKILL');
    spawned = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps users, passwords, site settings and imports across restarts', async () => {
    const first = createWebexMock({ dataDir: dir });
    await request(first.app).post(XML_PATH).send(createUser('kept.user'));
    await request(first.app).post(XML_PATH).send(envelope('user.SetUser', '<webExId>kept.user</webExId><title>Engineer</title><password>Chang3d!Pass</password>'));
    await request(first.app).patch('/_mock/sites/demo').send({ hostLimit: 300, features: { webACD: true } });
    const snap = (await request(first.app).get('/_mock/sites/demo/snapshot')).body;
    snap.config.id = 300003;
    await request(first.app).post('/_mock/sites/copy/snapshot').send(snap);
    first.close();

    const second = createWebexMock({ dataDir: dir });
    const user = await request(second.app).get('/_mock/sites/demo/users/kept.user');
    expect(user.status).toBe(200);
    expect(user.body.attributes.title).toBe('Engineer');
    const asUser = await request(second.app).post(XML_PATH).send(getUser('kept.user', { webExId: 'kept.user', password: 'Chang3d!Pass' }));
    expect(resultOf(asUser.text)).toBe('SUCCESS');
    const site = (await request(second.app).get('/_mock/sites/demo')).body;
    expect(site.config).toMatchObject({ hostLimit: 300, features: expect.objectContaining({ webACD: true }) });
    expect(second.registry.get('copy')!.userCount).toBe(53);
    // A reset goes back to the loaded state, and that is what the next start finds.
    await request(second.app).post('/_mock/reset').set('Content-Type', 'application/json');
    second.close();
    const third = createWebexMock({ dataDir: dir });
    expect(third.registry.get('demo')!.findUser('kept.user')).toBeUndefined();
    expect(third.registry.get('copy')).toBeUndefined();
    third.close();
  });

  it('loses no acknowledged CreateUser and is not corrupt after kill -9 mid-load', async () => {
    const server = await startServer(['--data-dir', dir]);
    spawned = server.child;
    // Room for thousands of hosts, so every CreateUser can succeed until the kill.
    const patch = await fetch(`${server.url}/_mock/sites/demo`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ hostLimit: null, sessionTypes: [{ id: 214, limit: null }] }),
    });
    expect(patch.status).toBe(200);
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let stop = false;
    let sent = 0;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const id = `load.w${w}.u${i}`;
        sent++;
        try {
          const res = await fetch(`${server.url}${XML_PATH}`, { method: 'POST', body: createUser(id) });
          const text = await res.text();
          if (resultOf(text) === 'SUCCESS') acknowledged.push(id);
          else refused.push(text);
        } catch {
          return; // the server died under us: this request was never acknowledged
        }
      }
    };
    const workers = [0, 1, 2, 3, 4, 5].map(worker);
    // Kill while requests are in flight, once a good number were acknowledged.
    while (acknowledged.length < 120 && refused.length === 0) await new Promise((r) => setTimeout(r, 1));
    server.child.kill('SIGKILL');
    await exited(server.child);
    stop = true;
    await Promise.all(workers);
    expect(refused).toEqual([]);
    expect(server.child.signalCode).toBe('SIGKILL');
    expect(sent).toBeGreaterThan(acknowledged.length);

    const db = new Database(join(dir, DB_FILE_NAME));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const mock = createWebexMock({ dataDir: dir });
    const site = mock.registry.get('demo')!;
    const missing = acknowledged.filter((id) => !site.findUser(id));
    expect(missing).toEqual([]);
    expect(site.userCount).toBeGreaterThanOrEqual(52 + acknowledged.length);
    mock.close();
  });
});
