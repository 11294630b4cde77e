/**
 * The request journal: an engine observer keeping the last N exchanges (a ring) with a count of evicted ones.
 * Recording is O(1): an exchange is redacted into a JournalEntry the first time anything reads it (query,
 * entries), and only that redacted form ever leaves this module. Redacting every exchange on the request path
 * cost ~30% of GetUser throughput (bench/FIXES.md); most entries are evicted unread.
 */
import { responseText, type Exchange, type Observer } from '../../engine';
import { decodeBody } from '../../wire';
import { REDACTED, redactValue, redactXmlCollect, scrubLiterals } from './redact';
import { xmlToObject, type PlainXml } from './xml-to-object';

export interface JournalEntry {
  id: number;
  /** ISO time the request arrived. */
  time: string;
  site?: string;
  caller?: string;
  operation?: string;
  target?: string;
  /** The parsed request, redacted: { securityContext, bodyType, body }. Absent when the envelope was unreadable. */
  request?: { securityContext: Record<string, string>; bodyType: string; body: PlainXml };
  result: 'SUCCESS' | 'FAILURE' | 'HTTP_ERROR' | 'DROPPED';
  httpStatus: number;
  exceptionID?: string;
  reason?: string;
  detail?: string;
  fault?: string;
  /** Request elements the catalog does not know (the service ignores them): often a connector's typo. */
  ignoredElements?: string[];
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
  /** Ring size (default 1000). */
  size?: number;
  /** Raw XML longer than this is cut (with a note) so a few huge LstUser answers cannot fill memory. */
  maxXmlChars?: number;
}

/**
 * An exchange as recorded, with the fields queries filter on (none of them secret); `entry` is its redacted
 * form, built once on first read (then `exchange` is dropped).
 */
interface Slot {
  id: number;
  time: number;
  site?: string;
  operation?: string;
  result: string;
  exchange?: Exchange;
  entry?: JournalEntry;
}

export class Journal {
  readonly size: number;
  private readonly maxXml: number;
  private ring: Slot[] = [];
  private start = 0;
  private nextId = 1;
  evicted = 0;

  constructor(opts: JournalOptions = {}) {
    this.size = Math.max(1, opts.size ?? 1000);
    this.maxXml = opts.maxXmlChars ?? 64 * 1024;
  }

  /** The engine observer. */
  readonly observer: Observer = (exchange) => this.record(exchange);

  record(x: Exchange): void {
    const m = x.meta;
    this.push({ id: this.nextId++, time: x.startedAt, site: m.site, operation: m.operation, result: m.result, exchange: x });
  }

  private entryOf(slot: Slot): JournalEntry {
    if (!slot.entry) {
      slot.entry = this.redact(slot.id, slot.exchange!);
      slot.exchange = undefined;
    }
    return slot.entry;
  }

  private redact(id: number, x: Exchange): JournalEntry {
    const raw = decodeBody(x.request.body);
    const requestText = typeof raw === 'string' ? raw : x.request.body.toString('latin1');
    const sc = x.envelope?.security ?? {};
    const found: string[] = [];
    const requestXml = redactXmlCollect(requestText, found);
    const responseXml = redactXmlCollect(responseText(x.response), found);
    const secrets = [sc.password, sc.sessionTicket, sc.webExAccessToken, ...found]
      .filter((s): s is string => typeof s === 'string' && s !== '').sort((a, b) => b.length - a.length);
    const xml = (s: string) => this.cut(scrubLiterals(s, secrets));
    const m = x.meta;
    return {
      id,
      time: new Date(x.startedAt).toISOString(),
      site: m.site,
      caller: m.caller,
      operation: m.operation,
      target: m.target !== undefined ? scrubLiterals(m.target, secrets) : undefined,
      request: x.envelope ? redactValue({
        securityContext: { ...sc },
        bodyType: x.envelope.bodyType,
        body: xmlToObject(x.envelope.body),
      }, secrets) as JournalEntry['request'] : undefined,
      result: m.result,
      httpStatus: x.response.status,
      exceptionID: m.exceptionID,
      reason: m.reason !== undefined ? scrubLiterals(m.reason, secrets) : undefined,
      detail: m.detail !== undefined ? scrubLiterals(m.detail, secrets) : undefined,
      fault: m.fault,
      ignoredElements: m.ignoredElements,
      durationMs: Math.round(x.durationMs * 1000) / 1000,
      requestXml: xml(requestXml),
      responseXml: xml(responseXml),
    };
  }

  /** Newest last; `limit` keeps the most recent matches. */
  query(q: JournalQuery = {}): { entries: JournalEntry[]; total: number; evicted: number; size: number } {
    const sinceId = q.since !== undefined && /^\d+$/.test(q.since) ? Number(q.since) : undefined;
    const sinceTime = q.since !== undefined && sinceId === undefined ? Date.parse(q.since) : undefined;
    const eq = (a: string | undefined, b: string | undefined) => b === undefined || (a ?? '').toLowerCase() === b.toLowerCase();
    // Filter on what the exchange says about itself (no secrets there); redact only the entries returned.
    const matches = this.slots().filter((slot) =>
      eq(slot.site, q.site) && eq(slot.operation, q.operation) && eq(slot.result, q.result)
      && (sinceId === undefined || slot.id > sinceId)
      && (sinceTime === undefined || Number.isNaN(sinceTime) || slot.time >= sinceTime));
    const limit = Math.max(0, q.limit ?? 100);
    const entries = matches.slice(Math.max(0, matches.length - limit)).map((slot) => this.entryOf(slot));
    return { entries, total: this.ring.length, evicted: this.evicted, size: this.size };
  }

  entries(): JournalEntry[] {
    return this.slots().map((slot) => this.entryOf(slot));
  }

  private slots(): Slot[] {
    return [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
  }

  clear(): void {
    this.ring = [];
    this.start = 0;
    this.evicted = 0;
  }

  private push(e: Slot): void {
    if (this.ring.length < this.size) {
      this.ring.push(e);
      return;
    }
    this.ring[this.start] = e;
    this.start = (this.start + 1) % this.size;
    this.evicted++;
  }

  private cut(s: string): string {
    return s.length <= this.maxXml ? s : `${s.slice(0, this.maxXml)}… [${s.length - this.maxXml} more characters cut by the journal]`;
  }
}


export { REDACTED };
