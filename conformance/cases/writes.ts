/**
 * Write paths and import paging (issue 13 §1, helper `writes`): a create the connector must refuse or carry out
 * honestly when its profile has no webExId, a Control Hub create without an email, a create whose outcome is
 * unknown and whose GetUser check fails too, and LstsummaryUser answers at the edges a real site produces (000015
 * past the end of a list that shrank) or that a lenient reading should survive (`returned` 0).
 * Each case names the mutants (file:line, mutator) or broken connector it kills.
 */
import { fault } from '../emulator/faults';
import { failureEnvelope } from '../../mock-server/wire/build-response';
import { expectAttribute, expectError, expectOk, expectStored, expectUnchanged, expectUserCount, requestsFor, snapshot, usage, userOf, expectUsageUnchanged } from './expect';
import { fail, type CaseContext, type CaseDef } from './types';
import { attributeSpecs, SUBJECT_PATHS, type AttributeSpec } from './values';

/** Webex's answer to a LstsummaryUser whose startFrom is past the last user (catalog exception noRecordFound). */
const NO_RECORD_FOUND = failureEnvelope('000015', 'Sorry, no record found');

/**
 * A create without a usable webExId is refused as invalidValue with nothing created, or — Webex's documentation
 * calls CreateUser's webExId optional, and the site then stores the email as the webExId — carried out with the
 * webExId the site actually stored reported back. Never a success naming a webExId no user has.
 */
function createWithoutWebExId(variant: 'missing' | 'empty'): CaseDef {
  return {
    id: `create-webexid-${variant}`, group: 'errors', required: true,
    title: `create with the webExId ${variant === 'missing' ? 'missing' : 'an empty string'} → invalidValue and nothing created, or the user created and the webExId the site stored reported`,
    // Kills connector/operations/push-new-user.ts:20 BlockStatement, :21 ConditionalExpression false (each
    // operand and the whole), LogicalOperator &&, StringLiteral "Stryker was here!" (the required check skipped:
    // CreateUser sent, success reported as webExId "undefined" / "").
    async run(ctx) {
      const email = `${ctx.unique('noid')}@${ctx.emailDomain}`;
      const count = ctx.controlled ? await ctx.users.count() : undefined;
      const licences = await usage(ctx);
      const adapter = await ctx.adapter();
      const profile = { ...(variant === 'empty' ? { webExId: '' } : {}), email, firstName: 'No', lastName: 'Identity' };
      const o = await ctx.call('create', () => adapter.create(profile));
      if (!o.ok) {
        const error = expectError(o, ['invalidValue'], `create with the webExId ${variant}`);
        expectAttribute(error, 'webExId');
        if (count !== undefined) await expectUserCount(ctx.users, count, 'unchanged (the create was refused)');
        await expectUsageUnchanged(ctx, licences, 'the refused create');
        return;
      }
      const stored = await ctx.users.find(o.result.webExId);
      if (!stored) fail('the create to report the webExId the site stored (or to refuse the profile)', `webExId ${JSON.stringify(o.result.webExId)}, which no user of the site has`);
    },
  };
}

// Kills connector/operations/push-new-user.ts:69 ConditionalExpression true and StringLiteral (the webExId
// replaced by an empty email: the refusal names webExId instead of the missing email).
const controlHubCreateWithoutEmail: CaseDef = {
  id: 'control-hub-create-without-email', group: 'errors', required: true,
  title: 'Control Hub managed site: create without an email → invalidValue about the email (not the webExId); nothing created',
  site: { controlHubManaged: true },
  async run(ctx) {
    const id = `${ctx.unique('ch')}@${ctx.emailDomain}`;
    const count = ctx.controlled ? await ctx.users.count() : undefined;
    const adapter = await ctx.adapter({ controlHubManaged: true });
    const o = await ctx.call('create', () => adapter.create({ webExId: id, firstName: 'No', lastName: 'Email' }));
    const error = expectError(o, ['invalidValue'], 'create without an email on a Control Hub managed site');
    expectAttribute(error, 'email');
    if (count !== undefined) await expectUserCount(ctx.users, count, 'unchanged (the create was refused)');
  },
};

