/** A mock with two sites (one SAML SSO) and integrations, an injectable clock, and the OAuth flow as helpers. */
import request from 'supertest';
import { createWebexMock, type WebexMock } from '../../mock-server';
import { validateScenario } from '../../mock-server/control/scenarios/parse-scenario';
import { call, type Answer } from '../core/support/client';
import type { Security } from '../core/support/xml';

export const REDIRECT = 'http://127.0.0.1:9999/callback';
export const CI = { clientId: 'C-ci-integration-0001', clientSecret: 'ci-secret-0001-abcdef' };
export const CONSENT = { clientId: 'C-consent-integration-02', clientSecret: 'consent-secret-02-abcdef' };
export const PASSWORD = 'Adm1n!Pass2x';

export const SCENARIO = {
  name: 'oauth-test',
  sites: [
    { name: 'alpha', admins: [{ webExId: 'admin', password: PASSWORD }], users: [{ webExId: 'host', email: 'host@alpha.example.com', firstName: 'H', lastName: 'Ost', password: 'Pw!Secret9876' }] },
    { name: 'sso', samlSSO: true, oauth: { accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 600 }, admins: [{ webExId: 'admin', password: PASSWORD }] },
  ],
  integrations: [
    { ...CI, redirectUris: [REDIRECT], scopes: ['all_read', 'user_modify', 'spark:all'], autoApprove: { site: 'alpha', webExId: 'admin' } },
    { ...CONSENT, redirectUris: [REDIRECT], scopes: ['all_read', 'user_modify'] },
  ],
};

export interface Clock { now: () => number; advance(seconds: number): void }

export function clock(start = Date.UTC(2026, 11, 1, 12)): Clock {
  let t = start;
  return { now: () => t, advance: (s) => { t += s * 1000; } };
}

export function oauthMock(c: Clock = clock()): WebexMock {
  const parsed = { ...validateScenario(SCENARIO, 'test'), source: 'test', locate: () => undefined };
  return createWebexMock({ scenario: parsed, now: c.now });
}

export function authorizeUrl(params: Record<string, string>): string {
  return `/v1/authorize?${new URLSearchParams({ response_type: 'code', redirect_uri: REDIRECT, state: 'st-1', ...params })}`;
}

/** Query parameters of a redirect back to the client. */
export function redirectParams(location: string | undefined): URLSearchParams {
  expect(location).toBeDefined();
  const url = new URL(location!);
  expect(`${url.origin}${url.pathname}`).toBe(REDIRECT);
  return url.searchParams;
}

export async function codeFor(mock: WebexMock, scope: string, extra: Record<string, string> = {}): Promise<string> {
  const res = await request(mock.app).get(authorizeUrl({ client_id: CI.clientId, scope, ...extra }));
  expect(res.status).toBe(302);
  return redirectParams(res.headers.location).get('code')!;
}

export function tokenRequest(mock: WebexMock, form: Record<string, string>) {
  return request(mock.app).post('/v1/access_token').type('form').send(form);
}

export async function tokensFor(mock: WebexMock, scope: string, extra: Record<string, string> = {}) {
  const code = await codeFor(mock, scope, extra);
  const res = await tokenRequest(mock, { grant_type: 'authorization_code', client_id: CI.clientId, client_secret: CI.clientSecret, code, redirect_uri: REDIRECT });
  expect(res.status).toBe(200);
  return res.body as { access_token: string; refresh_token: string; expires_in: number; refresh_token_expires_in: number; token_type: string };
}

export function withToken(siteName: string, token: string, webExID = 'admin'): Security {
  return { siteName, webExID, webExAccessToken: token };
}

export function getUser(mock: WebexMock, sec: Security, webExId = 'admin'): Promise<Answer> {
  return call(mock, 'GetUser', `<webExId>${webExId}</webExId>`, sec);
}
