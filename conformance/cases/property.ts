/**
 * Property-based checks for cases (fast-check): each case draws its values from the run's seed, so a failure
 * is repeated exactly with `--seed N`; the first failing draw is reported (no shrinking: every draw costs
 * requests), with the values that broke it.
 */
import fc from 'fast-check';
import type { CatalogLeaf } from '../../mock-server/catalog';
import { CaseFailure, type CaseContext } from './types';

/** Characters real identity data has: both cases, accents, other scripts, emoji (two UTF-16 units), markup. */
const PIECES = ['a', 'Z', 'q', 'M', '0', '7', ' ', '-', '.', 'é', 'Ü', 'ß', 'ø', 'Ω', 'Ж', '日', '本', 'ش', '😀', '&', '<', '>', '"', "'", '&amp;', ']]>', '<!--'];

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair; no leading/trailing space. */
export function fit(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  out = out.trim();
  return out === '' ? 'x' : out;
}

/** Free text for a leaf: 1 character up to the catalog's maximum length, the maximum itself often. */
export function freeText(leaf: CatalogLeaf, fallbackMax = 64): fc.Arbitrary<string> {
  return textUpTo(leaf.def.maxLength ?? fallbackMax);
}

/** Free text of 1 up to `max` UTF-16 units, `max` itself often. */
export function textUpTo(max: number): fc.Arbitrary<string> {
  const pieces = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: Math.min(max, 40) }).map((p) => p.join(''));
  const full = pieces.map((p) => { let s = p; while (s.length < max) s += p; return fit(s.replace(/^ +/, 'x'), max); });
  return fc.oneof({ arbitrary: pieces.map((s) => fit(s, max)), weight: 2 }, { arbitrary: full, weight: 1 });
}

/** Run `check` on `runs` draws of `arb`; a failing draw becomes the case's failure, with the draw and the seed. */
export async function forAll<T>(ctx: CaseContext, arb: fc.Arbitrary<T>, runs: number, check: (value: T) => Promise<void>): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arb, check), { seed: ctx.seed, numRuns: runs, endOnFailure: true });
  if (!details.failed) return;
  const error = details.errorInstance;
  const drawn = `drawn values (seed ${ctx.seed}): ${fc.stringify(details.counterexample?.[0]).slice(0, 600)}`;
  if (error instanceof CaseFailure) throw new CaseFailure(error.expected, `${error.actual} — ${drawn}`);
  throw error instanceof Error ? Object.assign(error, { message: `${error.message} — ${drawn}` }) : new Error(`${String(error)} — ${drawn}`);
}
