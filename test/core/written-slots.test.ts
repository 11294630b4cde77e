/** The slots a write set: every slot, word boundaries included, is remembered alone and exactly. */
import fc from 'fast-check';
import { SLOT_COUNT } from '../../mock-server/catalog';
import { WrittenSlots } from '../../mock-server/site/written-slots';

describe('WrittenSlots', () => {
  it('has(slot) is true exactly for the slots added, for any set of slots', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.nat(SLOT_COUNT - 1), { maxLength: SLOT_COUNT }), (added) => {
      const written = new WrittenSlots();
      for (const slot of added) written.add(slot);
      const expected = new Set(added);
      for (let slot = 0; slot < SLOT_COUNT; slot++) expect(written.has(slot)).toBe(expected.has(slot));
    }), { numRuns: 300 });
  });

  it('each slot alone, the last and first of every word among them', () => {
    expect(SLOT_COUNT).toBeGreaterThan(150); // every slot of the catalog, several words of them
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      const written = new WrittenSlots();
      written.add(slot);
      const set = [];
      for (let s = 0; s < SLOT_COUNT; s++) if (written.has(s)) set.push(s);
      expect(set).toEqual([slot]);
    }
  });
});
