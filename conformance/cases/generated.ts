/**
 * Property-based and generated cases (issue 13 §2): values drawn from the run's seed in every free-text field,
 * the WHOLE stored user and the site's licence counters compared after every operation, import on and around
 * page boundaries, Retry-After in each form, and schema discovery with each feature off. Each case names, in
 * `kills`, the mutant or broken connector it was written against.
 */
import fc from 'fast-check';
import { catalog, readPath, type UserRecord } from '../emulator/core';
import type { CatalogLeaf, FeatureKey } from '../../mock-server/catalog';
import { schemaAttributes, type Profile } from '../adapter';
import { fault } from '../emulator/faults';
import { IDENTITY_PATHS } from './attributes';
import { canonical, differingPaths, expectOk, expectOnly, expectStored, expectUsage, readMatches, snapshot, storedAt, usage, userOf, type Stored } from './expect';
import { forAll, freeText } from './property';
import { fail, type CaseContext, type CaseDef } from './types';
import { SUBJECT_PATHS, featureOf, supportedAttributes } from './values';

/** Free-text attributes (no value rule, writable on create and update): where any text must survive intact. */
function freeTextLeaves(): CatalogLeaf[] {
  return supportedAttributes().filter((l) => l.def.type === 'string' && !l.def.rule && !l.def.derived
    && l.def.access.create === 'yes' && l.def.access.set && l.def.attribute !== 'webExId');
}

const TSP_INDEX = { tspAccountAccountIndex: 1 };

/** A profile with every free-text attribute drawn. */
export function freeTextProfile(): fc.Arbitrary<Profile> {
  const leaves = freeTextLeaves();
  return fc.record(Object.fromEntries(leaves.map((l) => [l.def.attribute!, freeText(l)]))) as fc.Arbitrary<Profile>;
}

function expectTextStored(rec: UserRecord, profile: Profile): void {
  for (const [name, value] of Object.entries(profile)) {
    const leaf = catalog.attributeByName.get(name)!;
    expectStored(rec, leaf.path, value as Stored, leaf.list ? 1 : undefined, name);
  }
}

function expectTextRead(read: Profile, profile: Profile): void {
  for (const [name, value] of Object.entries(profile)) {
    if (!readMatches(read[name], value as Stored)) fail(`get to return ${name} = ${JSON.stringify(value)}`, `${name} = ${JSON.stringify(read[name])}`);
  }
}

// Kills: escaping mutants in connector/xml/escape.ts and request.ts (&, <, >, quotes), response decoding
// (entities, non-ASCII), a connector that truncates or trims values, and one that lower-cases them.
const valuesOnCreate: CaseDef = {
  id: 'generated-values.create', group: 'attributes', required: true, seeded: true,
  title: 'any text in every free-text field (case, non-ASCII, XML-special, up to its maximum length) is stored and read back exactly, on create',
  async run(ctx) {
    const adapter = await ctx.adapter();
    await forAll(ctx, freeTextProfile(), 4, async (profile) => {
      const id = ctx.unique('g');
      expectOk(await ctx.call('create', () => adapter.create({ ...ctx.base(id), ...TSP_INDEX, ...profile })), 'create');
      expectTextStored(await userOf(ctx.users, id), profile);
      expectTextRead(expectOk(await ctx.call('get', () => adapter.get(id)), 'get'), profile);
    });
  },
};

// Kills: the same on SetUser's path, and an update that re-sends stale values of fields it was not given.
const valuesOnUpdate: CaseDef = {
  id: 'generated-values.update', group: 'attributes', required: true, seeded: true,
  title: 'any text in every free-text field is stored exactly on update, and nothing else changes',
  async run(ctx) {
    const adapter = await ctx.adapter();
    await forAll(ctx, fc.tuple(freeTextProfile(), fc.subarray(freeTextLeaves().map((l) => l.def.attribute!), { minLength: 1 })), 4, async ([drawn, names]) => {
      const id = ctx.unique('g');
      const twinId = ctx.unique('t');
      await ctx.users.create({ ...ctx.base(id), ...TSP_INDEX }, SUBJECT_PATHS);
      await ctx.users.create({ ...ctx.base(twinId), ...TSP_INDEX }, SUBJECT_PATHS);
      const profile = Object.fromEntries(names.map((n) => [n, drawn[n]]));
      const tsp = names.some((n) => n.startsWith('tspAccount')) ? TSP_INDEX : {};
      expectOk(await ctx.call('update', () => adapter.update(id, { ...tsp, ...profile })), 'update');
      const after = await userOf(ctx.users, id);
      expectTextStored(after, profile);
      // The twin gets the same update written directly: whatever Webex derives from it changes on both.
      await ctx.users.update(twinId, { ...tsp, ...profile });
      const twin = await userOf(ctx.users, twinId, 'the reference user');
      const diff = differingPaths(after, twin, IDENTITY_PATHS);
      if (diff.length > 0) fail(`update to change ${names.join(', ')} only`, `also changed: ${diff.map((p) => `${p}: connector ${canonical(storedAt(after, p))} vs expected ${canonical(storedAt(twin, p))}`).join('; ')}`);
    });
  },
};

