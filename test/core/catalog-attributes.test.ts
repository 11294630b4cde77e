/**
 * Generated from the catalog: every flat attribute (SPEC §4) is exercised at its XML path.
 *  - writable ones round-trip through CreateUser / SetUser → GetUser with a value that differs from the baseline;
 *  - typed ones refuse an invalid value with 030071 "Can't set field <element>: ...";
 *  - read-only ones refuse any write; feature-gated ones refuse a non-off value on a site with the feature off.
 * A new attribute in the catalog is tested here without writing a line.
 */
import { allFeatures, catalog, createWebexMock } from '../../mock-server';
import type { CatalogLeaf, ElementDef } from '../../mock-server/catalog';
import { direct, expectFailure, expectSuccess, type Node } from './support/client';
import { elements } from './support/xml';
import { addSite, adminOf } from './support/sites';

const mock = createWebexMock({ setup: (r) => {
  addSite(r, { name: 'cat' });
  addSite(r, { name: 'off', features: allFeatures(false) });
} });
const ON = adminOf('cat');
const OFF = adminOf('off');

/** Companion values some attributes need in the same request (rules that tie elements together). */
const CONTEXT: Record<string, Record<string, string | string[]>> = {
  privilegeHDvideo: { 'privilege/HQvideo': 'true' },
  sessionOptionsDefaultSessionType: { 'meetingTypes/meetingType': ['214', '216'] },
};

/** Prefixed element names from bodyContent down to the leaf, from the catalog tree (`com:` where the real service uses it). */
function prefixedPath(path: string): string[] {
  const out: string[] = [];
  let defs: readonly ElementDef[] = catalog.USER_TREE;
  for (const seg of path.split('/')) {
    const def = defs.find((d) => d.element === seg);
    if (!def) throw new Error(`no catalog element ${seg} in ${path}`);
    out.push(`${def.ns}:${def.element}`);
    defs = def.kind === 'container' ? def.children : def.kind === 'list' && def.item.kind === 'container' ? def.item.children : [];
  }
  return out;
}

/** Read GetUser's value at a catalog path; repeated elements read their first item. */
function readAt(body: Node, path: string): string | undefined {
  let cur: unknown = body;
  for (const seg of prefixedPath(path)) {
    if (Array.isArray(cur)) cur = cur[0];
    if (cur === undefined || cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Node)[seg];
  }
  if (Array.isArray(cur)) cur = cur[0];
  return cur === undefined ? undefined : String(cur);
}

let n = 0;
const uniq = () => `c${++n}x${Math.random().toString(36).slice(2, 7)}`;

/** Candidate valid values, most interesting first; the test picks one that differs from the baseline. */
function validValues(leaf: CatalogLeaf): string[] {
  const d = leaf.def;
  switch (d.rule) {
    case 'email': return [`${uniq()}@example.com`];
    case 'pin': return ['2580', '3691'];
    case 'personalUrl': return [`room-${uniq()}`];
    case 'timeZoneId': return ['25', '4'];
    case 'language': return ['GERMAN', 'FRENCH'];
    case 'sessionType': return ['216', '214'];
    default: break;
  }
  switch (d.type) {
    case 'boolean': return ['true', 'false'];
    case 'integer': {
      const lo = d.min ?? 0;
      const hi = d.max ?? lo + 1000;
      return [String(Math.min(hi, lo + 2)), String(hi), String(lo)];
    }
    case 'enum': return [...(d.enumValues ?? [])].reverse().slice(0, 3);
    case 'datetime': return ['06/15/2030 10:20:30', '01/01/2031 00:00:00'];
    case 'string': {
      const v = `v-${d.element}-${uniq()}`;
      return [d.maxLength !== undefined ? v.slice(0, d.maxLength) : v];
    }
  }
}

