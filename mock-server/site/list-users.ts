/**
 * LstsummaryUser / LstUser queries over a site (SPEC §2.6): filters combined by AND or OR, up to three order
 * keys, a registration-date window, 1-based paging. Without filters and in userId order, a page is a slice:
 * paging never scans the whole site.
 */
import { createHash } from 'node:crypto';
import { leafByPath } from '../catalog';
import type { Site } from './site';
import { SLOT, formatWebexDate, modifiedAtOf, parseWebexDate, valueAt, type UserRecord } from './user-record';

export interface ListQuery {
  filters: { path: string; value: string }[];
  method: 'AND' | 'OR';
  order: { by: string; dir: 'ASC' | 'DESC' }[];
  /** 1-based; 0 is read as 1 (some clients send 0-based offsets). */
  startFrom: number;
  maximumNum: number;
  regDateStart?: string;
  regDateEnd?: string;
  /** API 39.11.0: the last-modification window (epoch ms), at most 90 days. */
  modifiedFrom?: number;
  modifiedTo?: number;
}

export interface ListPage {
  users: UserRecord[];
  total: number;
  startFrom: number;
}

export const LIST_DEFAULT_MAX = 50;
export const LIST_MAX = 500;

/** orderBy keys (user.xsd orderByType) → catalog paths; UID and REGDATE use the record itself. */
const ORDER_PATHS: Record<string, string> = {
  WEBEXID: 'webExId', FIRSTNAME: 'firstName', LASTNAME: 'lastName', EMAIL: 'email', ACTIVE: 'active',
  REGEXPDATE: 'expirationDate', PRIVILEGE: 'privilege/host', PERSONALURL: 'personalUrl', ADDRESS1: 'address/address1',
  ADDRESS2: 'address/address2', CITY: 'address/city', STATE: 'address/state', ZIPCODE: 'address/zipCode',
  COUNTRY: 'address/country', PHONE1: 'phones/phone', PHONE2: 'phones/phone2', MOBILE1: 'phones/mobilePhone',
  MOBILE2: 'phones/mobilePhone2', FAX: 'phones/fax', PAGER: 'phones/pager', EMAIL2: 'email2', DIVISION: 'tracking/trackingCode1',
  DEPARTMENT: 'tracking/trackingCode2', PROJECT: 'tracking/trackingCode3', OTHER: 'tracking/trackingCode4',
  TIMEZONE: 'timeZoneID', OFFICENAME: 'title', OFFICETITLE: 'title', OFFICEURL: 'officeurl', CATEGORYID: 'categoryId', VISITCOUNT: 'visitCount',
};
export const ORDER_BY_KEYS = ['UID', 'REGDATE', ...Object.keys(ORDER_PATHS)];
/** orderBy key → value slot, resolved once (sorting compares each record many times). */
const ORDER_SLOTS = new Map(Object.entries(ORDER_PATHS).map(([by, path]) => [by, leafByPath.get(path)?.slot ?? -1]));

function sortKey(rec: UserRecord, by: string): string | number {
  if (by === 'UID' || by === 'REGDATE') return rec.userId;
  const slot = ORDER_SLOTS.get(by) ?? -1;
  const v = slot >= 0 ? valueAt(rec.values, slot) : undefined;
  return typeof v === 'number' ? v : String(v ?? '').toLowerCase();
}

/** Filters match case-insensitively; `%` or `*` is a wildcard. */
function matcher(value: string): (s: string) => boolean {
  const v = value.trim().toLowerCase();
  if (!/[%*]/.test(v)) return (s) => s.toLowerCase() === v;
  const re = new RegExp(`^${v.split(/[%*]/).map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (s) => re.test(s.toLowerCase());
}

export function listUsers(site: Site, q: ListQuery): ListPage {
  const all = site.users();
  const start = Math.max(1, q.startFrom);
  const max = Math.min(Math.max(1, q.maximumNum), LIST_MAX);
  const from = q.regDateStart ? parseWebexDate(q.regDateStart) : undefined;
  const to = q.regDateEnd ? parseWebexDate(q.regDateEnd) : undefined;
  const tests = q.filters.map((f) => ({ slot: leafByPath.get(f.path)!.slot, match: matcher(f.value) }));
  const defaultOrder = q.order.length === 0 || (q.order.length === 1 && q.order[0].by === 'UID');
  const descending = defaultOrder && q.order[0]?.dir === 'DESC';

  const modFrom = q.modifiedFrom;
  const modTo = q.modifiedTo;
  const byModification = modFrom !== undefined || modTo !== undefined;

  if (tests.length === 0 && from === undefined && to === undefined && !byModification && defaultOrder) {
    const total = all.length;
    const users = descending
      ? all.slice(Math.max(0, total - start - max + 1), Math.max(0, total - start + 1)).reverse()
      : all.slice(start - 1, start - 1 + max);
    return { users, total, startFrom: start };
  }

  let matched = all.filter((rec) => {
    if (from !== undefined && rec.registeredAt < from) return false;
    if (to !== undefined && rec.registeredAt > to) return false;
    if (modFrom !== undefined && modifiedAtOf(rec) < modFrom) return false;
    if (modTo !== undefined && modifiedAtOf(rec) > modTo) return false;
    if (tests.length === 0) return true;
    const hit = (t: (typeof tests)[number]) => t.match(String(valueAt(rec.values, t.slot) ?? ''));
    return q.method === 'OR' ? tests.some(hit) : tests.every(hit);
  });
  if (!defaultOrder || descending) {
    matched = [...matched].sort((a, b) => {
      for (const o of q.order) {
        const x = sortKey(a, o.by);
        const y = sortKey(b, o.by);
        if (x < y) return o.dir === 'DESC' ? 1 : -1;
        if (x > y) return o.dir === 'DESC' ? -1 : 1;
      }
      return a.userId - b.userId;
    });
  }
  return { users: matched.slice(start - 1, start - 1 + max), total: matched.length, startFrom: start };
}

export const summaryOf = (rec: UserRecord) => ({
  webExId: String(valueAt(rec.values, SLOT.webExId)),
  firstName: String(valueAt(rec.values, SLOT.firstName) ?? ''),
  lastName: String(valueAt(rec.values, SLOT.lastName) ?? ''),
  email: String(valueAt(rec.values, SLOT.email) ?? ''),
  registrationDate: String(valueAt(rec.values, SLOT.registrationDate) ?? ''),
  /** API 39.11.0 (sample: registrationDate, lastLoginTime, lastModifiedTime); empty until the user logs in. */
  lastLoginTime: rec.lastLoginAt === undefined ? '' : formatWebexDate(rec.lastLoginAt),
  lastModifiedTime: formatWebexDate(modifiedAtOf(rec)),
  active: String(valueAt(rec.values, SLOT.active)),
  timeZoneID: Number(valueAt(rec.values, SLOT.timeZoneID)),
});

/** The longest modified-date window LstsummaryUser accepts (API 39.11.0). */
export const MODIFIED_WINDOW_MAX_MS = 90 * 86_400_000;

/**
 * The Control Hub person id LstsummaryUser returns on Control Hub managed sites ("also returns an objectGUID for
 * users"). Stable per site and user: a UUID-shaped digest of the two ids (the real value comes from Control Hub).
 */
export function objectGuidOf(site: Site, rec: UserRecord): string {
  const h = createHash('sha1').update(`${site.config.id}:${rec.userId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