/** A subject with values in many fields (drawn), holding both session types: what an operation must leave alone. */
export async function richSubject(ctx: CaseContext, profile: Profile): Promise<string> {
  const id = ctx.unique('w');
  await ctx.users.create({ ...ctx.base(id), ...TSP_INDEX, ...profile, privilegeHost: true, password: 'Start!Passw0rd' }, SUBJECT_PATHS);
  return id;
}

interface WholeUserOp {
  name: string;
  /** Paths the operation may change. */
  changes: string[];
  /** Licence delta. */
  delta: number;
  setup?(ctx: CaseContext, id: string): Promise<void>;
  run(ctx: CaseContext, id: string): Promise<void>;
  kills: string;
}

const HELD = ['214', '216'];
const WHOLE_USER_OPS: WholeUserOp[] = [
  { name: 'setPassword', changes: [], delta: 0, kills: 'a password push that also re-sends the profile or touches active',
    async run(ctx, id) {
      const a = await ctx.adapter();
      expectOk(await ctx.call('setPassword', () => a.setPassword(id, 'N3w!Passw0rd&<é>')), 'setPassword');
      if (!(await ctx.users.passwordIs(id, 'N3w!Passw0rd&<é>'))) fail('the new password (with &, <, >, é) stored exactly', 'it does not match');
    } },
  { name: 'deactivate', changes: ['active'], delta: -1, kills: 'a deactivate that sends the cached profile back, or drops session types',
    async run(ctx, id) { const a = await ctx.adapter(); expectOk(await ctx.call('deactivate', () => a.deactivate(id)), 'deactivate'); } },
  { name: 'reactivate', changes: ['active'], delta: 1, kills: 'a reactivate that resets privileges or session types',
    async setup(ctx, id) { await ctx.users.deactivate(id); },
    async run(ctx, id) { const a = await ctx.adapter(); expectOk(await ctx.call('reactivate', () => a.reactivate(id)), 'reactivate'); } },
  { name: 'get', changes: [], delta: 0, kills: 'a read with a write side effect (get-then-set)',
    async run(ctx, id) { const a = await ctx.adapter(); expectOk(await ctx.call('get', () => a.get(id)), 'get'); } },
  { name: 'import', changes: [], delta: 0, kills: 'an import that writes (e.g. normalises users it lists)',
    async run(ctx) { const a = await ctx.adapter(); expectOk(await ctx.call('import', () => a.import()), 'import'); } },
];

function wholeUserCase(op: WholeUserOp): CaseDef {
  return {
    id: `whole-user.${op.name}`, group: 'lifecycle', required: true, seeded: true,
    title: `${op.name} changes ${op.changes.length ? op.changes.join(', ') : 'no stored value'}${op.name === 'setPassword' ? ' but the password' : ''} of a user with values everywhere, and moves licence counters by ${op.delta}`,
    async run(ctx) {
      await forAll(ctx, freeTextProfile(), 2, async (profile) => {
        const id = await richSubject(ctx, profile);
        await op.setup?.(ctx, id);
        const before = snapshot(await userOf(ctx.users, id));
        const licences = await usage(ctx);
        await op.run(ctx, id);
        expectOnly(before, await userOf(ctx.users, id), new Set(op.changes), op.name);
        await expectUsage(ctx, licences, op.delta, HELD, op.name);
      });
    },
  };
}

/** Sizes of a site (users in total) on and around LstsummaryUser's page of 500. */
const PAGE = 500;
const BOUNDARY_TOTALS = [PAGE - 1, PAGE, PAGE + 1, 2 * PAGE];
/** Users every case site has before seeding (the suite's admin and host). */
const SITE_BASE_USERS = 2;