// Kills connector/operations/write-support.ts:67 BlockStatement and :68 ConditionalExpression true (findUser
// swallows a failed GetUser as "not there": CreateUser is sent again and its 030004 reported as a duplicate,
// though the user is the connector's own).
const createLookupFails: CaseDef = {
  id: 'create-unknown-outcome-lookup-fails', group: 'errors', required: true, needsControl: 'injects faults',
  title: 'CreateUser committed but its answer lost, and the GetUser that checks for it fails too (HTTP 503 throughout) → success or transient, never duplicate; one user, no second CreateUser',
  async run(ctx) {
    const id = ctx.unique('lk');
    const count = await ctx.users.count();
    ctx.control().faults.push(fault.dropAfter('CreateUser'), fault.http('GetUser', 503, Infinity));
    const adapter = await ctx.adapter();
    const o = await ctx.call('create', () => adapter.create(ctx.base(id)));
    if (!o.ok) expectError(o, ['transient'], 'create whose outcome could not be checked (the user may exist: not a duplicate)');
    await expectUserCount(ctx.users, count + 1, 'after the create (the first CreateUser landed; never two)');
    const creates = requestsFor(ctx, 'CreateUser');
    if (creates !== 1) fail('no second CreateUser while the first one\'s outcome is unknown', `${creates} CreateUser requests`);
  },
};

/** An import's users: each once, each a user of the site. */
async function expectHonestImport(ctx: CaseContext, ids: string[], atLeast: number): Promise<void> {
  const lower = ids.map((w) => w.toLowerCase());
  const unique = new Set(lower);
  if (unique.size !== lower.length) fail('each user listed once', `${lower.length - unique.size} listed twice`);
  const onSite = new Set((await ctx.users.list()).map((w) => w.toLowerCase()));
  const invented = [...unique].filter((w) => !onSite.has(w));
  if (invented.length > 0) fail('only users of the site', `not on the site: ${invented.slice(0, 3).join(', ')}`);
  if (unique.size < atLeast) fail(`at least the ${atLeast} users the site listed`, `${unique.size} users`);
}

/** Users every case site has before seeding (the suite's admin and host). */
const BASE_USERS = 2;
const SITE_SIZE = 250;

// Kills connector/operations/import-users.ts:100 ConditionalExpression false and StringLiteral "" (000015 on a later
// page thrown as an error: the import fails although every user Webex still has was listed).
const importEndsOnNoRecord: CaseDef = {
  id: 'import-no-record-past-the-end', group: 'lifecycle', required: true, needsControl: 'rewrites LstsummaryUser answers',
  title: `the list shrinks below the next page while paging (the second LstsummaryUser is answered 000015 "no record found") → the import ends with the users listed so far, each once`,
  site: { seedUsers: SITE_SIZE - BASE_USERS },
  async run(ctx) {
    let pages = 0;
    let firstPage = 0;
    ctx.control().faults.push(fault.rewrite('LstsummaryUser', 'pages after the first answered 000015 (the list ended)', (body) => {
      if (++pages > 1) return NO_RECORD_FOUND;
      firstPage = (body.match(/<use:user>/g) ?? []).length;
      return body;
    }));
    const adapter = await ctx.adapter();
    const imported = expectOk(await ctx.call('import', () => adapter.import()), 'import whose later page is 000015');
    await expectHonestImport(ctx, imported.map((u) => u.webExId), firstPage);
  },
};

/** Every LstsummaryUser answer rewritten; the import must still list every user exactly once. */
function importRewritten(id: string, title: string, rewrite: (body: string) => string, kills: string): CaseDef {
  return {
    id, group: 'lifecycle', required: false, needsControl: 'rewrites LstsummaryUser answers', title: `${title} (${kills})`,
    site: { seedUsers: SITE_SIZE - BASE_USERS },
    async run(ctx) {
      ctx.control().faults.push(fault.rewrite('LstsummaryUser', title, rewrite));
      const before = await ctx.users.list();
      const adapter = await ctx.adapter();
      const imported = expectOk(await ctx.call('import', () => adapter.import()), 'import');
      await expectHonestImport(ctx, imported.map((u) => u.webExId), before.length);
      if (requestsFor(ctx, 'LstsummaryUser') > SITE_SIZE) fail('the import to end', `${requestsFor(ctx, 'LstsummaryUser')} LstsummaryUser requests`);
    },
  };
}