/** Values of the wrong type, outside the enumeration or range, or too long. */
function invalidValues(leaf: CatalogLeaf): string[] {
  const d = leaf.def;
  switch (d.type) {
    case 'boolean': return ['maybe'];
    case 'integer': return [
      'abc',
      ...(d.max !== undefined ? [String(d.max + 1)] : []),
      ...(d.min !== undefined ? [String(d.rule === 'timeZoneId' ? -2 : d.min - 1)] : []),
    ];
    case 'enum': return ['NOT_A_VALUE'];
    case 'datetime': return ['2030-06-15T10:20:30'];
    case 'string': return d.maxLength !== undefined ? ['x'.repeat(d.maxLength + 1)] : [];
  }
}

const writableOnSet = catalog.ATTRIBUTES.filter((l) => l.def.access.set && l.path !== 'webExId');
const writableOnCreate = catalog.ATTRIBUTES.filter((l) => l.def.access.create === 'yes');
const readOnly = catalog.ATTRIBUTES.filter((l) => !l.def.access.set && l.def.access.create === 'no');
const typed = catalog.ATTRIBUTES.filter((l) => l.def.access.set && l.path !== 'webExId' && invalidValues(l).length > 0);
const gated = catalog.ATTRIBUTES.filter((l) => l.def.feature !== undefined && l.def.access.set);

async function createBase(sec = ON, extra: Record<string, string | string[]> = {}): Promise<string> {
  const id = uniq();
  expectSuccess(await direct(mock, 'CreateUser', elements({ webExId: id, email: `${id}@example.com`, password: 'Secr3t!pass', firstName: 'Cat', lastName: 'Alog', ...extra }), sec));
  return id;
}

async function getUser(id: string, sec = ON): Promise<Node> {
  const a = await direct(mock, 'GetUser', `<webExId>${id}</webExId>`, sec);
  expectSuccess(a);
  return a.body!;
}

const pickDifferent = (leaf: CatalogLeaf, current: string | undefined) => {
  const v = validValues(leaf).find((c) => c.toLowerCase() !== (current ?? '').toLowerCase());
  if (v === undefined) throw new Error(`no valid value for ${leaf.def.attribute} differs from ${current}`);
  return v;
};

const expectedText = (leaf: CatalogLeaf, v: string) => (leaf.def.rule === 'language' ? v.toUpperCase() : v);

it('the catalog has the ~170 flat attributes of SPEC §4 and every group is exercised below', () => {
  expect(catalog.ATTRIBUTES.length).toBeGreaterThanOrEqual(165);
  expect(writableOnSet.length + readOnly.length + 1).toBe(catalog.ATTRIBUTES.length); // + webExId (the SetUser key)
  expect(typed.length).toBeGreaterThan(150);
  expect(readOnly.map((l) => l.def.attribute)).toEqual(expect.arrayContaining(['timeZoneWithDST', 'personalMeetingRoomURL', 'personalMeetingRoomSipURL', 'personalMeetingRoomAccessCode']));
  expect(gated.length).toBeGreaterThan(20);
});

describe('SetUser → GetUser round trip', () => {
  it.each(writableOnSet.map((l) => [l.def.attribute!, l] as const))('%s', async (name, leaf) => {
    const id = await createBase(ON, CONTEXT[name] ?? {});
    const before = readAt(await getUser(id), leaf.path);
    const value = pickDifferent(leaf, before);
    const a = await direct(mock, 'SetUser', elements({ webExId: id, ...(CONTEXT[name] ?? {}), [leaf.path]: value }), ON);
    expectSuccess(a);
    const after = await getUser(id);
    if (leaf.def.rule === 'password') {
      expect(readAt(after, leaf.path)).toBe('******');
      expectSuccess(await direct(mock, 'GetUser', `<webExId>${id}</webExId>`, { siteName: 'cat', webExID: id, password: value }));
    } else {
      expect(readAt(after, leaf.path)).toBe(expectedText(leaf, value));
    }
  });
});

