/**
 * The same failure under the generic exception ID (issue 13 §2): Webex documents 999999 as an ID that carries
 * specific texts (API 39.11: "999999 Maximum date range is 90 days for modified date query"), and every release
 * may number an error differently, so a connector must read serv:reason, not only serv:exceptionID. Generated from
 * the emulator's exception catalog: each FAILURE it knows is answered to one SetUser as 999999 with its own reason
 * text, and the error must come back in the class (and, where the reason names a field, with the attribute) the
 * reason says. Required where the catalog's own ID is 999999 (real sites answer exactly this); Optional elsewhere (a
 * real site may never renumber that error).
 *
 * Kills: the REASON_PATTERNS table of connector/errors/classify.ts (its static mutants: a pattern emptied or
 * loosened, an errorClass string emptied, an entry dropped) and classify.ts L94 (`find` → `() => undefined`:
 * no reason read at all); with a field in the reason, FIELD_PATTERNS and connector.ts L83 (resolveAttribute
 * → `() => undefined`: Webex's element name told to the IdP instead of the flat attribute).
 */
import { EXCEPTIONS, formatReason, type ExceptionKey } from '../../mock-server/catalog';
import type { ErrorClass } from '../adapter';
import { expectError, expectFlatName, expectOk, expectUnchanged, requestsFor, snapshot, uniqueElementLeaves, userOf } from './expect';
import { fail, type CaseContext, type CaseDef } from './types';

/** What the reason alone says. `retried`: a passing condition, the update lands on the retry. */
interface ReasonExpectation {
  classes: ErrorClass[];
  retried?: boolean;
  /** The reason names a field ({field}): the error must name the flat attribute. */
  names?: boolean;
}

/**
 * One decision per catalog exception (a new one fails to compile until it is decided here). Several classes where
 * the text alone is ambiguous: a generic "process error" may be transient or unknown.
 */
const BY_REASON: Readonly<Record<ExceptionKey, ReasonExpectation>> = {
  forwardFailed: { classes: ['invalidValue', 'unknown'] },
  accessDenied: { classes: ['accessDenied'] },
  noRecordFound: { classes: ['notFound'] },
  processError: { classes: ['transient', 'unknown'] },
  serviceUnavailable: { classes: ['transient'], retried: true },
  rateLimited: { classes: ['rateLimited'], retried: true },
  userNotFound: { classes: ['notFound'] },
  incorrectCredentials: { classes: ['authentication'] },
  duplicateWebExId: { classes: ['duplicate'] },
  duplicateEmail: { classes: ['duplicate'] },
  invalidSessionTicket: { classes: ['authentication'] },
  ticketGenerationFailed: { classes: ['authentication'] },
  unifiedSiteCreateRefused: { classes: ['siteUnsupported'] },
  roleNotSupported: { classes: ['siteUnsupported'] },
  // "This operation does not support SessionTicket authentication": about the sign-in method, or the site kind.
  sessionTicketNotSupported: { classes: ['siteUnsupported', 'authentication'] },
  profileSetupError: { classes: ['siteUnsupported', 'transient', 'unknown'] },
  sessionTypeLimitExceeded: { classes: ['licence'] },
  hostLimitExceeded: { classes: ['hostLimit'] },
  cantSetField: { classes: ['invalidValue'], names: true },
  featureNotEnabled: { classes: ['featureNotEnabled'], names: true },
  invalidPersonalUrl: { classes: ['invalidPersonalUrl'] },
  personalUrlTaken: { classes: ['invalidPersonalUrl'] },
  passwordPolicy: { classes: ['invalidValue'] },
  siteNotFound: { classes: ['authentication'] },
  managedByControlHub: { classes: ['siteUnsupported'], names: true },
  accessTokenExpired: { classes: ['authentication'] },
  passwordAuthNotAvailable: { classes: ['siteUnsupported'] },
  insufficientScope: { classes: ['accessDenied'] },
  operationNotSupported: { classes: ['siteUnsupported'] },
  siteSuspended: { classes: ['siteUnsupported'] },
  modifiedDateRange: { classes: ['invalidValue'] },
  pinRequired: { classes: ['invalidValue'] },
  internalError: { classes: ['unknown', 'transient'] },
};

const GENERIC_ID = '999999';

/**
 * The attribute a {field} reason names: drawn with the run's seed among the attributes whose Webex element is theirs
 * alone and whose flat name differs from it (numAgentSessions → webACDPrefsNumAgentSessions), so only a connector
 * that maps the element back tells the IdP the right name.
 */
function namedAttribute(seed: number): { attribute: string; element: string } {
  const leaves = uniqueElementLeaves().filter((leaf) => leaf.def.attribute !== undefined && leaf.def.attribute !== leaf.def.element && !leaf.list);
  const leaf = leaves[Math.abs(seed) % leaves.length];
  return { attribute: leaf.def.attribute!, element: leaf.def.element };
}

function reasonCase(key: ExceptionKey): CaseDef {
  const def = EXCEPTIONS[key];
  const expected = BY_REASON[key];
  const real = def.id === GENERIC_ID;
  const params = (field: string) => ({ field, value: '0', detail: 'refused' });
  return {
    id: `by-reason.${key}`, group: 'errors', required: real, seeded: expected.names === true,
    needsControl: 'injects FAILURE answers',
    title: `SetUser answered 999999 "${formatReason(def.reason, params('‹field›'))}" → ${expected.retried ? 'retried, the update lands' : expected.classes.join(' or ')}${expected.names ? ', naming the flat attribute' : ''}${real ? '' : ' (Webex numbers it ' + def.id + ')'}`,
    run: async (ctx: CaseContext) => {
      const named = expected.names ? namedAttribute(ctx.seed) : undefined;
      const reason = formatReason(def.reason, params(named?.element ?? ''));
      const id = ctx.unique('rs');
      await ctx.users.create(ctx.base(id));
      const before = snapshot(await userOf(ctx.users, id));
      ctx.control().faults.push({
        operation: 'SetUser', stage: 'before', times: expected.retried ? 1 : Infinity, label: `999999 "${reason}"`,
        effect: { kind: 'failure', exceptionID: GENERIC_ID, reason, gsbStatus: 'PRIMARY', ...(key === 'rateLimited' ? { headers: { 'Retry-After': '1' } } : {}) },
      });
      const adapter = await ctx.adapter();
      const title = `After 999999 ${key}`.slice(0, 64);
      const o = await ctx.call('update', () => adapter.update(id, { title }));
      ctx.control().faults.length = 0;
      if (expected.retried) {
        expectOk(o, `update after one 999999 "${reason}" (a passing condition: retried)`);
        const sets = requestsFor(ctx, 'SetUser');
        if (sets !== 2) fail('two SetUser requests (the refused one, then the retry)', `${sets}`);
        return;
      }
      const error = expectError(o, expected.classes, `update answered 999999 "${reason}"`);
      if (named) expectFlatName(error, named.attribute, named.element);
      await expectUnchanged(before, ctx.users, id);
    },
  };
}

export function reasonCases(): CaseDef[] {
  return (Object.keys(BY_REASON) as ExceptionKey[]).map(reasonCase);
}
