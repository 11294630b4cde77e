/**
 * msw@2 handlers over the same engine as the Express door: tests can `fetch('https://acme.webex.com/WBXService/XMLService')`
 * without a port and get byte-for-byte the answer the HTTP server gives (status, headers, body, dropped connections).
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Engine } from '../engine';
import type { SiteRegistry } from '../site/registry';
import { accessToken, authorizeGet, authorizePost, type OAuthAnswer } from '../oauth/endpoints';
import { DEFAULT_BODY_LIMIT_BYTES, XML_SERVICE_PATH } from '../http/xml-service';

export interface WebexHandlerOptions {
  /** URL patterns to intercept (default: any https://*.webex.com site, api.webex.com included). */
  urls?: string[];
  /** Largest request body, as the HTTP door's 5 MB limit (413 beyond). */
  bodyLimitBytes?: number;
}

export const DEFAULT_WEBEX_URLS = [`https://*.webex.com${XML_SERVICE_PATH}`];
/** Where Webex integrations get their tokens (docs/oauth.md); answered from the mock's integrations. */
export const WEBEX_OAUTH_ORIGIN = 'https://webexapis.com';

const answer = (a: OAuthAnswer) => new HttpResponse(a.status === 302 ? null : a.body, { status: a.status, headers: a.headers });
const formOf = async (request: Request) => Object.fromEntries(new URLSearchParams(await request.text()));

/** /v1/authorize and /v1/access_token at https://webexapis.com, as the mock's /v1 routes answer them. */
export function oauthHandlers(mock: { registry: SiteRegistry }, origin = WEBEX_OAUTH_ORIGIN): HttpHandler[] {
  return [
    http.get(`${origin}/v1/authorize`, ({ request }) => answer(authorizeGet(mock.registry, Object.fromEntries(new URL(request.url).searchParams)))),
    http.post(`${origin}/v1/authorize`, async ({ request }) => answer(authorizePost(mock.registry, await formOf(request)))),
    http.post(`${origin}/v1/access_token`, async ({ request }) => answer(accessToken(mock.registry, await formOf(request)))),
  ];
}

export function webexHandlers(mock: { engine: Engine; registry?: SiteRegistry }, opts: WebexHandlerOptions = {}): HttpHandler[] {
  // The body is already in this process (the test built it), so reading it before the size check costs nothing extra.
  const limit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const oauth = mock.registry ? oauthHandlers({ registry: mock.registry }) : [];
  return [...oauth, ...(opts.urls ?? DEFAULT_WEBEX_URLS).flatMap((url) => [
    http.post(url, async ({ request }) => {
      const body = Buffer.from(await request.arrayBuffer());
      if (body.length > limit) return new HttpResponse('Request body too large.\n', { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      const out = await mock.engine.handle({ body, host: new URL(request.url).host });
      if (out.dropConnection) return HttpResponse.error();
      return new HttpResponse(out.body, { status: out.status, headers: out.headers });
    }),
    http.all(url, () => new HttpResponse('The XML API accepts POST only.\n', { status: 405, headers: { Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' } })),
  ])];
}
