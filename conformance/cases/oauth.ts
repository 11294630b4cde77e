/**
 * OAuth and SAML SSO sites (issue 12; docs/oauth.md): a connector must reach an SSO site with an integration's
 * refresh token, survive its access token expiring mid-run (refresh, send again), report a token without the
 * needed scope as accessDenied, and a refused password or refresh as what it is. The scope cases are generated
 * from the catalog: each adapter operation's main XML request and the scope `OperationDef.scope` says it needs.
 * Every case runs on a controlled in-process site (SAML SSO, the suite's auto-approving integration).
 */
import { OPERATIONS, type OperationName as XmlOperation } from '../../mock-server/catalog';
import type { Adapter, AdapterOAuth, Outcome } from '../adapter';
import { ADMIN, type SiteSpec } from '../emulator/in-process';
import { expectError, expectOk, expectStored, storedAt, userOf } from './expect';
import { fail, type CaseContext, type CaseDef } from './types';

const SSO: SiteSpec = { samlSSO: true };
const CONTROL = 'needs an SSO site of the emulator and its OAuth endpoints (integration, token expiry, revocation)';

function oauthCase(id: string, title: string, run: (ctx: CaseContext) => Promise<void>, required = true): CaseDef {
  // Every case says which bug it catches: see the comments at each case and test/broken-connectors/never-refreshes.ts.
  return { id, group: 'oauth', title, required, site: SSO, needsControl: CONTROL, run };
}

