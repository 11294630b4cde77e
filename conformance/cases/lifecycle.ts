/** Lifecycle: create → update → password → deactivate (licence freed) → reactivate → get → import (all pages) → schema. */
import { schemaAttributes } from '../adapter';
import { readPath } from '../emulator/core';
import { DEFAULT_SESSION_TYPE } from '../emulator/in-process';
import { IDENTITY_PATHS } from './attributes';
import { canonical, differingPaths, expectOk, expectStored, expectUsage, readMatches, storedAt, usage, userOf, type Stored } from './expect';
import { fail, type CaseContext, type CaseDef } from './types';
import { SUBJECT_PATHS, featureOf, supportedAttributes } from './values';

interface Licences { hosts: number; sessionType: number }

/** Licence usage, when the suite controls the site (in-process or a webex-mock's admin API); a real site skips these checks. */
async function licences(ctx: CaseContext): Promise<Licences | undefined> {
  if (!ctx.controlled) return undefined;
  const u = await ctx.control().usage();
  return { hosts: u.hosts.used, sessionType: u.sessionTypes.find((t) => t.id === DEFAULT_SESSION_TYPE)?.used ?? 0 };
}

async function expectLicences(ctx: CaseContext, before: Licences | undefined, delta: number, why: string): Promise<void> {
  const actual = await licences(ctx);
  if (!before || !actual) return;
  const expected = { hosts: before.hosts + delta, sessionType: before.sessionType + delta };
  if (actual.hosts !== expected.hosts || actual.sessionType !== expected.sessionType) {
    fail(`${why}: ${expected.hosts} hosts and ${expected.sessionType} users of session type ${DEFAULT_SESSION_TYPE}`, `${actual.hosts} hosts and ${actual.sessionType} users of session type ${DEFAULT_SESSION_TYPE} (the site's licence usage)`);
  }
}

/**
 * Everything about the subject but its identity equals a reference twin the suite wrote directly with the same
 * values: what a write may not do besides what it was asked (defaults sent for fields it was not given, extra
 * session types).
 */
async function expectLikeTwin(ctx: CaseContext, subjectId: string, twinId: string, operation: string): Promise<void> {
  const rec = await userOf(ctx.users, subjectId);
  const twin = await userOf(ctx.users, twinId, 'the reference user');
  const diff = differingPaths(rec, twin, IDENTITY_PATHS);
  if (diff.length > 0) fail(`${operation} to store what it was given and nothing else`, `differs from the reference user — ${diff.map((p) => `${p}: connector ${canonical(storedAt(rec, p))} vs expected ${canonical(storedAt(twin, p))}`).join('; ')}`);
}

const OFF_FEATURES = ['webACD', 'hdVideo', 'handsOnLab', 'tspTelephony'] as const;