// Optional: a consistent site's returned is the number of users in the answer.
const importReturnedZero = importRewritten('import-returned-zero',
  'LstsummaryUser answers whose matchingRecords/returned says 0 although they list users: every user listed once',
  (body) => body.replace(/<serv:returned>\d+<\/serv:returned>/, '<serv:returned>0</serv:returned>'),
  'kills connector/operations/import-users.ts:109 EqualityOperator returned >= 0 and LogicalOperator ||: startFrom not advanced, the import stops after one page');

// Kills connector/operations/push-new-user.ts:47 ConditionalExpression true and EqualityOperator >= 0 (a SetUser
// sent after every create, with nothing to set: a second user write counted against Webex's per-minute limit).
const createSendsOneRequest: CaseDef = {
  id: 'create-sends-one-request', group: 'lifecycle', required: true,
  title: 'a create with nothing Webex ignores on CreateUser (no personalUrl) is one CreateUser and no other write',
  async run(ctx) {
    const id = ctx.unique('one');
    const adapter = await ctx.adapter();
    expectOk(await ctx.call('create', () => adapter.create({ ...ctx.base(id), title: 'Single request' })), 'create');
    const writes = ctx.exchanges().filter((e) => e.operation !== 'GetUser' && e.operation !== 'AuthenticateUser' && e.operation !== 'GetSite').map((e) => e.operation ?? '?');
    if (writes.join(',') !== 'CreateUser') fail('exactly one CreateUser', `requests sent: ${writes.join(', ')}`);
  },
};

// Kills connector/operations/update-user.ts:38 ConditionalExpression false (the identity taken from an email the
// update did not carry: reported as "undefined").
const controlHubUpdateIdentity: CaseDef = {
  id: 'control-hub-update-reports-identity', group: 'errors', required: true,
  title: 'Control Hub managed site: an update that does not change the email reports the identity the user keeps (its email)',
  site: { controlHubManaged: true },
  async run(ctx) {
    const id = `${ctx.unique('ch')}@${ctx.emailDomain}`;
    await ctx.users.create({ ...ctx.base(id), email: id });
    const adapter = await ctx.adapter({ controlHubManaged: true });
    const o = expectOk(await ctx.call('update', () => adapter.update(id, { title: 'Kept identity' })), 'update of title on a Control Hub managed site');
    if (o.webExId.toLowerCase() !== id.toLowerCase()) fail(`the update to report the user's identity ${id}`, `it reported ${JSON.stringify(o.webExId)}`);
    const rec = await ctx.users.find(id);
    if (!rec) fail(`user ${id} still there`, 'it is gone');
  },
};

// Kills connector/operations/update-user.ts:44 ConditionalExpression false and EqualityOperator === (an update
// carrying only a password refused as "nothing to update", though Control Hub ignores passwords and the update of
// the same password with another attribute succeeds: control-hub-ignored-password).
const controlHubPasswordOnly: CaseDef = {
  id: 'control-hub-password-only-update', group: 'errors', required: true,
  title: 'Control Hub managed site: an update carrying only a password (ignored there, 41.11.0) does not fail; nothing is stored',
  site: { controlHubManaged: true },
  async run(ctx) {
    const id = `${ctx.unique('ch')}@${ctx.emailDomain}`;
    await ctx.users.create({ ...ctx.base(id), email: id, password: 'Start!Passw0rd' });
    const before = snapshot(await userOf(ctx.users, id));
    const adapter = await ctx.adapter({ controlHubManaged: true });
    const o = expectOk(await ctx.call('update', () => adapter.update(id, { password: 'Ign0red!Passw0rd' })), 'update of only the password on a Control Hub managed site');
    if (o.webExId.toLowerCase() !== id.toLowerCase()) fail(`the update to report the user's identity ${id}`, `it reported ${JSON.stringify(o.webExId)}`);
    await expectUnchanged(before, ctx.users, id);
  },
};

