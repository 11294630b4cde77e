/**
 * The request journal: an engine observer keeping the last exchanges, bounded by count and by bytes, with
 * counts of what it evicted. Recording copies the exchange's bytes into a byte ring (allocated at the first record) and keeps no object
 * of it (exchange-ring.ts); reading re-reads the stored request with the envelope reader and redacts — so
 * parsing and redaction cost nothing for the many entries evicted unread, and only the redacted form ever
 * leaves this module.
 */
import type { Exchange, Observer } from '../../engine';
import { decodeBody, isEnvelopeError, parseEnvelope, type Envelope, type XmlNode } from '../../wire';
import { ExchangeRing, type ExchangeResult } from './exchange-ring';
import {
  LONG_TEXT_SECRETS, REDACTED, newFindings, redactReaderDetail, redactValue, redactXmlCollect,
  scrubLiterals, secretList,
} from './redact';
import { xmlToObject, type PlainXml } from './xml-to-object';
import { isSecretName } from '../../wire/secret-names';

export interface JournalEntry {
  id: number;
  /** ISO time the request arrived. */
  time: string;
  site?: string;
  caller?: string;
  operation?: string;
  target?: string;
  /**
   * The parsed request, redacted: { securityContext, bodyType, body }. Absent when the envelope was unreadable
   * or the journal kept only part of the request.
   */
  request?: { securityContext: Record<string, string>; bodyType: string; body: PlainXml };
  result: ExchangeResult;
  httpStatus: number;
  exceptionID?: string;
  reason?: string;
  detail?: string;
  fault?: string;
  /** Request elements the catalog does not know (the service ignores them): often a connector's typo. */
  ignoredElements?: string[];
  /** Bodies the journal cut at `maxBodyBytes`: their full size in bytes. */
  truncated?: { request?: number; response?: number };
  durationMs: number;
  requestXml: string;
  responseXml: string;
}

export interface JournalQuery {
  site?: string;
  operation?: string;
  result?: string;
  /** Most recent N (default 100). */
  limit?: number;
  /** Only entries with a larger id (a number), or at/after a time (ISO date). */
  since?: string;
}

export interface JournalOptions {
  /** Entries kept (default 1000; at most one per 128 bytes of maxBytes). */
  size?: number;
  /** Bytes kept, request and response bodies together (default 32 MiB): the oldest entries go first. */
  maxBytes?: number;
  /** Each body beyond this is cut (default 256 KiB), and the entry says so in `truncated`. */
  maxBodyBytes?: number;
}

export const DEFAULT_JOURNAL_SIZE = 1000;
export const DEFAULT_JOURNAL_BYTES = 32 * 1024 * 1024;
export const DEFAULT_JOURNAL_BODY_BYTES = 256 * 1024;
/** Short strings (detail, reason, target, element names) are scrubbed of this many secrets, the reader's first. */
const SHORT_TEXT_SECRETS = 64;

export interface JournalStats {
  total: number;
  evicted: number;
  evictedBytes: number;
  size: number;
  bytes: number;
  maxBytes: number;
}

export class Journal {
  private readonly ring: ExchangeRing;

  constructor(opts: JournalOptions = {}) {
    this.ring = new ExchangeRing({
      entries: opts.size ?? DEFAULT_JOURNAL_SIZE,
      maxBytes: opts.maxBytes ?? DEFAULT_JOURNAL_BYTES,
      maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_JOURNAL_BODY_BYTES,
    });
  }

  get size(): number { return this.ring.entries; }
  get maxBytes(): number { return this.ring.maxBytes; }
  get maxBodyBytes(): number { return this.ring.maxBodyBytes; }
  get evicted(): number { return this.ring.evicted; }

  stats(): JournalStats {
    const r = this.ring;
    return { total: r.count, evicted: r.evicted, evictedBytes: r.evictedBytes, size: r.entries, bytes: r.bytesUsed, maxBytes: r.maxBytes };
  }

  /** For /_mock/health: how full the journal is and what it evicted. */
  health(): { entries: number; evicted: number; evictedBytes: number; size: number; bytes: number; maxBytes: number } {
    const { total, ...rest } = this.stats();
    return { entries: total, ...rest };
  }

  /** The engine observer: copies the exchange into the ring and keeps nothing of it. */
  readonly observer: Observer = (x) => this.record(x);

  record(x: Exchange): void {
    this.ring.push(x.startedAt, x.durationMs, x.response.status, x.request.body, x.response.body, x.meta, x.envelope !== undefined, x.response.shared === true);
  }

