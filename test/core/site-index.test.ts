/**
 * The site's lookups (webExId, email, personal URL) and licence counters after any sequence of writes equal
 * the ones a fresh site builds from the same records (replaceUsers): a write moves only the keys that changed
 * (site.ts reindex), and this says it never leaves a stale key, misses a new one or miscounts a licence.
 */
import fc from 'fast-check';
import { Site, WebexError, inputFromPaths, knownSessionType, readPath, siteConfig, type UserRecord } from '../../mock-server';

const config = () => siteConfig({ name: 'idx', hostLimit: null, sessionTypes: [knownSessionType(214, null), knownSessionType(4, null)], defaultSessionTypes: [214] });
const USERS = ['ann', 'bob', 'cy'];

function newSite(): Site {
  const site = new Site(config(), () => Date.UTC(2026, 0, 1));
  site.createUser(inputFromPaths({ webExId: 'admin', email: 'admin@idx.example.com', password: 'Adm1n!Pass2x', 'privilege/siteAdmin': 'true' }), { skipLicenceChecks: true });
  for (const u of USERS) site.createUser(inputFromPaths({ webExId: u, email: `${u}@idx.example.com`, personalUrl: `room.${u}` }));
  return site;
}

/** One write a connector could send; some collide with another user (refused), some change only the case. */
const write = fc.record({
  who: fc.nat(USERS.length - 1),
  other: fc.nat(USERS.length - 1),
  kind: fc.constantFrom('email', 'emailCase', 'rename', 'renameCase', 'renameOther', 'url', 'urlCase', 'urlOther', 'firstName', 'active', 'meetingTypes', 'deactivate', 'create'),
  n: fc.nat(3),
});
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

function apply(site: Site, w: Write): void {
  const rec = site.users()[w.who + 1];
  const id = String(readPath(rec, 'webExId'));
  const other = site.users()[w.other + 1];
  const email = String(readPath(rec, 'email'));
  const url = String(readPath(rec, 'personalUrl'));
  const set = (values: Record<string, string | string[]>, newWebExId?: string) => site.updateUser(id, inputFromPaths(values), newWebExId);
  switch (w.kind) {
    case 'email': return void set({ email: `mail${w.n}.${id}@idx.example.com` });
    case 'emailCase': return void set({ email: email.toUpperCase() });
    case 'rename': return void set({}, `${id.replace(/\d+$/, '')}${w.n}`);
    case 'renameCase': return void set({}, id.toUpperCase());
    case 'renameOther': return void set({}, String(readPath(other, 'webExId')));
    case 'url': return void set({ personalUrl: `room${w.n}.${id}` });
    case 'urlCase': return void set({ personalUrl: url.toUpperCase() });
    case 'urlOther': return void set({ personalUrl: String(readPath(other, 'personalUrl')) });
    case 'firstName': return void set({ firstName: `F${w.n}` });
    case 'active': return void set({ active: w.n % 2 ? 'DEACTIVATED' : 'ACTIVATED' });
    case 'meetingTypes': return void set({ 'meetingTypes/meetingType': w.n % 2 ? ['214', '4'] : ['4'] });
    case 'deactivate': return void site.deactivate(id);
    // A new user with a generated personal URL, before or after the personal-URL index was first built.
    case 'create': return void site.createUser(inputFromPaths({ webExId: `new${w.n}`, email: `new${w.n}@idx.example.com` }));
  }
}

// The personal-URL index is built when first needed (site.ts byPersonalUrl): the one a site kept up to date since
// its first lookup must equal the one a fresh site builds.
const mapOf = (site: Site, map: 'byWebExId' | 'byEmail' | 'byPersonalUrl'): Map<string, UserRecord> => (map === 'byPersonalUrl'
  ? (site as unknown as { byPersonalUrl(): Map<string, UserRecord> }).byPersonalUrl()
  : (site as unknown as Record<string, Map<string, UserRecord>>)[map]);
const keys = (site: Site, map: 'byWebExId' | 'byEmail' | 'byPersonalUrl') => [...mapOf(site, map)].map(([k, r]) => [k, r.userId]).sort();

describe('site lookups after writes', () => {
  it('equal a fresh build from the same records, refusals included', () => {
    fc.assert(fc.property(fc.array(write, { minLength: 1, maxLength: 25 }), (writes) => {
      const site = newSite();
      for (const w of writes) {
        try { apply(site, w); } catch (e) { if (!(e instanceof WebexError)) throw e; }
      }
      const fresh = new Site(config());
      fresh.replaceUsers([...site.users()]);
      for (const map of ['byWebExId', 'byEmail', 'byPersonalUrl'] as const) expect({ map, keys: keys(site, map) }).toEqual({ map, keys: keys(fresh, map) });
      expect(site.usage()).toEqual(fresh.usage());
    }), { numRuns: 300, seed: 11 });
  });

  it('a rename that changes only the case keeps the user findable under either case', () => {
    const site = newSite();
    const rec = site.updateUser('ann', inputFromPaths({}), 'ANN');
    expect(readPath(rec, 'webExId')).toBe('ANN');
    expect(site.findUser('ann')).toBe(rec);
    expect(site.findUser('Ann')).toBe(rec);
  });

  it('an email change frees the old address for another user and takes the new one', () => {
    const site = newSite();
    site.updateUser('ann', inputFromPaths({ email: 'ann.new@idx.example.com' }));
    expect(site.findByEmail('ann@idx.example.com')).toBeUndefined();
    expect(site.findByEmail('ANN.NEW@idx.example.com')).toBe(site.findUser('ann'));
    expect(() => site.updateUser('bob', inputFromPaths({ email: 'ann.new@idx.example.com' }))).toThrow(WebexError);
    site.updateUser('bob', inputFromPaths({ email: 'ann@idx.example.com' }));
    expect(site.findByEmail('ann@idx.example.com')).toBe(site.findUser('bob'));
  });
});
