/**
 * One Webex site (tenant): its users, indexes and licence counters, and the rules every write obeys.
 * Writes are computed on a copy and committed only when every rule passed, in one synchronous step —
 * so a refused request changes nothing and concurrent requests can never oversubscribe a licence.
 */
import {
  CONTROL_HUB_FIELDS, LANGUAGES, SUPPORTED_SERVICE_FLAG, TIME_ZONES, featureOffValue, leafByPath, listByPath, slotOf, timeZoneWithDst,
  type CatalogList, type LeafDef, type Value,
} from '../catalog';
import type { SiteConfig, SessionTypeConfig } from './site-config';
import { SeededRandom } from './random';
import { TicketStore } from './tickets';
import type { AccessTokenLookup } from './auth';
import { checkPassword, checkPin, hashPassword } from './rules';
import { checkValue, checkWebExId } from './check-value';
import { SLOT, formatWebexDate, isActive, meetingTypesOf, type ListItem, type SlotValue, type UserRecord } from './user-record';
import { draftValues, newUserDraft, packNewUser, packValuesOver, valueAt, type UserValues } from './user-values';
import { defaultDisplayName } from './display-name';
import type { InputValue, ListInputItem, UserInput } from './user-input';
import { WebexError, cantSetField } from './webex-error';
import { flatJoin, flatString } from '../wire/flat-string';
import { WrittenSlots } from './written-slots';

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

export interface UpdateOptions {
  /**
   * The caller is not a site admin (a user editing themself). API 40.4.0: such an email change waits for the
   * new address to be verified; the current email stays until then.
   */
  byNonAdmin?: boolean;
}

const ROLE_SLOTS = ['privilege/siteAdmin', 'privilege/roSiteAdmin', 'privilege/labAdmin', 'privilege/attendeeOnly'].map(slotOf);
/** The supportedServices flag slot of each service type's center. */
const SUPPORTED_SERVICE_SLOT = Object.fromEntries(Object.entries(SUPPORTED_SERVICE_FLAG).map(([type, flag]) => [type, slotOf(`supportedServices/${flag}`)])) as Record<keyof typeof SUPPORTED_SERVICE_FLAG, number>;
/**
 * Fields a Control Hub managed site keeps from Control Hub (user-service overview: "cannot update user's Webex ID,
 * password, email, name, or telephone number"). API 41.11.0 changed password (ignored) and email (may change):
 * names and phones are what is left of that rule.
 */
const CONTROL_HUB_MANAGED = Object.entries(CONTROL_HUB_FIELDS).filter(([, v]) => v === 'managed').map(([p]) => p);
const CONTROL_HUB_IGNORED = Object.entries(CONTROL_HUB_FIELDS).filter(([, v]) => v === 'ignored').map(([p]) => p);
const PCN_ACCOUNTS = 'personalTeleconf/account';
const SUPPORTED_SERVICES_PREFIX = 'supportedServices/';

