/**
 * Reading users back as Webex answers (issue 13 §1): the adapter contract's get() returns typed values
 * (booleans as booleans, integers as numbers) whichever way Webex spells them (true / TRUE, as its documentation
 * does), never the masked password, and the flat tspAccount* attributes show the account Webex flags as default.
 * Each case names the mutants of connector/mapping/profile.ts (readValue, chosenTspAccount, profileFromUser) it kills.
 */
import { fault } from '../emulator/faults';
import { expectOk } from './expect';
import { fail, type CaseContext, type CaseDef } from './types';
import type { Profile } from '../adapter';

/** Values of several types, each different from the catalog default. */
const TYPED: Profile = {
  timeZoneID: 20, languageID: 9, language: 'GERMAN', privilegeHost: false, optionsEmailVisible: true, myWebExMyContact: true,
  // Text attributes whose text looks like another type stay text.
  title: 'True', company: '12345',
};

function expectTyped(profile: Profile, expected: Profile, spelling: string): void {
  const wrong = Object.entries(expected).filter(([name, v]) => profile[name] !== v);
  if (wrong.length > 0) {
    fail(`typed values (${spelling}): ${wrong.map(([n, v]) => `${n} = ${JSON.stringify(v)} (${typeof v})`).join(', ')}`,
      wrong.map(([n]) => `${n} = ${JSON.stringify(profile[n])} (${typeof profile[n]})`).join(', '));
  }
  if ('password' in profile) fail('no password in the profile (GetUser only shows a mask)', `password = ${JSON.stringify(profile.password)}`);
}

async function readBack(ctx: CaseContext, upperCase: boolean): Promise<void> {
  const id = ctx.unique('rd');
  await ctx.users.create({ ...ctx.base(id), ...TYPED });
  if (upperCase) {
    ctx.control().faults.push(fault.rewrite('GetUser', 'booleans upper-cased in the GetUser answer (TRUE/FALSE, as Webex documents them)',
      (body) => body.replace(/>true</g, '>TRUE<').replace(/>false</g, '>FALSE<')));
  }
  const adapter = await ctx.adapter();
  const profile = expectOk(await ctx.call('get', () => adapter.get(id)), `get ${id}`);
  expectTyped(profile, TYPED, upperCase ? 'GetUser spelt the booleans TRUE / FALSE' : 'GetUser spelt them true / false');
}

// Kills: readValue's boolean and integer branches (L166, L167: values left as text, "20" or "true"; the integer
// regex mutants /^-\d+$/, /^-?\d$/, /^-?\D+$/; the type test dropped: a title "True" read as a boolean, a company
// "12345" as a number), and `if (def.name === 'password') continue` → false (L185).
const typedRead: CaseDef = {
  id: 'read-typed', group: 'attributes', required: true,
  title: 'get returns typed values: integers as numbers, booleans as booleans; no password (GetUser shows a mask)',
  run: (ctx) => readBack(ctx, false),
};

// Kills: the case-insensitive flag of readValue's boolean test (L166) and `text.toLowerCase()`.
const typedReadUpper: CaseDef = {
  id: 'read-typed-uppercase', group: 'attributes', required: true, needsControl: 'rewrites GetUser answers',
  title: 'GetUser booleans spelt TRUE / FALSE (as Webex documents them) come back as booleans',
  run: (ctx) => readBack(ctx, true),
};

// Kills: chosenTspAccount's default (L175 `isDefault` → undefined: the lowest accountIndex shown instead) and the
// tspAccount branch of profileFromUser (L194: the flat attributes read from the list, not the chosen account).
const tspDefaultAccount: CaseDef = {
  id: 'read-tsp-default-account', group: 'attributes', required: true,
  title: 'a user with telephony accounts 1 and 2, account 2 flagged default: get shows account 2 (its index, numbers and defaultFlag)',
  async run(ctx) {
    await ctx.requireFeature('tspTelephony', 'tspAccount*');
    const id = ctx.unique('rt');
    await ctx.users.create(ctx.base(id));
    const adapter = await ctx.adapter();
    expectOk(await ctx.call('update', () => adapter.update(id, { tspAccountAccountIndex: 1, tspAccountTollCallInNumber: '1,408,5550101', tspAccountDefaultFlag: false })), 'update of account 1');
    expectOk(await ctx.call('update', () => adapter.update(id, { tspAccountAccountIndex: 2, tspAccountTollCallInNumber: '1,408,5550102', tspAccountDefaultFlag: true })), 'update of account 2 (default)');
    const profile = expectOk(await ctx.call('get', () => adapter.get(id)), `get ${id}`);
    const expected: Profile = { tspAccountAccountIndex: 2, tspAccountTollCallInNumber: '1,408,5550102', tspAccountDefaultFlag: true };
    const wrong = Object.entries(expected).filter(([n, v]) => profile[n] !== v);
    if (wrong.length > 0) fail(`the default account: ${JSON.stringify(expected)}`, JSON.stringify(Object.fromEntries(Object.keys(expected).map((n) => [n, profile[n]]))));
  },
};

export function readingCases(): CaseDef[] {
  return [typedRead, typedReadUpper, tspDefaultAccount];
}
