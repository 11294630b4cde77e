/**
 * Attribute cases, generated from the catalog: for every supported attribute, set on create (where Webex takes
 * it on create; personalUrl through the follow-up update), change on update, and read back. The connector's
 * value is checked in the emulator's STORED state at the catalog's path and type, and the whole user is compared
 * with a reference user the suite writes directly — so a value sent to a wrong path, or anything extra, shows.
 */
import { catalog, readPath, type UserRecord } from '../emulator/core';
import type { Profile } from '../adapter';
import { fault } from '../emulator/faults';
import { DEFAULT_SESSION_TYPE } from '../emulator/in-process';
import { canonical, differingPaths, storedAt, expectOk, expectStored, readMatches, userOf, type Stored } from './expect';
import { fail, type CaseContext, type CaseDef, type UserStore } from './types';
import { SUBJECT_PATHS, attributeSpecs, type AttributeSpec } from './values';

/** Per-user identity and generated values: never compared between the subject and its reference twin. */
export const IDENTITY_PATHS: ReadonlySet<string> = new Set([
  'webExId', 'email', 'userId', 'registrationDate', 'visitCount', 'personalUrl', 'personalMeetingRoom/personalMeetingRoomURL',
  'personalMeetingRoom/sipURL', 'personalMeetingRoom/accessCode', 'personalMeetingRoom/hostPIN',
]);

/** The value a case writes for an attribute, in context (identity attributes take the case's own names). */
function valueFor(spec: AttributeSpec, op: 'create' | 'update', webExId: string, domain: string): Profile[string] {
  if (spec.name === 'webExId') return op === 'create' ? webExId : `${webExId}-renamed`;
  if (spec.name === 'email') return op === 'create' ? `${webExId}@${domain}` : `${webExId}.new@${domain}`;
  // On create the user holds only the default session type, so that is the only valid default.
  if (spec.name === 'sessionOptionsDefaultSessionType' && op === 'create') return DEFAULT_SESSION_TYPE;
  // Unique per site: each case its own.
  if (spec.name === 'personalUrl') return `${webExId}.room_1`;
  return spec.value;
}

async function checkValue(users: UserStore, rec: UserRecord, webExId: string, spec: AttributeSpec, value: Profile[string]): Promise<void> {
  if (spec.name === 'password') {
    if (!(await users.passwordIs(webExId, String(value)))) fail('the stored password to be the one sent', 'the stored password does not match');
    return;
  }
  expectStored(rec, spec.path, value as Stored, spec.key, spec.name);
}

/** Everything else about the subject equals the reference twin, which got the same values written directly. */
async function checkNothingElse(users: UserStore, rec: UserRecord, twinId: string, spec: AttributeSpec): Promise<void> {
  const twin = await userOf(users, twinId, 'the reference user');
  const diff = differingPaths(rec, twin, IDENTITY_PATHS);
  if (diff.length > 0) {
    const detail = diff.map((p) => `${p}: connector ${canonical(storedAt(rec, p))} vs expected ${canonical(storedAt(twin, p))}`).join('; ');
    fail(`only ${spec.path} (and what Webex derives from it) to change`, `other values differ — ${detail}`);
  }
}

/** A value as a case message shows it: never a password. */
const shown = (spec: AttributeSpec, value: Profile[string]) => (spec.name === 'password' ? '"******"' : JSON.stringify(value));

function twinProfile(spec: AttributeSpec, value: Profile[string]): Profile {
  // Unique or secret values are checked on the subject only.
  return IDENTITY_PATHS.has(spec.path) || spec.name === 'password' ? { ...spec.companions } : { ...spec.companions, [spec.name]: value };
}

function createCase(spec: AttributeSpec): CaseDef {
  return {
    // Refused on CreateUser (hostPIN): Optional where the catalog marks the refusal unconfirmed (a real site may take it).
    id: `${spec.name}.create`, group: 'attributes', required: spec.create !== 'no' || spec.leaf.def.confidence !== 'unconfirmed',
    title: spec.create === 'ignored' ? `${spec.name} pushed with a new user (Webex ignores it on create: the connector must follow up)`
      : spec.create === 'no' ? `${spec.name} pushed with a new user (Webex refuses it on CreateUser: the connector must create, then set it)` : `${spec.name} set on create`,
    matrix: { attribute: spec.name, operation: 'create' },
    async run(ctx: CaseContext) {
      const users = ctx.users;
      const id = ctx.unique('c');
      const value = valueFor(spec, 'create', id, ctx.emailDomain);
      await ctx.requireFeature(spec.feature, spec.name);
      const adapter = await ctx.adapter();
      const o = await ctx.call('create', () => adapter.create({ ...ctx.base(id), ...spec.companions, [spec.name]: value }));
      expectOk(o, `create with ${spec.name}=${shown(spec, value)}`);
      const rec = await userOf(users, id);
      await checkValue(users, rec, id, spec, value);
      const twinId = ctx.unique('t');
      await users.create({ ...ctx.base(twinId), ...twinProfile(spec, value) });
      await checkNothingElse(users, rec, twinId, spec);
    },
  };
}

