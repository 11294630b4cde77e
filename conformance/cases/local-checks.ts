/**
 * Values a connector can tell are wrong before it sends anything (issue 13 §1): attributes Webex derives, a
 * telephony attribute without the account it addresses, numbers outside the catalog's range, text Webex cannot
 * store, values of the wrong type. Each must come back as the error class the IdP shows (invalidValue, or
 * invalidPersonalUrl) NAMING the attribute, with the user unchanged — never pushed half-way, never guessed.
 * Generated from the catalog where they concern attributes. Each case names the mutants it was written against
 * (connector/mapping/profile.ts unless said otherwise).
 */
import fc from 'fast-check';
import { catalog, type UserRecord } from '../emulator/core';
import type { Adapter, ErrorClass, Profile } from '../adapter';
import { expectError, expectFlatName, expectOk, expectStored, expectUnchanged, requestsFor, snapshot, userOf } from './expect';
import { forAll } from './property';
import { fail, type CaseContext, type CaseDef } from './types';
import { attributeSpecs, SUBJECT_PATHS, type AttributeSpec } from './values';

function localCase(id: string, title: string, run: (ctx: CaseContext) => Promise<void>, required = true): CaseDef {
  return { id, group: 'attributes', title, required, run };
}

/** An update the connector must refuse with `errorClass` naming `attribute`; the user stays as it was. */
async function refusedUpdate(ctx: CaseContext, changes: Profile, errorClass: ErrorClass, attribute: string, what: string, subject?: string, opened?: Adapter): Promise<void> {
  const id = subject ?? ctx.unique('lc');
  if (!subject) await ctx.users.create(ctx.base(id), SUBJECT_PATHS);
  const before: UserRecord = snapshot(await userOf(ctx.users, id));
  const adapter = opened ?? await ctx.adapter();
  const error = expectError(await ctx.call('update', () => adapter.update(id, changes)), [errorClass], what);
  expectFlatName(error, attribute);
  await expectUnchanged(before, ctx.users, id);
}

/** A create the connector must refuse naming `attribute`: no user left behind, not even half-made. */
async function refusedCreate(ctx: CaseContext, extra: Profile, errorClass: ErrorClass, attribute: string, what: string): Promise<void> {
  const id = ctx.unique('lc');
  const adapter = await ctx.adapter();
  const error = expectError(await ctx.call('create', () => adapter.create({ ...ctx.base(id), ...extra })), [errorClass], what);
  expectFlatName(error, attribute);
  if (await ctx.users.find(id)) fail(`no user ${id} left on the site (the value is known to be invalid before anything is sent)`, 'the user exists');
}

const specs = (): AttributeSpec[] => attributeSpecs();

// Kills: rejectReadOnly (L108 block, L109 filter, L110 condition): a derived attribute pushed is refused, not sent
// for Webex to drop silently (the IdP would believe the value was set).
function readOnlyCases(): CaseDef[] {
  return specs().filter((s) => s.readOnly && s.leaf.def.access.get).map((s) => localCase(`read-only.${s.name}`,
    `${s.name} is derived by Webex: pushing it → invalidValue naming ${s.name}; user unchanged`, async (ctx) => {
      await ctx.requireFeature(s.feature, s.name);
      await refusedUpdate(ctx, { ...s.companions, [s.name]: s.value as Profile[string] }, 'invalidValue', s.name, `update of the derived ${s.name}`);
    }));
}

// Kills: validateProfile's tspAccountAccountIndex check (L31 filter/startsWith, L32 condition): without the index
// the connector cannot say which of the three telephony accounts it writes.
const tspWithoutIndex = localCase('tsp-without-account-index',
  'a tspAccount* attribute without tspAccountAccountIndex → invalidValue naming tspAccountAccountIndex; user unchanged', async (ctx) => {
    await ctx.requireFeature('tspTelephony', 'tspAccount*');
    await refusedUpdate(ctx, { tspAccountCustom1: 'Which account?' }, 'invalidValue', 'tspAccountAccountIndex', 'update of tspAccountCustom1 alone');
  });

