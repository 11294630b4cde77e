/** Small seeded PRNG (mulberry32): generated ids, codes and PINs repeat run after run for the same seed. */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** The generator's position, to rewind when a refused write drew numbers it will not use. */
  get position(): number {
    return this.state;
  }
  rewind(position: number): void {
    this.state = position >>> 0;
  }
  digits(n: number): string {
    let s = String(1 + Math.floor(this.next() * 9));
    while (s.length < n) s += String(Math.floor(this.next() * 10));
    return s;
  }
}
