/** Checks the cases share: outcomes, stored state, unchanged users, requests sent. */
import { catalog, draftValues, packValues, readPath, valueAt, type UserRecord } from '../emulator/core';
import type { ClassifiedError, ErrorClass, Outcome } from '../adapter';
import type { CaseContext, UserStore } from './types';
import { describeOutcome, fail, short } from './types';

export type Stored = string | number | boolean | (string | number | boolean | Record<string, unknown>)[] | undefined;

export function expectOk<T>(o: Outcome<T>, what: string): T {
  if (!o.ok) fail(`${what} to succeed`, describeOutcome(o));
  return o.result;
}

export function expectError(o: Outcome<unknown>, classes: ErrorClass[], what: string): ClassifiedError {
  if (o.ok) fail(`${what} to fail with class ${classes.join(' or ')}`, describeOutcome(o));
  if (!classes.includes(o.error.class)) fail(`${what} to fail with class ${classes.join(' or ')}`, describeOutcome(o));
  return o.error;
}

/** The error names the attribute, or an element of its XML path, or nothing; never a different attribute. */
export function expectAttribute(error: ClassifiedError, attribute: string): void {
  if (error.attribute === undefined || error.attribute === attribute) return;
  const leaf = catalog.attributeByName.get(attribute);
  const elements = leaf ? leaf.path.split('/') : [];
  if (leaf && (error.attribute === leaf.path || elements.includes(error.attribute.split('/').pop()!))) return;
  fail(`the error to name attribute ${attribute} (or none)`, `attribute=${error.attribute}`);
}

/**
 * The error names the attribute (or an element of its path): Webex says which field it refused ("Can't set field
 * timeZoneID"), and the admin needs to know which one to fix.
 */
export function expectNamed(error: ClassifiedError, attribute: string): void {
  if (error.attribute === undefined) fail(`the error to name attribute ${attribute} (Webex named the field)`, 'no attribute in the error');
  expectAttribute(error, attribute);
}

export async function userOf(users: UserStore, webExId: string, what = `user ${webExId}`): Promise<UserRecord> {
  const rec = await users.find(webExId);
  if (!rec) fail(`${what} to exist on the site`, 'no such user in the emulator\'s stored state');
  return rec;
}

/** JSON with object keys sorted: list items compare by content, not by the order their fields arrived in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y))) : v));
}

export function sameValue(a: Stored, b: Stored): boolean {
  return canonical(a) === canonical(b);
}

/** A stored value by catalog path: a leaf, or a whole list. */
export function storedAt(rec: UserRecord, path: string): Stored {
  const list = catalog.listByPath.get(path);
  return (list && list.slot >= 0 ? valueAt(rec.values, list.slot) : readPath(rec, path)) as Stored;
}

export function expectStored(rec: UserRecord, path: string, expected: Stored, key?: string | number | boolean, attribute = path): void {
  const actual = readPath(rec, path, key) as Stored;
  if (!sameValue(actual, expected)) {
    const elsewhere = typeof expected === 'string' && expected !== '' ? pathsHolding(rec, expected).filter((p) => p !== path) : [];
    fail(`stored ${path} = ${JSON.stringify(expected)} (${typeof expected}) for ${attribute}`,
      `stored ${path} = ${JSON.stringify(actual)}${actual === undefined ? ' (never set)' : ` (${typeof actual})`}${elsewhere.length ? ` — the value was stored at ${elsewhere.join(', ')} instead` : ''}`);
  }
}

/** Where a (distinctive) value sits in a record: how a value sent to the wrong path is pointed out. */
export function pathsHolding(rec: UserRecord, value: string): string[] {
  const out: string[] = [];
  for (const leaf of catalog.LEAVES) {
    if (leaf.slot >= 0 && valueAt(rec.values, leaf.slot) === value) out.push(leaf.path);
  }
  for (const list of catalog.LISTS) {
    const items = list.slot >= 0 ? valueAt(rec.values, list.slot) : undefined;
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      if (item === value) out.push(list.path);
      else if (item && typeof item === 'object') for (const [k, v] of Object.entries(item)) if (v === value) out.push(`${list.path}/${k}`);
    }
  }
  return out;
}

/** Slots that differ between two records, by catalog path (top-level leaves and lists). */
export function differingPaths(a: UserRecord, b: UserRecord, ignore: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const leaf of catalog.LEAVES) {
    if (leaf.slot < 0 || ignore.has(leaf.path)) continue;
    if (!sameValue(valueAt(a.values, leaf.slot) as Stored, valueAt(b.values, leaf.slot) as Stored)) out.push(leaf.path);
  }
  for (const list of catalog.LISTS) {
    if (list.slot < 0 || ignore.has(list.path)) continue;
    if (!sameValue(valueAt(a.values, list.slot) as Stored, valueAt(b.values, list.slot) as Stored)) out.push(list.path);
  }
  return out;
}

export function snapshot(rec: UserRecord): UserRecord {
  return { ...rec, values: packValues(draftValues(rec.values)) }; // a deep copy: lists and their records too
}