export function lifecycleCases(): CaseDef[] {
  return [
    {
      id: 'create', group: 'lifecycle', required: true, title: 'create a user: stored, active, one licence taken',
      async run(ctx) {
        const users = ctx.users;
        const id = ctx.unique('l');
        const before = await licences(ctx);
        const counters = await usage(ctx);
        const adapter = await ctx.adapter();
        const o = await ctx.call('create', () => adapter.create({ ...ctx.base(id), password: 'Welc0me!Conf', phonesPhone: '1,408,5550100' }));
        const ref = expectOk(o, 'create');
        if (ref.webExId !== id) fail(`create to return webExId ${id}`, `webExId ${ref.webExId}`);
        const rec = await userOf(users, id);
        expectStored(rec, 'email', `${id}@${ctx.emailDomain}`);
        expectStored(rec, 'firstName', 'Conf');
        expectStored(rec, 'active', 'ACTIVATED');
        if (!(await users.passwordIs(id, 'Welc0me!Conf'))) fail('the password pushed with the user to be stored', 'it does not match');
        await expectLicences(ctx, before, 1, 'after create');
        // Kills: test/broken-connectors/create-takes-every-session-type (a new user gets every session type).
        await expectUsage(ctx, counters, 1, [String(DEFAULT_SESSION_TYPE)], 'create (one host, one user of the default session type, nothing else)');
        const twinId = ctx.unique('t');
        await users.create({ ...ctx.base(twinId), password: 'Welc0me!Conf', phonesPhone: '1,408,5550100' });
        await expectLikeTwin(ctx, id, twinId, 'create');
      },
    },
    {
      id: 'update', group: 'lifecycle', required: true, title: 'update a user\'s profile',
      async run(ctx) {
        const users = ctx.users;
        const id = ctx.unique('l');
        await users.create(ctx.base(id));
        const twinId = ctx.unique('t');
        await users.create(ctx.base(twinId));
        const counters = await usage(ctx);
        const adapter = await ctx.adapter();
        const changes = { firstName: 'Updated', title: 'Engineer', privilegeHost: false };
        expectOk(await ctx.call('update', () => adapter.update(id, changes)), 'update');
        const rec = await userOf(users, id);
        expectStored(rec, 'firstName', 'Updated');
        expectStored(rec, 'title', 'Engineer');
        expectStored(rec, 'privilege/host', false);
        expectStored(rec, 'lastName', 'Subject');
        await expectUsage(ctx, counters, 0, [], 'update');
        await users.update(twinId, changes);
        await expectLikeTwin(ctx, id, twinId, 'update');
      },
    },
    {
      id: 'password', group: 'lifecycle', required: true, title: 'set a new password',
      async run(ctx) {
        const users = ctx.users;
        const id = ctx.unique('l');
        await users.create({ ...ctx.base(id), password: 'Old!Passw0rd' });
        const adapter = await ctx.adapter();
        expectOk(await ctx.call('setPassword', () => adapter.setPassword(id, 'New!Passw0rd2')), 'setPassword');
        if (!(await users.passwordIs(id, 'New!Passw0rd2'))) fail('the new password to be stored', 'the stored password is not the new one');
      },
    },
    {
      id: 'deactivate', group: 'lifecycle', required: true, title: 'deactivate: DEACTIVATED and its host and session-type licences freed',
      async run(ctx) {
        const users = ctx.users;
        const id = ctx.unique('l');
        await users.create(ctx.base(id));
        const before = await licences(ctx);
        const adapter = await ctx.adapter();
        expectOk(await ctx.call('deactivate', () => adapter.deactivate(id)), 'deactivate');
        expectStored(await userOf(users, id), 'active', 'DEACTIVATED');
        await expectLicences(ctx, before, -1, 'licences freed after deactivate');
      },
    },
    {
      id: 'reactivate', group: 'lifecycle', required: true, title: 'reactivate: ACTIVATED and licences taken again',
      async run(ctx) {
        const users = ctx.users;
        const id = ctx.unique('l');
        await users.create(ctx.base(id));
        await users.deactivate(id);
        const before = await licences(ctx);
        const adapter = await ctx.adapter();
        expectOk(await ctx.call('reactivate', () => adapter.reactivate(id)), 'reactivate');
        expectStored(await userOf(users, id), 'active', 'ACTIVATED');
        await expectLicences(ctx, before, 1, 'after reactivate');
      },
    },
    {
      id: 'get', group: 'lifecycle', required: true, title: 'get a user\'s profile',
      async run(ctx) {
        const users = ctx.users;
        const id = ctx.unique('l');
        await users.create({ ...ctx.base(id), title: 'Director', privilegeHost: true }, SUBJECT_PATHS);
        const adapter = await ctx.adapter();
        const profile = expectOk(await ctx.call('get', () => adapter.get(id)), 'get');
        const rec = await userOf(users, id);
        for (const [name, path] of [['webExId', 'webExId'], ['email', 'email'], ['firstName', 'firstName'], ['lastName', 'lastName'], ['title', 'title'], ['active', 'active'], ['privilegeHost', 'privilege/host']]) {
          const expected = readPath(rec, path) as Stored;
          if (!readMatches(profile[name], expected)) fail(`${name} = ${JSON.stringify(expected)}`, `${name} = ${JSON.stringify(profile[name])}`);
        }
      },
    },
    {
      id: 'import-all-pages', group: 'lifecycle', required: true, title: 'import every user, deactivated ones too, of a site larger than one page (LstsummaryUser returns at most 500)',
      site: { seedUsers: 520 },
      async run(ctx) {
        // Deactivated users must come back too: an import that skips them lets the IdP create them again.
        // The case's own users (a remote site in safe mode lets the suite touch no other).
        for (const id of [ctx.unique('l'), ctx.unique('l')]) {
          await ctx.users.create(ctx.base(id));
          await ctx.users.deactivate(id);
        }
        const lower = (ids: string[]) => ids.map((w) => w.toLowerCase());
        const before = new Set(lower(await ctx.users.list()));
        const adapter = await ctx.adapter();
        const imported = expectOk(await ctx.call('import', () => adapter.import()), 'import');
        // On a shared remote site other cases create and rename users meanwhile: judge the users there throughout.
        const after = new Set(lower(await ctx.users.list()));
        const stable = [...before].filter((w) => after.has(w));
        const got = lower(imported.map((u) => u.webExId));
        const unique = new Set(got);
        const missing = stable.filter((w) => !unique.has(w));
        const invented = [...unique].filter((w) => !after.has(w) && !before.has(w));
        if (missing.length > 0 || invented.length > 0 || unique.size !== got.length) {
          fail(`all ${stable.length} users, each once`, `${got.length} users listed (${unique.size} distinct), ${missing.length} missing${missing.length ? ` (first: ${missing.slice(0, 3).join(', ')})` : ''}${invented.length ? `, ${invented.length} not on the site (first: ${invented.slice(0, 3).join(', ')})` : ''}`);
        }
      },
    },
    {
      id: 'schema-attributes', group: 'lifecycle', required: true, title: 'schema discovery lists every supported attribute (SPEC §4)',
      async run(ctx) {
        const adapter = await ctx.adapter();
        const attributes = schemaAttributes(expectOk(await ctx.call('schema', () => adapter.schema()), 'schema'));
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
        const attributes = schemaAttributes(expectOk(await ctx.call('schema', () => adapter.schema()), 'schema'));
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
