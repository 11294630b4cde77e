/**
 * Which value slots a write set (CreateUser, SetUser): the rules that follow ask "did the request set X?".
 * Bits in a few small-integer words, read by slot number. A Set of path strings cost ~350 ns a create (its
 * growth, then lookups that hash each path); a Uint8Array per write ~2.6 µs (typed arrays are slow to allocate);
 * these words ~70 ns (bench/FIXES.md).
 */
import { SLOT_COUNT } from '../catalog';

const WORD_BITS = 30; // a small integer on every V8 build
const WORDS = Math.ceil(SLOT_COUNT / WORD_BITS);

export class WrittenSlots {
  // A literal while the catalog fits it (the usual case, and the cheapest allocation).
  private readonly words: number[] = WORDS <= 8 ? [0, 0, 0, 0, 0, 0, 0, 0] : new Array<number>(WORDS).fill(0);

  add(slot: number): void {
    this.words[(slot / WORD_BITS) | 0] |= 1 << (slot % WORD_BITS);
  }

  has(slot: number): boolean {
    return (this.words[(slot / WORD_BITS) | 0] & (1 << (slot % WORD_BITS))) !== 0;
  }
}
