/**
 * msw@2 handlers over the same engine as the Express door: tests can `fetch('https://acme.webex.com/WBXService/XMLService')`
 * without a port and get byte-for-byte the answer the HTTP server gives (status, headers, body, dropped connections).
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Engine } from '../engine';
import { DEFAULT_BODY_LIMIT_BYTES, XML_SERVICE_PATH } from '../http/xml-service';

export interface WebexHandlerOptions {
  /** URL patterns to intercept (default: any https://*.webex.com site, api.webex.com included). */
  urls?: string[];
  /** Largest request body, as the HTTP door's 5 MB limit (413 beyond). */
  bodyLimitBytes?: number;
}

export const DEFAULT_WEBEX_URLS = [`https://*.webex.com${XML_SERVICE_PATH}`];

export function webexHandlers(mock: { engine: Engine }, opts: WebexHandlerOptions = {}): HttpHandler[] {
  // The body is already in this process (the test built it), so reading it before the size check costs nothing extra.
  const limit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  return (opts.urls ?? DEFAULT_WEBEX_URLS).flatMap((url) => [
    http.post(url, async ({ request }) => {
      const body = Buffer.from(await request.arrayBuffer());
      if (body.length > limit) return new HttpResponse('Request body too large.\n', { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      const out = await mock.engine.handle({ body, host: new URL(request.url).host });
      if (out.dropConnection) return HttpResponse.error();
      return new HttpResponse(out.body, { status: out.status, headers: out.headers });
    }),
    http.all(url, () => new HttpResponse('The XML API accepts POST only.\n', { status: 405, headers: { Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' } })),
  ]);
}