/** The user is exactly as before (a refused write must change nothing). */
export async function expectUnchanged(before: UserRecord, users: UserStore, webExId: string): Promise<void> {
  const after = await userOf(users, webExId);
  const changed = differingPaths(before, after, new Set(['visitCount']));
  if (changed.length > 0 || after.passwordHash !== before.passwordHash) {
    fail('the user to be left unchanged', `changed: ${[...changed, ...(after.passwordHash !== before.passwordHash ? ['password'] : [])].join(', ')}`);
  }
}

export function requestsFor(ctx: CaseContext, operation: string, since = 0): number {
  return ctx.exchanges().slice(since).filter((e) => e.operation === operation).length;
}

/** Non-retryable errors must be sent once: the connector may not retry what cannot succeed. */
export function expectSentOnce(ctx: CaseContext, operation: string, since = 0): void {
  const n = requestsFor(ctx, operation, since);
  if (n !== 1) fail(`exactly one ${operation} request (the error is not transient: no retry)`, `${n} ${operation} requests`);
}

export async function expectUserCount(users: UserStore, expected: number, what: string): Promise<void> {
  const count = await users.count();
  if (count !== expected) fail(`${expected} users on the site ${what}`, `${count} users`);
}

/** A profile value as the connector returned it equals the stored value (booleans and numbers may come as text). */
export function readMatches(actual: unknown, expected: Stored): boolean {
  if (expected === undefined) return actual === undefined || actual === '';
  if (typeof expected === 'boolean') return actual === expected || (typeof actual === 'string' && actual.toLowerCase() === String(expected));
  if (typeof expected === 'number') return actual === expected || (typeof actual === 'string' && actual.trim() !== '' && Number(actual) === expected);
  if (Array.isArray(expected)) return Array.isArray(actual) && JSON.stringify(actual.map(String)) === JSON.stringify(expected.map(String));
  return actual === expected;
}

/** Nothing but `allowed` (and visit counters) differs between the two stored states of one user. */
export function expectOnly(before: UserRecord, after: UserRecord, allowed: ReadonlySet<string>, operation: string): void {
  const changed = differingPaths(before, after, new Set(['visitCount', ...allowed]));
  if (changed.length > 0) {
    fail(`${operation} to change ${allowed.size ? [...allowed].join(', ') : 'nothing'} only`,
      `also changed: ${changed.map((p) => `${p} ${canonical(storedAt(before, p))} → ${canonical(storedAt(after, p))}`).join('; ')}`);
  }
}

export type Usage = { hosts: number; sessionTypes: Record<string, number> };
/** Licence usage when the suite controls the site (in-process or a webex-mock's admin API); a real site: undefined. */
export async function usage(ctx: CaseContext): Promise<Usage | undefined> {
  if (!ctx.controlled) return undefined;
  const u = await ctx.control().usage();
  return { hosts: u.hosts.used, sessionTypes: Object.fromEntries(u.sessionTypes.map((t) => [t.id, t.used])) };
}

/** The host count moved by `hostDelta` and the counters of the `held` session types by `delta`; no other counter moved. */
export async function expectUsage(ctx: CaseContext, before: Usage | undefined, delta: number, held: string[], operation: string, hostDelta = delta): Promise<void> {
  const after = await usage(ctx);
  if (!before || !after) return;
  const expected: Usage = { hosts: before.hosts + hostDelta, sessionTypes: { ...before.sessionTypes } };
  for (const t of held) expected.sessionTypes[t] = (expected.sessionTypes[t] ?? 0) + delta;
  if (canonical(expected) !== canonical(after)) fail(`licence counters after ${operation}: ${canonical(expected)}`, canonical(after));
}

/** A refused or failed write moved no licence counter (in-process; a remote site cannot tell). */
export function expectUsageUnchanged(ctx: CaseContext, before: Usage | undefined, operation: string): Promise<void> {
  return expectUsage(ctx, before, 0, [], operation);
}

export { short };

/** Catalog element names that belong to one supported attribute only (so a connector can always turn them into it). */
export const UNIQUE_ELEMENTS: ReadonlySet<string> = (() => {
  const count = new Map<string, number>();
  for (const leaf of catalog.ATTRIBUTES) count.set(leaf.def.element, (count.get(leaf.def.element) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n === 1).map(([element]) => element));
})();

/**
 * The error names the FLAT attribute (the adapter contract's `attribute`) whenever Webex's element name belongs to
 * that attribute alone ("Attribute numAgentSessions needs to be 0" is webACDPrefsNumAgentSessions); for an element
 * several attributes share (isEnableCET), or a container (tspAccount: `field`), the element itself is accepted too.
 */
export function expectFlatName(error: ClassifiedError, attribute: string, field = catalog.attributeByName.get(attribute)?.def.element): void {
  expectNamed(error, attribute);
  const leaf = catalog.attributeByName.get(attribute);
  if (leaf && field === leaf.def.element && UNIQUE_ELEMENTS.has(field) && error.attribute !== attribute) {
    fail(`the error to name attribute ${attribute} (Webex's field ${field} is that attribute's alone)`, `attribute=${error.attribute}`);
  }
}

/** The supported attributes whose Webex element name is theirs alone. */
export function uniqueElementLeaves(): typeof catalog.ATTRIBUTES {
  return catalog.ATTRIBUTES.filter((leaf) => UNIQUE_ELEMENTS.has(leaf.def.element));
}
