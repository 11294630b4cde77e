/**
 * One Webex site (tenant): its users, indexes and licence counters, and the rules every write obeys.
 * Writes are computed on a copy and committed only when every rule passed, in one synchronous step —
 * so a refused request changes nothing and concurrent requests can never oversubscribe a licence.
 */
import {
  LANGUAGES, SUPPORTED_SERVICE_FLAG, defaultValues, TIME_ZONES, featureOffValue, leafByPath, listByPath, slotOf, timeZoneWithDst,
  type CatalogList, type LeafDef, type Value,
} from '../catalog';
import type { SiteConfig, SessionTypeConfig } from './site-config';
import { SeededRandom } from './random';
import { TicketStore } from './tickets';
import type { AccessTokenLookup } from './auth';
import { checkPassword, checkPin, hashPassword } from './rules';
import { checkValue, checkWebExId } from './check-value';
import { SLOT, formatWebexDate, isActive, meetingTypesOf, type ListItem, type SlotValue, type UserRecord } from './user-record';
import type { InputValue, ListInputItem, UserInput } from './user-input';
import { WebexError, cantSetField } from './webex-error';
import { flatString } from '../wire/flat-string';

export type WriteKind = 'create' | 'set';

export interface SiteChange {
  kind: 'created' | 'updated' | 'renamed' | 'reset';
  user?: UserRecord;
  previousWebExId?: string;
}

export interface UsageReport {
  hosts: { used: number; limit: number | null };
  sessionTypes: { id: number; shortName: string; used: number; limit: number | null }[];
}

export interface CreateOptions {
  /** Seeding and scenario loading bypass licence checks only when asked. */
  skipLicenceChecks?: boolean;
  /**
   * Created by the site's owner (Control Hub, a scenario), not through the XML API: the Spark Meet XML API
   * restrictions (roles E030103, webExId = email E030105, `active` ignored) do not apply.
   */
  asSiteOwner?: boolean;
  /** Registration time (epoch ms) for seeded users, so seeded sites are identical run after run. */
  at?: number;
}

const ROLE_PATHS = ['privilege/siteAdmin', 'privilege/roSiteAdmin', 'privilege/labAdmin', 'privilege/attendeeOnly'];
const CONTROL_HUB_FIELDS = ['webExId', 'email', 'firstName', 'lastName', 'password', 'phones/phone', 'phones/mobilePhone', 'phones/fax', 'phones/phone2', 'phones/mobilePhone2', 'phones/pager'];
const SUPPORTED_SERVICES_PREFIX = 'supportedServices/';

export class Site {
  private readonly byWebExId = new Map<string, UserRecord>();
  private readonly byEmail = new Map<string, UserRecord>();
  private readonly byPersonalUrl = new Map<string, UserRecord>();
  private readonly byUserId = new Map<number, UserRecord>();
  /** Users in userId order (ids only grow; nobody is ever purged): paging by UID is a slice. */
  private readonly ordered: UserRecord[] = [];
  private activeHosts = 0;
  private readonly sessionTypeUsage = new Map<number, number>();
  private nextUserId: number;
  private lastPersonalUrlStamp = 0;
  readonly random: SeededRandom;
  readonly tickets: TicketStore;
  /** OAuth access tokens of the mock (set by the registry); undefined: only the config's static tokens work. */
  oauthTokens?: AccessTokenLookup;
  /** Called after every committed change (persistence, UI). */
  onChange?: (site: Site, change: SiteChange) => void;

  constructor(public config: SiteConfig, private readonly now: () => number = Date.now, seed = config.id) {
    this.nextUserId = config.firstUserId;
    this.random = new SeededRandom(seed);
    this.tickets = new TicketStore(now);
  }

  get name(): string {
    return this.config.name;
  }

  get userCount(): number {
    return this.ordered.length;
  }

  findUser(webExId: string): UserRecord | undefined {
    return this.byWebExId.get(webExId.toLowerCase());
  }

