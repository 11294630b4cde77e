/**
 * The connector's OWN settings as real sites have them (issue 13 §2): an admin whose webExId and password carry
 * XML-special characters, non-ASCII text or the catalog's maximum length, and a site name typed in another case
 * with a hyphen. Webex compares credentials exactly and site names case-insensitively: a connector that does not
 * escape, re-encodes, truncates or "cleans up" them cannot sign in. Each case names the broken connector
 * (test/broken-connectors/) it was written against.
 */
import fc from 'fast-check';
import { expectOk, expectStored, userOf } from './expect';
import { fit, forAll, textUpTo } from './property';
import { fail, type CaseContext, type CaseDef } from './types';

/** Catalog maxima (webExId 64, password 60: user-elements.ts). */
const WEBEX_ID_MAX = 64;
const PASSWORD_MAX = 60;

/**
 * A site admin with these credentials (written directly), then the connector signed in as that admin creates,
 * updates and reads a user: every request must authenticate and land.
 */
async function signedInAs(ctx: CaseContext, admin: string, password: string, what: string): Promise<void> {
  await ctx.users.create({ ...ctx.base(admin), email: `${ctx.unique('adm')}@${ctx.emailDomain}`, password, privilegeSiteAdmin: true });
  const adapter = await ctx.adapter({ admin, password });
  const id = ctx.unique('c');
  expectOk(await ctx.call('create', () => adapter.create({ ...ctx.base(id), title: 'Created' })), `create as an admin whose ${what}`);
  expectOk(await ctx.call('update', () => adapter.update(id, { title: 'Updated' })), `update as an admin whose ${what}`);
  const read = expectOk(await ctx.call('get', () => adapter.get(id)), `get as an admin whose ${what}`);
  if (read.title !== 'Updated') fail('get to return title "Updated"', `title ${JSON.stringify(read.title)}`);
  expectStored(await userOf(ctx.users, id), 'title', 'Updated');
}

function credentialCase(id: string, title: string, credentials: (ctx: CaseContext) => { admin: string; password: string }, what: string): CaseDef {
  return {
    id: `admin-credentials.${id}`, group: 'lifecycle', required: true, needsControl: 'creates a site admin with such credentials', title,
    async run(ctx) {
      const { admin, password } = credentials(ctx);
      await signedInAs(ctx, admin, password, what);
    },
  };
}

/** `text` padded with a repeating pattern to exactly `length` UTF-16 units. */
const padded = (text: string, pattern: string, length: number) => (text + pattern.repeat(length)).slice(0, length);

export function credentialCases(): CaseDef[] {
  return [
    // Kills: test/broken-connectors/unescaped-credentials (writes webExID and password into the securityContext
    // as they are), and escape mutants on securityContextXml in connector/xml/request.ts.
    credentialCase('xml-special', 'the admin\'s webExId and password with & < > " \' (and a literal "&amp;") are escaped: the connector signs in',
      (ctx) => ({ admin: `${ctx.unique('adm')}&<"o'k">`, password: 'S3cret&<">\'&amp;x' }), 'credentials carry & < > " \''),
    // Kills: test/broken-connectors/latin1-body (sends ISO-8859-1 while declaring UTF-8).
    credentialCase('non-ascii', 'the admin\'s webExId and password in other scripts (é, Ж, 日本, emoji) arrive as UTF-8: the connector signs in',
      (ctx) => ({ admin: `${ctx.unique('adm')}-Jürgen.日本😀`, password: 'Pässwörd1-Жюль😀' }), 'credentials are not ASCII'),
    // Kills: test/broken-connectors/truncates-password (keeps 32 characters of the admin password).
    credentialCase('max-length', `the admin's webExId at its maximum (${WEBEX_ID_MAX} characters) and password at its maximum (${PASSWORD_MAX}) are sent whole`,
      (ctx) => ({ admin: padded(ctx.unique('adm'), 'AbcDef', WEBEX_ID_MAX), password: padded('L0ng!', 'Pass-Word9', PASSWORD_MAX) }), 'credentials are at their maximum length'),
    // Kills: the three broken connectors above with drawn values (fixed seed in test/conformance/broken-connectors.test.ts).
    {
      id: 'admin-credentials.generated', group: 'lifecycle', required: true, seeded: true, needsControl: 'creates site admins with such credentials',
      title: 'admins with drawn webExIds and passwords (case, non-ASCII, XML-special, up to each maximum length): the connector signs in with each',
      async run(ctx) {
        await forAll(ctx, fc.tuple(textUpTo(WEBEX_ID_MAX), textUpTo(PASSWORD_MAX)), 3, async ([adminText, passwordText]) => {
          // The unique prefix keeps the webExId unique on the site; "Passw0rd" meets the site's password policy (8 characters, a digit).
          const admin = fit(`${ctx.unique('adm')}${adminText}`, WEBEX_ID_MAX);
          const password = fit(`Passw0rd${passwordText}`, PASSWORD_MAX);
          await signedInAs(ctx, admin, password, 'credentials were drawn');
        });
      },
    },
    // Kills: test/broken-connectors/normalises-site-name (strips what is not a letter or digit from the site name).
    {
      id: 'site-name.as-typed', group: 'lifecycle', required: true, needsControl: 'needs a site with a hyphenated name',
      title: 'a site name with hyphens and digits, typed in another case than Webex stores it: the connector reaches the site',
      site: { namePrefix: 'WmConf-Eu-' },
      async run(ctx) {
        const stored = ctx.control().siteName;
        const typed = [...stored].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');
        const adapter = await ctx.adapter({ siteName: typed });
        const id = ctx.unique('s');
        expectOk(await ctx.call('create', () => adapter.create(ctx.base(id))), `create on site "${typed}" (stored as "${stored}")`);
        const read = expectOk(await ctx.call('get', () => adapter.get(id)), `get on site "${typed}"`);
        if (read.email !== `${id}@${ctx.emailDomain}`) fail(`email ${id}@${ctx.emailDomain}`, `email ${JSON.stringify(read.email)}`);
        await userOf(ctx.users, id);
      },
    },
  ];
}
