/**
 * Whole GetUser answers (envelope included) as UTF-8 bytes, one per user, reused while nothing they depend on
 * changed: the user's value array (every write replaces it, none mutates it), the site's config object
 * (settings patches replace it) and gsbStatus. Encoding a fully populated user and copying it to bytes is most
 * of a GetUser's cost (bench/FIXES.md). Bounded by bytes, least recently used first out.
 */
import type { GsbStatus } from '../wire';

interface Entry {
  values: object;
  config: object;
  gsbStatus: GsbStatus;
  bytes: Buffer;
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
  /** Keyed by the user record; Map order is recency (a hit moves its entry to the end). */
  private readonly entries = new Map<object, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(readonly maxBytes = DEFAULT_ANSWER_CACHE_BYTES) {}

  /** The cached answer for `owner`, or `render()`'s, stored when it fits. */
  get(owner: object, values: object, config: object, gsbStatus: GsbStatus, render: () => string): Buffer {
    const hit = this.entries.get(owner);
    if (hit && hit.values === values && hit.config === config && hit.gsbStatus === gsbStatus) {
      this.hits++;
      this.entries.delete(owner);
      this.entries.set(owner, hit);
      return hit.bytes;
    }
    this.misses++;
    if (hit) this.drop(owner, hit);
    const bytes = Buffer.from(render(), 'utf8');
    if (bytes.length <= this.maxBytes) {
      this.entries.set(owner, { values, config, gsbStatus, bytes });
      this.bytes += bytes.length;
      for (const [key, old] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.drop(key, old);
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