function updateCase(spec: AttributeSpec): CaseDef {
  return {
    id: `${spec.name}.update`, group: 'attributes', required: true, title: `${spec.name} changed on update`,
    matrix: { attribute: spec.name, operation: 'update' },
    async run(ctx: CaseContext) {
      const users = ctx.users;
      const id = ctx.unique('u');
      const twinId = ctx.unique('t');
      await ctx.requireFeature(spec.feature, spec.name);
      await users.create(ctx.base(id), SUBJECT_PATHS);
      await users.create(ctx.base(twinId), SUBJECT_PATHS);
      const value = valueFor(spec, 'update', id, ctx.emailDomain);
      const adapter = await ctx.adapter();
      const o = await ctx.call('update', () => adapter.update(id, { ...spec.companions, [spec.name]: value }));
      expectOk(o, `update of ${spec.name} to ${shown(spec, value)}`);
      const target = spec.name === 'webExId' ? String(value) : id;
      const rec = await userOf(users, target);
      await checkValue(users, rec, target, spec, value);
      if (spec.name === 'webExId' && (await users.find(id))) fail(`the user renamed to ${value}`, `${id} still exists`);
      const twinInput = twinProfile(spec, value);
      if (Object.keys(twinInput).length > 0) await users.update(twinId, twinInput);
      await checkNothingElse(users, rec, twinId, spec);
    },
  };
}

function readCase(spec: AttributeSpec): CaseDef {
  return {
    id: `${spec.name}.read`, group: 'attributes', required: true,
    title: spec.readOnly ? `${spec.name} (derived by Webex) read back` : spec.name === 'password' ? 'password never read back in clear' : `${spec.name} read back`,
    matrix: { attribute: spec.name, operation: 'read' },
    async run(ctx: CaseContext) {
      const users = ctx.users;
      const id = ctx.unique('r');
      const value = valueFor(spec, 'create', id, ctx.emailDomain);
      await ctx.requireFeature(spec.feature, spec.name);
      const writable = !spec.readOnly && !['webExId', 'email'].includes(spec.name);
      const onCreate: Profile = writable && spec.create === 'yes' ? { ...spec.companions, [spec.name]: value } : {};
      await users.create({ ...ctx.base(id), ...onCreate }, SUBJECT_PATHS);
      if (writable && spec.create !== 'yes') await users.update(id, { ...spec.companions, [spec.name]: valueFor(spec, 'update', id, ctx.emailDomain) });
      const rec = await userOf(users, id);
      const adapter = await ctx.adapter();
      const o = await ctx.call('get', () => adapter.get(id));
      const profile = expectOk(o, `get ${id}`);
      const actual = profile[spec.name];
      if (spec.name === 'password') {
        if (actual === value) fail('the password never to come back in clear', 'get returned the password');
        return;
      }
      const expected = readPath(rec, spec.path, spec.key) as Stored;
      if (!readMatches(actual, expected)) {
        fail(`${spec.name} = ${JSON.stringify(expected)} (as stored at ${spec.path})`, `${spec.name} = ${JSON.stringify(actual)}`);
      }
    },
  };
}

/** IdPs send booleans as text, often upper case: "TRUE" is true. */
const booleanTextInput: CaseDef = {
  id: 'boolean-text-input', group: 'attributes', required: true, title: 'booleans given as text (TRUE, True, FALSE) are pushed as their value',
  async run(ctx) {
    const users = ctx.users;
    const id = ctx.unique('b');
    const adapter = await ctx.adapter();
    const o = await ctx.call('create', () => adapter.create({
      ...ctx.base(id), optionsEmailVisible: 'TRUE', commOptionsPromos: 'True', privilegeHost: 'FALSE', myWebExMyContact: 'true',
    }));
    expectOk(o, 'create with text booleans');
    const rec = await userOf(users, id);
    expectStored(rec, 'options/emailVisible', true, undefined, 'optionsEmailVisible ("TRUE")');
    expectStored(rec, 'commOptions/promos', true, undefined, 'commOptionsPromos ("True")');
    expectStored(rec, 'privilege/host', false, undefined, 'privilegeHost ("FALSE")');
    expectStored(rec, 'myWebEx/myContact', true, undefined, 'myWebExMyContact ("true")');
  },
};

