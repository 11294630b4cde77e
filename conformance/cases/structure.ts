/**
 * Structure (issue 13 §2): list-valued attributes with several entries (session types with their services, the
 * three telephony accounts), renames (found under the new webExId, the old one gone, nothing else changed), and a
 * follow-up request that fails after its CreateUser succeeded. After each write the WHOLE stored user and the
 * site's licence counters are compared with what should have changed. Each case names the broken connector
 * (test/broken-connectors/) or mutant it was written against.
 */
import { readPath } from '../emulator/core';
import { DEFAULT_SESSION_TYPE, SECOND_SESSION_TYPE } from '../emulator/in-process';
import { fault } from '../emulator/faults';
import { canonical, expectError, expectOk, expectOnly, expectStored, expectUsage, requestsFor, snapshot, storedAt, usage, userOf } from './expect';
import { freeTextProfile, richSubject } from './generated';
import { forAll } from './property';
import { fail, type CaseContext, type CaseDef } from './types';

const HELD = [String(DEFAULT_SESSION_TYPE), String(SECOND_SESSION_TYPE)];
/** 214 is a Meeting Center type, 216 an Event Center one: a SetUser list only takes effect for centers flagged true in it (Okta guide). */
const SERVICES = { supportedServicesMeetingCenter: true, supportedServicesEventCenter: true };

/** Session types as the connector read them: a list of ids, or the ids joined by commas. */
function sessionTypesRead(value: unknown): string {
  const ids = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  return ids.map((s) => s.trim()).filter(Boolean).sort().join(',');
}

// Kills: test/broken-connectors/list-as-one-element (writes a list as one element, "214,216"), and mutants of the
// integerList mapping in connector/mapping/profile.ts (parsing, one element per id) and of the list read in GetUser.
const sessionTypes: CaseDef = {
  id: 'session-types.with-services', group: 'attributes', required: true,
  title: `several session types with their services (meetingTypes [${DEFAULT_SESSION_TYPE}, ${SECOND_SESSION_TYPE}]: Meeting Center and Event Center, both supportedServices flags): stored, read back, licences counted per type; then narrowed to one`,
  async run(ctx) {
    const id = ctx.unique('st');
    await ctx.users.create(ctx.base(id));
    const adapter = await ctx.adapter();
    let before = snapshot(await userOf(ctx.users, id));
    let licences = await usage(ctx);
    expectOk(await ctx.call('update', () => adapter.update(id, { meetingTypes: [DEFAULT_SESSION_TYPE, SECOND_SESSION_TYPE], ...SERVICES })),
      'update with two session types');
    let after = await userOf(ctx.users, id);
    expectStored(after, 'meetingTypes/meetingType', [DEFAULT_SESSION_TYPE, SECOND_SESSION_TYPE], undefined, 'meetingTypes');
    expectOnly(before, after, new Set(['meetingTypes/meetingType', 'supportedServices/eventCenter']), 'update of meetingTypes');
    await expectUsage(ctx, licences, 1, [String(SECOND_SESSION_TYPE)], 'adding session type 216', 0);
    const read = expectOk(await ctx.call('get', () => adapter.get(id)), 'get');
    if (sessionTypesRead(read.meetingTypes) !== HELD.join(',')) fail(`get to return meetingTypes ${HELD.join(',')}`, `meetingTypes ${JSON.stringify(read.meetingTypes)}`);
    before = snapshot(after);
    licences = await usage(ctx);
    expectOk(await ctx.call('update', () => adapter.update(id, { meetingTypes: [SECOND_SESSION_TYPE], ...SERVICES })), 'update to one session type');
    after = await userOf(ctx.users, id);
    expectStored(after, 'meetingTypes/meetingType', [SECOND_SESSION_TYPE], undefined, 'meetingTypes');
    expectOnly(before, after, new Set(['meetingTypes/meetingType', 'sessionOptions/defaultSessionType']), 'narrowing meetingTypes');
    await expectUsage(ctx, licences, -1, [String(DEFAULT_SESSION_TYPE)], 'removing session type 214', 0);
  },
};

