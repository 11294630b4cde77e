/**
 * How a user's values are kept: one compact, immutable array per user (issue 11 §4: a fully populated user
 * must cost ≤ 4 KB). Slots holding strings, dates, unbounded integers and lists are references in slot
 * order; booleans (unset/false/true), enums (an index into the catalog's values) and integers with a small
 * catalog range are packed as bit fields into small-integer words at the end. A value outside its field's
 * domain (a stored site before it is validated) is kept as it is in an overflow map after the words, so
 * nothing is ever altered. Writes build a plain draft (`draftValues`) and commit `packValues(draft)`: every
 * write replaces the array, so caches keyed by it (the GetUser answer cache) stay exact.
 */
import { LANGUAGES, LEAVES, LISTS, SLOT_COUNT, defaultValues, type LeafDef, type Value } from '../catalog';
import type { ListItem, SlotValue } from './user-record';

declare const packed: unique symbol;
/** A user's stored values; read a slot with `valueAt`. Opaque so nothing indexes it as a slot array. */
export type UserValues = { readonly [packed]: true };

/** Bits per word: a positive small integer on every V8 build (Smis are 31 bits with pointer compression). */
const WORD_BITS = 30;

interface Field { slot: number; word: number; shift: number; mask: number; domain: readonly SlotValue[]; codes: ReadonlyMap<SlotValue, number> }

function domainOf(def: LeafDef): readonly Value[] | undefined {
  if (def.type === 'boolean') return [false, true];
  if (def.type === 'enum') return def.rule === 'language' ? LANGUAGES : def.enumValues;
  if (def.type === 'integer' && def.min !== undefined && def.max !== undefined && def.max - def.min < 254) {
    const lo = def.rule === 'timeZoneId' ? Math.min(def.min, -1) : def.min; // -1: "the site's time zone"
    return Array.from({ length: def.max - lo + 1 }, (_, i) => lo + i);
  }
  return undefined;
}

/** Per slot: its reference index (≥ 0), or -1 with its bit field in FIELDS. */
const REF_AT = new Int16Array(SLOT_COUNT).fill(-1);
const FIELDS: (Field | undefined)[] = new Array(SLOT_COUNT);
const REF_SLOTS: number[] = [];
const SMALL_SLOTS: number[] = [];
{
  const domains = new Map<number, readonly Value[]>();
  for (const l of LEAVES) {
    if (l.slot < 0) continue;
    const domain = domainOf(l.def);
    if (domain && domain.length > 0) domains.set(l.slot, domain);
  }
  for (const l of LISTS) if (l.slot >= 0) domains.delete(l.slot);
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    if (domains.has(slot)) SMALL_SLOTS.push(slot);
    else { REF_AT[slot] = REF_SLOTS.length; REF_SLOTS.push(slot); }
  }
  // Code 0 is "unset", 1..n the domain, all ones the overflow escape; a field never spans two words.
  let word = REF_SLOTS.length;
  let shift = 0;
  for (const slot of SMALL_SLOTS) {
    const domain = domains.get(slot)!;
    const bits = Math.ceil(Math.log2(domain.length + 2));
    if (shift + bits > WORD_BITS) { word++; shift = 0; }
    const codes = new Map<SlotValue, number>(domain.map((v, i) => [v, i + 1]));
    FIELDS[slot] = { slot, word, shift, mask: (1 << bits) - 1, domain, codes };
    shift += bits;
  }
}
const REF_COUNT = REF_SLOTS.length;
const SMALL_FIELDS: readonly Field[] = SMALL_SLOTS.map((slot) => FIELDS[slot]!);
/** Length of a packed array without overflow; one more element (the overflow map) when a value needed it. */
const PACKED_LENGTH = SMALL_SLOTS.length === 0 ? REF_COUNT : FIELDS[SMALL_SLOTS[SMALL_SLOTS.length - 1]]!.word + 1;

type Packed = (SlotValue | number | Map<number, SlotValue>)[];
/** Scratch words for packValues (synchronous, so one is enough). */
const WORDS = new Int32Array(PACKED_LENGTH - REF_COUNT);

/** One slot's value (what the draft held at that slot when it was packed). */
export function valueAt(values: UserValues, slot: number): SlotValue {
  const a = values as unknown as Packed;
  const ref = REF_AT[slot];
  if (ref >= 0) return a[ref] as SlotValue;
  const f = FIELDS[slot];
  if (f === undefined) return undefined; // not a slot
  const code = ((a[f.word] as number) >>> f.shift) & f.mask;
  if (code === 0) return undefined;
  if (code === f.mask) return (a[PACKED_LENGTH] as Map<number, SlotValue>).get(slot);
  return f.domain[code - 1];
}