/** Integer attributes with a catalog range, and the feature they need. */
function ranged(): AttributeSpec[] {
  return specs().filter((s) => s.leaf.def.type === 'integer' && s.update && (s.leaf.def.min !== undefined || s.leaf.def.max !== undefined));
}

// Kills: checkRange (L92 block, L93/L94 conditions), `case 'integer'` falling through (L64), `if (strict)` (L67).
function outOfRangeCases(): CaseDef[] {
  return ranged().flatMap((s) => {
    const { min, max } = s.leaf.def;
    // A catalog default is valid whatever the range says (timeZoneID -1: the site's zone).
    const values = [...(min !== undefined ? [min - 1] : []), ...(max !== undefined ? [max + 1] : [])].filter((v) => v !== s.leaf.def.default);
    if (values.length === 0) return [];
    return [localCase(`out-of-range.${s.name}`, `${s.name} outside ${min ?? '…'}..${max ?? '…'} (${values.join(', ')}) → invalidValue naming ${s.name}; user unchanged`, async (ctx) => {
      await ctx.requireFeature(s.feature, s.name);
      for (const v of values) await refusedUpdate(ctx, { ...s.companions, [s.name]: v }, 'invalidValue', s.name, `update of ${s.name} to ${v}`);
    })];
  });
}

// Kills: `n > def.max` → `n >= def.max` (L94): the maximum itself is a valid value.
function atMaximumCases(): CaseDef[] {
  return ranged().filter((s) => s.leaf.def.max !== undefined).map((s) => localCase(`at-maximum.${s.name}`,
    `${s.name} at its maximum (${s.leaf.def.max}) is accepted and stored`, async (ctx) => {
      await ctx.requireFeature(s.feature, s.name);
      const id = ctx.unique('lc');
      await ctx.users.create(ctx.base(id), SUBJECT_PATHS);
      const adapter = await ctx.adapter();
      const max = s.leaf.def.max!;
      expectOk(await ctx.call('update', () => adapter.update(id, { ...s.companions, [s.name]: max })), `update of ${s.name} to its maximum ${max}`);
      expectStored(await userOf(ctx.users, id), s.path, max, s.name === 'tspAccountAccountIndex' ? max : s.key, s.name);
    }));
}

// Kills: `n < def.min` → `n <= def.min` (L93) and a raised minimum in the connector's table (static: attributes.ts
// L180 timeZoneID `min: -1` → `+1`, which refuses zone 0): the catalog's minimum itself is a valid value.
function atMinimumCases(): CaseDef[] {
  return ranged().filter((s) => s.leaf.def.min !== undefined).map((s) => localCase(`at-minimum.${s.name}`,
    `${s.name} at its minimum (${s.leaf.def.min}) is accepted and stored`, async (ctx) => {
      await ctx.requireFeature(s.feature, s.name);
      const id = ctx.unique('lc');
      await ctx.users.create(ctx.base(id), SUBJECT_PATHS);
      const adapter = await ctx.adapter();
      const min = s.leaf.def.min!;
      expectOk(await ctx.call('update', () => adapter.update(id, { ...s.companions, [s.name]: min })), `update of ${s.name} to its minimum ${min}`);
      expectStored(await userOf(ctx.users, id), s.path, min, s.name === 'tspAccountAccountIndex' ? min : s.key, s.name);
    }));
}