const TSP_ACCOUNTS = [1, 2, 3] as const;

// Kills: test/broken-connectors/tsp-first-account (writes every telephony account as account 1) and mutants of the
// accountIndex handling in connector/mapping/profile.ts.
const tspAccounts: CaseDef = {
  id: 'tsp-accounts.several', group: 'attributes', required: true,
  title: 'the three telephony accounts written one after the other (tspAccountAccountIndex 1, 2, 3): each stored in its own account, none overwriting another',
  async run(ctx) {
    await ctx.requireFeature('tspTelephony', 'tspAccount*');
    const id = ctx.unique('tsp');
    await ctx.users.create(ctx.base(id));
    const adapter = await ctx.adapter();
    for (const index of TSP_ACCOUNTS) {
      expectOk(await ctx.call('update', () => adapter.update(id, { tspAccountAccountIndex: index, tspAccountCustom1: `Account ${index} & <${index}>`, tspAccountTollCallInNumber: `1,408,555010${index}` })),
        `update of telephony account ${index}`);
    }
    const rec = await userOf(ctx.users, id);
    const accounts = (storedAt(rec, 'tspAccount/tspAccount') ?? []) as Record<string, unknown>[];
    const got = TSP_ACCOUNTS.map((i) => accounts.filter((a) => Number(a.accountIndex) === i));
    const wrong = TSP_ACCOUNTS.filter((i, n) => got[n].length !== 1 || got[n][0].custom1 !== `Account ${i} & <${i}>` || got[n][0].tollCallInNumber !== `1,408,555010${i}`);
    if (wrong.length > 0 || accounts.length !== TSP_ACCOUNTS.length) {
      fail('accounts 1, 2 and 3 each holding the values written for it', `stored tspAccount list: ${canonical(accounts)}`);
    }
  },
};

// Kills: test/broken-connectors/rename-rewrites-email (derives the email from the new webExId), and a rename that
// creates a new user or re-sends the profile; the old webExId must be gone, licences must not move.
const rename: CaseDef = {
  id: 'whole-user.rename', group: 'lifecycle', required: true, seeded: true,
  title: 'a rename (newWebExId) of a user with values everywhere: found under the new webExId, the old one gone, nothing else changed, licence counters unchanged',
  async run(ctx) {
    await forAll(ctx, freeTextProfile(), 2, async (profile) => {
      const id = await richSubject(ctx, profile);
      const renamed = ctx.unique('renamed');
      const before = snapshot(await userOf(ctx.users, id));
      const licences = await usage(ctx);
      const adapter = await ctx.adapter();
      const o = expectOk(await ctx.call('update', () => adapter.update(id, { webExId: renamed })), `rename ${id} to ${renamed}`);
      if (o.webExId !== renamed) fail(`the rename to report webExId ${renamed}`, `webExId ${o.webExId}`);
      const after = await userOf(ctx.users, renamed, `the user under its new webExId ${renamed}`);
      if (await ctx.users.find(id)) fail(`no user left under the old webExId ${id}`, 'it still exists');
      if (after.userId !== before.userId) fail(`the same user (userId ${before.userId}) under the new webExId`, `userId ${after.userId}`);
      expectOnly(before, after, new Set(['webExId']), 'rename');
      await expectUsage(ctx, licences, 0, HELD, 'rename');
    });
  },
};

