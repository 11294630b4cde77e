/**
 * Sites as Webex runs them today, generated from the emulator's catalog: a Control Hub managed site (XML API
 * 41.11.0, help.webex.com/article/nvuo92z) — one case per field the catalog says Control Hub keeps (CONTROL_HUB_FIELDS
 * 'managed': refused, user unchanged) or ignores ('ignored': accepted, nothing stored), plus identity by email — and
 * a suspended site (API 42.6.0, help.webex.com/article/trlbvp) — one case per user write the catalog marks as user
 * management (CreateUser, SetUser: refused with 010107, nothing changed).
 *
 * What they catch: a connector that addresses Control Hub users by a webExId other than their email (it loses the
 * user it created: broken connector test/broken-connectors may model it), that reports a refused write as done, that
 * retries 010107, or that treats a refused managed field as success.
 */
import type { Profile } from '../adapter';
import { CONTROL_HUB_FIELDS, OPERATIONS, leafByPath } from '../../mock-server/catalog';
import { expectError, expectOk, expectSentOnce, expectStored, expectUnchanged, expectUserCount, requestsFor, snapshot, userOf } from './expect';
import { fail, type CaseContext, type CaseDef } from './types';

const CH = { controlHubManaged: true } as const;

function siteCase(id: string, title: string, run: (ctx: CaseContext) => Promise<void>, site: CaseDef['site']): CaseDef {
  return { id, group: 'errors', title, required: true, site, run };
}

/** A Control Hub user as the site holds it since 41.11: webExId = email. */
async function controlHubUser(ctx: CaseContext): Promise<string> {
  const id = `${ctx.unique('ch')}@${ctx.emailDomain}`;
  await ctx.users.create({ ...ctx.base(id), email: id, phonesPhone: '1,408,5550100', phonesMobilePhone: '1,408,5550101' });
  return id;
}

const changedValue = (path: string): string => (path.startsWith('phones/') ? '1,650,5550199' : path === 'password' ? 'Chang3d!pass' : 'Changed');

function controlHubFieldCases(): CaseDef[] {
  return Object.entries(CONTROL_HUB_FIELDS).map(([path, rule]) => {
    const attribute = leafByPath.get(path)!.def.attribute!;
    if (rule === 'managed') {
      return siteCase(`control-hub-managed-${attribute}`, `Control Hub managed site: updating ${attribute} → siteUnsupported; user unchanged`, async (ctx) => {
        const id = await controlHubUser(ctx);
        const before = snapshot(await userOf(ctx.users, id));
        const adapter = await ctx.adapter({ controlHubManaged: true });
        expectError(await ctx.call('update', () => adapter.update(id, { [attribute]: changedValue(path) })), ['siteUnsupported'], `update of ${attribute} on a Control Hub managed site (030077)`);
        await expectUnchanged(before, ctx.users, id);
        if (requestsFor(ctx, 'SetUser') > 1) expectSentOnce(ctx, 'SetUser');
      }, CH);
    }
    return siteCase(`control-hub-ignored-${attribute}`, `Control Hub managed site: ${attribute} is ignored (41.11.0) — the update does not fail, nothing is stored`, async (ctx) => {
      const id = await controlHubUser(ctx);
      const adapter = await ctx.adapter({ controlHubManaged: true });
      expectOk(await ctx.call('update', () => adapter.update(id, { [attribute]: changedValue(path), title: 'Still updated' })), `update with ${attribute} on a Control Hub managed site`);
      const rec = await userOf(ctx.users, id);
      expectStored(rec, 'title', 'Still updated');
      if (path === 'password' && await ctx.users.passwordIs(id, changedValue(path))) fail('the password ignored', 'the password was stored');
    }, CH);
  });
}

function controlHubIdentityCases(): CaseDef[] {
  return [
    siteCase('control-hub-create-email-identity', 'Control Hub managed site: a created user is known by its email (webExId = email, 41.11.0)', async (ctx) => {
      const email = `${ctx.unique('ch')}@${ctx.emailDomain}`;
      const profile: Profile = { ...ctx.base(ctx.unique('chid')), email };
      const adapter = await ctx.adapter({ controlHubManaged: true });
      const o = expectOk(await ctx.call('create', () => adapter.create(profile)), 'create on a Control Hub managed site');
      if (o.webExId.toLowerCase() !== email.toLowerCase()) fail(`the connector to report the webExId Webex stored (${email})`, `it reported ${o.webExId}`);
      const rec = await userOf(ctx.users, email);
      expectStored(rec, 'webExId', email);
      expectStored(rec, 'active', 'DEACTIVATED'); // not verified yet
      const read = expectOk(await ctx.call('get', () => adapter.get(email)), 'read the created user by its email');
      if (read.email !== email) fail(`email ${email}`, `email ${String(read.email)}`);
    }, CH),
    siteCase('control-hub-email-change', 'Control Hub managed site: changing the email changes the identity the user is known by', async (ctx) => {
      const id = await controlHubUser(ctx);
      const next = `${ctx.unique('moved')}@${ctx.emailDomain}`;
      const adapter = await ctx.adapter({ controlHubManaged: true });
      const o = expectOk(await ctx.call('update', () => adapter.update(id, { email: next })), 'update of the email on a Control Hub managed site');
      if (o.webExId.toLowerCase() !== next) fail(`the connector to report the new identity ${next}`, `it reported ${o.webExId}`);
      expectStored(await userOf(ctx.users, next), 'email', next);
      if (await ctx.users.find(id)) fail(`no user left under ${id}`, 'the old identity still exists');
    }, CH),
  ];
}

/** The user-management writes of the catalog that a suspended site refuses to admins (42.6.0 names CreateUser and SetUser). */
const SUSPENDED_WRITES = OPERATIONS.filter((o) => o.userManagement && o.writes && (o.name === 'CreateUser' || o.name === 'SetUser'));

function suspendedCases(): CaseDef[] {
  return SUSPENDED_WRITES.map((op) => siteCase(`suspended-site-${op.name}`, `Suspended site: ${op.name} by the admin → siteUnsupported (010107), nothing changed, not retried`, async (ctx) => {
    const adapter = await ctx.adapter();
    if (op.name === 'CreateUser') {
      const count = await ctx.users.count();
      const id = ctx.unique('s');
      expectError(await ctx.call('create', () => adapter.create(ctx.base(id))), ['siteUnsupported'], 'create on a suspended site (010107)');
      if (await ctx.users.find(id)) fail(`no user ${id} created`, 'the user exists');
      await expectUserCount(ctx.users, count, 'unchanged');
    } else {
      const id = ctx.unique('s');
      await ctx.control().configure({ suspended: false });
      await ctx.users.create(ctx.base(id));
      await ctx.control().configure({ suspended: true });
      const before = snapshot(await userOf(ctx.users, id));
      expectError(await ctx.call('update', () => adapter.update(id, { title: 'x' })), ['siteUnsupported'], 'update on a suspended site (010107)');
      await expectUnchanged(before, ctx.users, id);
    }
    if (requestsFor(ctx, op.name) > 1) expectSentOnce(ctx, op.name);
  }, { suspended: true }));
}

export function siteKindCases(): CaseDef[] {
  return [...controlHubIdentityCases(), ...controlHubFieldCases(), ...suspendedCases()];
}