  findByEmail(email: string): UserRecord | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  findByUserId(id: number): UserRecord | undefined {
    return this.byUserId.get(id);
  }

  /** All users in userId order (read-only view). */
  users(): readonly UserRecord[] {
    return this.ordered;
  }

  sessionType(id: number): SessionTypeConfig | undefined {
    return this.config.sessionTypes.find((t) => t.id === id);
  }

  usage(): UsageReport {
    return {
      hosts: { used: this.activeHosts, limit: this.config.hostLimit },
      sessionTypes: this.config.sessionTypes.map((t) => ({ id: t.id, shortName: t.shortName, used: this.sessionTypeUsage.get(t.id) ?? 0, limit: t.limit })),
    };
  }

  // ---- writes ---------------------------------------------------------------------------------

  createUser(input: UserInput, opts: CreateOptions = {}): UserRecord {
    // A refused create must leave the site as it was, generators included: otherwise the next user's
    // personal URL, access code and PIN depend on how many requests were refused before it.
    const random = this.random.position;
    const urlStamp = this.lastPersonalUrlStamp;
    try {
      return this.createChecked(input, opts);
    } catch (e) {
      this.random.rewind(random);
      this.lastPersonalUrlStamp = urlStamp;
      throw e;
    }
  }

  private createChecked(input: UserInput, opts: CreateOptions): UserRecord {
    const values = defaultValues() as SlotValue[];
    const sparkMeet = this.config.flags.sparkMeet && !opts.asSiteOwner;
    if (sparkMeet) input.scalars.delete('active'); // Spark Meet sites ignore `active` on create (SPEC §2.2)
    const written = this.applyInput(values, input, 'create', undefined);

    let webExId = String(values[SLOT.webExId] ?? '');
    const email = String(values[SLOT.email] ?? '');
    if (email === '') throw cantSetField('email', 'email is required');
    if (webExId === '') values[SLOT.webExId] = webExId = email; // docs call webExId optional; the email stands in (as on CI sites)
    if (sparkMeet && webExId.toLowerCase() !== email.toLowerCase()) throw new WebexError('profileSetupError');
    if (sparkMeet) this.checkRoles(values, written);
    if (this.byWebExId.has(webExId.toLowerCase())) throw new WebexError('duplicateWebExId');
    if (this.byEmail.has(email.toLowerCase())) throw new WebexError('duplicateEmail');

    if (meetingTypesOf(values).length === 0) values[SLOT.meetingTypes] = [...this.config.defaultSessionTypes];
    const at = opts.at ?? this.now();
    this.deriveOnCreate(values, written, at);
    this.derive(values, written);
    if (!opts.skipLicenceChecks) this.checkLicences(undefined, values);

    const password = input.scalars.get('password');
    const rec: UserRecord = { userId: this.nextUserId, values, registeredAt: at };
    if (password !== undefined) this.storePassword(rec, String(password), webExId);
    // Commit.
    this.nextUserId++;
    values[SLOT.userId] = rec.userId;
    values[SLOT.registrationDate] = flatString(formatWebexDate(rec.registeredAt));
    values[SLOT.password] = undefined;
    this.index(rec);
    this.onChange?.(this, { kind: 'created', user: rec });
    return rec;
  }

