/** Lifecycle: create → update → password → deactivate (licence freed) → reactivate → get → import (all pages) → schema. */
import { SLOT, readPath, type Site } from '../../mock-server';
import { passwordMatches } from '../../mock-server/site/rules';
import { DEFAULT_SESSION_TYPE } from '../emulator/in-process';
import { expectOk, expectStored, readMatches, userOf, type Stored } from './expect';
import { fail, type CaseDef } from './types';
import { SUBJECT_PATHS, baseProfile, featureOf, inputOf, supportedAttributes } from './values';

function licences(site: Site): { hosts: number; sessionType: number } {
  const u = site.usage();
  return { hosts: u.hosts.used, sessionType: u.sessionTypes.find((t) => t.id === DEFAULT_SESSION_TYPE)?.used ?? 0 };
}

function expectLicences(site: Site, expected: { hosts: number; sessionType: number }, why: string): void {
  const actual = licences(site);
  if (actual.hosts !== expected.hosts || actual.sessionType !== expected.sessionType) {
    fail(`${why}: ${expected.hosts} hosts and ${expected.sessionType} users of session type ${DEFAULT_SESSION_TYPE}`, `${actual.hosts} hosts and ${actual.sessionType} users of session type ${DEFAULT_SESSION_TYPE} (site.usage())`);
  }
}

const OFF_FEATURES = ['webACD', 'hdVideo', 'handsOnLab', 'tspTelephony'] as const;

