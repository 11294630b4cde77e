/**
 * The catalog: the Webex schema as data, indexed for the rest of the emulator. Nothing here does I/O.
 *
 * Storage model: every top-level scalar leaf and every list gets a `slot` — the number of its value among a
 * user's values (~190 slots; site/user-values.ts packs them: booleans and enums as bit fields).
 * Leaves inside list items are addressed through their list.
 */
import type { ContainerDef, ElementDef, LeafDef, ListDef, Value } from './element-types';
import { USER_TREE } from './user-elements';

export * from './element-types';
export * from './exceptions';
export * from './features';
export * from './timezones';
export * from './languages';
export * from './operations';
export * from './api-version';
export * from './site-instance';
export * from './session-types';
export { USER_TREE, OPERATION_EXTRAS, CONTROL_HUB_FIELDS, DATE_TIME_PATTERN, ACTIVE_VALUES, SERVICE_TYPE_VALUES } from './user-elements';

export interface CatalogLeaf {
  def: LeafDef;
  /** Slash path from bodyContent: `privilege/host`, `tspAccount/tspAccount/custom1`. */
  path: string;
  /** Top-level group for docs and UI (first path segment, or 'profile' for top-level scalars). */
  group: string;
  /** Value slot; -1 for leaves inside list items. */
  slot: number;
  /** The list this leaf belongs to, for leaves inside list items. */
  list?: CatalogList;
}

export interface CatalogList {
  def: ListDef;
  path: string;
  slot: number;
}

const leaves: CatalogLeaf[] = [];
const lists: CatalogList[] = [];
let slotCount = 0;

function walk(defs: readonly ElementDef[], prefix: string, inList: CatalogList | undefined): void {
  for (const def of defs) {
    const path = prefix ? `${prefix}/${def.element}` : def.element;
    if (def.kind === 'leaf') {
      leaves.push({ def, path, group: prefix ? prefix.split('/')[0] : 'profile', slot: inList ? -1 : slotCount++, list: inList });
    } else if (def.kind === 'container') {
      walk(def.children, path, inList);
    } else {
      const entry: CatalogList = { def, path, slot: inList ? -1 : slotCount++ };
      lists.push(entry);
      if (def.item.kind === 'leaf') {
        leaves.push({ def: def.item, path, group: prefix.split('/')[0] || def.element, slot: -1, list: entry });
      } else {
        walk((def.item as ContainerDef).children, path, entry);
      }
    }
  }
}
walk(USER_TREE, '', undefined);

export const LEAVES: readonly CatalogLeaf[] = leaves;
export const LISTS: readonly CatalogList[] = lists;
export const SLOT_COUNT = slotCount;

export const leafByPath: ReadonlyMap<string, CatalogLeaf> = new Map(leaves.map((l) => [l.path, l]));
export const listByPath: ReadonlyMap<string, CatalogList> = new Map(lists.map((l) => [l.path, l]));

/** Leaves that carry a flat connector attribute name (SPEC §4 plus a few tree elements Okta does not list). */
export const ATTRIBUTES: readonly CatalogLeaf[] = leaves.filter((l) => l.def.attribute !== undefined);
export const attributeByName: ReadonlyMap<string, CatalogLeaf> = new Map(ATTRIBUTES.map((l) => [l.def.attribute as string, l]));

/** Attributes not in Okta's list (SPEC §4): present in the tree, named by us for completeness. */
export const NON_OKTA_ATTRIBUTES: ReadonlySet<string> = new Set(['addressCity', 'addressState', 'addressCountry', 'phonesPIN']);

/** [slot, default] for every slotted leaf with a catalog default, resolved once. */
export const SLOT_DEFAULTS: readonly (readonly [number, Value])[] = leaves
  .filter((l) => l.slot >= 0 && l.def.default !== undefined)
  .map((l) => [l.slot, l.def.default as Value] as const);

/** A fresh value array (one entry per slot) holding the catalog defaults: how every user record starts. */
export function defaultValues(): (Value | unknown[] | undefined)[] {
  const values: (Value | unknown[] | undefined)[] = new Array(SLOT_COUNT);
  for (const [slot, value] of SLOT_DEFAULTS) values[slot] = value;
  return values;
}

export function slotOf(path: string): number {
  const leaf = leafByPath.get(path);
  if (!leaf || leaf.slot < 0) throw new Error(`no slot for ${path}`);
  return leaf.slot;
}

/** Value a feature-gated leaf must keep while its feature is off. */
export function featureOffValue(def: LeafDef): string | number | boolean {
  if (def.type === 'boolean') return false;
  if (def.type === 'integer') return 0;
  return '';
}

export function isWritable(def: LeafDef, op: 'create' | 'set'): boolean {
  return op === 'create' ? def.access.create !== 'no' : def.access.set;
}
