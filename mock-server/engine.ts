/**
 * The engine: one XML API request in, one response out. Both doors (Express and msw) call `handle`.
 * bytes → wire.parseEnvelope → catalog operation → site (resolve, authenticate, authorise) → operation → wire.
 * Interceptors (faults, rate limits) run once the request is understood; observers (journal) see every exchange.
 */
import { EXCEPTIONS, formatReason, operationForType, type ExceptionKey, type OperationDef } from './catalog';
import type { OperationResult } from './operations/types';
import { authenticate, authorize, type Caller } from './site/auth';
import type { SiteRegistry } from './site/registry';
import type { Site } from './site/site';
import { modifiedAtOf } from './site/user-record';
import { WebexError } from './site/webex-error';
import { AnswerCache } from './operations/answer-cache';
import {
  RESPONSE_CONTENT_TYPE, failureEnvelope, isEnvelopeError, parseEnvelope, successEnvelope, successEnvelopeAround,
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
  /**
   * The answer. A Buffer is a reused answer (a cached GetUser, operations/answer-cache.ts): UTF-8 bytes shared
   * by every request that got them — never mutate one; read text with `responseText`.
   */
  body: string | Buffer;
  /** The body Buffer is a cached answer that lives on: an observer may keep a reference instead of a copy. */
  shared?: boolean;
  /** Drop the connection instead of answering (fault injection). */
  dropConnection?: boolean;
}

/** The body as text, whichever form it has. */
export function responseText(r: Pick<EngineResponse, 'body'>): string {
  return typeof r.body === 'string' ? r.body : r.body.toString('utf8');
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
/** Sees every exchange once it is answered. Copy what you keep: holding the exchange keeps the request alive. */
export type Observer = (exchange: Exchange) => void;

const BASE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': RESPONSE_CONTENT_TYPE,
  Pragma: 'no-cache',
  'Cache-Control': 'no-cache',
  Expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
});

/** 000000 as real sites answer an unreadable envelope: no bodyContent; the reason keeps `null` as captured. */
function forwardFailed(detail: string, meta: ExchangeMeta): EngineResponse {
  const reason = formatReason(EXCEPTIONS.forwardFailed.reason, { detail: 'null' });
  failed(meta, EXCEPTIONS.forwardFailed.id, reason);
  return xmlResponse(failureEnvelope(EXCEPTIONS.forwardFailed.id, reason, { withoutBodyContent: true }), { 'X-Webex-Mock-Detail': headerSafe(detail) });
}

/** The detail quotes the request (an xsi:type): characters a header cannot carry are written as \uXXXX. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A 200 XML answer; without extra headers all answers share one frozen header object. */
export function xmlResponse(body: string | Buffer, extra?: Record<string, string>): EngineResponse {
  return { status: 200, headers: extra ? { ...BASE_HEADERS, ...extra } : BASE_HEADERS as Record<string, string>, body };
}

export function failureResponse(key: ExceptionKey, reason?: string, value?: string, gsbStatus?: GsbStatus): EngineResponse {
  const def = EXCEPTIONS[key];
  return xmlResponse(failureEnvelope(def.id, reason ?? def.reason, { value, gsbStatus, subErrors: def.subErrors }));
}

/** What the engine knows when it builds a FAILURE itself: no need to scan its own answer for it. */
function failed(meta: ExchangeMeta, id: string, reason: string): void {
  meta.result = 'FAILURE';
  meta.exceptionID ??= id;
  meta.reason ??= reason;
}

function webexFailure(e: WebexError, meta: ExchangeMeta, gsbStatus?: GsbStatus): EngineResponse {
  failed(meta, e.id, e.reason);
  return xmlResponse(failureEnvelope(e.id, e.reason, { value: e.value, subErrors: EXCEPTIONS[e.key].subErrors, gsbStatus }));
}

/** Never crash on a request: an unexpected error is a Webex-style FAILURE and a line on stderr. */
function internalFailure(e: unknown, meta: ExchangeMeta): EngineResponse {
  meta.detail = `internal error: ${(e as Error).message}`;
  process.stderr.write(`webex-mock: internal error: ${(e as Error).stack}\n`);
  failed(meta, EXCEPTIONS.internalError.id, EXCEPTIONS.internalError.reason);
  return failureResponse('internalError');
}