export class Site {
  private readonly byWebExId = new Map<string, UserRecord>();
  private readonly byEmail = new Map<string, UserRecord>();
  /**
   * Users by personal URL (lower case), built the first time a URL must be looked up (a SetUser that sets one, a
   * generated stamp at or below highestPrNumber) and kept up to date from then on. A create generates a URL no
   * user holds without looking it up, so a site provisioned through CreateUser alone never builds it: each create
   * saves a map insert (a cold one costs ~1 µs under load) and each user ~40 B.
   */
  private urlIndex: Map<string, UserRecord> | undefined;
  /**
   * Users in userId order (ids only grow; nobody is ever purged): paging by UID is a slice, and a userId is
   * found by binary search (no fourth map: ~40 B per user).
   */
  private readonly ordered: UserRecord[] = [];
  private activeHosts = 0;
  private readonly sessionTypeUsage = new Map<number, number>();
  private nextUserId: number;
  private lastPersonalUrlStamp = 0;
  /**
   * The largest N of a personal URL `prN` the site holds (generated or set): a generated `pr<stamp>` above it
   * cannot be taken, so most creates skip a cold lookup in a map of every user (~1 µs: bench/FIXES.md).
   */
  private highestPrNumber = -Infinity;
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
    const users = this.ordered;
    let lo = 0;
    let hi = users.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = users[mid].userId;
      if (at === id) return users[mid];
      if (at < id) lo = mid + 1; else hi = mid - 1;
    }
    return undefined;
  }

  /**
   * The user a SetUser's webExId names. API 41.11.0: on a Control Hub managed site it "must be user identity of
   * email address", so it is looked up as an email there.
   */
  findSetUserTarget(webExId: string): UserRecord | undefined {
    return this.config.flags.controlHubManaged ? this.findByEmail(webExId.trim()) : this.findUser(webExId.trim());
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
    const values = newUserDraft();
    const sparkMeet = this.config.flags.sparkMeet && !opts.asSiteOwner;
    const controlHub = this.config.flags.controlHubManaged && !opts.asSiteOwner;
    if (sparkMeet) input.scalars.delete('active'); // Spark Meet sites ignore `active` on create (SPEC §2.2)
    // API 41.11.0: CreateUser's password and active are ignored; Control Hub sends an activation email instead.
    if (controlHub) { input.scalars.delete('active'); for (const p of CONTROL_HUB_IGNORED) input.scalars.delete(p); }
    const written = this.applyInput(values, input, 'create', undefined);

    let webExId = String(values[SLOT.webExId] ?? '');
    const email = String(values[SLOT.email] ?? '');
    if (email === '') throw cantSetField('email', 'email is required');
    if (webExId === '') values[SLOT.webExId] = webExId = email; // docs call webExId optional; the email stands in (as on CI sites)
    // API 41.11.0: "If webExId is different from email, we'll treat the webExId same as email when storing it".
    if (controlHub && webExId.toLowerCase() !== email.toLowerCase()) values[SLOT.webExId] = webExId = email;
    // ... and a new user who has not verified is not active on the site (it holds no host licence).
    if (controlHub) values[SLOT.active] = 'DEACTIVATED';
    this.checkPcnPin(values, input);
    if (sparkMeet && webExId.toLowerCase() !== email.toLowerCase()) throw new WebexError('profileSetupError');
    if (sparkMeet) this.checkRoles(values, written);
    if (this.byWebExId.has(webExId.toLowerCase())) throw new WebexError('duplicateWebExId');
    if (this.byEmail.has(email.toLowerCase())) throw new WebexError('duplicateEmail');

    if (draftMeetingTypes(values).length === 0) values[SLOT.meetingTypes] = [...this.config.defaultSessionTypes];
    const at = opts.at ?? this.now();
    this.deriveOnCreate(values, written, at);
    this.derive(values, written);
    if (!opts.skipLicenceChecks) this.checkLicences(undefined, values);

    const password = input.scalars.get('password');
    const hashed = password === undefined ? undefined : this.checkedHash(String(password), webExId);
    const userId = this.nextUserId;
    values[SLOT.userId] = userId;
    values[SLOT.registrationDate] = registrationDate(at);
    values[SLOT.password] = undefined;
    const packed = packNewUser(values);
    // One literal with every field it will have: fields added later would cost the record a second object.
    // modifiedAt stays unset until the first write (modifiedAtOf reads registeredAt): a number in it is one more
    // heap object per user for the scavenger to copy twice.
    const rec: UserRecord = hashed
      ? { userId, values: packed, registeredAt: at, modifiedAt: undefined, passwordHash: hashed.hash, passwordSalt: hashed.salt }
      : { userId, values: packed, registeredAt: at, modifiedAt: undefined };
    if (controlHub) rec.unverified = true;
    // Commit.
    this.nextUserId++;
    this.ordered.push(rec);
    this.index(rec);
    this.onChange?.(this, { kind: 'created', user: rec });
    return rec;
  }

  /** SetUser on the user `webExId` names (an email on Control Hub sites, see findSetUserTarget). */
  updateUser(webExId: string, input: UserInput, newWebExId?: string, opts: UpdateOptions = {}): UserRecord {
    const rec = this.findSetUserTarget(webExId);
    if (!rec) throw new WebexError('userNotFound');
    return this.updateRecord(rec, input, newWebExId, opts);
  }

  /** A write the site owner makes on a record it found itself (admin API, UploadPMRImage on the caller). */
  updateRecord(rec: UserRecord, input: UserInput, newWebExId?: string, opts: UpdateOptions = {}): UserRecord {
    const values = draftValues(rec.values);
    const flags = this.config.flags;

    // A blank newWebExId renames nothing.
    let requested = newWebExId !== undefined && newWebExId.trim() !== '' ? newWebExId : undefined;
    if (flags.controlHubManaged) {
      // API 41.11.0: SetUser's password is ignored; a user not yet verified cannot be activated by SetUser.
      for (const p of CONTROL_HUB_IGNORED) input.scalars.delete(p);
      if (rec.unverified) input.scalars.delete('active');
      this.checkControlHubFields(rec, input);
    }
    this.applySessionTypeQuirk(rec, input);
    const written = this.applyInput(values, input, 'set', rec);
    this.checkRoles(values, written);
    this.checkPcnPin(values, input);

    const oldEmail = String(valueAt(rec.values, SLOT.email) ?? '');
    const newEmail = String(values[SLOT.email] ?? '');
    const emailChanged = written.has(SLOT.email) && newEmail.toLowerCase() !== oldEmail.toLowerCase();
    if (flags.controlHubManaged) {
      // The webExId is the email identity: it follows an email change, and newWebExId cannot set anything else.
      if (requested !== undefined && requested.trim().toLowerCase() !== newEmail.toLowerCase()) throw new WebexError('managedByControlHub', { field: 'webExId' });
      if (emailChanged && !opts.byNonAdmin) requested = newEmail;
    }

    const oldId = String(valueAt(rec.values, SLOT.webExId));
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
    if (written.has(SLOT.personalUrl)) {
      const url = String(values[SLOT.personalUrl]);
      const owner = this.byPersonalUrl().get(url.toLowerCase());
      if (owner && owner !== rec) throw new WebexError('personalUrlTaken');
    }
    // API 40.4.0: a non-admin's new email waits for verification; the current one stays (checked for clashes now).
    const pendingEmail = emailChanged && opts.byNonAdmin ? newEmail : undefined;
    if (pendingEmail !== undefined) values[SLOT.email] = valueAt(rec.values, SLOT.email);
    this.derive(values, written, rec.values);
    this.checkLicences(rec, values);

    const password = input.scalars.get('password');
    if (password !== undefined) this.storePassword(rec, String(password), String(values[SLOT.webExId]));
    values[SLOT.password] = undefined;
    // Commit.
    this.reindex(rec, values);
    rec.modifiedAt = this.now();
    if (pendingEmail !== undefined) rec.pendingEmail = pendingEmail;
    else if (written.has(SLOT.email)) delete rec.pendingEmail;
    const renamed = targetId !== undefined && targetId.toLowerCase() !== oldId.toLowerCase();
    this.onChange?.(this, { kind: renamed ? 'renamed' : 'updated', user: rec, previousWebExId: renamed ? oldId : undefined });
    return rec;
  }

  /**
   * DelUser: deactivation, never a purge (SPEC §2.5); frees the host and session-type licences. On a Control Hub
   * managed site it "also removes the meeting license(s)" (user-service overview): the session types go too.
   */
  deactivate(webExId: string): UserRecord {
    const rec = this.findUser(webExId);
    if (!rec) throw new WebexError('userNotFound');
    const removeLicences = this.config.flags.controlHubManaged && meetingTypesOf(rec.values).length > 0;
    if (!isActive(rec.values) && !removeLicences) return rec;
    const values = draftValues(rec.values);
    values[SLOT.active] = 'DEACTIVATED';
    if (removeLicences) values[SLOT.meetingTypes] = [];
    this.commit(rec, values);
    return rec;
  }

  /**
   * What the user does outside the XML API, simulated (admin API): confirms the activation email of a Control Hub
   * user (API 41.11.0; the user becomes ACTIVATED, licences permitting) and a pending email change (API 40.4.0).
   */
  verify(rec: UserRecord): UserRecord {
    if (!rec.unverified && rec.pendingEmail === undefined) return rec;
    const values = draftValues(rec.values);
    if (rec.pendingEmail !== undefined) {
      const owner = this.findByEmail(rec.pendingEmail);
      if (owner && owner !== rec) throw new WebexError('duplicateEmail');
      values[SLOT.email] = rec.pendingEmail;
      if (this.config.flags.controlHubManaged) values[SLOT.webExId] = rec.pendingEmail;
    }
    if (rec.unverified) {
      values[SLOT.active] = 'ACTIVATED';
      this.checkLicences(rec, values);
    }
    delete rec.pendingEmail;
    delete rec.unverified;
    this.commit(rec, values);
    return rec;
  }

  /** AuthenticateUser succeeded for this user (LstsummaryUser lastLoginTime). */
  recordLogin(rec: UserRecord): void {
    rec.lastLoginAt = this.now();
    this.onChange?.(this, { kind: 'updated', user: rec });
  }

  private commit(rec: UserRecord, values: SlotValue[]): void {
    this.reindex(rec, values);
    rec.modifiedAt = this.now();
    this.onChange?.(this, { kind: 'updated', user: rec });
  }

  /** Replace every user (snapshot import, persistence load); counters rebuilt from the records. */
  replaceUsers(records: UserRecord[]): void {
    this.byWebExId.clear(); this.byEmail.clear(); this.urlIndex = undefined; this.highestPrNumber = -Infinity;
    this.ordered.length = 0; this.activeHosts = 0; this.sessionTypeUsage.clear();
    const sorted = [...records].sort((a, b) => a.userId - b.userId);
    for (const r of sorted) {
      if (this.ordered.at(-1)?.userId !== r.userId) this.ordered.push(r); // sorted: a repeated id is adjacent
      this.index(r);
    }
    // Sorted: the last id is the largest (no spread: Math.max(...ids) overflows the stack past ~120k users).
    this.nextUserId = Math.max(this.config.firstUserId, (sorted.at(-1)?.userId ?? 0) + 1);
    this.onChange?.(this, { kind: 'reset' });
  }

  // ---- rules ----------------------------------------------------------------------------------

  /** Validate and write every input value into `values`; returns the slots written. */
  private applyInput(values: SlotValue[], input: UserInput, kind: WriteKind, existing: UserRecord | undefined): WrittenSlots {
    const written = new WrittenSlots();
    for (const [path, raw] of input.scalars) {
      const leaf = leafByPath.get(path);
      if (!leaf || leaf.slot < 0) continue;
      const value = this.checkLeaf(leaf.def, raw, kind);
      if (value === undefined) continue;
      values[leaf.slot] = value;
      written.add(leaf.slot);
    }
    for (const [path, items] of input.lists) {
      const list = listByPath.get(path);
      if (!list || list.slot < 0) continue;
      values[list.slot] = this.checkList(list, items, kind, existing ? (valueAt(existing.values, list.slot) as ListItem[] | undefined) : undefined);
      written.add(list.slot);
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
  private checkRoles(values: SlotValue[], written: WrittenSlots): void {
    if (!this.config.flags.sparkMeet) return;
    for (const slot of ROLE_SLOTS) if (written.has(slot) && values[slot] === true) throw new WebexError('roleNotSupported');
  }

  /** Control Hub managed sites keep names and phones from Control Hub: SetUser may not change them. */
  private checkControlHubFields(rec: UserRecord, input: UserInput): void {
    for (const path of CONTROL_HUB_MANAGED) {
      const raw = input.scalars.get(path);
      if (raw === undefined) continue;
      if (String(raw).trim() !== String(valueAt(rec.values, slotOf(path)) ?? '')) {
        throw new WebexError('managedByControlHub', { field: leafByPath.get(path)!.def.element });
      }
    }
  }

  /**
   * SetUser page: "The 'createUser' and 'setUser' API requires the user to have a valid PIN in order to add or
   * edit a PCN account. If a valid PIN does not exist, the XML API returns the error message: 'valid PIN is required'".
   * Removing accounts (delete=true only) needs no PIN.
   */
  private checkPcnPin(values: SlotValue[], input: UserInput): void {
    const items = input.lists.get(PCN_ACCOUNTS);
    if (!items || !items.some((i) => typeof i !== 'object' || String((i as Record<string, unknown>).delete ?? '').trim().toLowerCase() !== 'true')) return;
    if (String(values[SLOT.pin] ?? '') === '') throw new WebexError('pinRequired');
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

  private deriveOnCreate(values: SlotValue[], written: WrittenSlots, at: number): void {
    if (values[SLOT.timeZoneID] === -1 && !written.has(SLOT.timeZone)) values[SLOT.timeZoneID] = this.config.timeZoneId;
    // supportedServices follow the assigned session types unless the request set them.
    for (const id of draftMeetingTypes(values)) {
      const t = this.sessionType(id);
      const flag = t && SUPPORTED_SERVICE_SLOT[t.serviceType];
      if (flag !== undefined && !written.has(flag)) values[flag] = true;
    }
    values[SLOT.personalUrl] = this.newPersonalUrl(at);
    values[SLOT.pmrAccessCode] = this.random.digits(9);
    values[SLOT.pmrHostPin] = this.newPin(); // hostPIN cannot be sent on create (catalog access); SetUser may change it
  }

  /** Values kept in step with others (SPEC §3, §6): time zone names, language id, PMR fields, phones, displayName. */
  private derive(values: SlotValue[], written: WrittenSlots, before?: UserValues): void {
    // API 40.11.0: an unset displayName is built from the names; one that was only ever the default follows them.
    const beforeName = before === undefined ? undefined : valueAt(before, SLOT.displayName);
    const wasDefault = before === undefined || beforeName === undefined
      || beforeName === defaultDisplayName(valueAt(before, SLOT.firstName), valueAt(before, SLOT.lastName));
    if (written.has(SLOT.displayName) ? values[SLOT.displayName] === '' : wasDefault) {
      const name = defaultDisplayName(values[SLOT.firstName], values[SLOT.lastName]);
      values[SLOT.displayName] = name === '' ? undefined : flatString(name);
    }
    if (written.has(SLOT.timeZone) && !written.has(SLOT.timeZoneID)) values[SLOT.timeZoneID] = TIME_ZONES.indexOf(String(values[SLOT.timeZone]));
    const tz = Number(values[SLOT.timeZoneID]);
    const tzId = tz >= 0 ? tz : this.config.timeZoneId;
    values[SLOT.timeZone] = TIME_ZONES[tzId];
    values[SLOT.timeZoneWithDST] = zoneLabel(tzId);
    if (written.has(SLOT.languageID) && !written.has(SLOT.language)) values[SLOT.language] = LANGUAGES[Number(values[SLOT.languageID]) - 1];
    else values[SLOT.languageID] = LANGUAGES.indexOf(String(values[SLOT.language])) + 1;
    // Okta: setting the mobile phone also sets the primary phone.
    if (written.has(SLOT.mobilePhone) && !written.has(SLOT.phone)) values[SLOT.phone] = values[SLOT.mobilePhone];
    if (values[SLOT.hdVideo] === true && values[SLOT.hqVideo] !== true && (written.has(SLOT.hdVideo) || written.has(SLOT.hqVideo))) {
      throw cantSetField('HDvideo', 'HD video needs HQvideo');
    }
    const types = draftMeetingTypes(values);
    const dst = values[SLOT.defaultSessionType];
    if (written.has(SLOT.defaultSessionType) && !types.includes(Number(dst))) {
      throw cantSetField('defaultSessionType', `session type ${dst} is not one of the user's meetingTypes`);
    }
    if (dst === undefined || !types.includes(Number(dst))) values[SLOT.defaultSessionType] = types[0];
    const url = String(values[SLOT.personalUrl] ?? '');
    // Kept per user: flat copies, not the concatenation trees template literals build.
    const first = String(values[SLOT.firstName] ?? '');
    values[SLOT.pmrTitle] = first !== '' && first.trimStart() === first
      ? flatJoin([first, ' ', String(values[SLOT.lastName] ?? ''), "'s Personal Room"])
      : flatString(`${first} ${values[SLOT.lastName] ?? ''}'s Personal Room`.trim());
    values[SLOT.pmrUrl] = flatJoin(['https://', this.config.host, '/meet/', url]);
    values[SLOT.pmrSip] = flatJoin([url, '@', this.config.host]);
  }

  /** Host limit, then each session type's user limit; only ACTIVATED users hold licences. */
  private checkLicences(before: UserRecord | undefined, after: SlotValue[]): void {
    if (after[SLOT.active] !== 'ACTIVATED') return;
    const wasActive = before ? isActive(before.values) : false;
    const limit = this.config.hostLimit;
    if (!wasActive && limit !== null && this.activeHosts >= limit) throw new WebexError('hostLimitExceeded');
    const held = new Set(wasActive && before ? meetingTypesOf(before.values) : []);
    for (const id of draftMeetingTypes(after)) {
      if (held.has(id)) continue;
      const t = this.sessionType(id);
      if (t && t.limit !== null && (this.sessionTypeUsage.get(id) ?? 0) >= t.limit) {
        throw new WebexError('sessionTypeLimitExceeded', {}, String(id));
      }
    }
  }

  private storePassword(rec: UserRecord, password: string, webExId: string): void {
    const { hash, salt } = this.checkedHash(password, webExId);
    rec.passwordHash = hash;
    rec.passwordSalt = salt;
  }

  private checkedHash(password: string, webExId: string): { hash: string; salt: string } {
    checkPassword(this.config.passwordPolicy, password, webExId);
    return hashPassword(password);
  }

  /** `pr` + 13 digits, as real sites generate (an epoch-ms stamp: pr1454974599154), unique per site. */
  private newPersonalUrl(at: number): string {
    let stamp = Math.max(at, this.lastPersonalUrlStamp + 1);
    while (stamp <= this.highestPrNumber && this.byPersonalUrl().has(`pr${stamp}`)) stamp++;
    this.lastPersonalUrlStamp = stamp;
    return flatJoin(['pr', String(stamp)]);
  }

  private newPin(): string {
    for (;;) {
      const pin = this.random.digits(4);
      const n = Number(pin);
      const known = VALID_PINS[n];
      if (known !== undefined) return known;
      try { checkPin('hostPIN', pin); return VALID_PINS[n] = pin; } catch { /* draw again */ }
    }
  }

  private index(rec: UserRecord): void {
    const v = rec.values;
    this.byWebExId.set(String(valueAt(v, SLOT.webExId)).toLowerCase(), rec);
    const email = valueAt(v, SLOT.email);
    if (email) this.byEmail.set(String(email).toLowerCase(), rec);
    const url = valueAt(v, SLOT.personalUrl);
    if (url) {
      const key = String(url).toLowerCase();
      this.urlIndex?.set(key, rec);
      this.notePrNumber(key);
    }
    this.hold(v);
  }

  /** The personal-URL index, built from the users (in userId order, as index() would have added them) when first needed. */
  private byPersonalUrl(): Map<string, UserRecord> {
    if (this.urlIndex === undefined) {
      const built = new Map<string, UserRecord>();
      for (const rec of this.ordered) {
        const url = valueAt(rec.values, SLOT.personalUrl);
        if (url) built.set(String(url).toLowerCase(), rec);
      }
      this.urlIndex = built;
    }
    return this.urlIndex;
  }

  /**
   * Give `rec` its new values (packed from the draft): licence counters moved from the old values to the new,
   * and only the lookup keys that changed are moved. A Map delete followed by a set costs V8 ~4 µs at 1k entries
   * and ~50–120 µs at 20k+ (set alone: ~0.02 µs), so deleting and re-adding unchanged keys made every SetUser
   * slower as the site grew.
   */
  private reindex(rec: UserRecord, draft: SlotValue[]): void {
    const old = rec.values;
    const values = packValuesOver(old, draft);
    const key = (v: UserValues, slot: number): string | undefined => {
      const k = valueAt(v, slot);
      return k ? String(k) : undefined;
    };
    this.release(old);
    moveKey(this.byWebExId, rec, String(valueAt(old, SLOT.webExId)), String(valueAt(values, SLOT.webExId)));
    moveKey(this.byEmail, rec, key(old, SLOT.email), key(values, SLOT.email));
    const url = key(values, SLOT.personalUrl);
    if (this.urlIndex !== undefined) moveKey(this.urlIndex, rec, key(old, SLOT.personalUrl), url);
    if (url !== undefined) this.notePrNumber(url.toLowerCase());
    rec.values = values;
    this.hold(values);
  }

  /** Keep highestPrNumber: `pr` and digits only; past 15 digits a Number is inexact, so every stamp is looked up. */
  private notePrNumber(key: string): void {
    if (key.length < 3 || key.charCodeAt(0) !== 112 /* p */ || key.charCodeAt(1) !== 114 /* r */) return;
    for (let i = 2; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c < 48 || c > 57) return;
    }
    const n = key.length - 2 > 15 ? Infinity : Number(key.slice(2));
    if (n > this.highestPrNumber) this.highestPrNumber = n;
  }

  /** The host and session-type licences a user's values hold. */
  private hold(v: UserValues): void {
    if (!isActive(v)) return;
    this.activeHosts++;
    for (const id of meetingTypesOf(v)) this.sessionTypeUsage.set(id, (this.sessionTypeUsage.get(id) ?? 0) + 1);
  }

  private release(v: UserValues): void {
    if (!isActive(v)) return;
    this.activeHosts--;
    for (const id of meetingTypesOf(v)) this.sessionTypeUsage.set(id, (this.sessionTypeUsage.get(id) ?? 1) - 1);
  }
}

/** Move `rec` from key `from` to key `to` (either absent: none), by lower case; an unchanged key is not touched. */
function moveKey(map: Map<string, UserRecord>, rec: UserRecord, from: string | undefined, to: string | undefined): void {
  const a = from?.toLowerCase();
  const b = to?.toLowerCase();
  if (a === b) return;
  if (a !== undefined) map.delete(a);
  if (b !== undefined) map.set(b, rec);
}

/** Generated host PINs (4 digits, the first not 0) that passed checkPin, one shared string each instead of one per user. */
const VALID_PINS: (string | undefined)[] = new Array(10_000);

/** timeZoneWithDST labels, one shared string per zone instead of one per user. */
const zoneLabels = new Map<number, string>();
function zoneLabel(tzId: number): string {
  let label = zoneLabels.get(tzId);
  if (label === undefined) zoneLabels.set(tzId, label = flatString(timeZoneWithDst(tzId)));
  return label;
}

/** A draft's session types (the draft is a plain slot array; stored values are read with meetingTypesOf). */
function draftMeetingTypes(values: SlotValue[]): number[] {
  return (values[SLOT.meetingTypes] as number[] | undefined) ?? [];
}

/**
 * registrationDate text, shared by the users created in the same second (a bulk provisioning run creates
 * hundreds per second; one string each would cost ~40 B per user).
 */
let lastRegistration = { at: NaN, text: '' };
function registrationDate(at: number): string {
  const second = Math.floor(at / 1000);
  if (second !== lastRegistration.at) lastRegistration = { at: second, text: flatString(formatWebexDate(at)) };
  return lastRegistration.text;
}

