/**
 * Users a site takes whole (a snapshot import) obey the rules a request obeys, so GetUser never serves a state
 * no request could have made: every value through checkValue (the catalog's type, limits and value rules), the
 * webExId through checkWebExId, webExId and email present, userId, webExId, email and personal URL unique
 * (case-insensitive, as lookups are), and the licences within the site's host and session-type limits.
 * Values are stored as checkValue returns them (`"5"` for an integer becomes 5).
 */
import { LEAVES, LISTS, leafByPath, type Value } from '../catalog';
import { checkValue, checkWebExId } from './check-value';
import type { SiteConfig } from './site-config';
import { SLOT, draftValues, isActive, meetingTypesOf, packValues, type ListItem, type SlotValue, type UserRecord } from './user-record';
import { WebexError } from './webex-error';

/** Which user (position and ids) and field a refused record names. */
export class RecordError extends Error {
  constructor(readonly index: number, readonly userId: number, readonly webExId: string, readonly field: string | undefined, detail: string) {
    super(`users.${index} (userId ${userId}${webExId ? `, webExId "${webExId}"` : ''})${field ? `, ${field}` : ''}: ${detail}`);
  }
}

/** The site-wide counts a set of records breaks (host limit, session-type limits). */
export class LicenceError extends Error {}

const SCALARS = LEAVES.filter((l) => l.slot >= 0 && l.slot !== SLOT.webExId);
const SLOTTED_LISTS = LISTS.filter((l) => l.slot >= 0);
const UNIQUE = [['webExId', SLOT.webExId], ['email', SLOT.email], ['personalUrl', SLOT.personalUrl]] as const;

export function checkRecords(config: SiteConfig, records: readonly UserRecord[]): void {
  const seen = new Map<string, number>();
  records.forEach((rec, index) => {
    const v = draftValues(rec.values); // checked values are stored back as checkValue returns them
    const webExId = typeof v[SLOT.webExId] === 'string' ? (v[SLOT.webExId] as string) : '';
    const refuse = (field: string | undefined, detail: string): never => { throw new RecordError(index, rec.userId, webExId, field, detail); };
    const check = (path: string, run: () => SlotValue): SlotValue => {
      try {
        return run();
      } catch (e) {
        if (e instanceof WebexError) return refuse(path, `${e.id} ${e.reason}`);
        throw e;
      }
    };

    v[SLOT.webExId] = check('webExId', () => checkWebExId(v[SLOT.webExId] === undefined ? '' : String(v[SLOT.webExId])));
    if (v[SLOT.webExId] === '') refuse('webExId', 'a user needs a webExId');
    for (const { path, slot, def } of SCALARS) {
      const value = v[slot];
      // The catalog default is what CreateUser stores when the element is not sent (most values of most users).
      if (value === undefined || value === def.default || Array.isArray(value)) continue; // a list here: refused by fromStoredUser
      if (def.rule === 'password') refuse(path, 'a snapshot carries passwordHash and passwordSalt, never a password');
      v[slot] = check(path, () => checkValue(def, value, config, def.element));
    }
    if (!v[SLOT.email]) refuse('email', 'a user needs an email address');
    v[SLOT.userId] = rec.userId; // the record's own userId is the one the site indexes and GetUser answers

    for (const { path, slot, def } of SLOTTED_LISTS) {
      const items = v[slot];
      if (items === undefined || !Array.isArray(items)) continue;
      if (items.length > def.maxItems) refuse(path, `at most ${def.maxItems} items`);
      const item = def.item;
      v[slot] = items.map((it, i): ListItem => {
        const where = `${path}.${i}`;
        if (item.kind === 'leaf') {
          if (typeof it === 'object') return refuse(where, 'must be a single value');
          return check(where, () => checkValue(item, it, config, item.element)) as Value;
        }
        if (typeof it !== 'object' || it === null) return refuse(where, 'must be a record');
        const out: Record<string, Value> = {};
        for (const [name, value] of Object.entries(it)) {
          const leaf = leafByPath.get(`${path}/${name}`);
          if (!leaf) return refuse(`${where}.${name}`, 'unknown attribute');
          out[name] = check(`${where}.${name}`, () => checkValue(leaf.def, value, config, leaf.def.element)) as Value;
        }
        return out;
      });
    }

    for (const key of [`userId ${rec.userId}`, ...UNIQUE.filter(([, slot]) => v[slot] !== undefined && v[slot] !== '').map(([name, slot]) => `${name} ${String(v[slot]).toLowerCase()}`)]) {
      const other = seen.get(key);
      if (other !== undefined) refuse(undefined, `duplicate ${key} (users.${other} has it too)`);
      seen.set(key, index);
    }
    rec.values = packValues(v);
  });
  checkLicences(config, records);
}

/** Only ACTIVATED users hold licences, as on CreateUser and SetUser. */
function checkLicences(config: SiteConfig, records: readonly UserRecord[]): void {
  const active = records.filter((r) => isActive(r.values));
  if (config.hostLimit !== null && active.length > config.hostLimit) {
    throw new LicenceError(`${active.length} users are ACTIVATED but the site's hostLimit is ${config.hostLimit}`);
  }
  const used = new Map<number, number>();
  for (const r of active) for (const id of meetingTypesOf(r.values)) used.set(id, (used.get(id) ?? 0) + 1);
  for (const t of config.sessionTypes) {
    const n = used.get(t.id) ?? 0;
    if (t.limit !== null && n > t.limit) throw new LicenceError(`${n} ACTIVATED users hold session type ${t.id} (${t.shortName}) but its limit is ${t.limit}`);
  }
}
