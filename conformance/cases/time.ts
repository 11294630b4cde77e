/**
 * Time (issue 13 §2): a session that outlives its session ticket, and throttling (000045) with the forms of
 * Retry-After the delta-seconds and HTTP-date cases (errors/rate-limited-retry-after*) leave: absent, and 0.
 * Each case names the broken connector (test/broken-connectors/) it was written against.
 */
import type { Fault } from '../emulator/faults';
import { expectOk, expectStored, requestsFor, userOf } from './expect';
import { fail, type CaseDef } from './types';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The site's ticket lifetime in this case: long enough for one request, short enough to run out mid-session. */
const TICKET_TTL_SECONDS = 1;

// Kills: test/broken-connectors/ticket-never-renewed (signs in once with AuthenticateUser and sends that session
// ticket until the end: 030047 once it expires). A connector that sends the password with every request passes.
const sessionOutlivesTicket: CaseDef = {
  id: 'session-outlives-ticket', group: 'errors', required: true, needsControl: 'sets the site\'s session-ticket lifetime',
  title: `a session longer than a session ticket lives (timeToLive ${TICKET_TTL_SECONDS} s): the connector signs in again and carries on — the update lands`,
  async run(ctx) {
    await ctx.control().configure({ sessionTicketTtlSeconds: TICKET_TTL_SECONDS });
    const adapter = await ctx.adapter();
    const id = ctx.unique('t');
    expectOk(await ctx.call('create', () => adapter.create({ ...ctx.base(id), title: 'Before expiry' })), 'create');
    // Every ticket issued so far is now expired (the emulator refuses it with 030047).
    await sleep(TICKET_TTL_SECONDS * 1000 + 150);
    expectOk(await ctx.call('update', () => adapter.update(id, { title: 'After expiry' })), 'update after the session ticket expired');
    const read = expectOk(await ctx.call('get', () => adapter.get(id)), 'get after the session ticket expired');
    if (read.title !== 'After expiry') fail('get to return title "After expiry"', `title ${JSON.stringify(read.title)}`);
    expectStored(await userOf(ctx.users, id), 'title', 'After expiry');
  },
};

function throttle(retryAfter: string | undefined): Fault {
  return {
    operation: 'SetUser', stage: 'before', times: 1, label: `000045 rate limit, ${retryAfter === undefined ? 'no Retry-After' : `Retry-After ${retryAfter}`}`,
    effect: { kind: 'failure', exceptionID: '000045', reason: 'API Rate Limit Reached', ...(retryAfter === undefined ? {} : { headers: { 'Retry-After': retryAfter } }) },
  };
}

// Kills: test/broken-connectors/retries-only-with-retry-after (a throttle that does not say how long to wait is
// given up on). Webex's own 000045 need not carry the header: the connector waits its own delay (fast retries here).
const retryAfterAbsent: CaseDef = {
  id: 'rate-limited-retry-after-absent', group: 'errors', required: true, needsControl: 'injects a rate limit',
  title: '000045 without Retry-After → retried after the connector\'s own delay, the update lands',
  async run(ctx) {
    const id = ctx.unique('r');
    await ctx.users.create(ctx.base(id));
    ctx.control().faults.push(throttle(undefined));
    const adapter = await ctx.adapter();
    expectOk(await ctx.call('update', () => adapter.update(id, { title: 'After the limit' })), 'update after a 000045 without Retry-After');
    const sets = requestsFor(ctx, 'SetUser');
    if (sets !== 2) fail('one throttled SetUser and one retry', `${sets} SetUser requests`);
    expectStored(await userOf(ctx.users, id), 'title', 'After the limit');
  },
};

/** Retry-After: 0 says "now": a retry later than this is the connector's default delay, not the server's. */
const ZERO_WAIT_BOUND_MS = 3000;

