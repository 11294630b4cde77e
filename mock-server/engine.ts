/**
 * The engine: one XML API request in, one response out. Both doors (Express and msw) call `handle`.
 * bytes → wire.parseEnvelope → catalog operation → site (resolve, authenticate, authorise) → operation → wire.
 * Interceptors (faults, rate limits) run once the request is understood; observers (journal) see every exchange.
 */
import { EXCEPTIONS, formatReason, operationForType, type ExceptionKey, type OperationDef } from './catalog';
import { HANDLERS } from './operations';
import { authenticate, authorize, type Caller } from './site/auth';
import type { SiteRegistry } from './site/registry';
import type { Site } from './site/site';
import { WebexError } from './site/webex-error';
import {
  RESPONSE_CONTENT_TYPE, failureEnvelope, isEnvelopeError, parseEnvelope, successEnvelope,
  type Envelope, type GsbStatus, type XmlNode,
} from './wire';

export interface EngineRequest {
  body: Buffer | string;
  /** Host header: `{site}.webex.com` names the site when securityContext does not. */
  host?: string;
}

export interface EngineResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Drop the connection instead of answering (fault injection). */
  dropConnection?: boolean;
}

/** What happened, for the journal and the UI: never holds a secret in clear. */
export interface ExchangeMeta {
  site?: string;
  operation?: string;
  caller?: string;
  target?: string;
  result: 'SUCCESS' | 'FAILURE' | 'HTTP_ERROR' | 'DROPPED';
  exceptionID?: string;
  reason?: string;
  /** Why the emulator answered as it did when the envelope was unusable (not sent to clients in the body). */
  detail?: string;
  /** Elements the request carried that the catalog does not know. */
  ignoredElements?: string[];
  fault?: string;
}

export interface Exchange {
  startedAt: number;
  durationMs: number;
  request: EngineRequest;
  envelope?: Envelope;
  response: EngineResponse;
  meta: ExchangeMeta;
}

export interface InterceptContext {
  envelope: Envelope;
  op: OperationDef;
  site: Site;
  meta: ExchangeMeta;
  /** Build a Webex FAILURE response (for faults). */
  failure(id: string, reason: string, opts?: { gsbStatus?: GsbStatus; value?: string }): EngineResponse;
  /** Run the operation now, as the engine would after the interceptors (faults that alter a real answer). */
  run(opts?: RunOptions): EngineResponse;
}

/** May answer instead of the operation (return a response), or let it run (undefined) — possibly after a delay. */
export type Interceptor = (ctx: InterceptContext) => Promise<EngineResponse | undefined> | EngineResponse | undefined;
export type Observer = (exchange: Exchange) => void;

const BASE_HEADERS = {
  'Content-Type': RESPONSE_CONTENT_TYPE,
  Pragma: 'no-cache',
  'Cache-Control': 'no-cache',
  Expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
};

/** 000000 as real sites answer an unreadable envelope: no bodyContent; the reason keeps `null` as captured. */
function forwardFailed(detail: string): EngineResponse {
  const reason = formatReason(EXCEPTIONS.forwardFailed.reason, { detail: 'null' });
  return xmlResponse(failureEnvelope(EXCEPTIONS.forwardFailed.id, reason, { withoutBodyContent: true }), { 'X-Webex-Mock-Detail': headerSafe(detail) });
}

/** The detail quotes the request (an xsi:type): characters a header cannot carry are written as \uXXXX. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function xmlResponse(body: string, extra: Record<string, string> = {}): EngineResponse {
  return { status: 200, headers: { ...BASE_HEADERS, ...extra }, body };
}

export function failureResponse(key: ExceptionKey, reason?: string, value?: string, gsbStatus?: GsbStatus): EngineResponse {
  const def = EXCEPTIONS[key];
  return xmlResponse(failureEnvelope(def.id, reason ?? def.reason, { value, gsbStatus, subErrors: def.subErrors }));
}

/**
 * SUCCESS answers the engine built itself: their result is known, so the FAILURE scan (which first flattens a
 * possibly 10 KB concatenated body) is skipped. Interceptor answers are still scanned.
 */
const builtSuccess = new WeakSet<EngineResponse>();

export class Engine {
  readonly interceptors: Interceptor[] = [];
  readonly observers: Observer[] = [];

  constructor(readonly registry: SiteRegistry, readonly now: () => number = Date.now) {}

