/**
 * How Webex answers are spelt on the wire (issue 13 §1): the charset (the Content-Type header's, else the XML
 * declaration's — older answers declare ISO-8859-1, SPEC §1.1), a DOCTYPE no Webex answer carries, and a FAILURE
 * whose datum sits in serv:subErrors. Each case names the mutants of connector/xml/decode.ts and response.ts it kills.
 */
import { fault, type Fault } from '../emulator/faults';
import { DEFAULT_SESSION_TYPE, type SiteSpec } from '../emulator/in-process';
import { expectError, expectOk } from './expect';
import { fail, type CaseContext, type CaseDef } from './types';

/** Names ISO-8859-1 can carry, none of them ASCII: read as UTF-8 their bytes are not even valid UTF-8. */
const NAMES = { firstName: 'Zoë Ångström', lastName: 'Müller-Lüdenscheidt ßøñ' };

function answerCase(id: string, title: string, run: (ctx: CaseContext) => Promise<void>, required: boolean): CaseDef {
  return { id, group: 'lifecycle', title, required, needsControl: 'rewrites the encoding of Webex answers', run };
}

/**
 * A user with non-ASCII names, read back through each of `faults` (one GetUser each): the names must read right.
 * A `notWellFormed` answer may also be refused (and the GetUser retried): what a strict XML parser does.
 */
async function readThrough(ctx: CaseContext, faults: Fault[], notWellFormed: ReadonlySet<Fault> = new Set()): Promise<void> {
  const id = ctx.unique('cs');
  await ctx.users.create({ ...ctx.base(id), ...NAMES });
  const adapter = await ctx.adapter();
  for (const f of faults) {
    ctx.control().faults.splice(0, Infinity, f);
    const since = ctx.exchanges().length;
    const profile = expectOk(await ctx.call('get', () => adapter.get(id)), `get through an ${f.label}`);
    const wrong = Object.entries(NAMES).filter(([k, v]) => profile[k] !== v);
    if (wrong.length > 0) {
      fail(`${wrong.map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')} (${f.label})`, wrong.map(([k]) => `${k} ${JSON.stringify(profile[k])}`).join(', '));
    }
    // One request: an answer read as garbage and retried until the fault is spent does not count as read.
    const gets = ctx.exchanges().slice(since).filter((e) => e.operation === 'GetUser').length;
    if (gets !== 1 && !notWellFormed.has(f)) fail(`one GetUser (${f.label})`, `${gets} GetUser requests`);
  }
  ctx.control().faults.length = 0;
}

const DECLARED = '<?xml version="1.0" encoding="ISO-8859-1"?>';

export function answerCases(): CaseDef[] {
  return [
    // Kills decode.ts L6 regex mutants that read one character of the header's charset (`([\w.:-])` → "I") or its
    // last one (`=\S*"?` → "1"): an unknown label, read as UTF-8. Required: Cisco's own examples of answers declare
    // ISO-8859-1 (the 000045 and 010106 examples, reference/webex-xml-api/FINDINGS-2026-12.md), and HTTP says so too.
    answerCase('answer-iso-8859-1', 'GetUser answered in ISO-8859-1 (Content-Type text/xml;charset=ISO-8859-1, declaration encoding="ISO-8859-1") → non-ASCII names read right',
      (ctx) => readThrough(ctx, [fault.latin1('GetUser', 'text/xml;charset=ISO-8859-1', DECLARED)]), true),

    // Kills decode.ts L8 (the declaration): `^\s<\?xml`, `[^>]encoding`, `[>]*encoding`, `encoding\s=`, `=\s["']`,
    // `[^"']([\w.:-]+)`, `([\w.:-])`, `([\W.:-]+)`, `([^\w.:-]+)`, `([\w.:-]+)[^"']` (no charset found: UTF-8) with the
    // plain declaration; `encoding\S*=` and `=\S*["']` with `encoding = '…'` (XML 1.0 §2.3 Eq allows spaces and
    // single quotes); `^\S*<\?xml` with a line break before the declaration (read garbled; refusing it passes). Optional: a real Webex site sends a
    // charset in its Content-Type; one without (a gateway's, an older server's) may never come.
    answerCase('answer-iso-8859-1-declared-only', 'GetUser answered in ISO-8859-1 with Content-Type text/xml (no charset): the XML declaration says ISO-8859-1 (as encoding="…", encoding = \'…\', after a line break: read or refused) → names read right',
      (ctx) => {
        // Not well-formed (XML 1.0 §2.8: the declaration comes first), so a strict parser may refuse it and retry.
        const afterLineBreak = fault.latin1('GetUser', 'text/xml', `\n${DECLARED}`);
        return readThrough(ctx, [
          fault.latin1('GetUser', 'text/xml', DECLARED),
          fault.latin1('GetUser', 'text/xml', '<?xml version="1.0" encoding = \'ISO-8859-1\' ?>'),
          afterLineBreak,
        ], new Set([afterLineBreak]));
      }, false),

    // Kills decode.ts L6 mutants that miss the header's charset where the declaration names none: `charset\s=`,
    // `=\s"?` (exactly one space), `"([\w.:-]+)` (quotes required), `([^\w.:-]+)`, `([\W.:-]+)` with charset=ISO-8859-1;
    // `charset\S*=` with `charset = "ISO-8859-1"`. Optional: a Webex answer carries an encoding in its declaration.
    answerCase('answer-iso-8859-1-header-only', 'GetUser answered in ISO-8859-1 whose declaration names no encoding: the Content-Type says so (charset=ISO-8859-1, charset="ISO-8859-1", charset = "ISO-8859-1") → names read right',
      (ctx) => readThrough(ctx, [
        fault.latin1('GetUser', 'text/xml;charset=ISO-8859-1', '<?xml version="1.0"?>'),
        fault.latin1('GetUser', 'text/xml; charset="ISO-8859-1"', ''),
        fault.latin1('GetUser', 'text/xml; charset = "ISO-8859-1"', '<?xml version="1.0"?>'),
      ]), false),
  ];
}

