/**
 * Users and site configs as portable JSON (snapshots and the SQLite store). Values are keyed by catalog path,
 * not by slot number, so a stored site survives catalog changes that move slots.
 */
import { LEAVES, LISTS, defaultValues, leafByPath, listByPath } from '../catalog';
import { modifiedAtOf, packValues, valueAt, type SlotValue, type UserRecord } from '../site/user-record';
import type { SiteConfig } from '../site/site-config';

export interface StoredUser {
  userId: number;
  registeredAt: number;
  /** Salted SHA-256 of the password (never the password): lets an imported user authenticate as before. */
  passwordHash?: string;
  passwordSalt?: string;
  /** Record state outside the element tree (site/user-record.ts). */
  modifiedAt?: number;
  lastLoginAt?: number;
  pendingEmail?: string;
  unverified?: boolean;
  /** Catalog path → value; values equal to the catalog default are left out, null = no value. */
  values: Record<string, SlotValue>;
}

/** Every stored slot with its catalog default: values equal to the default are not written (a user is ~1.5 KB, not ~5 KB). */
const SLOTTED: { path: string; slot: number; dflt: SlotValue }[] = [
  ...LEAVES.filter((l) => l.slot >= 0).map((l) => ({ path: l.path, slot: l.slot, dflt: l.def.default })),
  ...LISTS.filter((l) => l.slot >= 0).map((l) => ({ path: l.path, slot: l.slot, dflt: undefined })),
];

export function toStoredUser(rec: UserRecord): StoredUser {
  const values: Record<string, SlotValue | null> = {};
  for (const { path, slot, dflt } of SLOTTED) {
    const v = valueAt(rec.values, slot);
    if (v === dflt) continue;
    // null marks "no value" where the catalog has a default, so loading does not bring the default back.
    values[path] = v === undefined ? null : v;
  }
  const out: StoredUser = { userId: rec.userId, registeredAt: rec.registeredAt, values: values as Record<string, SlotValue> };
  copyState(rec, out);
  out.modifiedAt = modifiedAtOf(rec); // a record never written keeps none in memory (site.ts createChecked)
  if (rec.passwordHash && rec.passwordSalt) {
    out.passwordHash = rec.passwordHash;
    out.passwordSalt = rec.passwordSalt;
  }
  return out;
}

/** Paths the store does not know are an error (a snapshot from elsewhere should not be half-loaded). */
export function fromStoredUser(u: StoredUser): UserRecord {
  const values = defaultValues() as SlotValue[];
  for (const [path, value] of Object.entries(u.values)) {
    const leafSlot = leafByPath.get(path)?.slot ?? -1;
    const isList = leafSlot < 0;
    const slot = isList ? listByPath.get(path)?.slot ?? -1 : leafSlot;
    if (slot < 0) throw new Error(`user ${u.userId}: unknown attribute path ${path}`);
    // A list stored as one value (or the reverse) would break every later read of this user.
    if (value !== null && Array.isArray(value) !== isList) throw new Error(`user ${u.userId}: ${path} must be ${isList ? 'a list' : 'a single value'}`);
    values[slot] = value === null ? undefined : value;
  }
  const rec: UserRecord = { userId: u.userId, registeredAt: u.registeredAt, values: packValues(values) };
  copyState(u, rec);
  if (u.passwordHash && u.passwordSalt) {
    rec.passwordHash = u.passwordHash;
    rec.passwordSalt = u.passwordSalt;
  }
  return rec;
}

const STATE_FIELDS = ['modifiedAt', 'lastLoginAt', 'pendingEmail', 'unverified'] as const;
function copyState(from: Pick<UserRecord, (typeof STATE_FIELDS)[number]>, to: Pick<UserRecord, (typeof STATE_FIELDS)[number]>): void {
  for (const k of STATE_FIELDS) if (from[k] !== undefined) (to as Record<string, unknown>)[k] = from[k];
}

/** A deep copy of a config (configs hold arrays and nested objects the admin API replaces). */
export function cloneConfig(config: SiteConfig): SiteConfig {
  return JSON.parse(JSON.stringify(config)) as SiteConfig;
}