// Kills connector/operations/update-user.ts:40 ConditionalExpression false / EqualityOperator / BlockStatement
// (a webExId change on a Control Hub site dropped instead of refused), MethodExpression toUpperCase (the user's own
// identity in other letter case refused), :41 StringLiteral (the error's attribute).
const controlHubRenameByAdapter: CaseDef = {
  id: 'control-hub-webexid-in-update', group: 'errors', required: true,
  title: 'Control Hub managed site, the connector told so: an update naming another webExId → siteUnsupported about the webExId, user unchanged; naming its own identity in other letter case → the update lands',
  site: { controlHubManaged: true },
  async run(ctx) {
    const id = `${ctx.unique('ch')}@${ctx.emailDomain}`;
    await ctx.users.create({ ...ctx.base(id), email: id });
    const before = snapshot(await userOf(ctx.users, id));
    const adapter = await ctx.adapter({ controlHubManaged: true });
    const refused = await ctx.call('update', () => adapter.update(id, { webExId: `${ctx.unique('other')}@${ctx.emailDomain}` }));
    const error = expectError(refused, ['siteUnsupported'], 'a webExId change on a Control Hub managed site (the identity is the email)');
    expectAttribute(error, 'webExId');
    await expectUnchanged(before, ctx.users, id);
    expectOk(await ctx.call('update', () => adapter.update(id, { webExId: id.toUpperCase(), title: 'Same identity' })), 'update naming the user\'s own identity in upper case');
    const rec = await userOf(ctx.users, id);
    expectStored(rec, 'title', 'Same identity');
  },
};

/** The element an attribute's path ends in. */
const elementOf = (spec: AttributeSpec) => spec.path.split('/').pop()!;

/**
 * Webex names the element it refused ("attribute isEnableCET needs to be ..."); where two attributes end in that
 * element (privilege/isEnableCET, options/isEnableCET) the bare name does not say which one the admin must fix,
 * and the connector knows: only one of them was in what it sent.
 */
function ambiguousElementCase(spec: AttributeSpec, sharing: string[]): CaseDef {
  return {
    id: `${spec.name}.feature-off-named`, group: 'features', required: true,
    title: `${spec.name} refused while ${spec.feature} is off, sent with another attribute: the error names ${spec.name} (or its path), not the element ${elementOf(spec)} that ${sharing.join(' and ')} share`,
    site: { featuresOff: [spec.feature!] },
    // Kills connector/operations/write-support.ts:40 StringLiteral, :41 MethodExpression / ArrowFunction /
    // ConditionalExpression true and false / EqualityOperator !== (the refused element not resolved through the
    // profile sent, or resolved to the other attribute), :42 EqualityOperator === 1.
    async run(ctx) {
      const id = ctx.unique('amb');
      await ctx.users.create(ctx.base(id), SUBJECT_PATHS);
      const before = snapshot(await userOf(ctx.users, id));
      const adapter = await ctx.adapter();
      const o = await ctx.call('update', () => adapter.update(id, { title: 'Sent alongside', ...spec.companions, [spec.name]: spec.value }));
      const error = expectError(o, ['featureNotEnabled'], `update of ${spec.name} (and title) with ${spec.feature} off`);
      if (error.attribute !== undefined && error.attribute !== spec.name && error.attribute !== spec.path) {
        fail(`the error to name ${spec.name} (or ${spec.path}, or nothing)`, `attribute=${error.attribute}`);
      }
      await expectUnchanged(before, ctx.users, id);
    },
  };
}

function ambiguousElementCases(): CaseDef[] {
  const specs = attributeSpecs();
  return specs.filter((s) => s.feature !== undefined && s.update && typeof s.value === 'boolean').flatMap((s) => {
    const sharing = specs.filter((o) => elementOf(o) === elementOf(s)).map((o) => o.name);
    return sharing.length > 1 ? [ambiguousElementCase(s, sharing)] : [];
  });
}

export function writeCases(): CaseDef[] {
  return [createWithoutWebExId('missing'), createWithoutWebExId('empty'), controlHubCreateWithoutEmail, createLookupFails, importEndsOnNoRecord, importReturnedZero, createSendsOneRequest, controlHubUpdateIdentity, controlHubPasswordOnly, controlHubRenameByAdapter, ...ambiguousElementCases()];
}