// Kills: test/broken-connectors/rename-drops-changes (a rename sent alone, the other attributes of the same
// update dropped).
const renameWithChanges: CaseDef = {
  id: 'rename-with-changes', group: 'lifecycle', required: true,
  title: 'a rename together with other attributes in one update: all of them land, under the new webExId',
  async run(ctx) {
    const id = ctx.unique('rn');
    await ctx.users.create(ctx.base(id));
    const renamed = ctx.unique('renamed');
    const before = snapshot(await userOf(ctx.users, id));
    const adapter = await ctx.adapter();
    expectOk(await ctx.call('update', () => adapter.update(id, { webExId: renamed, title: 'Renamed & <moved>', privilegeHost: false })), `rename ${id} to ${renamed} with title and privilegeHost`);
    const after = await userOf(ctx.users, renamed);
    if (await ctx.users.find(id)) fail(`no user left under the old webExId ${id}`, 'it still exists');
    expectStored(after, 'title', 'Renamed & <moved>');
    expectStored(after, 'privilege/host', false);
    expectOnly(before, after, new Set(['webExId', 'title', 'privilege/host']), 'rename with changes');
  },
};

// Kills: test/broken-connectors/ignores-follow-up-failure (reports a create as done when the SetUser that follows
// it fails), and a mutant that drops the rethrow in connector/operations/push-new-user.ts.
const followUpFails: CaseDef = {
  id: 'follow-up-fails-after-create', group: 'errors', required: true,
  title: 'create whose follow-up SetUser fails (the personalUrl is taken: CreateUser succeeded, SetUser refused) → the error is reported, not success; the taken URL stays with its owner',
  async run(ctx) {
    const owner = ctx.unique('o');
    await ctx.users.create(ctx.base(owner));
    await ctx.users.update(owner, { personalUrl: 'taken.room' });
    const id = ctx.unique('f');
    const adapter = await ctx.adapter();
    const o = await ctx.call('create', () => adapter.create({ ...ctx.base(id), personalUrl: 'taken.room' }));
    expectError(o, ['invalidPersonalUrl', 'duplicate'], 'create with a personalUrl another user has (the follow-up SetUser is refused)');
    expectStored(await userOf(ctx.users, owner), 'personalUrl', 'taken.room');
    const created = await ctx.users.find(id);
    if (created && readPath(created, 'personalUrl') === 'taken.room') fail('the taken personalUrl never stored on the new user', 'it was');
  },
};

// Kills: `if (advanced === 0) break` → never in connector/operations/import-users.ts (asks for the same empty page
// forever). Optional: a consistent site never answers a page past its first with no user while its total says more.
const importShortPage: CaseDef = {
  id: 'import-short-page', group: 'lifecycle', required: false, needsControl: 'rewrites LstsummaryUser answers',
  title: 'the list shrinks while paging (a later LstsummaryUser page comes back empty, its total unchanged): import ends, each user listed once, none invented',
  site: { seedUsers: 520 },
  async run(ctx) {
    let pages = 0;
    ctx.control().faults.push(fault.rewrite('LstsummaryUser', 'every page after the first comes back empty (returned 0)', (body) => (++pages === 1 ? body
      : body.replace(/<use:user>[\s\S]*<\/use:user>/, '').replace(/<serv:returned>\d+<\/serv:returned>/, '<serv:returned>0</serv:returned>'))));
    const adapter = await ctx.adapter();
    const o = await ctx.call('import', () => adapter.import());
    if (!o.ok) return; // a classified error is an honest answer too
    const ids = o.result.map((u) => u.webExId.toLowerCase());
    if (new Set(ids).size !== ids.length) fail('each user listed once', `${ids.length - new Set(ids).size} listed twice`);
    const onSite = new Set((await ctx.users.list()).map((w) => w.toLowerCase()));
    const invented = ids.filter((w) => !onSite.has(w));
    if (invented.length > 0) fail('only users of the site', `not on the site: ${invented.slice(0, 3).join(', ')}`);
    if (requestsFor(ctx, 'LstsummaryUser') > 10) fail('the import to stop at the empty page', `${requestsFor(ctx, 'LstsummaryUser')} LstsummaryUser requests`);
  },
};

export function structureCases(): CaseDef[] {
  return [sessionTypes, tspAccounts, rename, renameWithChanges, followUpFails, importShortPage];
}
