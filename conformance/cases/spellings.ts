/**
 * Answers as a real Webex site may spell them, where the emulator's own spelling is one of several (issue 13):
 * most exception IDs are assigned by the emulator (mock-server/catalog/exceptions.ts, confidence 'assigned'),
 * the reasons are the documented texts; the expired-token answer has no public capture at all. A connector
 * must read the error from what the answer says, not from one number, and tell the IdP the flat attribute
 * the answer names. Each case names the mutants it was written against.
 */
import { EXCEPTIONS } from '../../mock-server/catalog';
import type { ErrorClass, Profile } from '../adapter';
import type { Fault } from '../emulator/faults';
import { expectError, expectFlatName, expectOk, expectStored, expectUnchanged, requestsFor, snapshot, userOf } from './expect';
import { authorize } from './oauth';
import { fail, type CaseContext, type CaseDef } from './types';
import { SUBJECT_PATHS } from './values';

/** Webex's generic exception ID (SPEC.md: 999999 "Unknown/internal error"): only the reason says what happened. */
const GENERIC_ID = '999999';

const before = (operation: string, exceptionID: string, reason: string, label: string): Fault => ({
  operation, stage: 'before', times: 1, label, effect: { kind: 'failure', exceptionID, reason },
});

/** An update the site refuses; the error must have `errorClass` and name `attribute`; the user is unchanged and the update sent once. */
async function refusedUpdate(ctx: CaseContext, id: string, changes: Profile, errorClass: ErrorClass, attribute: string, what: string): Promise<void> {
  const stored = snapshot(await userOf(ctx.users, id));
  const adapter = await ctx.adapter();
  const error = expectError(await ctx.call('update', () => adapter.update(id, changes)), [errorClass], what);
  expectFlatName(error, attribute);
  await expectUnchanged(stored, ctx.users, id);
  if (requestsFor(ctx, 'SetUser') !== 1) fail('exactly one SetUser (the error is not transient)', `${requestsFor(ctx, 'SetUser')} sent`);
}

// Kills: connector/mapping/attributes.ts L334 (attributeForField by leaf → undefined) and connector/connector.ts L83
// (resolveAttribute → undefined): Webex names the element it refused, and here it is one the push did not contain
// (turning HQ video off while HD video is on: "Can't set field HDvideo: HD video needs HQvideo", SPEC.md §3:
// HDvideo "only when HQvideo enabled"). The IdP maps privilegeHDvideo, not the XML element HDvideo.
const dependentField: CaseDef = {
  id: 'dependent-field-named', group: 'errors', required: true,
  title: 'HQ video turned off while the user has HD video → Webex refuses the field HDvideo, not in the push: invalidValue naming privilegeHDvideo (the flat attribute); user unchanged',
  async run(ctx) {
    const id = ctx.unique('sp');
    await ctx.users.create({ ...ctx.base(id), privilegeHQvideo: true, privilegeHDvideo: true }, SUBJECT_PATHS);
    await refusedUpdate(ctx, id, { privilegeHQvideo: false }, 'invalidValue', 'privilegeHDvideo', 'update of privilegeHQvideo to false while privilegeHDvideo is true');
  },
};

/**
 * The expired-token answer: no public capture (exceptions.ts accessTokenExpired: "ID and text assigned"). The
 * emulator's 030081 with another wording, and the wording under the generic ID: each must make the connector
 * refresh its access token and send again, so the push lands.
 */
const EXPIRED_SPELLINGS: { id: string; exceptionID: string; reason: string; kills: string }[] = [
  { id: 'id-only', exceptionID: EXCEPTIONS.accessTokenExpired.id, reason: 'The access token is no longer valid', kills: 'L132 `error.exceptionId === \'030081\'` → false, \'030081\' → "", `||` → `&&`' },
  { id: 'reason-only', exceptionID: GENERIC_ID, reason: EXCEPTIONS.accessTokenExpired.reason, kills: 'L132 `||` → `&&`' },
  { id: 'short-reason', exceptionID: GENERIC_ID, reason: 'Token expired', kills: 'L132 /token (has )?expired/ → /token (has )expired/' },
];

// Kills (connector/errors/classify.ts isTokenExpired): see `kills` of each spelling; and test/broken-connectors/never-refreshes.
function expiredTokenCases(): CaseDef[] {
  return EXPIRED_SPELLINGS.map((s) => ({
    id: `expired-token-spelt.${s.id}`, group: 'oauth', required: true, site: { samlSSO: true },
    needsControl: 'needs an SSO site of the emulator and its OAuth endpoints; injects the FAILURE',
    title: `the access token refused as expired, spelt ${s.exceptionID} "${s.reason}" → the connector refreshes and sends again; the update lands`,
    async run(ctx) {
      const adapter = await ctx.adapter({ password: '', oauth: await authorize(ctx, ['all_read', 'user_modify']) });
      const id = ctx.unique('sp');
      await ctx.users.create(ctx.base(id));
      ctx.control().faults.push(before('SetUser', s.exceptionID, s.reason, `${s.exceptionID} ${s.reason}`));
      expectOk(await ctx.call('update', () => adapter.update(id, { title: 'After refresh' })), `update answered ${s.exceptionID} "${s.reason}" once`);
      expectStored(await userOf(ctx.users, id), 'title', 'After refresh');
    },
  }));
}

export function spellingCases(): CaseDef[] {
  return [dependentField, ...expiredTokenCases()];
}