/** A reader of one slot with its position resolved once (for code that reads the same slot of every user). */
export function slotReader(slot: number): (values: UserValues) => SlotValue {
  const ref = REF_AT[slot];
  if (ref >= 0) return (values) => (values as unknown as Packed)[ref] as SlotValue;
  const f = FIELDS[slot];
  if (f === undefined) return () => undefined;
  const { word, shift, mask, domain } = f;
  return (values) => {
    const a = values as unknown as Packed;
    const code = ((a[word] as number) >>> shift) & mask;
    if (code === 0) return undefined;
    return code === mask ? (a[PACKED_LENGTH] as Map<number, SlotValue>).get(slot) : domain[code - 1];
  };
}

/** The field code of a value, or the escape when the value is not in the field's domain. */
function codeOf(f: Field, v: SlotValue): number {
  if (v === undefined) return 0;
  return f.codes.get(v) ?? f.mask;
}

/** Lists are copied to their exact length (a list built by push keeps room for ~17 items). */
const exact = (v: SlotValue): SlotValue => (Array.isArray(v) ? (v as ListItem[]).slice() : v);

/** Pack a draft (one entry per catalog slot) into the stored layout. The draft may be reused afterwards. */
export function packValues(draft: readonly SlotValue[]): UserValues {
  let overflow: Map<number, SlotValue> | undefined;
  const words = WORDS.fill(0);
  for (const f of SMALL_FIELDS) {
    const v = draft[f.slot];
    const code = codeOf(f, v);
    if (code === f.mask) (overflow ??= new Map()).set(f.slot, v);
    words[f.word - REF_COUNT] |= code << f.shift;
  }
  const a: Packed = new Array(overflow ? PACKED_LENGTH + 1 : PACKED_LENGTH);
  for (let i = 0; i < REF_COUNT; i++) a[i] = exact(draft[REF_SLOTS[i]]);
  for (let w = REF_COUNT; w < PACKED_LENGTH; w++) a[w] = words[w - REF_COUNT];
  if (overflow) a[PACKED_LENGTH] = overflow;
  return a as unknown as UserValues;
}

/**
 * `packValues(draft)` for a draft made from `base` (the stored values it was drafted from, or `NEW_USER` for a new
 * user): starts from a copy of base's array and encodes only the slots whose value differs, so a write costs what
 * it changes rather than every slot (~115 bit-field lookups and ~80 references per pack). Lists are always copied,
 * as packValues copies them. A value outside its field's domain, here or in base, takes the full packValues path.
 */
export function packValuesOver(base: UserValues, draft: readonly SlotValue[]): UserValues {
  const b = base as unknown as Packed;
  if (b.length !== PACKED_LENGTH) return packValues(draft);
  const a = b.slice();
  for (let i = 0; i < REF_COUNT; i++) {
    const v = draft[REF_SLOTS[i]];
    if (v !== b[i] || Array.isArray(v)) a[i] = exact(v);
  }
  for (const f of SMALL_FIELDS) {
    const v = draft[f.slot];
    const word = a[f.word] as number;
    const code = (word >>> f.shift) & f.mask;
    if (v === (code === 0 ? undefined : f.domain[code - 1])) continue;
    const next = codeOf(f, v);
    if (next === f.mask) return packValues(draft);
    a[f.word] = (word & ~(f.mask << f.shift)) | (next << f.shift);
  }
  return a as unknown as UserValues;
}

/** The catalog defaults, drafted once: a new user's draft is a copy of it (`newUserDraft`), packed over `NEW_USER`. */
const NEW_USER_DRAFT: readonly SlotValue[] = Object.freeze(defaultValues() as SlotValue[]);
/** A new user's stored values before any write: the catalog defaults, packed. */
export const NEW_USER: UserValues = packValues(NEW_USER_DRAFT);

/** A mutable draft of the catalog defaults (one entry per slot) for a new user. */
export function newUserDraft(): SlotValue[] {
  return NEW_USER_DRAFT.slice();
}

/** A plain, mutable copy (one entry per slot; lists and list records copied) for a write to work on. */
export function draftValues(values: UserValues): SlotValue[] {
  const a = values as unknown as Packed;
  const out: SlotValue[] = new Array(SLOT_COUNT);
  for (let i = 0; i < REF_COUNT; i++) {
    const v = a[i] as SlotValue;
    out[REF_SLOTS[i]] = Array.isArray(v) ? (v as ListItem[]).map((item) => (typeof item === 'object' ? { ...item } : item)) : v;
  }
  for (const f of SMALL_FIELDS) {
    const code = ((a[f.word] as number) >>> f.shift) & f.mask;
    out[f.slot] = code === 0 ? undefined : code === f.mask ? (a[PACKED_LENGTH] as Map<number, SlotValue>).get(f.slot) : f.domain[code - 1];
  }
  return out;
}

/** Every slot's value, in slot order (a read-only view for code that walks all slots). */
export function slotValues(values: UserValues): SlotValue[] {
  const out: SlotValue[] = new Array(SLOT_COUNT);
  for (let slot = 0; slot < SLOT_COUNT; slot++) out[slot] = valueAt(values, slot);
  return out;
}