// Kills: the static mutants of the connector's enumeration lists (connector/mapping/attributes.ts: a value emptied,
// e.g. L93 'PERSONAL' → "", L189 'FREE_OFFICE', L219 'REQUEST_TO_ACTIVATE', L234 'TOLL'): the cases above push
// one sample value, so a list that lost any other value went unnoticed. Every value the catalog lists is pushed.
function enumValueCases(): CaseDef[] {
  return specs().filter((s) => s.leaf.def.type === 'enum' && s.update && (s.leaf.def.enumValues?.length ?? 0) > 1).map((s) => localCase(`enum-values.${s.name}`,
    `every value Webex lists for ${s.name} (${s.leaf.def.enumValues!.length}) is accepted and stored`, async (ctx) => {
      await ctx.requireFeature(s.feature, s.name);
      const id = ctx.unique('ev');
      await ctx.users.create(ctx.base(id), SUBJECT_PATHS);
      const adapter = await ctx.adapter();
      for (const value of s.leaf.def.enumValues!) {
        expectOk(await ctx.call('update', () => adapter.update(id, { ...s.companions, [s.name]: value })), `update of ${s.name} to ${value}`);
        expectStored(await userOf(ctx.users, id), s.path, value, s.key, s.name);
      }
    }));
}

// Kills: `!Number.isSafeInteger(n)` → false (L66): 20.5 is no time zone; it must not be sent as "20.5".
const notWhole = localCase('integer-not-whole', 'an integer attribute given 20.5 → invalidValue naming timeZoneID; user unchanged', (ctx) =>
  refusedUpdate(ctx, { timeZoneID: 20.5 }, 'invalidValue', 'timeZoneID', 'update of timeZoneID to 20.5'));

/** Characters XML 1.0 cannot carry: a request holding one is not well-formed. */
const CONTROL_TEXTS = ['Bell\u0007Name', 'Nul\u0000Name', 'Esc\u001bName'];

// Kills: the control-character check in coerce (L85): without it the request cannot be built (connector/xml/escape.ts
// throws a plain Error) and the IdP sees an unclassified error instead of invalidValue naming the attribute.
const controlCharacters = localCase('control-character',
  `text with a control character XML cannot carry (${CONTROL_TEXTS.map((t) => JSON.stringify(t)).join(', ')}) → invalidValue naming the attribute; nothing created`, async (ctx) => {
    for (const text of CONTROL_TEXTS) await refusedCreate(ctx, { firstName: text }, 'invalidValue', 'firstName', `create with firstName ${JSON.stringify(text)}`);
    if (requestsFor(ctx, 'CreateUser') > 0) fail('no CreateUser sent', `${requestsFor(ctx, 'CreateUser')} sent`);
  });

/** Text a boolean attribute cannot mean: to be refused, never guessed. */
const NOT_BOOLEANS = ['yes', 'untrue', 'TRUE1', 'falsely', ''];

// Kills: the anchors of /^(true|false)$/i in coerce (L61: "untrue", "TRUE1" read as false), and the boolean branch.
const notABoolean = localCase('not-a-boolean',
  `a boolean attribute given text that is neither true nor false (${NOT_BOOLEANS.map((t) => JSON.stringify(t)).join(', ')}) → invalidValue naming it; user unchanged`, async (ctx) => {
    const id = ctx.unique('lc');
    await ctx.users.create(ctx.base(id), SUBJECT_PATHS);
    for (const text of NOT_BOOLEANS) await refusedUpdate(ctx, { privilegeHost: text }, 'invalidValue', 'privilegeHost', `update of privilegeHost to ${JSON.stringify(text)}`, id);
  });

// Kills: `typeof raw !== 'string' && typeof raw !== 'number'` → false (L83): a boolean is no title; storing "true"
// as one is damage. Also the enum (L77) and list (L73) type checks.
const wrongTypes = localCase('wrong-type',
  'a value of the wrong JSON type (title: true, language: 5, meetingTypes: [214.5]) → invalidValue naming the attribute; user unchanged', async (ctx) => {
    const id = ctx.unique('lc');
    await ctx.users.create(ctx.base(id), SUBJECT_PATHS);
    const wrong: [string, Profile[string]][] = [['title', true], ['language', 5], ['meetingTypes', [214.5]]];
    for (const [name, value] of wrong) await refusedUpdate(ctx, { [name]: value }, 'invalidValue', name, `update of ${name} to ${JSON.stringify(value)}`, id);
  });