  updateUser(webExId: string, input: UserInput, newWebExId?: string): UserRecord {
    const rec = this.findUser(webExId);
    if (!rec) throw new WebexError('userNotFound');
    const values = cloneValues(rec.values);
    const flags = this.config.flags;

    // A blank newWebExId renames nothing.
    const requested = newWebExId !== undefined && newWebExId.trim() !== '' ? newWebExId : undefined;
    if (flags.controlHubManaged) this.checkControlHubFields(rec, input, requested?.trim());
    this.applySessionTypeQuirk(rec, input);
    const written = this.applyInput(values, input, 'set', rec);
    this.checkRoles(values, written);

    const oldId = String(rec.values[SLOT.webExId]);
    // The webExId rule CreateUser applies (checkWebExId), and the same case-insensitive uniqueness.
    const targetId = requested === undefined ? undefined : checkWebExId(requested, 'newWebExId');
    if (targetId !== undefined) {
      const other = this.findUser(targetId);
      if (other && other !== rec) throw new WebexError('duplicateWebExId');
      values[SLOT.webExId] = targetId;
    }
    const email = String(values[SLOT.email] ?? '');
    if (email === '') throw cantSetField('email', 'email is required'); // as on CreateUser: a user without one cannot be found by it
    const emailOwner = this.findByEmail(email);
    if (emailOwner && emailOwner !== rec) throw new WebexError('duplicateEmail');
    if (flags.sparkMeet && String(values[SLOT.webExId]).toLowerCase() !== email.toLowerCase()) throw new WebexError('profileSetupError');
    if (written.has('personalUrl')) {
      const url = String(values[SLOT.personalUrl]);
      const owner = this.byPersonalUrl.get(url.toLowerCase());
      if (owner && owner !== rec) throw new WebexError('personalUrlTaken');
    }
    this.derive(values, written);
    this.checkLicences(rec, values);

    const password = input.scalars.get('password');
    if (password !== undefined) this.storePassword(rec, String(password), String(values[SLOT.webExId]));
    values[SLOT.password] = undefined;
    // Commit.
    this.unindex(rec);
    rec.values = values;
    this.index(rec);
    const renamed = targetId !== undefined && targetId.toLowerCase() !== oldId.toLowerCase();
    this.onChange?.(this, { kind: renamed ? 'renamed' : 'updated', user: rec, previousWebExId: renamed ? oldId : undefined });
    return rec;
  }

  /** DelUser: deactivation, never a purge (SPEC §2.5); frees the host and session-type licences. */
  deactivate(webExId: string): UserRecord {
    const rec = this.findUser(webExId);
    if (!rec) throw new WebexError('userNotFound');
    if (!isActive(rec.values)) return rec;
    const values = cloneValues(rec.values);
    values[SLOT.active] = 'DEACTIVATED';
    this.unindex(rec);
    rec.values = values;
    this.index(rec);
    this.onChange?.(this, { kind: 'updated', user: rec });
    return rec;
  }

  /** Replace every user (snapshot import, persistence load); counters rebuilt from the records. */
  replaceUsers(records: UserRecord[]): void {
    this.byWebExId.clear(); this.byEmail.clear(); this.byPersonalUrl.clear(); this.byUserId.clear();
    this.ordered.length = 0; this.activeHosts = 0; this.sessionTypeUsage.clear();
    const sorted = [...records].sort((a, b) => a.userId - b.userId);
    for (const r of sorted) this.index(r);
    // Sorted: the last id is the largest (no spread: Math.max(...ids) overflows the stack past ~120k users).
    this.nextUserId = Math.max(this.config.firstUserId, (sorted.at(-1)?.userId ?? 0) + 1);
    this.onChange?.(this, { kind: 'reset' });
  }

  // ---- rules ----------------------------------------------------------------------------------

  /** Validate and write every input value into `values`; returns the set of paths written. */
  private applyInput(values: SlotValue[], input: UserInput, kind: WriteKind, existing: UserRecord | undefined): Set<string> {
    const written = new Set<string>();
    for (const [path, raw] of input.scalars) {
      const leaf = leafByPath.get(path);
      if (!leaf || leaf.slot < 0) continue;
      const value = this.checkLeaf(leaf.def, raw, kind);
      if (value === undefined) continue;
      values[leaf.slot] = value;
      written.add(path);
    }
    for (const [path, items] of input.lists) {
      const list = listByPath.get(path);
      if (!list || list.slot < 0) continue;
      values[list.slot] = this.checkList(list, items, kind, existing ? (existing.values[list.slot] as ListItem[] | undefined) : undefined);
      written.add(path);
    }
    return written;
  }

