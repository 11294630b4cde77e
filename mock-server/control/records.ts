/**
 * Users and site configs as portable JSON (snapshots and the SQLite store). Values are keyed by catalog path,
 * not by slot number, so a stored site survives catalog changes that move slots.
 */
import { LEAVES, LISTS, SLOT_COUNT, leafByPath, listByPath } from '../catalog';
import type { SlotValue, UserRecord } from '../site/user-record';
import type { SiteConfig } from '../site/site-config';

export interface StoredUser {
  userId: number;
  registeredAt: number;
  /** Salted SHA-256 of the password (never the password): lets an imported user authenticate as before. */
  passwordHash?: string;
  passwordSalt?: string;
  values: Record<string, SlotValue>;
}

const SLOTTED: { path: string; slot: number }[] = [
  ...LEAVES.filter((l) => l.slot >= 0).map((l) => ({ path: l.path, slot: l.slot })),
  ...LISTS.filter((l) => l.slot >= 0).map((l) => ({ path: l.path, slot: l.slot })),
];

export function toStoredUser(rec: UserRecord): StoredUser {
  const values: Record<string, SlotValue> = {};
  for (const { path, slot } of SLOTTED) if (rec.values[slot] !== undefined) values[path] = rec.values[slot];
  const out: StoredUser = { userId: rec.userId, registeredAt: rec.registeredAt, values };
  if (rec.passwordHash && rec.passwordSalt) {
    out.passwordHash = rec.passwordHash;
    out.passwordSalt = rec.passwordSalt;
  }
  return out;
}

/** Paths the store does not know are an error (a snapshot from elsewhere should not be half-loaded). */
export function fromStoredUser(u: StoredUser): UserRecord {
  const values: SlotValue[] = new Array(SLOT_COUNT);
  for (const [path, value] of Object.entries(u.values)) {
    const leafSlot = leafByPath.get(path)?.slot ?? -1;
    const slot = leafSlot >= 0 ? leafSlot : listByPath.get(path)?.slot ?? -1;
    if (slot < 0) throw new Error(`user ${u.userId}: unknown attribute path ${path}`);
    values[slot] = value === null ? undefined : value;
  }
  const rec: UserRecord = { userId: u.userId, registeredAt: u.registeredAt, values };
  if (u.passwordHash && u.passwordSalt) {
    rec.passwordHash = u.passwordHash;
    rec.passwordSalt = u.passwordSalt;
  }
  return rec;
}

/** A deep copy of a config (configs hold arrays and nested objects the admin API replaces). */
export function cloneConfig(config: SiteConfig): SiteConfig {
  return JSON.parse(JSON.stringify(config)) as SiteConfig;
}