export function lifecycleCases(): CaseDef[] {
  return [
    {
      id: 'create', group: 'lifecycle', required: true, title: 'create a user: stored, active, one licence taken',
      async run(ctx) {
        const site = ctx.site.site;
        const id = ctx.unique('l');
        const before = licences(site);
        const adapter = await ctx.adapter();
        const o = await ctx.call('create', () => adapter.create({ ...baseProfile(id), password: 'Welc0me!Conf', phonesPhone: '1,408,5550100' }));
        const ref = expectOk(o, 'create');
        if (ref.webExId !== id) fail(`create to return webExId ${id}`, `webExId ${ref.webExId}`);
        const rec = userOf(site, id);
        expectStored(rec, 'email', `${id}@conformance.example.com`);
        expectStored(rec, 'firstName', 'Conf');
        expectStored(rec, 'active', 'ACTIVATED');
        if (!passwordMatches('Welc0me!Conf', rec.passwordHash, rec.passwordSalt)) fail('the password pushed with the user to be stored', 'it does not match');
        expectLicences(site, { hosts: before.hosts + 1, sessionType: before.sessionType + 1 }, 'after create');
      },
    },
    {
      id: 'update', group: 'lifecycle', required: true, title: 'update a user\'s profile',
      async run(ctx) {
        const site = ctx.site.site;
        const id = ctx.unique('l');
        site.createUser(inputOf(baseProfile(id)));
        const adapter = await ctx.adapter();
        expectOk(await ctx.call('update', () => adapter.update(id, { firstName: 'Updated', title: 'Engineer', privilegeHost: false })), 'update');
        const rec = userOf(site, id);
        expectStored(rec, 'firstName', 'Updated');
        expectStored(rec, 'title', 'Engineer');
        expectStored(rec, 'privilege/host', false);
        expectStored(rec, 'lastName', 'Subject');
      },
    },
    {
      id: 'password', group: 'lifecycle', required: true, title: 'set a new password',
      async run(ctx) {
        const site = ctx.site.site;
        const id = ctx.unique('l');
        site.createUser(inputOf({ ...baseProfile(id), password: 'Old!Passw0rd' }));
        const adapter = await ctx.adapter();
        expectOk(await ctx.call('setPassword', () => adapter.setPassword(id, 'New!Passw0rd2')), 'setPassword');
        const rec = userOf(site, id);
        if (!passwordMatches('New!Passw0rd2', rec.passwordHash, rec.passwordSalt)) fail('the new password to be stored', 'the stored password is not the new one');
      },
    },
    {
      id: 'deactivate', group: 'lifecycle', required: true, title: 'deactivate: DEACTIVATED and its host and session-type licences freed',
      async run(ctx) {
        const site = ctx.site.site;
        const id = ctx.unique('l');
        site.createUser(inputOf(baseProfile(id)));
        const before = licences(site);
        const adapter = await ctx.adapter();
        expectOk(await ctx.call('deactivate', () => adapter.deactivate(id)), 'deactivate');
        expectStored(userOf(site, id), 'active', 'DEACTIVATED');
        expectLicences(site, { hosts: before.hosts - 1, sessionType: before.sessionType - 1 }, 'licences freed after deactivate');
      },
    },
    {
      id: 'reactivate', group: 'lifecycle', required: true, title: 'reactivate: ACTIVATED and licences taken again',
      async run(ctx) {
        const site = ctx.site.site;
        const id = ctx.unique('l');
        site.createUser(inputOf(baseProfile(id)));
        site.deactivate(id);
        const before = licences(site);
        const adapter = await ctx.adapter();
        expectOk(await ctx.call('reactivate', () => adapter.reactivate(id)), 'reactivate');
        expectStored(userOf(site, id), 'active', 'ACTIVATED');
        expectLicences(site, { hosts: before.hosts + 1, sessionType: before.sessionType + 1 }, 'after reactivate');
      },
    },
    {
      id: 'get', group: 'lifecycle', required: true, title: 'get a user\'s profile',
      async run(ctx) {
        const site = ctx.site.site;
        const id = ctx.unique('l');
        site.createUser(inputOf({ ...baseProfile(id), title: 'Director', privilegeHost: true }, SUBJECT_PATHS));
        const adapter = await ctx.adapter();
        const profile = expectOk(await ctx.call('get', () => adapter.get(id)), 'get');
        const rec = userOf(site, id);
        for (const [name, path] of [['webExId', 'webExId'], ['email', 'email'], ['firstName', 'firstName'], ['lastName', 'lastName'], ['title', 'title'], ['active', 'active'], ['privilegeHost', 'privilege/host']]) {
          const expected = readPath(rec, path) as Stored;
          if (!readMatches(profile[name], expected)) fail(`${name} = ${JSON.stringify(expected)}`, `${name} = ${JSON.stringify(profile[name])}`);
        }
      },
    },
    {
      id: 'import-all-pages', group: 'lifecycle', required: true, title: 'import every user of a site larger than one page (LstsummaryUser returns at most 500)',
      site: { seedUsers: 520 },
      async run(ctx) {
        const site = ctx.site.site;
        const adapter = await ctx.adapter();
        const users = expectOk(await ctx.call('import', () => adapter.import()), 'import');
        const expected = site.users().map((u) => String(u.values[SLOT.webExId]));
        const got = users.map((u) => u.webExId.toLowerCase());
        const unique = new Set(got);
        const missing = expected.filter((w) => !unique.has(w.toLowerCase()));
        if (missing.length > 0 || got.length !== expected.length || unique.size !== got.length) {
          fail(`${expected.length} users, each once`, `${got.length} users listed (${unique.size} distinct), ${missing.length} missing${missing.length ? ` (first: ${missing.slice(0, 3).join(', ')})` : ''}`);
        }
      },
    },
    {
      id: 'schema-attributes', group: 'lifecycle', required: true, title: 'schema discovery lists every supported attribute (SPEC §4)',
      async run(ctx) {
        const adapter = await ctx.adapter();
        const attributes = expectOk(await ctx.call('schema', () => adapter.schema()), 'schema');
        const names = new Set(attributes.map((a) => a.name));
        const missing = supportedAttributes().map((l) => l.def.attribute!).filter((n) => !names.has(n));
        if (missing.length > 0) fail('every supported attribute in the schema', `missing: ${missing.join(', ')}`);
      },
    },
    {
      id: 'schema-features', group: 'lifecycle', required: true,
      title: `schema discovery matches the site's features (${OFF_FEATURES.join(', ')} off)`,
      site: { featuresOff: [...OFF_FEATURES] },
      async run(ctx) {
        const adapter = await ctx.adapter();
        const attributes = expectOk(await ctx.call('schema', () => adapter.schema()), 'schema');
        const byName = new Map(attributes.map((a) => [a.name, a]));
        const wrong: string[] = [];
        for (const leaf of supportedAttributes()) {
          const name = leaf.def.attribute!;
          const feature = featureOf(leaf);
          const off = feature !== undefined && (OFF_FEATURES as readonly string[]).includes(feature);
          const available = byName.get(name)?.available;
          if (off && available !== false) wrong.push(`${name} (feature ${feature} off) reported ${available === undefined ? 'without availability' : 'available'}`);
          if (!off && available === false) wrong.push(`${name} reported unavailable${feature ? ` (feature ${feature} is on)` : ''}`);
        }
        if (wrong.length > 0) fail('attributes of the features that are off unavailable, all others available', wrong.join('; '));
      },
    },
  ];
}