/** An interceptor's answer: the engine did not build it, so its outcome is read from it. */
function classify(response: EngineResponse, meta: ExchangeMeta): void {
  if (response.dropConnection || response.status !== 200) return;
  const text = responseText(response);
  if (!text.includes('<serv:result>FAILURE</serv:result>')) return;
  meta.result = 'FAILURE';
  meta.exceptionID = /<serv:exceptionID>([^<]*)</.exec(text)?.[1] ?? meta.exceptionID;
  meta.reason = /<serv:reason>([^<]*)</.exec(text)?.[1] ?? meta.reason;
}

/** What an interceptor sees; methods on a prototype, so a request allocates one small object per interceptor. */
class InterceptCall implements InterceptContext {
  constructor(
    private readonly engine: Engine,
    readonly envelope: Envelope,
    readonly op: OperationDef,
    readonly site: Site,
    readonly meta: ExchangeMeta,
  ) {}

  failure(id: string, reason: string, opts?: { gsbStatus?: GsbStatus; value?: string }): EngineResponse {
    return xmlResponse(failureEnvelope(id, reason, opts));
  }

  run(opts?: RunOptions): EngineResponse {
    return this.engine.run(this.envelope, this.op, this.site, this.meta, opts);
  }
}

/** The operation handlers (and their codecs) load with the first request that runs one, not at start-up. */
let handlers: typeof import('./operations').HANDLERS | undefined;
const handlerFor = (name: OperationDef['name']) => (handlers ??= (require('./operations') as typeof import('./operations')).HANDLERS)[name];

const isPromise = <T>(v: unknown): v is PromiseLike<T> => typeof (v as PromiseLike<T> | undefined)?.then === 'function';

export class Engine {
  readonly interceptors: Interceptor[] = [];
  readonly observers: Observer[] = [];
  /** Whole GetUser answers reused until the user or the site config changes. */
  readonly answers: AnswerCache;
  /** LstsummaryUser's `<use:user>` items, joined as bytes into each page. */
  readonly listItems: AnswerCache;
  /** Whole LstsummaryUser pages, reused while each of their items is. */
  readonly listPages: AnswerCache;

  constructor(readonly registry: SiteRegistry, readonly now: () => number = Date.now, opts: { answerCacheBytes?: number; listItemCacheBytes?: number; listPageCacheBytes?: number } = {}) {
    this.answers = new AnswerCache(opts.answerCacheBytes);
    this.listItems = new AnswerCache(opts.listItemCacheBytes ?? DEFAULT_LIST_ITEM_CACHE_BYTES);
    this.listPages = new AnswerCache(opts.listPageCacheBytes ?? DEFAULT_LIST_PAGE_CACHE_BYTES);
  }

  async handle(request: EngineRequest): Promise<EngineResponse> {
    return this.respond(request);
  }

  /**
   * `handle` without a promise when nothing waits (no latency fault): what the HTTP door calls, so a request
   * costs no promise and no microtask turn.
   */
  respond(request: EngineRequest): EngineResponse | Promise<EngineResponse> {
    const startedAt = this.now();
    const t0 = performance.now();
    const meta: ExchangeMeta = { result: 'SUCCESS' };
    let envelope: Envelope | undefined;
    let response: EngineResponse | Promise<EngineResponse>;
    try {
      const parsed = parseEnvelope(request.body);
      if (isEnvelopeError(parsed)) {
        meta.detail = parsed.detail;
        response = forwardFailed(parsed.detail, meta);
      } else {
        envelope = parsed;
        response = this.dispatch(parsed, request, meta);
      }
    } catch (e) {
      response = internalFailure(e, meta);
    }
    if (!isPromise<EngineResponse>(response)) return this.finish(request, envelope, response, meta, startedAt, t0);
    const env = envelope;
    return Promise.resolve(response).then(
      (r) => this.finish(request, env, r, meta, startedAt, t0),
      (e: unknown) => this.finish(request, env, internalFailure(e, meta), meta, startedAt, t0),
    );
  }

