/**
 * How a user's values are kept: one compact, immutable array per user (issue 11 §4: a fully populated user
 * must cost ≤ 4 KB). Booleans (unset/false/true), enums (an index into the catalog's values) and integers with
 * a small catalog range are packed as bit fields into small-integer words. Slots holding strings, dates,
 * unbounded integers and lists are references, and only the ones that hold a value are stored: a presence bit
 * per reference slot says which (a connector's user sets ~15 of ~70; an `undefined` costs 8 bytes a slot).
 *
 *   [presence words][bit-field words][the present references, in slot order][overflow map, when needed]
 *
 * A value outside its field's domain (a stored site before it is validated) is kept as it is in the overflow
 * map, so nothing is ever altered. Writes build a plain draft (`draftValues`) and commit `packValues(draft)`:
 * every write replaces the array, so caches keyed by it (the GetUser answer cache) stay exact.
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
const REF_COUNT = REF_SLOTS.length;
/** Presence words at the start: reference r is bit r % WORD_BITS of word ⌊r / WORD_BITS⌋. */
const PRESENCE_WORDS = Math.ceil(REF_COUNT / WORD_BITS);
const REF_WORD = Uint8Array.from(REF_SLOTS, (_, r) => Math.floor(r / WORD_BITS));
const REF_BIT = Uint8Array.from(REF_SLOTS, (_, r) => r % WORD_BITS);
// Bit-field words next. Code 0 is "unset", 1..n the domain, all ones the overflow escape; a field never spans
// two words.
{
  let word = PRESENCE_WORDS;
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
const SMALL_FIELDS: readonly Field[] = SMALL_SLOTS.map((slot) => FIELDS[slot]!);
/** The bit-field slots in one contiguous array: a pass over them touches no Field object (see packNewUser). */
const SMALL_SLOT = Int16Array.from(SMALL_SLOTS);
/** Where the present references start: after the presence and bit-field words. */
const REFS_AT = SMALL_SLOTS.length === 0 ? PRESENCE_WORDS : FIELDS[SMALL_SLOTS[SMALL_SLOTS.length - 1]]!.word + 1;
const FIELD_WORDS = REFS_AT - PRESENCE_WORDS;

type Packed = (SlotValue | number | Map<number, SlotValue>)[];
/** Scratch words for packing (synchronous, so one of each is enough). */
const WORDS = new Int32Array(FIELD_WORDS);
const PRESENCE = new Int32Array(PRESENCE_WORDS);

/** Set bits of a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** How many references an array stores. */
function presentCount(a: Packed): number {
  let n = 0;
  for (let k = 0; k < PRESENCE_WORDS; k++) n += popcount(a[k] as number);
  return n;
}

/** Reference r of a packed array (undefined when absent). */
function refAt(a: Packed, r: number): SlotValue {
  const w = REF_WORD[r];
  const bit = REF_BIT[r];
  const word = a[w] as number;
  if (((word >>> bit) & 1) === 0) return undefined;
  let at = REFS_AT + popcount(word & ((1 << bit) - 1));
  for (let k = 0; k < w; k++) at += popcount(a[k] as number);
  return a[at] as SlotValue;
}

/** The overflow map of a packed array, if a value needed it. */
function overflowOf(a: Packed): Map<number, SlotValue> | undefined {
  const at = REFS_AT + presentCount(a);
  return at < a.length ? (a[at] as Map<number, SlotValue>) : undefined;
}

/** One slot's value (what the draft held at that slot when it was packed). */
export function valueAt(values: UserValues, slot: number): SlotValue {
  const a = values as unknown as Packed;
  const ref = REF_AT[slot];
  if (ref >= 0) return refAt(a, ref);
  const f = FIELDS[slot];
  if (f === undefined) return undefined; // not a slot
  const code = ((a[f.word] as number) >>> f.shift) & f.mask;
  if (code === 0) return undefined;
  if (code === f.mask) return overflowOf(a)!.get(slot);
  return f.domain[code - 1];
}

/** A reader of one slot with its position resolved once (for code that reads the same slot of every user). */
export function slotReader(slot: number): (values: UserValues) => SlotValue {
  const ref = REF_AT[slot];
  if (ref >= 0) return (values) => refAt(values as unknown as Packed, ref);
  const f = FIELDS[slot];
  if (f === undefined) return () => undefined;
  const { word, shift, mask, domain } = f;
  return (values) => {
    const a = values as unknown as Packed;
    const code = ((a[word] as number) >>> shift) & mask;
    if (code === 0) return undefined;
    return code === mask ? overflowOf(a)!.get(slot) : domain[code - 1];
  };
}

/** The field code of a value, or the escape when the value is not in the field's domain. */
function codeOf(f: Field, v: SlotValue): number {
  if (v === undefined) return 0;
  return f.codes.get(v) ?? f.mask;
}

/**
 * Lists are copied to their exact length (a list built by push keeps room for ~17 items). A short list of plain
 * values (a user's session types: most users of a site hold the same one or two) is shared by every user that
 * holds the same values: one array fewer per user to keep and for the scavenger to copy. Stored values are never
 * written (every write packs new ones), so sharing is safe; the table is bounded.
 */
function exact(v: SlotValue): SlotValue {
  if (!Array.isArray(v)) return v;
  const list = v as ListItem[];
  const key = shareKey(list);
  if (key === undefined) return list.slice();
  let shared = sharedLists.get(key);
  if (shared === undefined) {
    if (sharedLists.size >= SHARED_LISTS_MAX) sharedLists.clear();
    sharedLists.set(key, shared = list.slice());
  }
  return shared;
}

const sharedLists = new Map<string, ListItem[]>();
const SHARED_LISTS_MAX = 1024;

/** A key for a list of at most 4 numbers (strings and records are not shared), else undefined. */
function shareKey(list: readonly ListItem[]): string | undefined {
  if (list.length > 4) return undefined;
  for (const item of list) if (typeof item !== 'number') return undefined;
  return list.join(',');
}

/** The stored array: presence words, the bit-field words given, the draft's present references, the overflow. */
function assemble(draft: readonly SlotValue[], words: Int32Array, overflow: Map<number, SlotValue> | undefined): Packed {
  const presence = PRESENCE.fill(0);
  let n = 0;
  for (let r = 0; r < REF_COUNT; r++) {
    if (draft[REF_SLOTS[r]] === undefined) continue;
    presence[REF_WORD[r]] |= 1 << REF_BIT[r];
    n++;
  }
  const a: Packed = new Array(REFS_AT + n + (overflow ? 1 : 0));
  for (let k = 0; k < PRESENCE_WORDS; k++) a[k] = presence[k];
  for (let w = 0; w < FIELD_WORDS; w++) a[PRESENCE_WORDS + w] = words[w];
  let at = REFS_AT;
  for (let r = 0; r < REF_COUNT; r++) {
    const v = draft[REF_SLOTS[r]];
    if (v !== undefined) a[at++] = exact(v);
  }
  if (overflow) a[at] = overflow;
  return a;
}

/** Pack a draft (one entry per catalog slot) into the stored layout. The draft may be reused afterwards. */
export function packValues(draft: readonly SlotValue[]): UserValues {
  let overflow: Map<number, SlotValue> | undefined;
  const words = WORDS.fill(0);
  for (const f of SMALL_FIELDS) {
    const v = draft[f.slot];
    const code = codeOf(f, v);
    if (code === f.mask) (overflow ??= new Map()).set(f.slot, v);
    words[f.word - PRESENCE_WORDS] |= code << f.shift;
  }
  return assemble(draft, words, overflow) as unknown as UserValues;
}

/**
 * `packValues(draft)` for a draft made from `base` (the stored values it was drafted from, or `NEW_USER` for a new
 * user): base's bit-field words are kept and only the fields whose value differs are encoded, so a write skips
 * ~115 code lookups. References are taken from the draft (lists copied, as packValues copies them). A value
 * outside its field's domain, here or in base, takes the full packValues path.
 */
export function packValuesOver(base: UserValues, draft: readonly SlotValue[]): UserValues {
  return packOver(base, draft, undefined);
}

/**
 * `packValuesOver(NEW_USER, draft)` for a draft made by `newUserDraft`. A field the draft left at its default is
 * skipped by comparing the draft with the defaults slot by slot: the ~115 Field objects (scattered over the heap)
 * are read only for the few fields a request set, which matters where caches are cold (under HTTP load).
 */
export function packNewUser(draft: readonly SlotValue[]): UserValues {
  return packOver(NEW_USER, draft, NEW_USER_DRAFT);
}

/** `baseDraft`: base's values as a draft (base packs it), so a slot equal in both needs no decoding. */
function packOver(base: UserValues, draft: readonly SlotValue[], baseDraft: readonly SlotValue[] | undefined): UserValues {
  const b = base as unknown as Packed;
  if (overflowOf(b) !== undefined) return packValues(draft);
  const words = WORDS;
  for (let w = 0; w < FIELD_WORDS; w++) words[w] = b[PRESENCE_WORDS + w] as number;
  for (let k = 0; k < SMALL_SLOT.length; k++) {
    const v = draft[SMALL_SLOT[k]];
    if (baseDraft !== undefined && v === baseDraft[SMALL_SLOT[k]]) continue;
    const f = SMALL_FIELDS[k];
    const at = f.word - PRESENCE_WORDS;
    const word = words[at];
    const code = (word >>> f.shift) & f.mask;
    if (v === (code === 0 ? undefined : f.domain[code - 1])) continue;
    const next = codeOf(f, v);
    if (next === f.mask) return packValues(draft);
    words[at] = (word & ~(f.mask << f.shift)) | (next << f.shift);
  }
  return assemble(draft, words, undefined) as unknown as UserValues;
}

/**
 * The catalog defaults, drafted once: a new user's draft is a copy of it (`newUserDraft`), packed over `NEW_USER`.
 * Not frozen: slice() of a frozen array takes V8's slow path (~10% of a CreateUser); nothing writes to it.
 */
const NEW_USER_DRAFT: readonly SlotValue[] = defaultValues() as SlotValue[];
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
  let at = REFS_AT;
  for (let r = 0; r < REF_COUNT; r++) {
    if ((((a[REF_WORD[r]] as number) >>> REF_BIT[r]) & 1) === 0) { out[REF_SLOTS[r]] = undefined; continue; }
    const v = a[at++] as SlotValue;
    out[REF_SLOTS[r]] = Array.isArray(v) ? (v as ListItem[]).map((item) => (typeof item === 'object' ? { ...item } : item)) : v;
  }
  const overflow = at < a.length ? (a[at] as Map<number, SlotValue>) : undefined;
  for (const f of SMALL_FIELDS) {
    const code = ((a[f.word] as number) >>> f.shift) & f.mask;
    out[f.slot] = code === 0 ? undefined : code === f.mask ? overflow!.get(f.slot) : f.domain[code - 1];
  }
  return out;
}

/** Every slot's value, in slot order (a read-only view for code that walks all slots). */
export function slotValues(values: UserValues): SlotValue[] {
  const out: SlotValue[] = new Array(SLOT_COUNT);
  for (let slot = 0; slot < SLOT_COUNT; slot++) out[slot] = valueAt(values, slot);
  return out;
}
