/**
 * Where the journal keeps exchanges: one byte ring holds each exchange's request bytes, response
 * bytes and short strings; typed arrays hold its numbers. Per request nothing new stays on the V8 heap: only
 * references to strings and Buffers that live anyway (a site's name, an operation's name, a cached answer).
 * Keeping whole exchanges as objects promoted every request to old space (issue 11: ~74 µs of ~152 per GetUser).
 *
 * Bounded by entries and by bytes: a record is evicted (oldest first) when either bound would be passed, and
 * every body beyond `maxBodyBytes` is cut there (its full size is kept, so the entry can say so).
 */
import type { ExchangeMeta } from '../../engine';

export const RESULTS = ['SUCCESS', 'FAILURE', 'HTTP_ERROR', 'DROPPED'] as const;
export type ExchangeResult = (typeof RESULTS)[number];

/** The short strings of an exchange, stored after its bodies. */
export const TEXT_FIELDS = ['caller', 'target', 'exceptionID', 'reason', 'detail', 'fault', 'ignoredElements'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
const FIELDS = TEXT_FIELDS.length;
/** A reader's message can quote a 5 MB element name; the journal keeps the start of each short string. */
export const MAX_TEXT_CHARS = 2048;

const REQUEST_IS_STRING = 1;
const RESPONSE_IS_REF = 2;
const ENVELOPE_READ = 4;

export interface RingOptions {
  entries: number;
  maxBytes: number;
  maxBodyBytes: number;
}

export class ExchangeRing {
  readonly entries: number;
  readonly maxBytes: number;
  readonly maxBodyBytes: number;
  /**
   * Allocated at the first record, not with the journal: V8 counts a Buffer as external memory, and 32 MiB
   * allocated while the server was being built made it run two scavenges and a full mark-compact before it
   * listened (`--trace-gc`; ~25 ms of a ~310 ms start). Growing it instead (1 MiB, doubling) cost more than it
   * saved: on this VM first touching a page is slow (copying 16 MiB into fresh pages took ~0.5 s).
   */
  private buffer: Buffer | undefined;
  private readonly ids: Float64Array;
  private readonly times: Float64Array;
  private readonly durations: Float64Array;
  private readonly statuses: Uint16Array;
  private readonly results: Uint8Array;
  private readonly flags: Uint8Array;
  private readonly offsets: Float64Array;
  private readonly costs: Float64Array;
  /** Per slot: request kept, request full, response kept, response full (bytes). */
  private readonly bodyLens: Float64Array;
  /** Per slot and text field: UTF-8 length, -1 when absent. */
  private readonly textLens: Int32Array;
  private readonly sites: (string | undefined)[];
  private readonly operations: (string | undefined)[];
  private readonly refs: (Buffer | undefined)[];
  private first = 0;
  private live = 0;
  private writeAt = 0;
  private used = 0;
  private touched = 0;
  private nextId = 1;
  evicted = 0;
  evictedBytes = 0;

  constructor(opts: RingOptions) {
    this.maxBytes = Math.max(256 * 1024, Math.floor(opts.maxBytes));
    // Slots are allocated up front (~100 bytes each): more than one per 128 bytes of the byte bound could never
    // fill with real exchanges, so `--journal-size 100000000` does not allocate gigabytes.
    this.entries = Math.max(1, Math.min(Math.floor(opts.entries), Math.floor(this.maxBytes / 128)));
    // One record always fits: two bodies, the short strings (≤ 3 bytes per UTF-16 unit), with room to spare.
    const room = Math.floor((this.maxBytes - FIELDS * MAX_TEXT_CHARS * 3) / 4);
    this.maxBodyBytes = Math.max(1024, Math.min(Math.floor(opts.maxBodyBytes), room));
    const n = this.entries;
    this.ids = new Float64Array(n);
    this.times = new Float64Array(n);
    this.durations = new Float64Array(n);
    this.statuses = new Uint16Array(n);
    this.results = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.offsets = new Float64Array(n);
    this.costs = new Float64Array(n);
    this.bodyLens = new Float64Array(n * 4);
    this.textLens = new Int32Array(n * FIELDS);
    this.sites = new Array<string | undefined>(n).fill(undefined);
    this.operations = new Array<string | undefined>(n).fill(undefined);
    this.refs = new Array<Buffer | undefined>(n).fill(undefined);
  }

  get count(): number { return this.live; }
  /** Bytes the ring's buffer holds: none before the first record, then maxBytes. */
  get allocatedBytes(): number { return this.buffer?.length ?? 0; }

  /** Not zero-filled: pages are committed as the ring first reaches them, so a quiet journal stays small. */
  private get bytes(): Buffer {
    return this.buffer ??= Buffer.allocUnsafeSlow(this.maxBytes);
  }
  /** The highest byte of the ring ever written: the part whose pages are committed. */
  get touchedBytes(): number { return this.touched; }
  /** Bytes the live records hold: copied into the ring, or referenced (a cached answer). */
  get bytesUsed(): number { return this.used; }

  /** Slot of the k-th live record, oldest first. */
  slot(k: number): number {
    return (this.first + k) % this.entries;
  }

  /**
   * `readable`: the engine's reader understood the envelope (reading it again is worth it). `shared`: the
   * response Buffer is a cached answer that lives on anyway, so a reference is kept instead of a copy (a
   * Buffer made for this request alone is copied: keeping it would keep one object per request alive).
   */
  push(startedAt: number, durationMs: number, status: number, request: Buffer | string, response: Buffer | string, meta: ExchangeMeta, readable: boolean, shared = false): void {
    const maxBody = this.maxBodyBytes;
    const requestIsString = typeof request === 'string';
    const requestFull = requestIsString ? Buffer.byteLength(request) : request.length;
    const responseIsRef = shared && typeof response !== 'string' && response.length <= maxBody;
    const responseFull = typeof response === 'string' ? Buffer.byteLength(response) : response.length;
    let need = Math.min(requestFull, maxBody) + (responseIsRef ? 0 : Math.min(responseFull, maxBody));
    const caller = short(meta.caller);
    const target = short(meta.target);
    const exceptionID = short(meta.exceptionID);
    const reason = short(meta.reason);
    const detail = short(meta.detail);
    const fault = short(meta.fault);
    const ignored = meta.ignoredElements?.length ? short(meta.ignoredElements.join('\n')) : undefined;
    need += textBytes(caller) + textBytes(target) + textBytes(exceptionID) + textBytes(reason) + textBytes(detail) + textBytes(fault) + textBytes(ignored);
    const referenced = responseIsRef ? responseFull : 0;

    while (this.live === this.entries || this.used + need + referenced > this.maxBytes) this.evictOldest();
    const start = this.place(need);
    const buf = this.bytes;
    let at = start;
    const requestKept = requestIsString
      ? buf.write(request, at, Math.min(requestFull, maxBody), 'utf8')
      : request.copy(buf, at, 0, utf8Cut(request, maxBody));
    at += requestKept;
    let responseKept = responseFull;
    if (!responseIsRef) {
      responseKept = typeof response === 'string'
        ? buf.write(response, at, Math.min(responseFull, maxBody), 'utf8')
        : response.copy(buf, at, 0, utf8Cut(response, maxBody));
      at += responseKept;
    }
    const s = (this.first + this.live) % this.entries;
    const t = s * FIELDS;
    at = this.text(t, caller, at);
    at = this.text(t + 1, target, at);
    at = this.text(t + 2, exceptionID, at);
    at = this.text(t + 3, reason, at);
    at = this.text(t + 4, detail, at);
    at = this.text(t + 5, fault, at);
    at = this.text(t + 6, ignored, at);

    this.ids[s] = this.nextId++;
    this.times[s] = startedAt;
    this.durations[s] = durationMs;
    this.statuses[s] = status;
    this.results[s] = Math.max(0, RESULTS.indexOf(meta.result));
    this.flags[s] = (requestIsString ? REQUEST_IS_STRING : 0) | (responseIsRef ? RESPONSE_IS_REF : 0) | (readable ? ENVELOPE_READ : 0);
    this.offsets[s] = start;
    const b = s * 4;
    this.bodyLens[b] = requestKept;
    this.bodyLens[b + 1] = requestFull;
    this.bodyLens[b + 2] = responseKept;
    this.bodyLens[b + 3] = responseFull;
    this.costs[s] = at - start + referenced;
    this.sites[s] = meta.site;
    this.operations[s] = meta.operation;
    this.refs[s] = responseIsRef ? (response as Buffer) : undefined;
    this.used += this.costs[s];
    this.writeAt = at;
    if (at > this.touched) this.touched = at;
    this.live++;
  }

  private text(field: number, value: string | undefined, at: number): number {
    if (value === undefined) {
      this.textLens[field] = -1;
      return at;
    }
    const written = this.bytes.write(value, at, 'utf8');
    this.textLens[field] = written;
    return at + written;
  }

  /**
   * A contiguous free range of `need` bytes, evicting the oldest records until there is one. Once the oldest
   * record has moved far enough from the start, the next one goes back there rather than on into bytes never
   * written: the part of the ring in use stays about the size of the live records (~1.5 MB for 1,000 writes)
   * instead of sweeping all 32 MiB, because first touching a page costs 27–66 µs on this VM (a first pass over
   * the ring was a page fault every ~2 requests) and commits memory the count bound never lets records fill.
   */
  private place(need: number): number {
    for (;;) {
      if (this.live === 0) {
        this.writeAt = 0;
        return 0;
      }
      const tail = this.offsets[this.first];
      if (this.writeAt > tail) {
        if (tail >= need) return 0; // wrap: the end of the ring waits until the oldest records pass it
        if (this.maxBytes - this.writeAt >= need) return this.writeAt;
      } else if (this.writeAt < tail && tail - this.writeAt >= need) {
        return this.writeAt;
      }
      this.evictOldest();
    }
  }

  private evictOldest(): void {
    const s = this.first;
    this.used -= this.costs[s];
    this.evicted++;
    this.evictedBytes += this.costs[s];
    this.refs[s] = undefined;
    this.sites[s] = undefined;
    this.operations[s] = undefined;
    this.first = (s + 1) % this.entries;
    this.live--;
  }

  clear(): void {
    for (let k = 0; k < this.live; k++) {
      const s = this.slot(k);
      this.refs[s] = undefined;
      this.sites[s] = undefined;
      this.operations[s] = undefined;
    }
    this.first = 0;
    this.live = 0;
    this.writeAt = 0;
    this.used = 0;
    this.evicted = 0;
    this.evictedBytes = 0;
  }

  id(s: number): number { return this.ids[s]; }
  time(s: number): number { return this.times[s]; }
  durationMs(s: number): number { return this.durations[s]; }
  status(s: number): number { return this.statuses[s]; }
  result(s: number): ExchangeResult { return RESULTS[this.results[s]]; }
  site(s: number): string | undefined { return this.sites[s]; }
  operation(s: number): string | undefined { return this.operations[s]; }

  /** The request as the engine got it: the kept bytes (a view, valid until the next push), or the text it was. */
  request(s: number): { raw: Buffer | string; kept: number; full: number; readable: boolean } {
    const start = this.offsets[s];
    const kept = this.bodyLens[s * 4];
    const view = this.bytes.subarray(start, start + kept);
    const readable = (this.flags[s] & ENVELOPE_READ) !== 0;
    return { raw: this.flags[s] & REQUEST_IS_STRING ? view.toString('utf8') : view, kept, full: this.bodyLens[s * 4 + 1], readable };
  }

  /** The response text (UTF-8) and its kept and full sizes in bytes. */
  response(s: number): { text: string; kept: number; full: number } {
    const kept = this.bodyLens[s * 4 + 2];
    const full = this.bodyLens[s * 4 + 3];
    const ref = this.refs[s];
    if (ref) return { text: ref.toString('utf8'), kept, full };
    const start = this.offsets[s] + this.bodyLens[s * 4];
    return { text: this.bytes.toString('utf8', start, start + kept), kept, full };
  }

  texts(s: number): Record<TextField, string | undefined> {
    const out = {} as Record<TextField, string | undefined>;
    let at = this.offsets[s] + this.bodyLens[s * 4] + (this.flags[s] & RESPONSE_IS_REF ? 0 : this.bodyLens[s * 4 + 2]);
    for (let f = 0; f < FIELDS; f++) {
      const len = this.textLens[s * FIELDS + f];
      if (len < 0) { out[TEXT_FIELDS[f]] = undefined; continue; }
      out[TEXT_FIELDS[f]] = this.bytes.toString('utf8', at, at + len);
      at += len;
    }
    return out;
  }
}

function short(s: string | undefined): string | undefined {
  return s === undefined || s.length <= MAX_TEXT_CHARS ? s : `${s.slice(0, MAX_TEXT_CHARS)}…`;
}

function textBytes(s: string | undefined): number {
  return s === undefined ? 0 : Buffer.byteLength(s);
}

/** Cut at most `max` bytes without splitting a UTF-8 sequence (a continuation byte never starts the cut-off part). */
function utf8Cut(b: Buffer, max: number): number {
  if (b.length <= max) return b.length;
  let cut = max;
  for (let back = 0; back < 3 && cut > 0 && (b[cut] & 0xc0) === 0x80; back++) cut--;
  return cut;
}