  /** One value: access, type and limits, value rules, then the site feature gate. */
  private checkLeaf(def: LeafDef, raw: InputValue, kind: WriteKind): Value | undefined {
    const field = def.element;
    if (kind === 'create' && def.access.create === 'ignored') return undefined;
    if ((kind === 'create' && def.access.create === 'no') || (kind === 'set' && !def.access.set)) {
      throw cantSetField(field, 'the field is read-only');
    }
    // The webExId leaf's checkValue is checkWebExId: CreateUser and a SetUser rename share the rule.
    const value = checkValue(def, raw, this.config, field);
    if (def.feature && !this.config.features[def.feature] && value !== featureOffValue(def)) {
      throw new WebexError('featureNotEnabled', { field, value: String(featureOffValue(def)) || 'empty' });
    }
    return value;
  }

  private checkList(list: CatalogList, items: ListInputItem[], kind: WriteKind, current: ListItem[] | undefined): ListItem[] {
    const def = list.def;
    if (items.length > def.maxItems) throw cantSetField(def.element, `at most ${def.maxItems} items`);
    if (def.feature && !this.config.features[def.feature] && items.length > 0) {
      throw new WebexError('featureNotEnabled', { field: def.element, value: 'empty' });
    }
    if (def.item.kind === 'leaf') {
      const seen = new Set<Value>();
      const out: Value[] = [];
      for (const item of items) {
        const v = this.checkLeaf(def.item, item as InputValue, kind) as Value;
        if (!seen.has(v)) { seen.add(v); out.push(v); }
      }
      return out;
    }
    // Record items merge by key on SetUser (an item with <delete>true</delete> removes that account).
    const key = def.key;
    const merged: Record<string, Value>[] = kind === 'set' && key ? (current ?? []).map((i) => ({ ...(i as Record<string, Value>) })) : [];
    for (const raw of items) {
      const record: Record<string, Value> = {};
      for (const [name, v] of Object.entries(raw as Record<string, InputValue>)) {
        const childLeaf = leafByPath.get(`${list.path}/${name}`);
        if (!childLeaf) continue;
        record[name] = this.checkLeaf(childLeaf.def, v, kind) as Value;
      }
      if (key) {
        if (record[key] === undefined) record[key] = merged.length + 1;
        const at = merged.findIndex((m) => m[key] === record[key]);
        if (record.delete === true) { if (at >= 0) merged.splice(at, 1); continue; }
        delete record.delete;
        if (at >= 0) merged[at] = { ...merged[at], ...record };
        else merged.push(record);
      } else merged.push(record);
    }
    if (merged.length > def.maxItems) throw cantSetField(def.element, `at most ${def.maxItems} items`);
    return merged;
  }

  /** Spark Meet sites do not let the XML API assign roles (E030103). */
  private checkRoles(values: SlotValue[], written: Set<string>): void {
    if (!this.config.flags.sparkMeet) return;
    for (const path of ROLE_PATHS) if (written.has(path) && values[slotOf(path)] === true) throw new WebexError('roleNotSupported');
  }

  /** Control Hub managed sites own identity fields: SetUser may not change them (SPEC §2.3 / research). */
  private checkControlHubFields(rec: UserRecord, input: UserInput, newWebExId: string | undefined): void {
    if (newWebExId !== undefined && newWebExId.toLowerCase() !== String(rec.values[SLOT.webExId]).toLowerCase()) {
      throw new WebexError('managedByControlHub', { field: 'webExId' });
    }
    for (const path of CONTROL_HUB_FIELDS) {
      const raw = input.scalars.get(path);
      if (raw === undefined) continue;
      if (path === 'password' || String(raw).trim() !== String(rec.values[slotOf(path)] ?? '')) {
        throw new WebexError('managedByControlHub', { field: leafByPath.get(path)!.def.element });
      }
    }
  }