  private finish(request: EngineRequest, envelope: Envelope | undefined, response: EngineResponse, meta: ExchangeMeta, startedAt: number, t0: number): EngineResponse {
    if (response.dropConnection) meta.result = 'DROPPED';
    else if (response.status !== 200) meta.result = 'HTTP_ERROR';
    if (this.observers.length > 0) {
      const exchange: Exchange = { startedAt, durationMs: performance.now() - t0, request, envelope, response, meta };
      for (const o of this.observers) {
        try { o(exchange); } catch (e) { process.stderr.write(`webex-mock: observer failed: ${(e as Error).message}\n`); }
      }
    }
    return response;
  }

  /** Synchronous unless an interceptor answers later (a latency fault): no promise per request otherwise. */
  private dispatch(envelope: Envelope, request: EngineRequest, meta: ExchangeMeta): EngineResponse | Promise<EngineResponse> {
    const op = operationForType(envelope.bodyType);
    if (!op) {
      meta.detail = `unknown xsi:type ${envelope.bodyType}`;
      return forwardFailed(meta.detail, meta);
    }
    meta.operation = op.name;
    meta.caller = envelope.security.webExID ?? envelope.security.email;
    let site: Site;
    try {
      site = this.registry.resolve(envelope.security, siteFromHost(request.host));
    } catch (e) {
      if (!(e instanceof WebexError)) throw e;
      return webexFailure(e, meta);
    }
    meta.site = site.name;
    try {
      const r = this.intercept(0, envelope, op, site, meta);
      return isPromise<EngineResponse>(r) ? Promise.resolve(r).catch((e: unknown) => this.webexOnly(e, meta)) : r;
    } catch (e) {
      return this.webexOnly(e, meta);
    }
  }

  /** A WebexError an interceptor threw is its answer; anything else is the engine's internal error. */
  private webexOnly(e: unknown, meta: ExchangeMeta): EngineResponse {
    if (!(e instanceof WebexError)) throw e;
    return webexFailure(e, meta);
  }

  private intercept(from: number, envelope: Envelope, op: OperationDef, site: Site, meta: ExchangeMeta): EngineResponse | Promise<EngineResponse> {
    for (let i = from; i < this.interceptors.length; i++) {
      const r = this.interceptors[i](new InterceptCall(this, envelope, op, site, meta));
      if (isPromise<EngineResponse | undefined>(r)) {
        return Promise.resolve(r).then((answer) => {
          if (!answer) return this.intercept(i + 1, envelope, op, site, meta);
          classify(answer, meta);
          return answer;
        });
      }
      if (r) {
        classify(r, meta);
        return r;
      }
    }
    return this.run(envelope, op, site, meta);
  }

  /** Authenticate, authorise, run the handler and build the envelope: the part of a request after interceptors. */
  run(envelope: Envelope, op: OperationDef, site: Site, meta: ExchangeMeta, opts: RunOptions = {}): EngineResponse {
    const gsbStatus = opts.gsbStatus;
    try {
      let caller: Caller | undefined;
      if (op.credentials === 'required') {
        caller = authenticate(site, envelope.security, op);
        meta.caller = caller.webExId;
        if (op.admin === 'always') authorize(caller, op);
      }
      const result = handlerFor(op.name)({ op, site, caller, security: envelope.security, body: opts.body ?? envelope.body, now: this.now });
      meta.target = result.target;
      if (result.ignored?.length) meta.ignoredElements = result.ignored;
      const reusable = result.reusable;
      if (reusable) {
        const bytes = this.answers.get(reusable.user, reusable.user.values, site.config, gsbStatus ?? 'PRIMARY',
          () => successEnvelope(op.responseType, reusable.render(reusable.user), { bodyNamespaces: result.bodyNamespaces, gsbStatus }));
        return { status: 200, headers: BASE_HEADERS as Record<string, string>, body: bytes, shared: true };
      }
      if (result.userItems) return { status: 200, headers: BASE_HEADERS as Record<string, string>, body: this.joinItems(result, op, site, gsbStatus), shared: true };
      if (!result.body && !result.bodyNamespaces && !result.rootNamespaces) {
        return { status: 200, headers: BASE_HEADERS as Record<string, string>, body: this.emptySuccess(op.responseType, gsbStatus), shared: true };
      }
      return xmlResponse(successEnvelope(op.responseType, result.body ?? '', { bodyNamespaces: result.bodyNamespaces, rootNamespaces: result.rootNamespaces, gsbStatus }));
    } catch (e) {
      if (!(e instanceof WebexError)) throw e;
      return webexFailure(e, meta, gsbStatus);
    }
  }

