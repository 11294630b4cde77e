/**
 * The OAuth 2.0 endpoints of Webex integrations, mounted at /v1 (webexapis.com/v1/authorize and /v1/access_token;
 * developer.webex.com/docs/integrations): the authorization code grant with a consent page or auto-approval,
 * code exchange and refresh. Tokens are bound to the client, the user, the site and the scopes granted.
 */
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import type { SiteRegistry } from '../site/registry';
import type { Site } from '../site/site';
import { passwordMatches } from '../site/rules';
import { SLOT, isActive, type UserRecord } from '../site/user-record';
import { consentPage, type ConsentParams } from './consent-page';
import { KNOWN_SCOPES } from './integration-schema';
import { sendTokenError } from './token-errors';
import type { Integration, Lifetimes } from './token-store';

const FORM_LIMIT = '64kb';

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function text(res: Response, status: number, body: string): void {
  res.status(status).type('text/plain').set('Cache-Control', 'no-store').send(`${body}\n`);
}

/** Redirect back to the client with these query parameters (RFC 6749 §4.1.2 and §4.1.2.1). */
function redirectBack(res: Response, redirectUri: string, params: Record<string, string | undefined>): void {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  res.set('Cache-Control', 'no-store').redirect(302, url.toString());
}

function findUser(site: Site, login: string): UserRecord | undefined {
  const u = site.findUser(login) ?? site.findByEmail(login);
  return u && isActive(u.values) ? u : undefined;
}

type Checked = { integration: Integration; params: ConsentParams; scopes: string[] };

/**
 * The checks of an authorization request. A bad client or redirect URI is answered here (400, never a redirect:
 * RFC 6749 §4.1.2.1); the other errors go back to the client's redirect URI.
 */
function checkAuthorizeRequest(registry: SiteRegistry, q: Record<string, unknown>, res: Response): Checked | undefined {
  const params: ConsentParams = {
    client_id: str(q.client_id) ?? '', redirect_uri: str(q.redirect_uri) ?? '', scope: str(q.scope) ?? '',
    state: str(q.state) ?? '', response_type: str(q.response_type) ?? '',
  };
  const integration = registry.oauth.integration(params.client_id);
  if (!integration) {
    text(res, 400, 'Invalid client_id: no integration with this client id.');
    return undefined;
  }
  if (!integration.redirectUris.includes(params.redirect_uri)) {
    text(res, 400, 'Invalid redirect_uri: it must match a redirect URI of the integration.');
    return undefined;
  }
  const state = params.state || undefined;
  if (params.response_type !== 'code') {
    redirectBack(res, params.redirect_uri, { error: 'unsupported_response_type', error_description: 'response_type must be code', state });
    return undefined;
  }
  const scopes = [...new Set(params.scope.split(/[ +]+/).filter(Boolean))];
  const bad = scopes.filter((s) => !KNOWN_SCOPES.includes(s) || !integration.scopes.includes(s));
  if (scopes.length === 0 || bad.length > 0) {
    const description = scopes.length === 0 ? 'scope is required' : `scope not registered for this integration: ${bad.join(' ')}`;
    redirectBack(res, params.redirect_uri, { error: 'invalid_scope', error_description: description, state });
    return undefined;
  }
  return { integration, params, scopes };
}

function lifetimesOf(registry: SiteRegistry): (site: string) => Lifetimes | undefined {
  return (name) => registry.get(name)?.config.oauth;
}