/** Webex documents booleans as TRUE and FALSE: a connector must read both spellings. */
const booleanUpperCaseRead: CaseDef = {
  id: 'boolean-read-uppercase', group: 'attributes', required: false, title: 'GetUser booleans in upper case (TRUE/FALSE) are read correctly',
  async run(ctx) {
    const users = ctx.users;
    const id = ctx.unique('b');
    await users.create({ ...ctx.base(id), optionsEmailVisible: true, privilegeSiteAdmin: false });
    ctx.control().faults.push(fault.rewrite('GetUser', 'booleans upper-cased in the GetUser answer', (body) => body.replace(/>true</g, '>TRUE<').replace(/>false</g, '>FALSE<')));
    const adapter = await ctx.adapter();
    const o = await ctx.call('get', () => adapter.get(id));
    const profile = expectOk(o, `get ${id}`);
    for (const [name, expected] of [['optionsEmailVisible', true], ['privilegeSiteAdmin', false], ['privilegeHost', true]] as const) {
      if (!readMatches(profile[name], expected)) fail(`${name} = ${expected} (GetUser said ${String(expected).toUpperCase()})`, `${name} = ${JSON.stringify(profile[name])}`);
    }
  },
};

/** Element names that are booleans wherever the user schema has them (so a request's text for them must be one). */
const BOOLEAN_ELEMENTS: ReadonlySet<string> = (() => {
  const types = new Map<string, Set<string>>();
  for (const leaf of catalog.LEAVES) types.set(leaf.def.element, (types.get(leaf.def.element) ?? new Set()).add(leaf.def.type));
  return new Set([...types].filter(([, t]) => t.size === 1 && t.has('boolean')).map(([element]) => element));
})();

/** Webex documents "Valid values are TRUE and FALSE": 1/0 (xsd:boolean's other spelling) is not promised to work. */
const booleanWireForm: CaseDef = {
  id: 'boolean-wire-form', group: 'attributes', required: true, title: 'booleans are sent as true/false (Webex documents TRUE and FALSE), never 1/0',
  async run(ctx) {
    const id = ctx.unique('b');
    const adapter = await ctx.adapter();
    const flags = { optionsEmailVisible: true, privilegeHost: false, commOptionsPromos: true, myWebExMyContact: false };
    expectOk(await ctx.call('create', () => adapter.create({ ...ctx.base(id), ...flags })), 'create with booleans');
    const flipped = Object.fromEntries(Object.entries(flags).map(([name, v]) => [name, !v]));
    expectOk(await ctx.call('update', () => adapter.update(id, flipped)), 'update with booleans');
    const sent = ctx.exchanges().filter((e) => e.operation === 'CreateUser' || e.operation === 'SetUser')
      .flatMap((e) => [...e.request.matchAll(/<(?:[\w-]+:)?([\w-]+)>([^<]+)<\/(?:[\w-]+:)?\1>/g)]
        .filter(([, element, text]) => BOOLEAN_ELEMENTS.has(element) && !/^\s*(true|false)\s*$/i.test(text))
        .map(([, element, text]) => `${e.operation} <${element}>${text}</${element}>`));
    if (sent.length > 0) fail('boolean elements with the text true or false (any case)', `sent ${[...new Set(sent)].join(', ')}`);
  },
};

export function attributeCases(): CaseDef[] {
  const cases: CaseDef[] = [];
  for (const spec of attributeSpecs()) {
    // Kills the static `access: 'update-only'` → '' of connector/mapping/attributes.ts L272 (hostPIN sent in CreateUser).
    if (!spec.readOnly && (spec.create !== 'no' || spec.update)) cases.push(createCase(spec));
    if (spec.update) cases.push(updateCase(spec));
    if (spec.leaf.def.access.get) cases.push(readCase(spec));
  }
  cases.push(booleanTextInput, booleanUpperCaseRead, booleanWireForm);
  return cases;
}