/** An enum value the catalog does not list (checked: not one of language's values in any case). */
const NOT_A_LANGUAGE = 'KLINGON';

const notAnEnumValue = localCase('not-an-enum-value', `language "${NOT_A_LANGUAGE}" (not one of Webex's languages) → invalidValue naming language; user unchanged`, async (ctx) => {
  if (catalog.attributeByName.get('language')?.def.enumValues?.some((v) => v.toLowerCase() === NOT_A_LANGUAGE.toLowerCase())) throw new Error('test value is a language');
  await refusedUpdate(ctx, { language: NOT_A_LANGUAGE }, 'invalidValue', 'language', `update of language to ${NOT_A_LANGUAGE}`);
});

// Kills: checkString's length and pattern checks for personalUrl (L99, L102): Webex ignores personalUrl on
// CreateUser, so a connector that does not check the documented rule (≤ 64, A-Z a-z 0-9 _ - .) first creates the
// user and only then has its follow-up refused — the IdP is told "failed" while a user was made (its next push is a duplicate).
const personalUrlKnownInvalid = localCase('personal-url-known-invalid-on-create',
  'create with a personalUrl that breaks the documented rule (65 characters; a space and "!"; a leading "!") → invalidPersonalUrl naming personalUrl, and no user created', async (ctx) => {
    await refusedCreate(ctx, { personalUrl: 'a'.repeat(65) }, 'invalidPersonalUrl', 'personalUrl', 'create with a 65-character personalUrl');
    await refusedCreate(ctx, { personalUrl: 'my room!' }, 'invalidPersonalUrl', 'personalUrl', 'create with personalUrl "my room!"');
    // An invalid character before valid ones: kills the static mutant /[A-Za-z0-9_.-]+$/ (attributes.ts L118, ^ dropped).
    await refusedCreate(ctx, { personalUrl: '!my.room' }, 'invalidPersonalUrl', 'personalUrl', 'create with personalUrl "!my.room"');
    if (requestsFor(ctx, 'CreateUser') > 0) fail('no CreateUser sent', `${requestsFor(ctx, 'CreateUser')} sent`);
  });

/**
 * Values an IdP may send as text or as a bare number (SCIM and custom attributes are often strings; a one-entry
 * list may come as its entry). Optional: the adapter contract hands typed values, but the AttributeValue type
 * allows strings, and a connector that reads them must read them right.
 */
// Kills: the integer text form (L65 regexes, trimmed), the list text and scalar forms (L71, L72), the trims of the
// boolean (L61) and enum (L78) text forms, and numbers given for a string attribute (L83 `typeof raw !== 'number'`).
const textForms = localCase('typed-values-as-text',
  'typed attributes given as text or a bare number (timeZoneID "  20  ", languageID "9", meetingTypes "214, 216," and 214, privilegeHost " FALSE ", optionsEmailVisible " TRUE ", addressAddressType " global ", title 12345) are pushed as their value', async (ctx) => {
    const id = ctx.unique('tx');
    await ctx.users.create(ctx.base(id), SUBJECT_PATHS);
    const adapter = await ctx.adapter();
    const push = async (changes: Profile, what: string) => expectOk(await ctx.call('update', () => adapter.update(id, changes)), what);
    await push({ timeZoneID: '  20  ', languageID: '9', addressAddressType: ' global ', privilegeHost: ' FALSE ', optionsEmailVisible: ' TRUE ', title: 12345 }, 'update with text values');
    let rec = await userOf(ctx.users, id);
    expectStored(rec, 'timeZoneID', 20, undefined, 'timeZoneID ("  20  ")');
    expectStored(rec, 'options/emailVisible', true, undefined, 'optionsEmailVisible (" TRUE ")');
    expectStored(rec, 'languageID', 9, undefined, 'languageID ("9")');
    expectStored(rec, 'address/addressType', 'GLOBAL', undefined, 'addressAddressType (" global ")');
    expectStored(rec, 'privilege/host', false, undefined, 'privilegeHost (" FALSE ")');
    expectStored(rec, 'title', '12345', undefined, 'title (12345)');
    await push({ meetingTypes: '214, 216,', supportedServicesMeetingCenter: true, supportedServicesEventCenter: true }, 'update with meetingTypes "214, 216," (a trailing comma)');
    expectStored(await userOf(ctx.users, id), 'meetingTypes/meetingType', [214, 216], undefined, 'meetingTypes ("214, 216,")');
    await push({ meetingTypes: 214 as unknown as number[], supportedServicesMeetingCenter: true, supportedServicesEventCenter: true }, 'update with meetingTypes 214 (one entry, not a list)');
    rec = await userOf(ctx.users, id);
    expectStored(rec, 'meetingTypes/meetingType', [214], undefined, 'meetingTypes (214)');
  }, false);

