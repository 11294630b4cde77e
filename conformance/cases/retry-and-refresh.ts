/**
 * The client's retry and token-refresh loop (issue 13 §1): a throttle that says "now" several times in a row, a
 * token Webex keeps refusing as expired right after a refresh, a token endpoint behind a portal that answers 200
 * with an HTML page, and access tokens that are short-lived or carry no expiry. Each case names the mutants of connector/transport/client.ts
 * and oauth-tokens.ts it kills.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdapterOAuth } from '../adapter';
import type { Fault } from '../emulator/faults';
import { expectError, expectOk, expectStored, requestsFor, storedAt, userOf } from './expect';
import { authorize } from './oauth';
import { fail, type CaseContext, type CaseDef } from './types';

/** Three throttles in a row, each with Retry-After: 0: the backoff of three retries would add up to well over this. */
const THRICE_ZERO_BOUND_MS = 1500;

const throttleNow = (times: number): Fault => ({
  operation: 'SetUser', stage: 'before', times, label: '000045 rate limit, Retry-After 0',
  effect: { kind: 'failure', exceptionID: '000045', reason: 'API Rate Limit Reached', headers: { 'Retry-After': '0' } },
});

// Kills client.ts L104 (`error.errorClass === 'rateLimited'` → false, and its block → {}: a rate limit waits the
// transient backoff, 250 ms + 500 ms + 1 s for three retries, instead of the Retry-After the server sent). Real waits.
const throttledThriceRetryAfterZero: CaseDef = {
  id: 'throttled-thrice-retry-after-zero', group: 'errors', required: true, needsControl: 'injects a rate limit',
  title: `000045 with Retry-After: 0 on three SetUser requests in a row → each retried at once (all within ${THRICE_ZERO_BOUND_MS / 1000} s), the update lands`,
  async run(ctx) {
    const id = ctx.unique('r');
    await ctx.users.create(ctx.base(id));
    ctx.control().faults.push(throttleNow(3));
    const adapter = await ctx.adapter({ fastRetries: false });
    expectOk(await ctx.call('update', () => adapter.update(id, { title: 'Now, thrice' })), 'update after three 000045 with Retry-After: 0');
    const sets = ctx.exchanges().filter((e) => e.operation === 'SetUser');
    if (sets.length !== 4) fail('three throttled SetUser requests and one that lands', `${sets.length} SetUser requests`);
    const waited = sets[3].startedAt - sets[0].startedAt;
    if (waited > THRICE_ZERO_BOUND_MS) fail(`the three retries within ${THRICE_ZERO_BOUND_MS} ms (Retry-After: 0 each time)`, `the last one ${waited} ms after the first throttle`);
    expectStored(await userOf(ctx.users, id), 'title', 'Now, thrice');
  },
};

const SSO = { samlSSO: true };
const CONTROL = 'needs an SSO site of the emulator and its OAuth endpoints';

function oauthCase(id: string, title: string, run: (ctx: CaseContext) => Promise<void>, required: boolean): CaseDef {
  return { id, group: 'oauth', title, required, site: SSO, needsControl: CONTROL, run };
}

