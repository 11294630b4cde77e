/**
 * Test values generated from the emulator's catalog: for every supported attribute, a valid value that differs
 * from the default (so a dropped or misplaced value shows), the companions it needs, and how to store a flat
 * profile directly on a site (for the suite's own reference users).
 */
import { catalog, inputFromPaths, type UserInput } from '../emulator/core';
import type { CatalogLeaf, FeatureKey, Value } from '../../mock-server/catalog';
import type { Profile } from '../adapter';
import { SECOND_SESSION_TYPE } from '../emulator/in-process';

export interface AttributeSpec {
  name: string;
  leaf: CatalogLeaf;
  path: string;
  /** Site feature that gates it (on the leaf or on its list). */
  feature?: FeatureKey;
  /** CreateUser takes it ('yes') or the connector must follow up with SetUser ('ignored', personalUrl). */
  create: 'yes' | 'ignored' | 'no';
  update: boolean;
  readOnly: boolean;
  /** The value the cases write (typed as the emulator stores it). */
  value: Value;
  /** Other attributes the value needs in the same request. */
  companions: Profile;
  /** accountIndex of the list item the value lives in. */
  key?: number;
}

/** Supported attributes: the catalog's flat names minus the ones Okta's list (SPEC §4) does not have. */
export function supportedAttributes(): CatalogLeaf[] {
  return catalog.ATTRIBUTES.filter((l) => !catalog.NON_OKTA_ATTRIBUTES.has(l.def.attribute!));
}

export function featureOf(leaf: CatalogLeaf): FeatureKey | undefined {
  return leaf.def.feature ?? leaf.list?.def.feature;
}

const TSP_INDEX = 'tspAccountAccountIndex';

/** Values that need the site's context rather than the type alone. */
const OVERRIDES: Record<string, Value> = {
  // Subjects hold session types 214 and 216 (see SUBJECT_PATHS): 216 is a change from the derived default 214.
  sessionOptionsDefaultSessionType: SECOND_SESSION_TYPE,
  timeZoneID: 20,
  languageID: 9,
  language: 'GERMAN',
  timeZone: catalog.TIME_ZONES[21],
  expirationDate: '12/31/2030 23:59:59',
  personalMeetingRoomHostPIN: '4826',
  personalUrl: 'wmconf.url_01',
  password: 'Conf0rmance!Pass',
  email2: 'second.address@conformance.example.com',
  tspAccountAccountIndex: 2,
};

export function sampleValue(leaf: CatalogLeaf): Value {
  const def = leaf.def;
  const name = def.attribute!;
  if (name in OVERRIDES) return OVERRIDES[name];
  switch (def.type) {
    case 'boolean': return !(def.default ?? false);
    case 'integer': {
      const base = def.min ?? 0;
      let v = base + 1 === def.default ? base + 2 : base + 1;
      if (def.max !== undefined) v = Math.min(v, def.max);
      return v;
    }
    case 'enum': return def.enumValues!.find((v) => v !== def.default) ?? def.enumValues![0];
    case 'datetime': return '12/31/2030 23:59:59';
    case 'string': {
      // Markup characters prove the value is escaped, not just copied into the XML.
      const text = `${name} & <ok>`;
      return def.maxLength !== undefined && text.length > def.maxLength ? name.slice(0, def.maxLength) : text;
    }
  }
}

export function companionsOf(leaf: CatalogLeaf): Profile {
  const name = leaf.def.attribute!;
  if (name === 'privilegeHDvideo') return { privilegeHQvideo: true };
  if (leaf.list?.path === 'tspAccount/tspAccount' && name !== TSP_INDEX) return { [TSP_INDEX]: 1 };
  return {};
}

export function attributeSpec(leaf: CatalogLeaf): AttributeSpec {
  const def = leaf.def;
  const value = sampleValue(leaf);
  const companions = companionsOf(leaf);
  const isTsp = leaf.list?.path === 'tspAccount/tspAccount';
  return {
    name: def.attribute!, leaf, path: leaf.path, feature: featureOf(leaf),
    create: def.access.create, update: def.access.set && !def.derived, readOnly: !def.access.set && def.access.create === 'no',
    value, companions,
    ...(isTsp ? { key: Number(def.attribute === TSP_INDEX ? value : companions[TSP_INDEX]) } : {}),
  };
}

export function attributeSpecs(): AttributeSpec[] {
  return supportedAttributes().map(attributeSpec);
}

/** Every subject holds two Meeting Center session types, so defaultSessionType has a real choice. */
export const SUBJECT_PATHS: Record<string, string[]> = { 'meetingTypes/meetingType': ['214', String(SECOND_SESSION_TYPE)] };

/** Flat profile → the emulator's input by catalog path (list leaves grouped into one item), for direct writes. */
export function inputOf(profile: Profile, extra: Record<string, string | string[]> = {}): UserInput {
  const paths: Record<string, string | Record<string, string>[] | string[]> = { ...extra };
  for (const [name, value] of Object.entries(profile)) {
    const leaf = catalog.attributeByName.get(name);
    if (!leaf) throw new Error(`not a catalog attribute: ${name}`);
    if (leaf.list && leaf.list.def.item.kind === 'container') {
      const items = (paths[leaf.list.path] ??= [{}]) as Record<string, string>[];
      items[0][leaf.def.element] = String(value);
    } else {
      paths[leaf.path] = String(value);
    }
  }
  return inputFromPaths(paths);
}