/** A GetUser answer carrying a DTD whose entity stands in for the title: what an XXE probe posing as Webex sends. */
const withDoctype = (body: string) => body
  .replace(/^(\s*<\?xml[^>]*\?>)/, '$1<!DOCTYPE serv:message [<!ENTITY injected "Injected by a DTD">]>')
  .replace(/<((?:\w+:)?title)>[^<]*<\/\1>/, '<$1>&injected;</$1>');

/** A 110055 answer with its session-type id in serv:subErrors instead of serv:value (the XSD allows both). */
const valueInSubError = (body: string) => body.replace(/<((?:\w+:)?)value>([^<]*)<\/\1value>/,
  '<$1subErrors><$1subError><$1exceptionID>110055</$1exceptionID><$1reason>User limit exceeded for Session Type</$1reason><$1value>$2</$1value></$1subError></$1subErrors>');

export function answerErrorCases(): CaseDef[] {
  return [
    // Kills response.ts L74 (`/<!DOCTYPE/i.test(xml)` → false: the DTD's entity expanded and its text read as the
    // user's title). Optional: Webex never sends a DTD; an answer with one is not Webex's (a hostile or broken
    // endpoint) — refusing it, or retrying and reading the real answer, both pass.
    answerErrorCase('doctype-answer-refused', 'GetUser answered once with a DOCTYPE whose entity stands in for the title → the connector does not read the entity (an error, or the real title after a retry)', async (ctx) => {
      const id = ctx.unique('dt');
      await ctx.users.create({ ...ctx.base(id), title: 'The real title' });
      ctx.control().faults.push(fault.rewrite('GetUser', 'a DOCTYPE with an internal entity in the answer', withDoctype, 1));
      const adapter = await ctx.adapter();
      const o = await ctx.call('get', () => adapter.get(id));
      if (o.ok && o.result.title !== 'The real title') fail('the DTD refused (an error, or the real title "The real title" after a retry)', `title ${JSON.stringify(o.result.title)}`);
    }, {}, false),

    // Kills response.ts L86 (`['subErrors', 'subError']` → [], 'subErrors' / 'subError' → '') and L97 (`(s) => s.value` →
    // `() => undefined`): the session type a 110055 names in its subError lost. Optional: Webex documents subErrors as
    // "additional information to supplement the reason" (developer.cisco.com/docs/webex-xml-api-reference-guide/
    // response-error-handling) but its captured 110055 carries the id in serv:value.
    answerErrorCase('session-type-in-suberror', 'session-type licences used up, and the 110055 names the session type in serv:subErrors (not serv:value) → licence error naming session type 214; no user created', async (ctx) => {
      const id = ctx.unique('se');
      ctx.control().faults.push(fault.rewrite('CreateUser', '110055 with the session type in a subError', valueInSubError, 1));
      const adapter = await ctx.adapter();
      const error = expectError(await ctx.call('create', () => adapter.create(ctx.base(id))), ['licence'], 'create when session type 214 is full (110055, value in a subError)');
      if (error.sessionType !== String(DEFAULT_SESSION_TYPE)) fail(`the error to name session type ${DEFAULT_SESSION_TYPE}`, `sessionType=${error.sessionType}`);
      if (await ctx.users.find(id)) fail(`no user ${id} created`, 'the user exists');
    }, { sessionTypeLimit: 2 }, false),
  ];
}

function answerErrorCase(id: string, title: string, run: (ctx: CaseContext) => Promise<void>, site: SiteSpec, required: boolean): CaseDef {
  return { id, group: 'errors', title, required, site, needsControl: 'rewrites Webex answers', run };
}
