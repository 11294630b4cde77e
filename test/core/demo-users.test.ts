/**
 * The demo site's 50 seeded users are written out (mock-server/site/demo-profiles.ts) so that a start loads no
 * faker. They must stay the very users faker's fixed seed gives (docs and screenshots show them).
 */
import { DEMO, createWebexMock, responseText, seedUsers } from '../../mock-server';
import { demoSiteConfig, enFaker, fakeProfile } from '../../mock-server/site/demo-site';
import { DEMO_PROFILE_FIELDS, DEMO_PROFILE_ROWS } from '../../mock-server/site/demo-profiles';
import { inputFromPaths } from '../../mock-server/site/user-input';
import type { SiteRegistry } from '../../mock-server/site/registry';
import { envelope, getUser } from '../control/support/xml';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The demo site as it was built before the profiles were written out: through seedUsers and faker. */
function demoThroughFaker(registry: SiteRegistry): void {
  const site = registry.add(demoSiteConfig(), DEMO.seed);
  const at = DEMO.seedEpoch;
  site.createUser(inputFromPaths({ webExId: DEMO.admin.webExId, email: DEMO.admin.email, firstName: 'Site', lastName: 'Admin', password: DEMO.admin.password, 'privilege/siteAdmin': 'true' }), { at });
  site.createUser(inputFromPaths({ webExId: DEMO.host.webExId, email: DEMO.host.email, firstName: 'Demo', lastName: 'Host', password: DEMO.host.password }), { at: at + 1000 });
  seedUsers(site, DEMO.seededUsers, DEMO.seed, at + 60_000);
}

describe('demo site users', () => {
  it('the written-out profiles are what faker gives for the demo seed', () => {
    enFaker().seed(DEMO.seed);
    const rows = Array.from({ length: DEMO.seededUsers }, (_, k) => {
      const p = fakeProfile(k + 1, `${DEMO.siteName}.example.com`);
      expect(Object.keys(p)).toEqual([...DEMO_PROFILE_FIELDS]);
      return DEMO_PROFILE_FIELDS.map((f) => p[f]);
    });
    if (JSON.stringify(rows) !== JSON.stringify(DEMO_PROFILE_ROWS)) {
      process.stdout.write(`demo-profiles.ts rows should be:\n${rows.map((r) => `  ${JSON.stringify(r)},`).join('\n')}\n`);
    }
    expect(DEMO_PROFILE_ROWS).toEqual(rows);
  });

  it('the default demo site answers every read byte for byte as the faker-built one', async () => {
    const now = () => Date.UTC(2026, 0, 5, 12, 0, 0);
    const written = createWebexMock({ now });
    const viaFaker = createWebexMock({ now, setup: demoThroughFaker });
    const page = envelope('user.LstsummaryUser', '<listControl><startFrom>1</startFrom><maximumNum>500</maximumNum></listControl>');
    const list = responseText(await written.engine.handle({ body: page }));
    expect(list).toBe(responseText(await viaFaker.engine.handle({ body: page })));
    const ids = [...list.matchAll(/<use:webExId>([^<]+)</g)].map((m) => m[1]);
    expect(ids).toHaveLength(DEMO.seededUsers + 2);
    for (const id of ids) {
      expect(responseText(await written.engine.handle({ body: getUser(id) }))).toBe(responseText(await viaFaker.engine.handle({ body: getUser(id) })));
    }
    // Seeded passwords sign in alike (the profiles carry them).
    const first = DEMO_PROFILE_ROWS[0];
    const own = getUser(first[0], { webExId: first[0], password: first[DEMO_PROFILE_FIELDS.indexOf('password')] });
    expect(responseText(await written.engine.handle({ body: own }))).toContain('<serv:result>SUCCESS</serv:result>');
  });
});

it('a mock with the demo site loads no faker; generating users loads it', () => {
  const root = path.resolve(__dirname, '../..');
  const script = `
    const m = require('./mock-server');
    const fakerLoaded = () => Object.keys(require.cache).some((f) => f.includes('@faker-js'));
    m.createWebexMock();
    const atStart = fakerLoaded();
    m.createWebexMock({ setup: (r) => { const s = m.addDemoSite(r); m.seedUsers(s, 1, 7, Date.UTC(2025, 0, 1)); } });
    console.log(JSON.stringify({ atStart, afterSeed: fakerLoaded() }));`;
  const out = execFileSync(process.execPath, ['-r', path.join(root, 'test/control/support/swc-register.js'), '-e', script], { cwd: root, encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual({ atStart: false, afterSeed: true });
});
