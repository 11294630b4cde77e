/**
 * Users as the admin API shows them: flat connector attribute names, the same values grouped by catalog
 * group, and the licences the user holds. Secrets are masked: a stored password shows as '******',
 * the hash and salt never leave the process through this view.
 */
import { ATTRIBUTES, LEAVES, LISTS, type Value } from '../catalog';
import type { Site } from '../site/site';
import { SLOT, isActive, meetingTypesOf, modifiedAtOf, readPath, valueAt, type SlotValue, type UserRecord, type UserValues } from '../site/user-record';

export const MASK = '******';

export interface UserSummary {
  userId: number;
  webExId: string;
  email: string;
  firstName: string;
  lastName: string;
  active: string;
  registrationDate: string;
}

export interface UserDetail extends UserSummary {
  /** Flat attribute names (SPEC §4) → stored value; list leaves read the first item. */
  attributes: Record<string, SlotValue>;
  /** Catalog group (profile, privilege, phones, ...) → catalog path → stored value. */
  groups: Record<string, Record<string, SlotValue>>;
  usage: { holdsHostLicence: boolean; sessionTypes: number[] };
  /** State outside the user element tree: last write, last login, pending verifications (API 40.4 / 41.11). */
  state: { modifiedAt: string; lastLoginAt?: string; pendingEmail?: string; unverified: boolean };
}

const text = (v: SlotValue): string => (v === undefined ? '' : String(v));

export function userSummary(rec: UserRecord): UserSummary {
  const v = rec.values;
  return {
    userId: rec.userId,
    webExId: text(valueAt(v, SLOT.webExId)),
    email: text(valueAt(v, SLOT.email)),
    firstName: text(valueAt(v, SLOT.firstName)),
    lastName: text(valueAt(v, SLOT.lastName)),
    active: text(valueAt(v, SLOT.active)),
    registrationDate: text(valueAt(v, SLOT.registrationDate)),
  };
}

export function userDetail(rec: UserRecord): UserDetail {
  const attributes: Record<string, SlotValue> = {};
  for (const leaf of ATTRIBUTES) {
    const value = leaf.path === 'password' ? (rec.passwordHash ? MASK : undefined) : readPath(rec, leaf.path);
    if (value !== undefined) attributes[leaf.def.attribute as string] = value;
  }
  const groups: Record<string, Record<string, SlotValue>> = {};
  const put = (group: string, path: string, value: SlotValue) => {
    if (value === undefined) return;
    (groups[group] ??= {})[path] = value;
  };
  for (const leaf of LEAVES) {
    if (leaf.slot < 0) continue;
    put(leaf.group, leaf.path, leaf.path === 'password' ? (rec.passwordHash ? MASK : undefined) : valueAt(rec.values, leaf.slot));
  }
  for (const list of LISTS) if (list.slot >= 0) put(list.path.split('/')[0], list.path, valueAt(rec.values, list.slot));
  return {
    ...userSummary(rec),
    attributes,
    groups,
    usage: { holdsHostLicence: isActive(rec.values), sessionTypes: isActive(rec.values) ? [...meetingTypesOf(rec.values)] : [] },
    state: {
      modifiedAt: new Date(modifiedAtOf(rec)).toISOString(),
      ...(rec.lastLoginAt !== undefined ? { lastLoginAt: new Date(rec.lastLoginAt).toISOString() } : {}),
      ...(rec.pendingEmail !== undefined ? { pendingEmail: rec.pendingEmail } : {}),
      unverified: rec.unverified === true,
    },
  };
}

/**
 * Lower-cased search text per stored value array. Site writes replace `rec.values` with a new array, so the
 * cache entry of a changed user is simply never hit again (and is collected): no invalidation needed.
 */
const searchText = new WeakMap<UserValues, string>();

function searchKey(rec: UserRecord): string {
  let key = searchText.get(rec.values);
  if (key === undefined) {
    const v = rec.values;
    key = `${text(valueAt(v, SLOT.webExId))}\n${text(valueAt(v, SLOT.email))}\n${text(valueAt(v, SLOT.firstName))} ${text(valueAt(v, SLOT.lastName))}`.toLowerCase();
    searchText.set(rec.values, key);
  }
  return key;
}

export interface UserPage {
  total: number;
  offset: number;
  limit: number;
  users: UserSummary[];
}

/** Users in userId order whose webExId, email or name contains `q` (case-insensitive); one pass, no copies. */
export function searchUsers(site: Site, q: string, offset: number, limit: number): UserPage {
  const needle = q.trim().toLowerCase();
  const all = site.users();
  if (needle === '') {
    return { total: all.length, offset, limit, users: all.slice(offset, offset + limit).map(userSummary) };
  }
  const users: UserSummary[] = [];
  let total = 0;
  for (const rec of all) {
    if (!searchKey(rec).includes(needle)) continue;
    if (total >= offset && users.length < limit) users.push(userSummary(rec));
    total++;
  }
  return { total, offset, limit, users };
}

export type { Value };
