/**
 * The OAuth 2.0 endpoints of Webex integrations as plain functions (request parameters in, an HTTP answer out),
 * so the Express door (router.ts) and the msw door (testing/msw.ts) answer alike: /v1/authorize (consent page
 * or auto-approval, RFC 6749 §4.1) and /v1/access_token (code exchange and refresh, developer.webex.com/docs/integrations).
 * Tokens are bound to the client, the user, the site and the scopes granted.
 */
import type { SiteRegistry } from '../site/registry';
import type { Site } from '../site/site';
import { passwordMatches } from '../site/rules';
import { SLOT, isActive, valueAt, type UserRecord } from '../site/user-record';
import { consentPage, type ConsentParams } from './consent-page';
import { KNOWN_SCOPES } from './integration-schema';
import { tokenError, type TokenErrorCode } from './token-errors';
import type { CodeChallenge, Integration, Lifetimes } from './token-store';

export interface OAuthAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Request parameters: a query string or a form body, already decoded. */
export type Params = Record<string, unknown>;

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function text(status: number, body: string): OAuthAnswer {
  return { status, headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' }, body: `${body}\n` };
}

function html(status: number, body: string): OAuthAnswer {
  return { status, headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' }, body };
}

export function json(status: number, value: unknown, extra: Record<string, string> = {}): OAuthAnswer {
  return { status, headers: { ...NO_STORE, 'Content-Type': 'application/json; charset=utf-8', ...extra }, body: JSON.stringify(value) };
}

/** Redirect back to the client with these query parameters (RFC 6749 §4.1.2 and §4.1.2.1). */
function redirectBack(redirectUri: string, params: Record<string, string | undefined>): OAuthAnswer {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return { status: 302, headers: { ...NO_STORE, Location: url.toString() }, body: '' };
}

function findUser(site: Site, login: string): UserRecord | undefined {
  const u = site.findUser(login) ?? site.findByEmail(login);
  return u && isActive(u.values) ? u : undefined;
}

type Checked = { integration: Integration; params: ConsentParams; scopes: string[]; pkce?: CodeChallenge };

/**
 * The checks of an authorization request. A bad client or redirect URI is answered here (400, never a redirect:
 * RFC 6749 §4.1.2.1); the other errors go back to the client's redirect URI.
 */
function checkAuthorizeRequest(registry: SiteRegistry, q: Params): Checked | OAuthAnswer {
  const params: ConsentParams = {
    client_id: str(q.client_id) ?? '', redirect_uri: str(q.redirect_uri) ?? '', scope: str(q.scope) ?? '',
    state: str(q.state) ?? '', response_type: str(q.response_type) ?? '',
  };
  // PKCE (RFC 7636), which Webex recommends ("Authorization Code Flow with Proof Key of Code Exchange",
  // developer.webex.com/docs/login-with-webex); the consent form carries it on.
  const challenge = str(q.code_challenge);
  const method = str(q.code_challenge_method) ?? (challenge ? 'plain' : undefined);
  if (challenge !== undefined) { params.code_challenge = challenge; params.code_challenge_method = method!; }
  const integration = registry.oauth.integration(params.client_id);
  if (!integration) return text(400, 'Invalid client_id: no integration with this client id.');
  if (!integration.redirectUris.includes(params.redirect_uri)) return text(400, 'Invalid redirect_uri: it must match a redirect URI of the integration.');
  const state = params.state || undefined;
  if (params.response_type !== 'code') {
    return redirectBack(params.redirect_uri, { error: 'unsupported_response_type', error_description: 'response_type must be code', state });
  }
  if (challenge !== undefined && ((method !== 'S256' && method !== 'plain') || !/^[A-Za-z0-9._~-]{43,128}$/.test(challenge))) {
    return redirectBack(params.redirect_uri, { error: 'invalid_request', error_description: 'code_challenge must be 43-128 characters and code_challenge_method S256 or plain', state });
  }
  const scopes = [...new Set(params.scope.split(/[ +]+/).filter(Boolean))];
  const bad = scopes.filter((s) => !KNOWN_SCOPES.includes(s) || !integration.scopes.includes(s));
  if (scopes.length === 0 || bad.length > 0) {
    const description = scopes.length === 0 ? 'scope is required' : `scope not registered for this integration: ${bad.join(' ')}`;
    return redirectBack(params.redirect_uri, { error: 'invalid_scope', error_description: description, state });
  }
  return { integration, params, scopes, pkce: challenge !== undefined ? { challenge, method: method as CodeChallenge['method'] } : undefined };
}

function issueCode(registry: SiteRegistry, checked: Checked, site: Site, user: UserRecord): OAuthAnswer {
  const { integration, params, scopes } = checked;
  const code = registry.oauth.issueCode({ clientId: integration.clientId, site: site.name, webExId: String(valueAt(user.values, SLOT.webExId)), scopes }, params.redirect_uri, checked.pkce);
  return redirectBack(params.redirect_uri, { code, state: params.state || undefined });
}

/** GET /v1/authorize: the consent page, or (autoApprove) a redirect with the code at once. */
export function authorizeGet(registry: SiteRegistry, query: Params): OAuthAnswer {
  const checked = checkAuthorizeRequest(registry, query);
  if ('status' in checked) return checked;
  const { integration, params } = checked;
  if (!integration.autoApprove) return html(200, consentPage(integration, params));
  const siteName = str(query.site) ?? integration.autoApprove.site;
  const login = str(query.login_hint) ?? integration.autoApprove.webExId;
  const site = registry.get(siteName);
  const user = site && findUser(site, login);
  if (!site || !user) {
    return redirectBack(params.redirect_uri, { error: 'access_denied', error_description: `no active user ${login} on site ${siteName}`, state: params.state || undefined });
  }
  return issueCode(registry, checked, site, user);
}

/** POST /v1/authorize: the consent form's Accept / Decline. */
export function authorizePost(registry: SiteRegistry, form: Params): OAuthAnswer {
  const checked = checkAuthorizeRequest(registry, form);
  if ('status' in checked) return checked;
  const { integration, params } = checked;
  if (str(form.decision) !== 'accept') {
    return redirectBack(params.redirect_uri, { error: 'access_denied', error_description: 'The user declined the authorization', state: params.state || undefined });
  }
  const site = registry.get(str(form.site) ?? '');
  const user = site && findUser(site, str(form.login) ?? '');
  // On an SSO site the identity provider signs the user in; the emulator takes the login as signed in.
  const signedIn = site && user && (site.config.samlSSO || passwordMatches(str(form.password) ?? '', user.passwordHash, user.passwordSalt));
  if (!site || !user || !signedIn) return html(401, consentPage(integration, params, 'Incorrect site, user or password.'));
  return issueCode(registry, checked, site, user);
}

function lifetimesOf(registry: SiteRegistry): (site: string) => Lifetimes | undefined {
  return (name) => registry.get(name)?.config.oauth;
}

/** POST /v1/access_token (form-encoded): grant_type authorization_code or refresh_token, client id and secret in the body. */
export function accessToken(registry: SiteRegistry, form: Params): OAuthAnswer {
  const fail = (code: TokenErrorCode, detail?: string) => tokenError(code, detail);
  const grantType = str(form.grant_type);
  const clientId = str(form.client_id);
  const clientSecret = str(form.client_secret);
  if (!grantType) return fail('invalid_request', 'grant_type is required');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') return fail('unsupported_grant_type');
  if (!clientId || !clientSecret) return fail('invalid_request', 'client_id and client_secret are required');
  if (!registry.oauth.client(clientId, clientSecret)) return fail('invalid_client');
  let answer;
  if (grantType === 'authorization_code') {
    const code = str(form.code);
    const redirectUri = str(form.redirect_uri);
    if (!code || !redirectUri) return fail('invalid_request', 'code and redirect_uri are required');
    answer = registry.oauth.exchangeCode(clientId, code, redirectUri, lifetimesOf(registry), str(form.code_verifier));
  } else {
    const refreshToken = str(form.refresh_token);
    if (!refreshToken) return fail('invalid_request', 'refresh_token is required');
    answer = registry.oauth.refreshToken(clientId, refreshToken, lifetimesOf(registry));
  }
  if (typeof answer === 'string') return fail(answer);
  return json(200, answer);
}

export { tokenError };
