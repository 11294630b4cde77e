/**
 * --url on a real Webex site (here: an emulator without its admin API, so the suite cannot tell it from one):
 * safe mode — only wmconf-<run>-* users are created and touched, every one is deactivated at the end, cases that
 * need site control are skipped with a reason. (A webex-mock with its admin API: remote-emulator.test.ts.)
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWebexMock, SLOT, slotValues, valueAt, type RunningServer, type WebexMock } from '../../conformance/emulator/core';
import { main } from '../../conformance/cli/main';

let mock: WebexMock;
let server: RunningServer;
beforeAll(async () => {
  mock = createWebexMock({ control: { adminApi: false } });
  server = await mock.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => server.close());

it('passes, skips what needs site control, touches only its own users and deactivates them', async () => {
  const site = mock.registry.get('demo')!;
  const before = JSON.stringify(site.users().map((u) => slotValues(u.values)));
  const json = join(mkdtempSync(join(tmpdir(), 'wmconf-remote-')), 'r.json');
  let out = '';
  const io = { out: (t: string) => { out += t; }, err: (t: string) => { out += t; } };
  const code = await main(['run', '--url', server.url, '--site', 'demo', '--admin', 'admin', '--password', 'P@ssword123',
    '--only', 'lifecycle,personalUrl,errors,features', '--json', json, '--quiet'], io);
  expect(out).toMatch(/CONFORMANT/);
  expect(code).toBe(0);

  const report = JSON.parse(readFileSync(json, 'utf8'));
  const skipped = report.results.filter((r: { status: string }) => r.status === 'skip');
  expect(skipped.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['licence-on-create', 'transient-dropped-create', 'schema-features', 'webACDPrefsIsAgent.feature-on', 'privilegeHQvideo.feature-off']));
  expect(skipped.every((r: { message: string }) => /needs control of the site|feature webACD is off/.test(r.message))).toBe(true);
  expect((await fetch(`${server.url}/_mock/health`)).status).toBe(404);
  expect(report.target).toMatch(/safe mode: users wmconf-[0-9a-f]{6}-\*/);

  // The demo site's own 52 users are exactly as they were; the run's users are all deactivated.
  expect(JSON.stringify(site.users().slice(0, 52).map((u) => slotValues(u.values)))).toBe(before);
  const mine = site.users().slice(52);
  expect(mine.length).toBeGreaterThan(40);
  expect(mine.every((u) => String(valueAt(u.values, SLOT.webExId)).startsWith('wmconf-'))).toBe(true);
  expect(mine.filter((u) => valueAt(u.values, SLOT.active) === 'ACTIVATED')).toEqual([]);
  expect(out).toMatch(/safe mode cleanup: \d+ wmconf-[0-9a-f]{6}-\* user\(s\) deactivated/);
});

it('needs the site credentials with --url', async () => {
  let err = '';
  expect(await main(['run', '--url', server.url], { out: () => undefined, err: (t) => { err += t; } })).toBe(2);
  expect(err).toMatch(/--url needs --site, --admin, --password/);
});