  /**
   * A SUCCESS with an empty bodyContent (SetUser, DelSessionTemplates, UploadPMRImage) is the same bytes every
   * time for its type and gsbStatus: built once, sent and journaled by reference (no envelope string, no two
   * UTF-8 encodings, no journal copy per write).
   */
  private emptySuccess(responseType: string, gsbStatus: GsbStatus | undefined): Buffer {
    const byType = gsbStatus === 'BACKUP' ? this.emptyBackup : this.emptyPrimary;
    let bytes = byType.get(responseType);
    if (!bytes) byType.set(responseType, bytes = Buffer.from(successEnvelope(responseType, '', { gsbStatus }), 'utf8'));
    return bytes;
  }

  private readonly emptyPrimary = new Map<string, Buffer>();
  private readonly emptyBackup = new Map<string, Buffer>();

  /**
   * A page as one Buffer: envelope text, each user's cached item bytes, the text after them — the bytes
   * Buffer.from(successEnvelope(…)) would give, without building (and later flattening and encoding) a 40 KB
   * string per request. The page itself is kept too (engine.listPages), reused while every item is the same
   * cached Buffer: a page read again is sent and journaled by reference, with no 40 KB allocation and copy (on
   * this VM fresh memory for it cost more in page faults than the rest of the page: bench/FIXES.md).
   */
  private joinItems(result: OperationResult, op: OperationDef, site: Site, gsbStatus: GsbStatus | undefined): Buffer {
    const { users, render, after } = result.userItems!;
    const [open, close] = successEnvelopeAround(op.responseType, { bodyNamespaces: result.bodyNamespaces, rootNamespaces: result.rootNamespaces, gsbStatus });
    const items = new Array<Buffer>(users.length);
    for (let i = 0; i < users.length; i++) {
      const u = users[i];
      items[i] = this.listItems.get(u, u.values, site.config, u.lastLoginAt, () => render(u), modifiedAtOf(u));
    }
    const tail = after + close;
    return this.listPages.getJoined(`${site.name}\n${users[0]?.userId}\n${tail}`, items, open, tail);
  }
}

/** ~100,000 LstsummaryUser items of ~430 bytes. */
export const DEFAULT_LIST_ITEM_CACHE_BYTES = 48 * 1024 * 1024;
/** ~190 pages of 100 (a page counts twice: its bytes and the items it keeps alive). */
export const DEFAULT_LIST_PAGE_CACHE_BYTES = 16 * 1024 * 1024;

export interface RunOptions {
  /** Answer with this gsbStatus (a site on its backup servers). */
  gsbStatus?: GsbStatus;
  /** Run on a different body (a fault that takes ids out of a DelUser batch). */
  body?: XmlNode;
}

/** `acme.webex.com` (or `acme.my.webex.com`, any case, any port) → `acme`; loopback, IP and api hosts name no site. */
export function siteFromHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const colon = host.indexOf(':');
  const name = (colon === -1 ? host : host.slice(0, colon)).toLowerCase();
  if (!name.endsWith('.webex.com')) return undefined;
  let label = name.slice(0, name.length - '.webex.com'.length);
  if (label.endsWith('.my')) label = label.slice(0, -3);
  if (label === '' || label === 'api' || !SITE_LABEL.test(label)) return undefined;
  // The site part keeps the case the client sent (registry lookups ignore case).
  return host.slice(0, label.length);
}

const SITE_LABEL = /^[a-z0-9-]+$/;
