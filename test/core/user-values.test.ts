import { LEAVES, LISTS, SLOT_COUNT, defaultValues } from '../../mock-server/catalog';
import { NEW_USER, draftValues, newUserDraft, packNewUser, packValues, packValuesOver, slotValues, valueAt } from '../../mock-server/site/user-values';
import type { SlotValue } from '../../mock-server/site/user-record';
import { DEMO, SLOT, createWebexMock } from '../../mock-server';

const slotted = LEAVES.filter((l) => l.slot >= 0);
const size = (values: unknown) => (values as unknown[]).length;

/** Every value a slot's type allows, and a few it does not (a stored site before validation). */
function samples(slot: number): SlotValue[] {
  const leaf = slotted.find((l) => l.slot === slot);
  const odd: SlotValue[] = [undefined, '', 'TRUE', 'NOPE', -2, 300, 1e15, 0.5, Number.NaN];
  if (!leaf) return [[], [1, 2], [{ a: 1, b: 'x' }], ...odd];
  switch (leaf.def.type) {
    case 'boolean': return [true, false, ...odd];
    case 'enum': return [...(leaf.def.enumValues ?? []), ...odd];
    case 'integer': return [-1, 0, 1, 17, 61, 99, 214, 2 ** 31, ...odd];
    default: return ['text', '12/31/2030 23:59:59', ...odd];
  }
}