  /**
   * Okta: "session types set, but Webex does not change" unless the matching supportedServices flags are set.
   * A SetUser meetingTypes list only takes effect for centers whose supportedServices flag the same request
   * sets to true; session types of other centers stay as they were.
   */
  private applySessionTypeQuirk(rec: UserRecord, input: UserInput): void {
    const path = 'meetingTypes/meetingType';
    const requested = input.lists.get(path);
    if (!requested) return;
    const flagged = new Set<string>();
    for (const [p, v] of input.scalars) {
      if (p.startsWith(SUPPORTED_SERVICES_PREFIX) && String(v).trim().toLowerCase() === 'true') flagged.add(p.slice(SUPPORTED_SERVICES_PREFIX.length));
    }
    const centerOf = (id: number) => {
      const t = this.sessionType(id);
      return t ? SUPPORTED_SERVICE_FLAG[t.serviceType] : undefined;
    };
    const kept = meetingTypesOf(rec.values).filter((id) => !flagged.has(centerOf(id) ?? ''));
    const applied = requested.filter((id) => {
      const center = centerOf(Number(String(id).trim()));
      return center === undefined || flagged.has(center); // unknown ids stay in so validation names them
    });
    input.lists.set(path, [...kept, ...applied]);
  }

  private deriveOnCreate(values: SlotValue[], written: Set<string>, at: number): void {
    if (values[SLOT.timeZoneID] === -1 && !written.has('timeZone')) values[SLOT.timeZoneID] = this.config.timeZoneId;
    // supportedServices follow the assigned session types unless the request set them.
    for (const id of meetingTypesOf(values)) {
      const t = this.sessionType(id);
      const flag = t && `supportedServices/${SUPPORTED_SERVICE_FLAG[t.serviceType]}`;
      if (flag && !written.has(flag)) values[slotOf(flag)] = true;
    }
    values[SLOT.personalUrl] = flatString(this.newPersonalUrl(at));
    values[SLOT.pmrAccessCode] = this.random.digits(9);
    values[SLOT.pmrHostPin] = this.newPin(); // hostPIN cannot be sent on create (catalog access); SetUser may change it
  }

  /** Values kept in step with others (SPEC §3, §6): time zone names, language id, PMR fields, phones. */
  private derive(values: SlotValue[], written: Set<string>): void {
    if (written.has('timeZone') && !written.has('timeZoneID')) values[SLOT.timeZoneID] = TIME_ZONES.indexOf(String(values[SLOT.timeZone]));
    const tz = Number(values[SLOT.timeZoneID]);
    const tzId = tz >= 0 ? tz : this.config.timeZoneId;
    values[SLOT.timeZone] = TIME_ZONES[tzId];
    values[SLOT.timeZoneWithDST] = zoneLabel(tzId);
    if (written.has('languageID') && !written.has('language')) values[SLOT.language] = LANGUAGES[Number(values[SLOT.languageID]) - 1];
    else values[SLOT.languageID] = LANGUAGES.indexOf(String(values[SLOT.language])) + 1;
    // Okta: setting the mobile phone also sets the primary phone.
    if (written.has('phones/mobilePhone') && !written.has('phones/phone')) values[SLOT.phone] = values[SLOT.mobilePhone];
    if (values[SLOT.hdVideo] === true && values[SLOT.hqVideo] !== true && (written.has('privilege/HDvideo') || written.has('privilege/HQvideo'))) {
      throw cantSetField('HDvideo', 'HD video needs HQvideo');
    }
    const types = meetingTypesOf(values);
    const dst = values[SLOT.defaultSessionType];
    if (written.has('sessionOptions/defaultSessionType') && !types.includes(Number(dst))) {
      throw cantSetField('defaultSessionType', `session type ${dst} is not one of the user's meetingTypes`);
    }
    if (dst === undefined || !types.includes(Number(dst))) values[SLOT.defaultSessionType] = types[0];
    const url = String(values[SLOT.personalUrl] ?? '');
    // Kept per user: flat copies, not the concatenation trees template literals build.
    values[SLOT.pmrTitle] = flatString(`${values[SLOT.firstName] ?? ''} ${values[SLOT.lastName] ?? ''}'s Personal Room`.trim());
    values[SLOT.pmrUrl] = flatString(`https://${this.config.host}/meet/${url}`);
    values[SLOT.pmrSip] = flatString(`${url}@${this.config.host}`);
  }

