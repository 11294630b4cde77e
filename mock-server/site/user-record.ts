/** A stored user: one value per catalog slot (lists are arrays in their slot; layout in user-values.ts). No HTTP, no XML. */
import { leafByPath, listByPath, slotOf, type Value } from '../catalog';
import { valueAt, type UserValues } from './user-values';

export { valueAt, packValues, draftValues, slotValues, slotReader, type UserValues } from './user-values';

export type ListItem = Value | Record<string, Value>;
export type SlotValue = Value | ListItem[] | undefined;

export interface UserRecord {
  userId: number;
  /** Immutable: every write replaces it (read with `valueAt`, write through `draftValues` + `packValues`). */
  values: UserValues;
  /** salted SHA-256 of the password; never the password itself. */
  passwordHash?: string;
  passwordSalt?: string;
  /** epoch ms */
  registeredAt: number;
  /** Last committed write (epoch ms, the site clock); LstsummaryUser lastModifiedTime and its modifiedDate filter. */
  modifiedAt?: number;
  /** Last successful AuthenticateUser (epoch ms); LstsummaryUser lastLoginTime. */
  lastLoginAt?: number;
  /** API 40.4.0: an email a non-admin asked for in SetUser, kept until it is verified. */
  pendingEmail?: string;
  /** API 41.11.0: created through the XML API on a Control Hub site and not yet verified (stays inactive). */
  unverified?: boolean;
}

/** When the record was last written (records loaded from older stores fall back to the registration). */
export const modifiedAtOf = (rec: UserRecord): number => rec.modifiedAt ?? rec.registeredAt;

/** Slots the site reads on every request, resolved once. */
export const SLOT = {
  webExId: slotOf('webExId'),
  email: slotOf('email'),
  firstName: slotOf('firstName'),
  lastName: slotOf('lastName'),
  displayName: slotOf('displayName'),
  pin: slotOf('phones/PIN'),
  active: slotOf('active'),
  personalUrl: slotOf('personalUrl'),
  password: slotOf('password'),
  timeZoneID: slotOf('timeZoneID'),
  timeZone: slotOf('timeZone'),
  timeZoneWithDST: slotOf('timeZoneWithDST'),
  language: slotOf('language'),
  languageID: slotOf('languageID'),
  phone: slotOf('phones/phone'),
  mobilePhone: slotOf('phones/mobilePhone'),
  siteAdmin: slotOf('privilege/siteAdmin'),
  roSiteAdmin: slotOf('privilege/roSiteAdmin'),
  host: slotOf('privilege/host'),
  hqVideo: slotOf('privilege/HQvideo'),
  hdVideo: slotOf('privilege/HDvideo'),
  defaultSessionType: slotOf('sessionOptions/defaultSessionType'),
  pmrTitle: slotOf('personalMeetingRoom/title'),
  pmrUrl: slotOf('personalMeetingRoom/personalMeetingRoomURL'),
  pmrSip: slotOf('personalMeetingRoom/sipURL'),
  pmrAccessCode: slotOf('personalMeetingRoom/accessCode'),
  pmrHostPin: slotOf('personalMeetingRoom/hostPIN'),
  registrationDate: slotOf('registrationDate'),
  userId: slotOf('userId'),
  meetingTypes: listByPath.get('meetingTypes/meetingType')!.slot,
  pcnAccounts: listByPath.get('personalTeleconf/account')!.slot,
} as const;

export const str = (rec: UserRecord, slot: number): string => {
  const v = valueAt(rec.values, slot);
  return v === undefined ? '' : String(v);
};

export function meetingTypesOf(values: UserValues): readonly number[] {
  return (valueAt(values, SLOT.meetingTypes) as number[] | undefined) ?? [];
}

export const isActive = (values: UserValues): boolean => valueAt(values, SLOT.active) === 'ACTIVATED';

/** Read a value by catalog path; leaves inside lists read from the item whose key matches (default: first item). */
export function readPath(rec: UserRecord, path: string, key?: Value): SlotValue {
  const leaf = leafByPath.get(path);
  if (!leaf) return undefined;
  if (leaf.slot >= 0) return valueAt(rec.values, leaf.slot);
  const list = leaf.list!;
  const items = valueAt(rec.values, list.slot) as ListItem[] | undefined;
  if (!items) return undefined;
  if (list.def.item.kind === 'leaf') return items as Value[];
  const record = (key === undefined ? items[0] : items.find((i) => (i as Record<string, Value>)[list.def.key!] === key)) as Record<string, Value> | undefined;
  return record?.[leaf.def.element];
}

/** "00".."99": LstsummaryUser formats a date per listed user, so no padStart closures on that path. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

export function formatWebexDate(ms: number): string {
  const d = new Date(ms);
  const two = TWO_DIGITS;
  return `${two[d.getUTCMonth() + 1]}/${two[d.getUTCDate()]}/${d.getUTCFullYear()} ${two[d.getUTCHours()]}:${two[d.getUTCMinutes()]}:${two[d.getUTCSeconds()]}`;
}

export function parseWebexDate(text: string): number | undefined {
  const m = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d)$/.exec(text.trim());
  if (!m) return undefined;
  return Date.UTC(+m[3], +m[1] - 1, +m[2], +m[4], +m[5], +m[6]);
}