describe('user values layout (site/user-values.ts)', () => {
  it('gives back exactly what was packed, for every slot and every value, in its domain or not', () => {
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      for (const value of samples(slot)) {
        const draft = defaultValues() as SlotValue[];
        draft[slot] = value;
        const packed = packValues(draft);
        const back = slotValues(packed);
        for (let s = 0; s < SLOT_COUNT; s++) {
          if (Array.isArray(draft[s])) expect(back[s]).toStrictEqual(draft[s]);
          else if (!Object.is(back[s], draft[s])) throw new Error(`slot ${s} after writing ${String(value)} to slot ${slot}: ${String(back[s])} !== ${String(draft[s])}`);
        }
      }
    }
  });

  it('packs a draft over its base (only changed slots encoded) exactly as a full pack, in or out of the domain', () => {
    // Element by element (Object.is; lists and the overflow map structurally): toStrictEqual on ~7,000 pairs is slow.
    const same = (a: unknown, b: unknown) => {
      const x = a as unknown[];
      const y = b as unknown[];
      if (x.length !== y.length) throw new Error(`lengths ${x.length} and ${y.length}`);
      for (let i = 0; i < x.length; i++) {
        if (typeof x[i] === 'object' && x[i] !== null) expect(x[i]).toStrictEqual(y[i]);
        else if (!Object.is(x[i], y[i])) throw new Error(`element ${i}: ${String(x[i])} !== ${String(y[i])}`);
      }
    };
    // Bases: a new user, a user with one value out of its domain (the overflow map), a fully written user.
    const odd = defaultValues() as SlotValue[];
    odd[slotted.find((l) => l.path === 'active')!.slot] = 'activated';
    const full = defaultValues() as SlotValue[];
    for (let slot = 0; slot < SLOT_COUNT; slot++) full[slot] = samples(slot)[0];
    for (const base of [NEW_USER, packValues(odd), packValues(full)]) {
      for (let slot = 0; slot < SLOT_COUNT; slot++) {
        for (const value of samples(slot)) {
          const draft = draftValues(base);
          draft[slot] = value;
          const over = packValuesOver(base, draft);
          same(over, packValues(draft));
          // A new user's pack skips the slots left at their defaults: the same array as the full pack.
          if (base === NEW_USER) {
            const fresh = newUserDraft();
            fresh[slot] = value;
            same(packNewUser(fresh), packValues(fresh));
          }
        }
      }
    }
    // Several slots set at once, from samples (a request sets ~10 fields).
    for (let round = 0; round < 200; round++) {
      const fresh = newUserDraft();
      for (let slot = round % 7; slot < SLOT_COUNT; slot += 3 + (round % 5)) fresh[slot] = samples(slot)[round % samples(slot).length];
      same(packNewUser(fresh), packValues(fresh));
    }
    expect(newUserDraft()).toStrictEqual(defaultValues());
    same(packValuesOver(NEW_USER, newUserDraft()), packValues(defaultValues() as SlotValue[]));
  });

  it('a pack over a base shares no list with the draft or the base', () => {
    const list = LISTS.find((l) => l.path === 'tspAccount/tspAccount')!.slot;
    const draft = newUserDraft();
    const items = [{ accountIndex: 1, custom1: 'a' }];
    draft[list] = items;
    const first = packValuesOver(NEW_USER, draft);
    expect(valueAt(first, list)).not.toBe(items);
    const again = draftValues(first);
    const second = packValuesOver(first, again);
    expect(valueAt(second, list)).not.toBe(valueAt(first, list));
    expect(valueAt(second, list)).toStrictEqual(valueAt(first, list));
  });

  it('stores only the references that hold a value, and reads each back in any mix of present and absent', () => {
    const text = slotted.find((l) => l.path === 'firstName')!.slot;
    const draft = defaultValues() as SlotValue[];
    const plain = size(packValues(draft));
    draft[text] = 'Ada';
    expect(size(packValues(draft))).toBe(plain + 1);
    draft[text] = undefined;
    expect(size(packValues(draft))).toBe(plain);
    // Random mixes (seeded): every slot reads back what the draft held, across all presence words.
    let seed = 7;
    const coin = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) & 1024) !== 0;
    for (let round = 0; round < 200; round++) {
      const mixed = defaultValues() as SlotValue[];
      for (let slot = 0; slot < SLOT_COUNT; slot++) if (coin()) mixed[slot] = samples(slot)[0];
      const packed = packValues(mixed);
      const back = slotValues(packed);
      const again = draftValues(packed);
      for (let slot = 0; slot < SLOT_COUNT; slot++) {
        if (Array.isArray(mixed[slot])) { expect(back[slot]).toStrictEqual(mixed[slot]); expect(again[slot]).toStrictEqual(mixed[slot]); }
        else if (!Object.is(back[slot], mixed[slot]) || !Object.is(again[slot], mixed[slot])) throw new Error(`round ${round} slot ${slot}`);
      }
    }
  });

  it('keeps booleans and enums in bit fields: a user of defaults is well under half a slot array', () => {
    const packed = packValues(defaultValues() as SlotValue[]);
    const refSlots = slotted.filter((l) => !['boolean', 'enum'].includes(l.def.type)).length + LISTS.filter((l) => l.slot >= 0).length;
    expect(size(packed)).toBeLessThan(SLOT_COUNT / 2);
    expect(size(packed)).toBeLessThanOrEqual(refSlots + 12);
    // Booleans packed: many slots share one word.
    const booleans = slotted.filter((l) => l.def.type === 'boolean').length;
    expect(booleans).toBeGreaterThan(90);
  });

  it('stores a value outside its domain aside, so the packed words never alias another value', () => {
    const active = slotted.find((l) => l.path === 'active')!.slot;
    const draft = defaultValues() as SlotValue[];
    const plain = size(packValues(draft));
    draft[active] = 'activated'; // not the catalog's spelling
    const packed = packValues(draft);
    expect(size(packed)).toBe(plain + 1);
    expect(valueAt(packed, active)).toBe('activated');
  });

  it('copies lists on pack and on draft, so neither a draft nor a later write can change a stored user', () => {
    const list = LISTS.find((l) => l.path === 'tspAccount/tspAccount')!.slot;
    const draft = defaultValues() as SlotValue[];
    const items = [{ accountIndex: 1, custom1: 'a' }];
    draft[list] = items;
    const packed = packValues(draft);
    items[0].custom1 = 'changed';
    items.push({ accountIndex: 2, custom1: 'b' });
    expect(valueAt(packed, list)).toStrictEqual([{ accountIndex: 1, custom1: 'changed' }]);
    const again = draftValues(packed);
    (again[list] as { custom1: string }[])[0].custom1 = 'draft';
    expect((valueAt(packed, list) as { custom1: string }[])[0].custom1).toBe('changed');
  });

  it('shares one stored array between users with the same short list of numbers, which no draft or write can change', () => {
    const types = LISTS.find((l) => l.path === 'meetingTypes/meetingType')!.slot;
    const pack = (list: SlotValue) => { const d = newUserDraft(); d[types] = list; return packNewUser(d); };
    const mine = [214];
    const a = pack(mine);
    const b = pack([214]);
    expect(valueAt(a, types)).toBe(valueAt(b, types));
    expect(valueAt(a, types)).not.toBe(mine);
    mine.push(4);
    expect(valueAt(b, types)).toStrictEqual([214]);
    const draft = draftValues(a);
    (draft[types] as number[]).push(99);
    expect(valueAt(packValuesOver(a, draft), types)).toStrictEqual([214, 99]);
    expect(valueAt(b, types)).toStrictEqual([214]);
    // Another order, another type or a longer list is another array.
    expect(valueAt(pack([4, 214]), types)).not.toBe(valueAt(pack([214, 4]), types));
    expect(valueAt(pack(['214'] as unknown as SlotValue), types)).not.toBe(valueAt(b, types));
    expect(valueAt(pack([1, 2, 3, 4, 5]), types)).not.toBe(valueAt(pack([1, 2, 3, 4, 5]), types));
  });

  it('every site write replaces the values (the GetUser answer cache is keyed by them)', () => {
    const site = createWebexMock().registry.get(DEMO.siteName)!;
    const rec = site.findUser('host')!;
    const before = rec.values;
    site.deactivate('host');
    expect(rec.values).not.toBe(before);
    expect(valueAt(before, SLOT.active)).toBe('ACTIVATED');
    expect(valueAt(rec.values, SLOT.active)).toBe('DEACTIVATED');
  });

  it('finds users by userId without an index of its own (binary search over the userId order)', () => {
    const site = createWebexMock().registry.get(DEMO.siteName)!;
    for (const u of site.users()) expect(site.findByUserId(u.userId)).toBe(u);
    expect(site.findByUserId(site.users()[0].userId - 1)).toBeUndefined();
    expect(site.findByUserId(site.users().at(-1)!.userId + 1)).toBeUndefined();
  });
});
