/**
 * Answers built from one user as UTF-8 bytes, one per user, reused while nothing they depend on changed: the
 * user's value array (every write replaces it, none mutates it), the site's config object (settings patches
 * replace it) and up to two stamps compared by identity (GetUser: gsbStatus; a LstsummaryUser item: the login
 * and modification times, which change without a write). The engine keeps one cache per rendering: whole
 * GetUser answers (envelope included), and LstsummaryUser's `<use:user>` items, which a page joins as bytes.
 * Encoding a user and copying it to bytes is most of such a request's cost (bench/FIXES.md). Bounded by bytes;
 * eviction is least recently used, approximated by a second chance (a hit only sets a flag: moving the entry in
 * the Map on every hit cost more than the rest of a 100-user page).
 */

/** A cache key part compared with ===. */
export type Stamp = string | number | undefined;

interface Entry {
  values: object;
  config: object;
  stamp: Stamp;
  stamp2: Stamp;
  bytes: Buffer;
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
  private readonly entries = new Map<object, Entry>();
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
    if (bytes.length <= this.maxBytes) {
      this.entries.set(owner, { values, config, stamp, stamp2, bytes, recent: false });
      this.bytes += bytes.length;
      while (this.bytes > this.maxBytes) {
        const [key, old] = this.entries.entries().next().value as [object, Entry];
        if (old.recent) {
          old.recent = false;
          this.entries.delete(key);
          this.entries.set(key, old);
        } else {
          this.drop(key, old);
        }
      }
    }
    return bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): AnswerCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, hits: this.hits, misses: this.misses };
  }

  private drop(key: object, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes.length;
  }
}