describe('CreateUser → GetUser round trip', () => {
  it.each(writableOnCreate.filter((l) => l.path !== 'webExId' && l.path !== 'email').map((l) => [l.def.attribute!, l] as const))('%s', async (name, leaf) => {
    const baseline = readAt(await getUser(await createBase(ON, CONTEXT[name] ?? {})), leaf.path);
    const value = pickDifferent(leaf, baseline);
    const id = await createBase(ON, { ...(CONTEXT[name] ?? {}), [leaf.path]: value });
    const got = readAt(await getUser(id), leaf.path);
    if (leaf.def.rule === 'password') {
      expect(got).toBe('******');
      expectSuccess(await direct(mock, 'GetUser', `<webExId>${id}</webExId>`, { siteName: 'cat', webExID: id, password: value }));
    } else {
      expect(got).toBe(expectedText(leaf, value));
    }
  });

  it('personalUrl is accepted and ignored on create (generated pr + 13 digits)', async () => {
    const id = await createBase(ON, { personalUrl: 'chosen-by-client' });
    expect(readAt(await getUser(id), 'personalUrl')).toMatch(/^pr\d{13}$/);
  });

  it('create-only "no" attributes (hostPIN) are refused on create', async () => {
    for (const leaf of catalog.ATTRIBUTES.filter((l) => l.def.access.create === 'no' && l.def.access.set)) {
      const id = uniq();
      const a = await direct(mock, 'CreateUser', elements({ webExId: id, email: `${id}@example.com`, [leaf.path]: validValues(leaf)[0] }), ON);
      expectFailure(a, '030071', `Can't set field ${leaf.def.element}: the field is read-only`);
    }
  });
});

describe('invalid values → 030071 naming the element', () => {
  it.each(typed.map((l) => [l.def.attribute!, l] as const))('%s', async (name, leaf) => {
    const id = await createBase(ON, CONTEXT[name] ?? {});
    const before = await getUser(id);
    for (const bad of invalidValues(leaf)) {
      const a = await direct(mock, 'SetUser', elements({ webExId: id, [leaf.path]: bad }), ON);
      if (leaf.def.rule === 'personalUrl') expectFailure(a, '030073', /^personalUrl /); // its own rule speaks first
      else expectFailure(a, '030071', new RegExp(`^Can't set field ${leaf.def.element}: `));
    }
    expect(readAt(await getUser(id), leaf.path)).toBe(readAt(before, leaf.path));
  });
});

it('webExId (the SetUser key) longer than 64 is refused on CreateUser and as newWebExId', async () => {
  const long = 'w'.repeat(65);
  expectFailure(await direct(mock, 'CreateUser', elements({ webExId: long, email: `${uniq()}@example.com` }), ON), '030071', /^Can't set field webExId: /);
  const id = await createBase();
  expectFailure(await direct(mock, 'SetUser', elements({ webExId: id, newWebExId: long }), ON), '030071', /^Can't set field newWebExId: /);
});

describe('read-only attributes', () => {
  it.each(readOnly.map((l) => [l.def.attribute!, l] as const))('%s refuses SetUser and CreateUser', async (_name, leaf) => {
    const id = await createBase();
    expectFailure(await direct(mock, 'SetUser', elements({ webExId: id, [leaf.path]: 'x' }), ON), '030071', `Can't set field ${leaf.def.element}: the field is read-only`);
    const other = uniq();
    expectFailure(await direct(mock, 'CreateUser', elements({ webExId: other, email: `${other}@example.com`, [leaf.path]: 'x' }), ON), '030071', /read-only/);
  });
});

describe('feature-gated attributes on a site with every feature off', () => {
  it.each(gated.map((l) => [l.def.attribute!, l] as const))('%s', async (_name, leaf) => {
    const id = await createBase(OFF);
    const off = catalog.featureOffValue(leaf.def);
    const onValue = validValues(leaf).find((v) => v !== String(off))!;
    const a = await direct(mock, 'SetUser', elements({ webExId: id, [leaf.path]: onValue }), OFF);
    expectFailure(a, '030072', `Attribute ${leaf.def.element} needs to be ${String(off) || 'empty'}`);
    if (leaf.list === undefined) {
      // the feature-off value itself is accepted
      expectSuccess(await direct(mock, 'SetUser', elements({ webExId: id, [leaf.path]: String(off) }), OFF));
    }
  });
});