/**
 * Text JavaScript's Number() (and many languages' number parsers) reads as an integer although it is not one
 * written in decimal digits: hexadecimal, octal, binary, an exponent. An IdP attribute "0x14" or "2e1" is no time
 * zone 20, and "0xd6" no session type 214: pushing the number such text happens to parse to writes a value the
 * admin never gave. Drawn from the run's seed: the number, and the notation it is spelt in.
 */
function nonDecimalSpellings(n: number): fc.Arbitrary<string> {
  return fc.constantFrom(`0x${n.toString(16)}`, `0o${n.toString(8)}`, `0b${n.toString(2)}`, `${n}e0`, `${n * 10}e-1`, ` ${n}e0 `);
}

// Kills (profile.ts): the anchors of the integer text form /^\s*-?\d+\s*$/ (L65: without ^ "0x14" is read as 20,
// without $ "20e0" as 20), `typeof raw === 'string' && …` → true (L65: `true` is read as 1, [20] as 20), and the
// anchors, `||` and → true of the list item form /^-?\d+$/ (L72: "0xd6" read as session type 214).
const nonDecimalIntegers: CaseDef = { seeded: true, ...localCase('integer-text-not-decimal',
  'an integer attribute given text that only a number parser reads as an integer (hex, octal, binary, exponent: timeZoneID "0x14", meetingTypes "0xd6"), or JSON true / [20], or a list in the list ([[214]]) → invalidValue naming it; user unchanged', async (ctx) => {
    const id = ctx.unique('nd');
    await ctx.users.create(ctx.base(id), SUBJECT_PATHS);
    const services = { supportedServicesMeetingCenter: true, supportedServicesEventCenter: true };
    const adapter = await ctx.adapter(); // one adapter for every draw (an adapter may be a process of its own)
    for (const value of [true, [20]] as unknown as Profile[string][]) {
      await refusedUpdate(ctx, { timeZoneID: value }, 'invalidValue', 'timeZoneID', `update of timeZoneID to ${JSON.stringify(value)}`, id, adapter);
    }
    // Kills profile.ts L72 `typeof item === 'string' && …` → true: a list inside the list reads as its one number.
    const nested = [[214]] as unknown as number[];
    await refusedUpdate(ctx, { meetingTypes: nested, ...services }, 'invalidValue', 'meetingTypes', 'update of meetingTypes to [[214]]', id, adapter);
    const timeZone = fc.integer({ min: 1, max: 30 }).chain(nonDecimalSpellings);
    const sessionType = fc.constantFrom(214, 216).chain(nonDecimalSpellings);
    await forAll(ctx, fc.tuple(timeZone, sessionType, fc.boolean()), 4, async ([zone, type, asList]) => {
      await refusedUpdate(ctx, { timeZoneID: zone }, 'invalidValue', 'timeZoneID', `update of timeZoneID to ${JSON.stringify(zone)}`, id, adapter);
      const types = (asList ? [type.trim()] : `${type}, 216`) as unknown as number[];
      await refusedUpdate(ctx, { meetingTypes: types, ...services }, 'invalidValue', 'meetingTypes', `update of meetingTypes to ${JSON.stringify(types)}`, id, adapter);
    });
    if (requestsFor(ctx, 'SetUser') > 0) fail('no SetUser sent (the values are known not to be integers)', `${requestsFor(ctx, 'SetUser')} sent`);
  }) };

