/**
 * Answers built from one user as UTF-8 bytes, one per user, reused while nothing they depend on changed: the
 * user's value array (every write replaces it, none mutates it), the site's config object (settings patches
 * replace it) and up to two stamps compared by identity (GetUser: gsbStatus; a LstsummaryUser item: the login
 * and modification times, which change without a write). The engine keeps one cache per rendering: whole
 * GetUser answers (envelope included), and LstsummaryUser's `<use:user>` items, which a page joins as bytes.
 * Encoding a user and copying it to bytes is most of such a request's cost (bench/FIXES.md). Bounded by bytes;
 * eviction is least recently used, approximated by a second chance (a hit only sets a flag: moving the entry in
 * the Map on every hit cost more than the rest of a 100-user page).
 *
 * A joined answer (a LstsummaryUser page: envelope text around cached items) is reused while every part is the
 * very same Buffer and the text around them is equal: whatever makes an item stale makes its page stale too.
 */

/** A cache key part compared with ===. */
export type Stamp = string | number | undefined;

interface Entry {
  values: object;
  config: object;
  stamp: Stamp;
  stamp2: Stamp;
  bytes: Buffer;
  /** A joined answer (getJoined): the parts it was joined from and the text around them. */
  parts?: readonly Buffer[];
  head?: string;
  tail?: string;
  /** What the entry counts against the bound (a joined answer also keeps its parts alive). */
  cost: number;
  /** Read since it last reached the front of the eviction order (second chance). */
  recent: boolean;
}

export interface AnswerCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
}

export const DEFAULT_ANSWER_CACHE_BYTES = 32 * 1024 * 1024;

export class AnswerCache {
  /** Keyed by the user record; Map order is insertion, an entry read since goes to the end instead of out. */
  private readonly entries = new Map<object | string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(readonly maxBytes = DEFAULT_ANSWER_CACHE_BYTES) {}

  /** The cached answer for `owner`, or `render()`'s, stored when it fits. */
  get(owner: object, values: object, config: object, stamp: Stamp, render: () => string, stamp2?: Stamp): Buffer {
    const hit = this.entries.get(owner);
    if (hit && hit.values === values && hit.config === config && hit.stamp === stamp && hit.stamp2 === stamp2) {
      this.hits++;
      hit.recent = true;
      return hit.bytes;
    }
    this.misses++;
    if (hit) this.drop(owner, hit);
    const bytes = Buffer.from(render(), 'utf8');
    this.store(owner, { values, config, stamp, stamp2, bytes, recent: false, cost: bytes.length });
    return bytes;
  }

  /**
   * `head`, the parts and `tail` as one Buffer (UTF-8), reused while the parts are the same Buffers in the same
   * order and the text around them is equal. Keyed by `owner` (a page's own key: a different page under the
   * same key is a miss that replaces it).
   */
  getJoined(owner: object | string, parts: readonly Buffer[], head: string, tail: string): Buffer {
    const hit = this.entries.get(owner);
    if (hit && hit.head === head && hit.tail === tail && sameParts(hit.parts!, parts)) {
      this.hits++;
      hit.recent = true;
      return hit.bytes;
    }
    this.misses++;
    if (hit) this.drop(owner, hit);
    const bytes = join(head, parts, tail);
    this.store(owner, { values: parts, config: parts, stamp: undefined, stamp2: undefined, bytes, parts, head, tail, recent: false, cost: 2 * bytes.length });
    return bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): AnswerCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, hits: this.hits, misses: this.misses };
  }

  private store(owner: object | string, entry: Entry): void {
    if (entry.cost > this.maxBytes) return;
    this.entries.set(owner, entry);
    this.bytes += entry.cost;
    while (this.bytes > this.maxBytes) {
      const [key, old] = this.entries.entries().next().value as [object | string, Entry];
      if (old.recent) {
        old.recent = false;
        this.entries.delete(key);
        this.entries.set(key, old);
      } else {
        this.drop(key, old);
      }
    }
  }

  private drop(key: object | string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.cost;
  }
}

function sameParts(a: readonly Buffer[], b: readonly Buffer[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function join(head: string, parts: readonly Buffer[], tail: string): Buffer {
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (const p of parts) size += p.length;
  const out = Buffer.allocUnsafe(size);
  let at = out.write(head, 0, 'utf8');
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  out.write(tail, at, 'utf8');
  return out;
}
