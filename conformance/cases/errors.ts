/**
 * Error paths: each failure the emulator can produce for the connector's operations must come back classified,
 * with nothing changed on the site; only transient failures may be retried, and a CreateUser whose answer was
 * lost must not create (or re-send) the user twice.
 */
import type { ErrorClass, Outcome, Profile } from '../adapter';
import { fault } from '../emulator/faults';
import { DEFAULT_SESSION_TYPE, type SiteSpec } from '../emulator/in-process';
import {
  expectAttribute, expectError, expectNamed, expectOk, expectSentOnce, expectStored, expectUnchanged, expectUsageUnchanged, expectUserCount, requestsFor, snapshot,
  usage, userOf,
} from './expect';
import { fail, type CaseContext, type CaseDef } from './types';
import { attributeSpecs } from './values';

/** Retries are bounded: a connector that keeps hammering a failing site fails the case. */
const MAX_ATTEMPTS = 10;

function errorCase(id: string, title: string, run: (ctx: CaseContext) => Promise<void>, site?: SiteSpec, required = true): CaseDef {
  return { id, group: 'errors', title, required, site, run };
}

/**
 * create must fail with `classes`, create nothing, and not retry. "Nothing" is checked by the webExId (the user
 * is absent, or — for a duplicate — the existing user is untouched) and, on a site of its own, by the user count.
 */
async function refusedCreate(ctx: CaseContext, profile: Profile, classes: ErrorClass[], what: string) {
  const users = ctx.users;
  const webExId = String(profile.webExId);
  const existing = await users.find(webExId);
  const before = existing ? snapshot(existing) : undefined;
  const count = ctx.controlled ? await users.count() : undefined;
  const licences = await usage(ctx);
  const adapter = await ctx.adapter();
  const o = await ctx.call('create', () => adapter.create(profile));
  const error = expectError(o, classes, what);
  if (before) await expectUnchanged(before, users, webExId);
  else if (await users.find(webExId)) fail(`no user ${webExId} created`, 'the user exists');
  if (count !== undefined) await expectUserCount(users, count, 'unchanged');
  await expectUsageUnchanged(ctx, licences, `the refused create (${what})`);
  if (requestsFor(ctx, 'CreateUser') > 1) expectSentOnce(ctx, 'CreateUser');
  return error;
}

/**
 * update of an existing user must fail with `classes`, change nothing, and not retry. On a Control Hub managed
 * site (API 41.11.0) the subject's webExId is its email, the identity SetUser addresses it by.
 */
async function refusedUpdate(ctx: CaseContext, changes: Record<string, string | number | boolean>, classes: ErrorClass[], what: string, emailIdentity = false) {
  const users = ctx.users;
  const id = emailIdentity ? `${ctx.unique('e')}@${ctx.emailDomain}` : ctx.unique('e');
  await users.create(emailIdentity ? { ...ctx.base(id), email: id } : ctx.base(id));
  const before = snapshot(await userOf(users, id));
  const licences = await usage(ctx);
  const adapter = await ctx.adapter();
  const o = await ctx.call('update', () => adapter.update(id, changes));
  const error = expectError(o, classes, what);
  await expectUnchanged(before, users, id);
  await expectUsageUnchanged(ctx, licences, `the refused update (${what})`);
  if (requestsFor(ctx, 'SetUser') > 1) expectSentOnce(ctx, 'SetUser');
  return error;
}

/**
 * reactivate must fail with `classes` and leave the user deactivated, without retrying. The site's limit is one
 * above its two built-in users: the subject is created and deactivated, and a filler takes its place.
 */
async function refusedReactivate(ctx: CaseContext, classes: ErrorClass[], what: string) {
  const users = ctx.users;
  const id = ctx.unique('e');
  await users.create(ctx.base(id));
  await users.deactivate(id);
  await users.create(ctx.base(ctx.unique('filler')));
  const before = snapshot(await userOf(users, id));
  const licences = await usage(ctx);
  const adapter = await ctx.adapter();
  const error = expectError(await ctx.call('reactivate', () => adapter.reactivate(id)), classes, what);
  expectStored(await userOf(users, id), 'active', 'DEACTIVATED');
  await expectUnchanged(before, users, id);
  await expectUsageUnchanged(ctx, licences, `the refused reactivate (${what})`);
  if (requestsFor(ctx, 'SetUser') > 1) expectSentOnce(ctx, 'SetUser');
  return error;
}