export function createOAuthRouter(registry: SiteRegistry): Router {
  const r = Router();
  const form = express.urlencoded({ extended: false, limit: FORM_LIMIT });

  r.get('/authorize', (req, res) => {
    const checked = checkAuthorizeRequest(registry, req.query as Record<string, unknown>, res);
    if (!checked) return;
    const { integration, params, scopes } = checked;
    if (!integration.autoApprove) {
      res.status(200).type('html').set('Cache-Control', 'no-store').send(consentPage(integration, params));
      return;
    }
    const siteName = str(req.query.site) ?? integration.autoApprove.site;
    const login = str(req.query.login_hint) ?? integration.autoApprove.webExId;
    const site = registry.get(siteName);
    const user = site && findUser(site, login);
    if (!site || !user) {
      redirectBack(res, params.redirect_uri, { error: 'access_denied', error_description: `no active user ${login} on site ${siteName}`, state: params.state || undefined });
      return;
    }
    const code = registry.oauth.issueCode({ clientId: integration.clientId, site: site.name, webExId: String(user.values[SLOT.webExId]), scopes }, params.redirect_uri);
    redirectBack(res, params.redirect_uri, { code, state: params.state || undefined });
  });

  r.post('/authorize', form, (req: Request, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const checked = checkAuthorizeRequest(registry, body, res);
    if (!checked) return;
    const { integration, params, scopes } = checked;
    const state = params.state || undefined;
    if (str(body.decision) !== 'accept') {
      redirectBack(res, params.redirect_uri, { error: 'access_denied', error_description: 'The user declined the authorization', state });
      return;
    }
    const site = registry.get(str(body.site) ?? '');
    const user = site && findUser(site, str(body.login) ?? '');
    const password = str(body.password) ?? '';
    // On an SSO site the identity provider signs the user in; the emulator takes the login as signed in.
    const signedIn = site && user && (site.config.samlSSO || passwordMatches(password, user.passwordHash, user.passwordSalt));
    if (!site || !user || !signedIn) {
      res.status(401).type('html').set('Cache-Control', 'no-store').send(consentPage(integration, params, 'Incorrect site, user or password.'));
      return;
    }
    const code = registry.oauth.issueCode({ clientId: integration.clientId, site: site.name, webExId: String(user.values[SLOT.webExId]), scopes }, params.redirect_uri);
    redirectBack(res, params.redirect_uri, { code, state });
  });

  r.post('/access_token', form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const grantType = str(body.grant_type);
    const clientId = str(body.client_id);
    const clientSecret = str(body.client_secret);
    if (!grantType) return sendTokenError(res, 'invalid_request', 'grant_type is required');
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') return sendTokenError(res, 'unsupported_grant_type');
    if (!clientId || !clientSecret) return sendTokenError(res, 'invalid_request', 'client_id and client_secret are required');
    if (!registry.oauth.client(clientId, clientSecret)) return sendTokenError(res, 'invalid_client');
    let answer;
    if (grantType === 'authorization_code') {
      const code = str(body.code);
      const redirectUri = str(body.redirect_uri);
      if (!code || !redirectUri) return sendTokenError(res, 'invalid_request', 'code and redirect_uri are required');
      answer = registry.oauth.exchangeCode(clientId, code, redirectUri, lifetimesOf(registry));
    } else {
      const refreshToken = str(body.refresh_token);
      if (!refreshToken) return sendTokenError(res, 'invalid_request', 'refresh_token is required');
      answer = registry.oauth.refreshToken(clientId, refreshToken, lifetimesOf(registry));
    }
    if (typeof answer === 'string') return sendTokenError(res, answer);
    res.status(200).set('Cache-Control', 'no-store').set('Pragma', 'no-cache').json(answer);
  });

  r.all(['/authorize', '/access_token'], (req, res) => {
    res.status(405).set('Allow', req.path === '/authorize' ? 'GET, POST' : 'POST').type('text/plain').send('Method not allowed.\n');
  });
  // A body the form parser refuses (too large, bad charset): the token endpoint still answers in its JSON shape.
  const onError: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status >= 500) return next(err);
    if (req.path === '/access_token') return sendTokenError(res, 'invalid_request', status === 413 ? 'request body too large' : 'the body must be application/x-www-form-urlencoded');
    text(res, status, status === 413 ? 'Request body too large.' : 'Bad request.');
  };
  r.use(onError);
  return r;
}