/** The admin authorizes the suite's integration for these scopes: a refresh token, as an admin gets one once. */
export async function authorize(ctx: CaseContext, scopes: string[]): Promise<AdapterOAuth> {
  const { siteName, baseUrl } = ctx.control();
  const { clientId, clientSecret, redirectUri } = await ctx.control().integration();
  const q = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: scopes.join(' '), state: 'conformance', site: siteName, login_hint: ADMIN.webExId });
  const auth = await fetch(`${baseUrl}/v1/authorize?${q}`, { redirect: 'manual' });
  const code = auth.headers.get('location') ? new URL(auth.headers.get('location')!).searchParams.get('code') : null;
  if (!code) throw new Error(`the emulator did not authorize the integration (HTTP ${auth.status})`);
  const tok = await fetch(`${baseUrl}/v1/access_token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret, code, redirect_uri: redirectUri }),
  });
  const body = (await tok.json()) as { refresh_token?: string };
  if (!body.refresh_token) throw new Error(`the emulator issued no refresh token (HTTP ${tok.status})`);
  return { clientId, clientSecret, refreshToken: body.refresh_token, tokenUrl: `${baseUrl}/v1/access_token` };
}

function oauthAdapter(ctx: CaseContext, oauth: AdapterOAuth): Promise<Adapter> {
  return ctx.adapter({ password: '', oauth });
}

/** The admin API's token controls (the same calls work against a webex-mock started elsewhere). */
async function tokenControl(ctx: CaseContext, action: 'expire' | 'revoke'): Promise<void> {
  await ctx.control().oauthTokens(action, ADMIN.webExId);
}

const tokenRequests = (ctx: CaseContext, since = 0) => ctx.exchanges().slice(since).filter((e) => /<webExAccessToken>/.test(e.request)).length;

/** What each adapter operation mainly sends, so its scope comes from the catalog. */
const MAIN_REQUEST: Record<'create' | 'update' | 'get' | 'import', XmlOperation> = {
  create: 'CreateUser', update: 'SetUser', get: 'GetUser', import: 'LstsummaryUser',
};

function scopeCases(): CaseDef[] {
  const grants = [['all_read'], ['user_modify']];
  return grants.flatMap((granted) => (Object.keys(MAIN_REQUEST) as (keyof typeof MAIN_REQUEST)[]).map((op) => {
    const needed = OPERATIONS.find((o) => o.name === MAIN_REQUEST[op])!.scope!;
    const allowed = granted.includes(needed);
    const title = `token with only ${granted.join(' ')}: ${op} (${MAIN_REQUEST[op]} needs ${needed}) → ${allowed ? 'success' : 'accessDenied, not sent again, site unchanged'}`;
    // A refusal must be classified (a connector reporting 000001 as unknown or retrying it fails). Writing with a
    // write-only token is Optional: a connector may read the user back, which needs all_read.
    const required = !allowed || needed === 'all_read';
    return oauthCase(`scope-${granted.join('+')}.${op}`, title, async (ctx) => {
      const existing = ctx.unique('o');
      await ctx.users.create(ctx.base(existing));
      const adapter = await oauthAdapter(ctx, await authorize(ctx, granted));
      const fresh = ctx.unique('o');
      const count = await ctx.users.count();
      const work: Record<typeof op, () => Promise<Outcome<unknown>>> = {
        create: () => adapter.create(ctx.base(fresh)),
        update: () => adapter.update(existing, { title: 'Scoped' }),
        get: () => adapter.get(existing),
        import: () => adapter.import(),
      };
      const o = await ctx.call(op, work[op]);
      if (allowed) {
        expectOk(o, `${op} with a ${granted.join(' ')} token`);
        return;
      }
      expectError(o, ['accessDenied'], `${op} with a token lacking ${needed}`);
      // A refusal is no expired token: no refresh-and-send-again (kills connector/errors/classify.ts isTokenExpired
      // L132 → true, `&&` → `||`, `=== '030081'` → `!==`: every server error taken for an expired token).
      const denied = ctx.exchanges().filter((e) => e.exceptionID === '000001').length;
      if (denied > 1) fail('one request refused 000001, not sent again (it is no expired token: nothing to refresh)', `${denied} requests answered 000001`);
      if (await ctx.users.count() !== count) fail('the site unchanged', 'a user was created');
      if (op === 'update' && storedAt(await userOf(ctx.users, existing), 'title') === 'Scoped') fail('the user unchanged', 'the title was written');
    }, required);
  }));
}

export function oauthCases(): CaseDef[] {
  return [
    oauthCase('sso-refresh-token', 'SAML SSO site with a refresh token only: the connector gets an access token, creates and reads a user', async (ctx) => {
      const adapter = await oauthAdapter(ctx, await authorize(ctx, ['all_read', 'user_modify']));
      const id = ctx.unique('o');
      expectOk(await ctx.call('create', () => adapter.create({ ...ctx.base(id), title: 'Via OAuth' })), 'create with OAuth on an SSO site');
      expectStored(await userOf(ctx.users, id), 'title', 'Via OAuth');
      const got = expectOk(await ctx.call('get', () => adapter.get(id)), 'get with OAuth on an SSO site');
      if (got.title !== 'Via OAuth') fail('get to read title "Via OAuth"', JSON.stringify(got.title));
    }),

    oauthCase('expiry-mid-run', 'the access token expires mid-run (030081) → the connector refreshes once and the update lands', async (ctx) => {
      const adapter = await oauthAdapter(ctx, await authorize(ctx, ['all_read', 'user_modify']));
      const id = ctx.unique('o');
      expectOk(await ctx.call('create', () => adapter.create(ctx.base(id))), 'create before the token expires');
      await tokenControl(ctx, 'expire');
      const since = ctx.exchanges().length;
      expectOk(await ctx.call('update', () => adapter.update(id, { title: 'After expiry' })), 'update after the access token expired');
      expectStored(await userOf(ctx.users, id), 'title', 'After expiry');
      const expiredAnswers = ctx.exchanges().slice(since).filter((e) => e.exceptionID === '030081').length;
      if (expiredAnswers > 1) fail('at most one expired-token answer (refresh once, then the new token)', `${expiredAnswers} requests answered 030081`);
      if (tokenRequests(ctx, since) > 3) fail('a bounded number of requests after the expiry', `${tokenRequests(ctx, since)} requests`);
    }),

    oauthCase('sso-password-refused', 'SAML SSO site: the admin password is refused (030082) → siteUnsupported or authentication; nothing created', async (ctx) => {
      const adapter = await ctx.adapter(); // the suite's default: admin + password
      const id = ctx.unique('o');
      const count = await ctx.users.count();
      expectError(await ctx.call('create', () => adapter.create(ctx.base(id))), ['siteUnsupported', 'authentication'], 'create with a password on a SAML SSO site');
      if (await ctx.users.count() !== count) fail('nothing created', 'a user was created');
    }),

    oauthCase('refresh-revoked', 'the refresh token was revoked → authentication (authorize again); nothing created, nothing sent with a stale token', async (ctx) => {
      const oauth = await authorize(ctx, ['all_read', 'user_modify']);
      await tokenControl(ctx, 'revoke');
      const adapter = await oauthAdapter(ctx, oauth);
      const id = ctx.unique('o');
      expectError(await ctx.call('create', () => adapter.create(ctx.base(id))), ['authentication'], 'create with a revoked refresh token');
      if (await ctx.users.find(id)) fail(`no user ${id} created`, 'the user exists');
    }),

    ...scopeCases(),
  ];
}