export function errorCases(): CaseDef[] {
  /** A feature-gated boolean CreateUser takes, needing no companion: the create-side twin of the features group. */
  const gated = attributeSpecs().find((s) => s.feature && s.create === 'yes' && typeof s.value === 'boolean' && Object.keys(s.companions).length === 0)!;
  return [
    errorCase('licence-on-create', 'session-type licences used up → licence error naming the session type; no user created', async (ctx) => {
      const error = await refusedCreate(ctx, ctx.base(ctx.unique('e')), ['licence'], 'create when session type 214 is full (110055)');
      if (error.sessionType !== String(DEFAULT_SESSION_TYPE)) fail(`the error to name session type ${DEFAULT_SESSION_TYPE}`, `sessionType=${error.sessionType}`);
    }, { sessionTypeLimit: 2 }),

    errorCase('licence-on-reactivate', 'reactivating when the session type is full → licence error; user stays deactivated', async (ctx) => {
      const error = await refusedReactivate(ctx, ['licence'], 'reactivate when session type 214 is full');
      if (error.sessionType !== undefined && error.sessionType !== String(DEFAULT_SESSION_TYPE)) fail(`sessionType ${DEFAULT_SESSION_TYPE}`, `sessionType=${error.sessionType}`);
    }, { sessionTypeLimit: 3 }),

    errorCase('host-limit', 'site host limit reached → hostLimit; no user created', async (ctx) => {
      await refusedCreate(ctx, ctx.base(ctx.unique('e')), ['hostLimit'], 'create beyond the host limit');
    }, { hostLimit: 2 }),

    errorCase('host-limit-on-reactivate', 'reactivating beyond the site host limit → hostLimit; user stays deactivated', async (ctx) => {
      await refusedReactivate(ctx, ['hostLimit'], 'reactivate when the site host limit is reached');
    }, { hostLimit: 3 }),

    errorCase('feature-off-create', 'create with an attribute whose feature is off → featureNotEnabled; no user created (not created without it)', async (ctx) => {
      const error = await refusedCreate(ctx, { ...ctx.base(ctx.unique('e')), [gated.name]: true }, ['featureNotEnabled'],
        `create with ${gated.name} while ${gated.feature} is off`);
      expectAttribute(error, gated.name);
    }, { featuresOff: [gated.feature!] }),

    errorCase('invalid-value-update', 'value out of range ("Can\'t set field timeZoneID") → invalidValue naming the attribute; user unchanged', async (ctx) => {
      const error = await refusedUpdate(ctx, { timeZoneID: 999 }, ['invalidValue'], 'update with timeZoneID 999');
      // Kills: test/broken-connectors/error-without-attribute, and the attribute mapping of conformance/adapters/reference.ts classify().
      expectNamed(error, 'timeZoneID');
    }),

    errorCase('invalid-value-email', 'malformed email → invalidValue; user unchanged', async (ctx) => {
      await refusedUpdate(ctx, { email: 'not-an-email' }, ['invalidValue'], 'update with email "not-an-email"');
    }),

    errorCase('invalid-value-create', 'malformed date on create → invalidValue; no user created', async (ctx) => {
      await refusedCreate(ctx, { ...ctx.base(ctx.unique('e')), expirationDate: '2030-12-31' }, ['invalidValue'], 'create with expirationDate "2030-12-31"');
    }),

    errorCase('password-policy', 'password against the site policy → invalidValue; password unchanged', async (ctx) => {
      const users = ctx.users;
      const id = ctx.unique('e');
      await users.create({ ...ctx.base(id), password: 'Old!Passw0rd' });
      const before = snapshot(await userOf(users, id));
      const adapter = await ctx.adapter();
      expectError(await ctx.call('setPassword', () => adapter.setPassword(id, 'abc')), ['invalidValue'], 'setPassword "abc" (policy: 8 characters, 1 digit)');
      await expectUnchanged(before, users, id);
    }),

    errorCase('duplicate-webexid', 'create with a webExId that exists → duplicate; nothing created', async (ctx) => {
      const existing = ctx.unique('e');
      await ctx.users.create(ctx.base(existing));
      await refusedCreate(ctx, { webExId: existing, email: `${ctx.unique('e')}@${ctx.emailDomain}` }, ['duplicate'], `create ${existing} again`);
    }),

    errorCase('duplicate-email', 'create with an email another user has → duplicate; nothing created', async (ctx) => {
      const existing = ctx.base(ctx.unique('e'));
      await ctx.users.create(existing);
      await refusedCreate(ctx, { webExId: ctx.unique('e'), email: existing.email }, ['duplicate'], `create with ${existing.email} again`);
    }),

    errorCase('duplicate-on-rename', 'renaming a user to a webExId that exists → duplicate; user unchanged', async (ctx) => {
      const other = ctx.unique('e');
      await ctx.users.create(ctx.base(other));
      const error = await refusedUpdate(ctx, { webExId: other }, ['duplicate'], `rename to ${other}, which exists`);
      expectAttribute(error, 'webExId');
    }),

    ...(['update', 'get', 'deactivate', 'reactivate', 'setPassword'] as const).map((op) => errorCase(`not-found-${op.toLowerCase()}`, `${op} of a user that does not exist → notFound`, async (ctx) => {
      const adapter = await ctx.adapter();
      const missing = ctx.unique('missing');
      const o = await ctx.call<unknown>(op, (): Promise<Outcome<unknown>> => op === 'update' ? adapter.update(missing, { title: 'x' })
        : op === 'get' ? adapter.get(missing) : op === 'deactivate' ? adapter.deactivate(missing)
          : op === 'reactivate' ? adapter.reactivate(missing) : adapter.setPassword(missing, 'Val1d!Passw0rd'));
      expectError(o, ['notFound'], `${op} of ${missing}`);
    })),

    errorCase('authentication', 'wrong admin password → authentication; nothing created, no retry', async (ctx) => {
      const id = ctx.unique('e');
      const adapter = await ctx.adapter({ password: 'Wr0ng!Password' });
      expectError(await ctx.call('create', () => adapter.create(ctx.base(id))), ['authentication'], 'create with a wrong admin password');
      if (await ctx.users.find(id)) fail(`no user ${id} created`, 'the user exists');
      if (requestsFor(ctx, 'CreateUser') > 1) expectSentOnce(ctx, 'CreateUser');
    }),

    errorCase('unknown-site', 'a site name the service does not host → authentication', async (ctx) => {
      const adapter = await ctx.adapter({ siteName: 'no-such-site-wmconf' });
      expectError(await ctx.call('get', () => adapter.get(ctx.unique('x'))), ['authentication'], 'get on an unknown site');
    }, undefined, false),

    errorCase('access-denied', 'a caller who is not a site admin → accessDenied; nothing created', async (ctx) => {
      const users = ctx.users;
      const host = ctx.unique('host');
      await users.create({ ...ctx.base(host), password: 'H0st!Conformance1' });
      const id = ctx.unique('e');
      const adapter = await ctx.adapter({ admin: host, password: 'H0st!Conformance1' });
      expectError(await ctx.call('create', () => adapter.create(ctx.base(id))), ['accessDenied'], 'create as a non-admin host');
      if (await users.find(id)) fail(`no user ${id} created`, 'the user exists');
    }),

    errorCase('spark-meet-role', 'Spark Meet site: assigning a site-admin role → siteUnsupported; nothing created', async (ctx) => {
      const id = `${ctx.unique('e')}@${ctx.emailDomain}`;
      await refusedCreate(ctx, { webExId: id, email: id, privilegeSiteAdmin: true }, ['siteUnsupported'], 'create a site admin on a Spark Meet site (E030103)');
    }, { sparkMeet: true }),

    errorCase('spark-meet-webexid', 'Spark Meet site: webExId different from email → siteUnsupported; nothing created', async (ctx) => {
      await refusedCreate(ctx, ctx.base(ctx.unique('e')), ['siteUnsupported'], 'create with webExId ≠ email on a Spark Meet site (E030105)');
    }, { sparkMeet: true }),

    errorCase('control-hub-identity', 'Control Hub managed site: changing the name → siteUnsupported; user unchanged', async (ctx) => {
      await refusedUpdate(ctx, { firstName: 'Changed' }, ['siteUnsupported'], 'update of firstName on a Control Hub managed site (030077)', true);
    }, { controlHubManaged: true }),

    errorCase('control-hub-rename', 'Control Hub managed site: renaming the webExId → siteUnsupported; user unchanged', async (ctx) => {
      const error = await refusedUpdate(ctx, { webExId: ctx.unique('renamed') }, ['siteUnsupported'], 'rename on a Control Hub managed site (030077)', true);
      expectAttribute(error, 'webExId');
    }, { controlHubManaged: true }),

    errorCase('control-hub-create-refused', 'CreateUser refused on a unified (Control Hub) site (030098) → siteUnsupported, not retried', async (ctx) => {
      ctx.control().faults.push({
        operation: 'CreateUser', stage: 'before', times: Infinity, label: '030098 CreateUser refused on a unified site',
        effect: { kind: 'failure', exceptionID: '030098', reason: 'CreateUser is not supported on this site, add users in Control Hub' },
      });
      await refusedCreate(ctx, ctx.base(ctx.unique('e')), ['siteUnsupported'], 'create on a unified site (030098)');
    }, { controlHubManaged: true }, false),

    errorCase('rate-limited-retry', '000045 with Retry-After once → retried after the wait, the update lands', async (ctx) => {
      const users = ctx.users;
      const id = ctx.unique('e');
      await users.create(ctx.base(id));
      ctx.control().faults.push(fault.rateLimit('SetUser', 1));
      const adapter = await ctx.adapter();
      expectOk(await ctx.call('update', () => adapter.update(id, { title: 'After the limit' })), 'update after one 000045');
      expectStored(await userOf(users, id), 'title', 'After the limit');
    }),

    errorCase('rate-limited-persistent', '000045 on every attempt → rateLimited after bounded retries; user unchanged', async (ctx) => {
      ctx.control().faults.push(fault.rateLimit('SetUser', Infinity));
      await boundedFailure(ctx, ['rateLimited'], 'update while rate limited');
    }),

    errorCase('transient-503-create', 'HTTP 503 on CreateUser → retried; exactly one user created', async (ctx) => {
      const users = ctx.users;
      const id = ctx.unique('e');
      const count = await users.count();
      ctx.control().faults.push(fault.http('CreateUser', 503));
      const adapter = await ctx.adapter();
      expectOk(await ctx.call('create', () => adapter.create(ctx.base(id))), 'create after one HTTP 503');
      await userOf(users, id);
      await expectUserCount(users, count + 1, 'after the create (one new user)');
    }),

    errorCase('transient-dropped-create', 'CreateUser committed but its answer lost (dropped connection) → success, one user, no second CreateUser', async (ctx) => {
      const users = ctx.users;
      const id = ctx.unique('e');
      const count = await users.count();
      ctx.control().faults.push(fault.dropAfter('CreateUser'));
      const adapter = await ctx.adapter();
      const o = await ctx.call('create', () => adapter.create(ctx.base(id)));
      const creates = requestsFor(ctx, 'CreateUser');
      await expectUserCount(users, count + 1, 'after the create (one new user, never two)');
      if (creates !== 1) fail('no second CreateUser once the first may have succeeded (check with GetUser first)', `${creates} CreateUser requests`);
      expectOk(o, 'create whose answer was lost (the user exists: nothing is lost)');
    }),

    errorCase('transient-503-after-create', 'HTTP 503 after CreateUser committed (outcome unknown) → success, one user, no blind second CreateUser', async (ctx) => {
      const users = ctx.users;
      const id = ctx.unique('e');
      const count = await users.count();
      ctx.control().faults.push(fault.httpAfter('CreateUser', 503));
      const adapter = await ctx.adapter();
      const o = await ctx.call('create', () => adapter.create(ctx.base(id)));
      await expectUserCount(users, count + 1, 'after the create (one new user, never two)');
      const creates = requestsFor(ctx, 'CreateUser');
      if (creates !== 1) fail('no second CreateUser before checking whether the first one landed (a 5xx does not say it did not)', `${creates} CreateUser requests`);
      expectOk(o, 'create whose answer was an HTTP 503 (the user exists: nothing is lost)');
    }),

    errorCase('rate-limited-retry-after', '000045 with Retry-After: 1 → the retry waits at least that long', async (ctx) => {
      const users = ctx.users;
      const id = ctx.unique('e');
      await users.create(ctx.base(id));
      ctx.control().faults.push(fault.rateLimit('SetUser', 1, 1));
      // This case wants the real wait: no fast retries.
      const adapter = await ctx.adapter({ fastRetries: false });
      expectOk(await ctx.call('update', () => adapter.update(id, { title: 'Waited' })), 'update after one 000045');
      const sets = ctx.exchanges().filter((e) => e.operation === 'SetUser');
      const waited = sets.length >= 2 ? sets[1].startedAt - sets[0].startedAt : 0;
      if (waited < 900) fail('the retry to wait for Retry-After (1 s)', `retried after ${waited} ms`);
    }),

    errorCase('transient-dropped-update', 'connection dropped before SetUser ran → retried, the update lands', async (ctx) => {
      const users = ctx.users;
      const id = ctx.unique('e');
      await users.create(ctx.base(id));
      ctx.control().faults.push(fault.dropBefore('SetUser'));
      const adapter = await ctx.adapter();
      expectOk(await ctx.call('update', () => adapter.update(id, { title: 'Survived a drop' })), 'update after a dropped connection');
      expectStored(await userOf(users, id), 'title', 'Survived a drop');
    }),

    errorCase('transient-dropped-rename', 'rename committed but its answer lost (dropped connection) → success: the retry must not report the old webExId missing', async (ctx) => {
      const users = ctx.users;
      const id = ctx.unique('e');
      const renamed = ctx.unique('renamed');
      await users.create(ctx.base(id));
      ctx.control().faults.push(fault.dropAfter('SetUser'));
      const adapter = await ctx.adapter();
      expectOk(await ctx.call('update', () => adapter.update(id, { webExId: renamed })), `rename to ${renamed} whose answer was lost`);
      await userOf(users, renamed);
      if (await users.find(id)) fail(`${id} renamed`, `${id} still exists`);
    }),

    errorCase('transient-backup', 'FAILURE with gsbStatus BACKUP on GetUser → treated as transient and retried', async (ctx) => {
      const users = ctx.users;
      const id = ctx.unique('e');
      await users.create({ ...ctx.base(id), title: 'Backed up' });
      ctx.control().faults.push(fault.backup('GetUser'));
      const adapter = await ctx.adapter();
      const profile = expectOk(await ctx.call('get', () => adapter.get(id)), 'get after one BACKUP answer');
      if (profile.title !== 'Backed up') fail('title "Backed up"', `title ${JSON.stringify(profile.title)}`);
    }),

    errorCase('backup-success', 'site served by backup servers (every answer gsbStatus BACKUP, result SUCCESS) → create, update and get succeed, one CreateUser', async (ctx) => {
      const id = ctx.unique('e');
      ctx.control().faults.push(fault.rewrite('*', 'answered by backup servers (gsbStatus BACKUP)', (body) => body.replace(/(<(?:serv:)?gsbStatus>)PRIMARY</, '$1BACKUP<')));
      const adapter = await ctx.adapter();
      expectOk(await ctx.call('create', () => adapter.create(ctx.base(id))), 'create answered SUCCESS by backup servers');
      expectOk(await ctx.call('update', () => adapter.update(id, { title: 'From backup' })), 'update answered SUCCESS by backup servers');
      const profile = expectOk(await ctx.call('get', () => adapter.get(id)), 'get answered SUCCESS by backup servers');
      if (profile.title !== 'From backup') fail('title "From backup"', `title ${JSON.stringify(profile.title)}`);
      expectSentOnce(ctx, 'CreateUser');
    }),

    errorCase('transient-backend', '000035 "ASService not responding" once → retried, the update lands', async (ctx) => {
      const users = ctx.users;
      const id = ctx.unique('e');
      await users.create(ctx.base(id));
      ctx.control().faults.push({
        operation: 'SetUser', stage: 'before', times: 1, label: '000035 ASService not responding',
        effect: { kind: 'failure', exceptionID: '000035', reason: 'ASService not responding' },
      });
      const adapter = await ctx.adapter();
      expectOk(await ctx.call('update', () => adapter.update(id, { title: 'Backend is back' })), 'update after one 000035');
      expectStored(await userOf(users, id), 'title', 'Backend is back');
    }),

    errorCase('transient-persistent', 'HTTP 503 on every attempt → transient after bounded retries; user unchanged', async (ctx) => {
      ctx.control().faults.push(fault.http('SetUser', 503, Infinity));
      await boundedFailure(ctx, ['transient'], 'update while the service answers 503');
    }),

    errorCase('unknown-attribute', 'an attribute name Webex does not have → invalidValue before anything is sent', async (ctx) => {
      const id = ctx.unique('e');
      const adapter = await ctx.adapter();
      const o = await ctx.call('create', () => adapter.create({ ...ctx.base(id), favouriteColour: 'blue' }));
      expectError(o, ['invalidValue'], 'create with attribute favouriteColour');
      if (requestsFor(ctx, 'CreateUser') > 0) fail('no CreateUser sent (Webex would silently drop the unknown element)', `${requestsFor(ctx, 'CreateUser')} CreateUser sent`);
      if (await ctx.users.find(id)) fail(`no user ${id} created`, 'the user exists');
    }),
  ];
}

async function boundedFailure(ctx: CaseContext, classes: ErrorClass[], what: string): Promise<void> {
  const users = ctx.users;
  const id = ctx.unique('e');
  await users.create(ctx.base(id));
  const before = snapshot(await userOf(users, id));
  const licences = await usage(ctx);
  const adapter = await ctx.adapter();
  const error = await ctx.call('update', () => adapter.update(id, { title: 'Never stored' }));
  expectError(error, classes, what);
  const attempts = requestsFor(ctx, 'SetUser');
  if (attempts > MAX_ATTEMPTS) fail(`at most ${MAX_ATTEMPTS} attempts`, `${attempts} SetUser requests`);
  await expectUnchanged(before, users, id);
  await expectUsageUnchanged(ctx, licences, what);
}