  /** Host limit, then each session type's user limit; only ACTIVATED users hold licences. */
  private checkLicences(before: UserRecord | undefined, after: SlotValue[]): void {
    if (!isActive(after)) return;
    const wasActive = before ? isActive(before.values) : false;
    const limit = this.config.hostLimit;
    if (!wasActive && limit !== null && this.activeHosts >= limit) throw new WebexError('hostLimitExceeded');
    const held = new Set(wasActive && before ? meetingTypesOf(before.values) : []);
    for (const id of meetingTypesOf(after)) {
      if (held.has(id)) continue;
      const t = this.sessionType(id);
      if (t && t.limit !== null && (this.sessionTypeUsage.get(id) ?? 0) >= t.limit) {
        throw new WebexError('sessionTypeLimitExceeded', {}, String(id));
      }
    }
  }

  private storePassword(rec: UserRecord, password: string, webExId: string): void {
    checkPassword(this.config.passwordPolicy, password, webExId);
    const { hash, salt } = hashPassword(password);
    rec.passwordHash = hash;
    rec.passwordSalt = salt;
  }

  /** `pr` + 13 digits, as real sites generate (an epoch-ms stamp: pr1454974599154), unique per site. */
  private newPersonalUrl(at: number): string {
    let stamp = Math.max(at, this.lastPersonalUrlStamp + 1);
    while (this.byPersonalUrl.has(`pr${stamp}`)) stamp++;
    this.lastPersonalUrlStamp = stamp;
    return `pr${stamp}`;
  }

  private newPin(): string {
    for (;;) {
      const pin = this.random.digits(4);
      try { checkPin('hostPIN', pin); return pin; } catch { /* draw again */ }
    }
  }

  private index(rec: UserRecord): void {
    const v = rec.values;
    if (!this.byUserId.has(rec.userId)) this.ordered.push(rec);
    this.byUserId.set(rec.userId, rec);
    this.byWebExId.set(String(v[SLOT.webExId]).toLowerCase(), rec);
    if (v[SLOT.email]) this.byEmail.set(String(v[SLOT.email]).toLowerCase(), rec);
    if (v[SLOT.personalUrl]) this.byPersonalUrl.set(String(v[SLOT.personalUrl]).toLowerCase(), rec);
    if (isActive(v)) {
      this.activeHosts++;
      for (const id of meetingTypesOf(v)) this.sessionTypeUsage.set(id, (this.sessionTypeUsage.get(id) ?? 0) + 1);
    }
  }

  /** Remove a record's index and licence entries; `ordered` keeps its place (ids never change). */
  private unindex(rec: UserRecord): void {
    const v = rec.values;
    this.byWebExId.delete(String(v[SLOT.webExId]).toLowerCase());
    if (v[SLOT.email]) this.byEmail.delete(String(v[SLOT.email]).toLowerCase());
    if (v[SLOT.personalUrl]) this.byPersonalUrl.delete(String(v[SLOT.personalUrl]).toLowerCase());
    if (isActive(v)) {
      this.activeHosts--;
      for (const id of meetingTypesOf(v)) this.sessionTypeUsage.set(id, (this.sessionTypeUsage.get(id) ?? 1) - 1);
    }
  }
}

/** timeZoneWithDST labels, one shared string per zone instead of one per user. */
const zoneLabels = new Map<number, string>();
function zoneLabel(tzId: number): string {
  let label = zoneLabels.get(tzId);
  if (label === undefined) zoneLabels.set(tzId, label = flatString(timeZoneWithDst(tzId)));
  return label;
}

function cloneValues(values: SlotValue[]): SlotValue[] {
  return values.map((v) => (Array.isArray(v) ? v.map((i) => (typeof i === 'object' ? { ...i } : i)) : v));
}