  /** Newest last; `limit` keeps the most recent matches. */
  query(q: JournalQuery = {}): { entries: JournalEntry[] } & JournalStats {
    const sinceId = q.since !== undefined && /^\d+$/.test(q.since) ? Number(q.since) : undefined;
    const sinceTime = q.since !== undefined && sinceId === undefined ? Date.parse(q.since) : undefined;
    const eq = (a: string | undefined, b: string | undefined) => b === undefined || (a ?? '').toLowerCase() === b.toLowerCase();
    const r = this.ring;
    // Filter on what the ring keeps outside the bytes (no secrets there); read and redact only what is returned.
    const limit = Math.max(0, q.limit ?? 100);
    const picked: number[] = [];
    for (let k = r.count - 1; k >= 0 && picked.length < limit; k--) {
      const s = r.slot(k);
      if (sinceId !== undefined && r.id(s) <= sinceId) break;
      if (sinceTime !== undefined && !Number.isNaN(sinceTime) && r.time(s) < sinceTime) continue;
      if (eq(r.site(s), q.site) && eq(r.operation(s), q.operation) && eq(r.result(s), q.result)) picked.push(s);
    }
    return { entries: picked.reverse().map((s) => this.entryOf(s)), ...this.stats() };
  }

  entries(): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let k = 0; k < this.ring.count; k++) out.push(this.entryOf(this.ring.slot(k)));
    return out;
  }

  clear(): void {
    this.ring.clear();
  }

  private entryOf(s: number): JournalEntry {
    const r = this.ring;
    const req = r.request(s);
    const res = r.response(s);
    const texts = r.texts(s);
    const requestCut = req.kept < req.full;
    const responseCut = res.kept < res.full;
    const decoded = decodeBody(req.raw);
    const requestText = typeof decoded === 'string' ? decoded : (req.raw as Buffer).toString('latin1');
    // The same reader the engine used, on the same bytes: the request as the service understood it.
    const parsed = req.readable && !requestCut ? parseEnvelope(req.raw) : undefined;
    const envelope = parsed && !isEnvelopeError(parsed) ? parsed : undefined;
    const understood = envelope ? secretsUnderstood(envelope) : { values: [], names: new Set<string>() };

    const found = newFindings();
    const requestXml = redactXmlCollect(requestText, found);
    const responseXml = redactXmlCollect(res.text, found);
    const sc = envelope?.security;
    const secrets = secretList([sc?.password, sc?.sessionTicket, sc?.webExAccessToken, ...understood.values], found.secrets);
    const long = (text: string) => scrubLiterals(text, secrets, LONG_TEXT_SECRETS);
    const brief = (text: string | undefined) => (text === undefined ? undefined : scrubLiterals(text, secrets, SHORT_TEXT_SECRETS));
    const detail = texts.detail !== undefined && !envelope ? redactReaderDetail(texts.detail, requestText, found.spans) : texts.detail;
    const ignored = texts.ignoredElements?.split('\n').map((path) =>
      path.split('/').some((name) => understood.names.has(name)) ? REDACTED : brief(path)!);

    return {
      id: r.id(s),
      time: new Date(r.time(s)).toISOString(),
      site: r.site(s),
      caller: brief(texts.caller),
      operation: r.operation(s),
      target: brief(texts.target),
      request: envelope ? redactValue({
        securityContext: { ...envelope.security },
        bodyType: envelope.bodyType,
        body: xmlToObject(envelope.body),
      }, secrets) as JournalEntry['request'] : undefined,
      result: r.result(s),
      httpStatus: r.status(s),
      exceptionID: brief(texts.exceptionID),
      reason: brief(texts.reason),
      detail: brief(detail),
      fault: texts.fault,
      ignoredElements: ignored,
      truncated: requestCut || responseCut ? { ...(requestCut ? { request: req.full } : {}), ...(responseCut ? { response: res.full } : {}) } : undefined,
      durationMs: Math.round(r.durationMs(s) * 1000) / 1000,
      requestXml: long(requestXml) + cutNote(req.kept, req.full),
      responseXml: long(responseXml) + cutNote(res.kept, res.full),
    };
  }
}

function cutNote(kept: number, full: number): string {
  return kept < full ? `… [${full - kept} more bytes cut by the journal]` : '';
}

/**
 * What the reader took as secret in the body: the text of every element with a secret local name and of
 * everything inside one, and the names inside (an unescaped '<' in a password makes its tail an element name).
 */
function secretsUnderstood(envelope: Envelope): { values: string[]; names: Set<string> } {
  const values: string[] = [];
  const names = new Set<string>();
  const inside = (node: XmlNode) => {
    if (node.text !== '') values.push(node.text);
    for (const c of node.children) {
      names.add(c.name);
      if (c.prefix) names.add(`${c.prefix}:${c.name}`);
      inside(c);
    }
  };
  const walk = (node: XmlNode) => {
    for (const c of node.children) {
      if (isSecretName(c.name)) inside(c);
      else walk(c);
    }
  };
  walk(envelope.body);
  return { values, names };
}

export { REDACTED };