// Kills: off-by-one mutants in connector/operations/import-users.ts (startFrom, total comparison, `<` vs `<=`).
function importBoundaryCase(total: number): CaseDef {
  return {
    id: `import-total-${total}`, group: 'lifecycle', required: true, needsControl: 'needs a site of an exact size',
    title: `import lists each of exactly ${total} users once, with the fields it reports matching the stored user (page of ${PAGE})`,
    site: { seedUsers: total - SITE_BASE_USERS },
    async run(ctx) {
      const adapter = await ctx.adapter();
      const imported = expectOk(await ctx.call('import', () => adapter.import()), 'import');
      const ids = imported.map((u) => u.webExId.toLowerCase());
      const unique = new Set(ids);
      if (ids.length !== total || unique.size !== total) fail(`${total} users, each once`, `${ids.length} listed, ${unique.size} distinct`);
      // Every field the import reports is the stored value (a sample: first, page edges, last).
      for (const index of [0, PAGE - 1, PAGE, total - 1].filter((i) => i < total)) {
        const u = imported[index];
        const rec = await userOf(ctx.users, u.webExId);
        for (const [name, value] of Object.entries(u)) {
          const leaf = catalog.attributeByName.get(name);
          if (!leaf || value === undefined) continue;
          const expected = readPath(rec, leaf.path) as Stored;
          if (!readMatches(value, expected)) fail(`import's ${name} of ${u.webExId} = ${JSON.stringify(expected)} (stored)`, `${name} = ${JSON.stringify(value)}`);
        }
      }
    },
  };
}

// Kills: parseRetryAfter mutants in connector/transport/retry.ts (seconds × 1000, the HTTP-date branch) and a
// connector that ignores Retry-After (retries at once). Needs a real wait: the adapter runs with fastRetries off.
function retryAfterCase(form: 'seconds' | 'http-date'): CaseDef {
  return {
    id: `rate-limited-retry-after-${form}`, group: 'errors', required: true, needsControl: 'injects a rate limit',
    title: `000045 with Retry-After as ${form === 'seconds' ? 'delta-seconds ("2")' : 'an HTTP date (RFC 9110)'}: the connector waits that long, then retries and succeeds`,
    async run(ctx) {
      const id = ctx.unique('r');
      await ctx.users.create(ctx.base(id));
      const rate = fault.rateLimit('SetUser', 1, 2);
      if (form === 'http-date') {
        const effect = rate.effect as { headers: Record<string, string> };
        Object.defineProperty(effect.headers, 'Retry-After', { enumerable: true, get: () => new Date(Date.now() + 2000).toUTCString() });
      }
      ctx.control().faults.push(rate);
      const adapter = await ctx.adapter({ fastRetries: false });
      expectOk(await ctx.call('update', () => adapter.update(id, { title: 'After the wait' })), 'update after a rate limit');
      const sets = ctx.exchanges().filter((e) => e.operation === 'SetUser');
      if (sets.length !== 2) fail('one rate-limited SetUser and one retry', `${sets.length} SetUser requests`);
      const waited = sets[1].startedAt - sets[0].startedAt;
      // An HTTP date has whole seconds: "in 2 s" may mean 1.0–2.0 s from now.
      const least = form === 'seconds' ? 1900 : 900;
      if (waited < least) fail(`the retry at least ${least} ms after the 000045 answer (Retry-After)`, `retried after ${waited} ms`);
      expectStored(await userOf(ctx.users, id), 'title', 'After the wait');
    },
  };
}

// Kills: mutants in connector/mapping/features.ts (feature → GetSite path) and discover-schema.ts
// (availability per feature): with exactly one feature off, exactly its attributes are unavailable.
function schemaFeatureCase(feature: FeatureKey): CaseDef {
  return {
    id: `schema-feature-off.${feature}`, group: 'features', required: true,
    title: `schema discovery with only ${feature} off: its attributes unavailable, every other attribute available`,
    site: { featuresOff: [feature] },
    async run(ctx) {
      const adapter = await ctx.adapter();
      const attributes = schemaAttributes(expectOk(await ctx.call('schema', () => adapter.schema()), 'schema'));
      const byName = new Map(attributes.map((a) => [a.name, a]));
      const wrong: string[] = [];
      // Read-only attributes (derived by Webex) are never written: their availability is not about the feature.
      for (const leaf of supportedAttributes().filter((l) => l.def.access.set || l.def.access.create !== 'no')) {
        const name = leaf.def.attribute!;
        const off = featureOf(leaf) === feature;
        const available = byName.get(name)?.available;
        if (off && available !== false) wrong.push(`${name} reported ${available === undefined ? 'without availability' : 'available'}`);
        if (!off && available === false) wrong.push(`${name} reported unavailable`);
      }
      if (wrong.length > 0) fail(`only the attributes of ${feature} unavailable`, wrong.join('; '));
    },
  };
}

export function generatedCases(): CaseDef[] {
  const gatedFeatures = [...new Set(supportedAttributes().map(featureOf).filter((f): f is FeatureKey => f !== undefined))];
  return [
    valuesOnCreate, valuesOnUpdate,
    ...WHOLE_USER_OPS.map(wholeUserCase),
    ...BOUNDARY_TOTALS.map(importBoundaryCase),
    // The delta-seconds form is errors/rate-limited-retry-after.
    retryAfterCase('http-date'),
    ...gatedFeatures.map(schemaFeatureCase),
  ];
}