  async handle(request: EngineRequest): Promise<EngineResponse> {
    const startedAt = this.now();
    const t0 = performance.now();
    const meta: ExchangeMeta = { result: 'SUCCESS' };
    let envelope: Envelope | undefined;
    let response: EngineResponse;
    try {
      const parsed = parseEnvelope(request.body);
      if (isEnvelopeError(parsed)) {
        meta.detail = parsed.detail;
        response = forwardFailed(parsed.detail);
      } else {
        envelope = parsed;
        response = await this.dispatch(parsed, request, meta);
      }
    } catch (e) {
      // Never crash on a request: an unexpected error is a Webex-style FAILURE and a line on stderr.
      meta.detail = `internal error: ${(e as Error).message}`;
      process.stderr.write(`webex-mock: internal error: ${(e as Error).stack}\n`);
      response = failureResponse('internalError');
    }
    if (response.dropConnection) meta.result = 'DROPPED';
    else if (response.status !== 200) meta.result = 'HTTP_ERROR';
    else if (!builtSuccess.has(response) && response.body.includes('<serv:result>FAILURE</serv:result>')) {
      meta.result = 'FAILURE';
      meta.exceptionID ??= /<serv:exceptionID>([^<]*)</.exec(response.body)?.[1];
      meta.reason ??= /<serv:reason>([^<]*)</.exec(response.body)?.[1];
    }
    const exchange: Exchange = { startedAt, durationMs: performance.now() - t0, request, envelope, response, meta };
    for (const o of this.observers) {
      try { o(exchange); } catch (e) { process.stderr.write(`webex-mock: observer failed: ${(e as Error).message}\n`); }
    }
    return response;
  }

  private async dispatch(envelope: Envelope, request: EngineRequest, meta: ExchangeMeta): Promise<EngineResponse> {
    const op = operationForType(envelope.bodyType);
    if (!op) {
      meta.detail = `unknown xsi:type ${envelope.bodyType}`;
      return forwardFailed(meta.detail);
    }
    meta.operation = op.name;
    meta.caller = envelope.security.webExID ?? envelope.security.email;
    try {
      const site = this.registry.resolve(envelope.security, siteFromHost(request.host));
      meta.site = site.name;
      for (const intercept of this.interceptors) {
        const r = await intercept({
          envelope, op, site, meta,
          failure: (id, reason, o) => xmlResponse(failureEnvelope(id, reason, o)),
          run: (o) => runOperation(envelope, op, site, meta, this.now, o),
        });
        if (r) return r;
      }
      return runOperation(envelope, op, site, meta, this.now);
    } catch (e) {
      if (!(e instanceof WebexError)) throw e;
      return xmlResponse(failureEnvelope(e.id, e.reason, { value: e.value, subErrors: EXCEPTIONS[e.key].subErrors }));
    }
  }
}

export interface RunOptions {
  /** Answer with this gsbStatus (a site on its backup servers). */
  gsbStatus?: GsbStatus;
  /** Run on a different body (a fault that takes ids out of a DelUser batch). */
  body?: XmlNode;
}

/** Authenticate, authorise, run the handler and build the envelope: the part of a request after interceptors. */
function runOperation(envelope: Envelope, op: OperationDef, site: Site, meta: ExchangeMeta, now: () => number, opts: RunOptions = {}): EngineResponse {
  const gsbStatus = opts.gsbStatus;
  try {
    let caller: Caller | undefined;
    if (op.name !== 'AuthenticateUser') {
      caller = authenticate(site, envelope.security, op);
      meta.caller = caller.webExId;
      if (op.admin === 'always') authorize(caller, op);
    }
    const result = HANDLERS[op.name]({ op, site, caller, security: envelope.security, body: opts.body ?? envelope.body, now });
    meta.target = result.target;
    if (result.ignored?.length) meta.ignoredElements = result.ignored;
    const response = xmlResponse(successEnvelope(op.responseType, result.body, { bodyNamespaces: result.bodyNamespaces, gsbStatus }));
    builtSuccess.add(response);
    return response;
  } catch (e) {
    if (!(e instanceof WebexError)) throw e;
    return xmlResponse(failureEnvelope(e.id, e.reason, { value: e.value, subErrors: EXCEPTIONS[e.key].subErrors, gsbStatus }));
  }
}

/** `acme.webex.com` → `acme`; loopback and IP hosts name no site. */
export function siteFromHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const name = host.split(':')[0];
  const m = /^([a-z0-9-]+)\.(?:my\.)?webex\.com$/i.exec(name);
  return m && m[1].toLowerCase() !== 'api' ? m[1] : undefined;
}