/** A loopback server in front of the token endpoint: `answer` gives each answer; it counts the requests. */
async function tokenEndpoint(answer: (body: string) => Promise<{ status: number; type: string; body: string }>): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      answer(Buffer.concat(chunks).toString('utf8'))
        .then((a) => res.writeHead(a.status, { 'Content-Type': a.type }).end(a.body))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/access_token`,
    requests: () => requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Seconds a short-lived access token lives in `short-lived-token`: well under the connector's 60-s margin. */
const SHORT_LIFE_S = 30;

export function retryAndRefreshCases(): CaseDef[] {
  return [
    throttledThriceRetryAfterZero,

    // Kills client.ts L81 (`refreshedOnExpiry = true` → false: a token Webex refuses as expired is refreshed and sent
    // again without end — here until the faults run out, then the update "lands" after 7 requests). Required: a token
    // service whose tokens the site takes for expired (clock skew) exists; the connector must stop and say so.
    oauthCase('expired-right-after-refresh', 'Webex answers 030081 (token expired) even to the refreshed token → authentication after one refresh, not a refresh loop; the user unchanged', async (ctx) => {
      const oauth = await authorize(ctx, ['all_read', 'user_modify']);
      const id = ctx.unique('o');
      await ctx.users.create(ctx.base(id));
      const adapter = await ctx.adapter({ password: '', oauth });
      ctx.control().faults.push({ operation: 'SetUser', stage: 'before', times: 6, label: '030081 access token expired', effect: { kind: 'failure', exceptionID: '030081', reason: 'The access token has expired' } });
      expectError(await ctx.call('update', () => adapter.update(id, { title: 'Never stored' })), ['authentication'], 'update while Webex refuses every token as expired');
      const sets = requestsFor(ctx, 'SetUser');
      if (sets > 2) fail('at most two SetUser requests (the first token, then the refreshed one)', `${sets} SetUser requests`);
      if (storedAt(await userOf(ctx.users, id), 'title') === 'Never stored') fail('the user unchanged', 'the title was written');
    }, true),

    // Kills oauth-tokens.ts L108 (`status >= 400` → true: a 200 answer without a token read as a refused integration,
    // "authorize again"). Required: a portal or proxy in front of webexapis.com answers 200 with its own page, as the
    // XML API's proxy case (errors/unreadable-answer-retried) does.
    oauthCase('token-endpoint-html', 'the OAuth token endpoint answers 200 with an HTML page (a portal in front of it) → transient, not authentication; nothing created', async (ctx) => {
      const portal = await tokenEndpoint(async () => ({ status: 200, type: 'text/html', body: '<html><body>Sign in to the guest network</body></html>' }));
      try {
        const id = ctx.unique('ot');
        const adapter = await ctx.adapter({ password: '', oauth: { clientId: 'wmconf-client', clientSecret: 'wmconf-secret', refreshToken: 'wmconf-refresh', tokenUrl: portal.url } });
        expectError(await ctx.call('create', () => adapter.create(ctx.base(id))), ['transient'], 'create while the token endpoint answers an HTML page');
        if (await ctx.users.find(id)) fail(`no user ${id} created`, 'the user exists');
      } finally {
        await portal.close();
      }
    }, true),

    // Kills oauth-tokens.ts L78 (`Math.min` → `Math.max`, and `/ 2` → `* 2`: a margin longer than the token's life, so
    // every request refreshes first), L66 (`!this.dueForRefresh()` → `this.dueForRefresh()`), L79 (`>=` → `<`, and
    // → true) and L120 (`now - expiresIn * 1000`, `expiresIn / 1000`: a token taken for expired at once). Optional:
    // Webex's integration tokens live 14 days; shorter ones may never come.
    oauthCase('short-lived-token', `access tokens that live ${SHORT_LIFE_S} s (expires_in ${SHORT_LIFE_S}) → the connector uses one for a create, a get and an update in a row, not a refresh before every request`,
      (ctx) => fewRefreshes(ctx, (json) => { if (typeof json.expires_in === 'number') json.expires_in = SHORT_LIFE_S; }, `within the token's ${SHORT_LIFE_S} s`), false),

    // Kills oauth-tokens.ts L77 (`return false` → true: a token of unknown lifetime refreshed before every request).
    // Optional: RFC 6749 §5.1 only recommends expires_in, and Webex always sends it.
    oauthCase('token-without-expiry', 'the token endpoint sends no expires_in → the connector uses the token until Webex says it expired, not a refresh before every request',
      (ctx) => fewRefreshes(ctx, (json) => { delete json.expires_in; }, 'with a token of unknown lifetime'), false),
  ];
}

/** A create, a get and an update through a token endpoint whose answers `adjust` rewrites: at most two token requests. */
async function fewRefreshes(ctx: CaseContext, adjust: (json: Record<string, unknown>) => void, what: string): Promise<void> {
  const oauth: AdapterOAuth = await authorize(ctx, ['all_read', 'user_modify']);
  const upstream = oauth.tokenUrl;
  const endpoint = await tokenEndpoint(async (body) => {
    const res = await fetch(upstream, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    const json = await res.json() as Record<string, unknown>;
    adjust(json);
    return { status: res.status, type: 'application/json', body: JSON.stringify(json) };
  });
  try {
    const adapter = await ctx.adapter({ password: '', oauth: { ...oauth, tokenUrl: endpoint.url } });
    const id = ctx.unique('o');
    expectOk(await ctx.call('create', () => adapter.create(ctx.base(id))), `create ${what}`);
    expectOk(await ctx.call('get', () => adapter.get(id)), `get ${what}`);
    expectOk(await ctx.call('update', () => adapter.update(id, { title: 'Few refreshes' })), `update ${what}`);
    const xmlRequests = ctx.exchanges().length;
    if (endpoint.requests() > 2) fail(`at most two token requests for ${xmlRequests} XML requests ${what}`, `${endpoint.requests()} token requests`);
  } finally {
    await endpoint.close();
  }
}