const pad = (n: number) => String(n).padStart(2, '0');
const DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]; // February: 28, whatever the year
/** A valid MM/DD/YYYY HH:MM:SS (Webex's expirationDate form, SPEC.md §3) with month, day and hour in the given ranges. */
function webexDate(months: [number, number], days: [number, number], hours: [number, number]): fc.Arbitrary<string> {
  return fc.record({
    month: fc.integer({ min: months[0], max: months[1] }), day: fc.integer({ min: days[0], max: days[1] }), year: fc.integer({ min: 2027, max: 2099 }),
    hour: fc.integer({ min: hours[0], max: hours[1] }), minute: fc.integer({ min: 0, max: 59 }), second: fc.integer({ min: 0, max: 59 }),
  }).map((d) => `${pad(d.month)}/${pad(Math.min(d.day, DAYS_IN[d.month - 1]))}/${d.year} ${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}`);
}

// Kills: the static mutants of the connector's DATE_PATTERN (connector/mapping/attributes.ts L49) that refuse valid
// dates: `0[1-9]` → `0[^1-9]` (months and days 01-09), `[12]\d` → `[^12]\d` / `[12]\D` (days 10-29), `[01]\d` →
// `[^01]\d` / `[01]\D` (hours 00-19). The one sample date (12/31/2030 23:59:59) never meets them; each draw here
// holds one date from every range, so every seed does.
const expirationDates: CaseDef = { seeded: true, ...localCase('expiration-date-forms',
  'expirationDate in every valid MM/DD/YYYY HH:MM:SS form (months 01-09 and 10-12, days 01-09, 10-29 and 30-31, hours 00-09, 10-19 and 20-23; drawn with the seed) is accepted and stored as sent', async (ctx) => {
    const id = ctx.unique('ed');
    await ctx.users.create(ctx.base(id), SUBJECT_PATHS);
    const adapter = await ctx.adapter();
    const dates = fc.tuple(webexDate([1, 9], [1, 9], [0, 9]), webexDate([10, 12], [10, 29], [10, 19]), webexDate([1, 12], [30, 31], [20, 23]));
    await forAll(ctx, dates, 2, async (drawn) => {
      for (const date of drawn) {
        expectOk(await ctx.call('update', () => adapter.update(id, { expirationDate: date })), `update of expirationDate to ${date}`);
        expectStored(await userOf(ctx.users, id), 'expirationDate', date, undefined, 'expirationDate');
      }
    });
  }) };

// Kills: connector/xml/request.ts L49 (`<${tag}/>` for an empty value → nothing sent: the old value stays).
const clearText = localCase('clear-text-value', 'a text attribute cleared in the IdP (title "") is cleared on the site: stored empty', async (ctx) => {
  const id = ctx.unique('cl');
  await ctx.users.create({ ...ctx.base(id), title: 'To be cleared' }, SUBJECT_PATHS);
  const adapter = await ctx.adapter();
  expectOk(await ctx.call('update', () => adapter.update(id, { title: '' })), 'update of title to ""');
  const rec = await userOf(ctx.users, id);
  expectStored(rec, 'title', '', undefined, 'title ("")');
});

export function localCheckCases(): CaseDef[] {
  return [
    ...readOnlyCases(), tspWithoutIndex, ...outOfRangeCases(), ...atMaximumCases(), ...atMinimumCases(), ...enumValueCases(), notWhole, controlCharacters, notABoolean, wrongTypes,
    notAnEnumValue, personalUrlKnownInvalid, textForms, nonDecimalIntegers, expirationDates, clearText,
  ];
}