// Kills: test/broken-connectors/retry-after-zero-as-absent (0 read as "no header": waits its default delay), and
// `??` → `||` on retryAfterMs in connector/transport/client.ts (waits the 60 s default). Real waits: no fast retries.
const retryAfterZero: CaseDef = {
  id: 'rate-limited-retry-after-zero', group: 'errors', required: true, needsControl: 'injects a rate limit',
  title: `000045 with Retry-After: 0 → retried at once (within ${ZERO_WAIT_BOUND_MS / 1000} s), the update lands`,
  async run(ctx) {
    const id = ctx.unique('r');
    await ctx.users.create(ctx.base(id));
    ctx.control().faults.push(throttle('0'));
    const adapter = await ctx.adapter({ fastRetries: false });
    expectOk(await ctx.call('update', () => adapter.update(id, { title: 'At once' })), 'update after a 000045 with Retry-After: 0');
    const sets = ctx.exchanges().filter((e) => e.operation === 'SetUser');
    if (sets.length !== 2) fail('one throttled SetUser and one retry', `${sets.length} SetUser requests`);
    const waited = sets[1].startedAt - sets[0].startedAt;
    if (waited > ZERO_WAIT_BOUND_MS) fail(`the retry within ${ZERO_WAIT_BOUND_MS} ms (Retry-After: 0)`, `retried after ${waited} ms`);
    expectStored(await userOf(ctx.users, id), 'title', 'At once');
  },
};

/** Retry-After values RFC 9110 does not allow (neither delta-seconds nor an HTTP date): to be ignored, not obeyed. */
const UNREADABLE_RETRY_AFTER = ['soon', '2x', 'x2'];
/** Less than any backoff a connector would choose for a first retry: "at once" is hammering a failing site. */
const LEAST_BACKOFF_MS = 200;

// Kills: parseRetryAfter mutants in connector/transport/retry.ts — the NaN branch (an unreadable date read as NaN ms,
// so no wait at all) and the anchors of /^\d+$/ ("2x", "x2" read as seconds: NaN). Optional: the backoff is the
// connector's own policy, and a server may never send such a header.
const unreadableRetryAfter: CaseDef = {
  id: 'backoff-unreadable-retry-after', group: 'errors', required: false, needsControl: 'injects transient failures',
  title: `000035 (backend not responding) with an unreadable Retry-After (${UNREADABLE_RETRY_AFTER.map((v) => `"${v}"`).join(', ')}): the header is ignored, the connector still backs off (≥ ${LEAST_BACKOFF_MS} ms) and the update lands`,
  async run(ctx) {
    const id = ctx.unique('r');
    await ctx.users.create(ctx.base(id));
    for (const value of UNREADABLE_RETRY_AFTER) {
      ctx.control().faults.push({ operation: 'SetUser', stage: 'before', times: 1, label: `000035, Retry-After "${value}"`, effect: { kind: 'failure', exceptionID: '000035', reason: 'ASService not responding', headers: { 'Retry-After': value } } });
    }
    const adapter = await ctx.adapter({ fastRetries: false });
    expectOk(await ctx.call('update', () => adapter.update(id, { title: 'After the backoff' })), 'update after three transient failures');
    const sets = ctx.exchanges().filter((e) => e.operation === 'SetUser');
    const gaps = sets.slice(1).map((e, i) => e.startedAt - sets[i].startedAt);
    const hasty = gaps.map((g, i) => [UNREADABLE_RETRY_AFTER[i], g] as const).filter(([, g]) => g < LEAST_BACKOFF_MS);
    if (hasty.length > 0) fail(`each retry at least ${LEAST_BACKOFF_MS} ms after the failure`, hasty.map(([v, g]) => `retried ${g} ms after Retry-After "${v}"`).join('; '));
    expectStored(await userOf(ctx.users, id), 'title', 'After the backoff');
  },
};

export function timeCases(): CaseDef[] {
  return [sessionOutlivesTicket, retryAfterAbsent, retryAfterZero, unreadableRetryAfter];
}
