/**
 * Schema discovery in the report form and the connection test (issue 13 §1–2; contract 1.1, conformance/adapter.ts):
 * what an IdP's schema discovery and its "Test API credentials" button need from a Webex site.
 *
 * Schema: generated from the emulator's catalog — for every site feature, a site where only that feature is on and
 * one where only it is off (its switch, and the availability of exactly its attributes); the site facts GetSite
 * reports (session types, host licences, password criteria, SAML SSO, activation), each with the site configured to
 * a value the defaults do not have; and a GetSite as older or real sites answer it (a switch missing, no host
 * counters). An adapter answering the bare 1.0 attribute list skips these cases (CaseSkip): the facts are a
 * capability of the contract's report form, and an adapter that answers it is judged on all of them.
 *
 * testConnection is optional in the contract: a real IdP integration may leave credential checking to its first
 * import (Okta calls "Test API credentials" only when the app defines it), so an adapter without it skips these
 * cases; one that has it is judged on every one (Required).
 *
 * Each case says which mutants (file:line, mutator) or broken connector it kills.
 */
import { createServer } from 'node:net';
import { FEATURES, FEATURE_KEYS, KNOWN_SESSION_TYPES, type FeatureKey } from '../../mock-server/catalog';
import { schemaReport, type Adapter, type AdapterConfig, type ConnectionInfo, type SchemaAttribute, type SchemaReport } from '../adapter';
import { HOST, DEFAULT_SESSION_TYPE, SECOND_SESSION_TYPE } from '../emulator/in-process';
import { fault, type Fault } from '../emulator/faults';
import { expectError, expectOk } from './expect';
import { authorize } from './oauth';
import { CaseSkip, fail, short, type CaseContext, type CaseDef } from './types';
import { featureOf, supportedAttributes } from './values';

const CONTROL = 'sets the site\'s features, session types, licences or password rules';

/** A GetSite path as the contract names it: slash-separated local names; a trailing `/enabled` is optional. */
const norm = (path: string): string => path.replace(/\/enabled$/, '');
const featurePath = (key: FeatureKey): string => norm(FEATURES.find((f) => f.key === key)!.getSitePath.join('/'));

/** Features that gate a supported attribute: a connector must know their switch. */
function gatingFeatures(): FeatureKey[] {
  return [...new Set(supportedAttributes().map(featureOf).filter((f): f is FeatureKey => f !== undefined))];
}

async function reportOf(ctx: CaseContext, adapter?: Adapter): Promise<SchemaReport> {
  const a = adapter ?? await ctx.adapter();
  const result = expectOk(await ctx.call('schema', () => a.schema()), 'schema');
  const report = schemaReport(result);
  if (!report) throw new CaseSkip('the adapter answers schema() with the bare attribute list (contract 1.0); site facts and attribute details need the report form {attributes, site}');
  return report;
}

function byName(report: SchemaReport): Map<string, SchemaAttribute> {
  return new Map(report.attributes.map((a) => [a.name, a]));
}

/** The switches the adapter reports, by normalised GetSite path. */
function reportedFeatures(report: SchemaReport): Map<string, unknown> {
  return new Map(Object.entries(report.site.features ?? {}).map(([p, v]) => [norm(p), v]));
}

/**
 * On a site with exactly `on` switched on: every gating feature's switch reported with its value (others, when
 * reported, right too), and each attribute available exactly when its feature is on, its `feature` naming the switch.
 */
function expectFeatures(report: SchemaReport, on: (key: FeatureKey) => boolean): void {
  const wrong: string[] = [];
  const switches = reportedFeatures(report);
  for (const key of FEATURE_KEYS) {
    const path = featurePath(key);
    const got = switches.get(path);
    const required = gatingFeatures().includes(key);
    if (got === undefined && !switches.has(path)) { if (required) wrong.push(`switch ${path} (${key}) not reported`); continue; }
    if (got !== on(key)) wrong.push(`switch ${path} reported ${JSON.stringify(got)} (${key} is ${on(key) ? 'on' : 'off'})`);
  }
  const attrs = byName(report);
  const keyOfPath = new Map(FEATURE_KEYS.map((k) => [featurePath(k), k]));
  for (const leaf of supportedAttributes().filter((l) => l.def.access.set || l.def.access.create !== 'no')) {
    const name = leaf.def.attribute!;
    const a = attrs.get(name);
    // The catalog's gate; or, for an attribute Webex does not gate, a real switch the connector gates it by (the Cisco
    // admin UI offers supportedServices only for the site's centers, SPEC §3.18): judged by that switch.
    const key = featureOf(leaf) ?? (a?.feature ? keyOfPath.get(norm(a.feature.path)) : undefined);
    const expected = key === undefined || on(key);
    if (a?.available !== expected) wrong.push(`${name} reported ${a?.available === undefined ? 'without availability' : a.available ? 'available' : 'unavailable'}${key ? ` (${key} ${on(key) ? 'on' : 'off'})` : ''}`);
    if (key === undefined) continue;
    if (!a?.feature) { wrong.push(`${name}: no feature named (gated by ${featurePath(key)})`); continue; }
    if (norm(a.feature.path) !== featurePath(key)) wrong.push(`${name}: feature ${a.feature.path} (Webex gates it by ${featurePath(key)})`);
    if (a.feature.enabled !== on(key)) wrong.push(`${name}: feature enabled ${JSON.stringify(a.feature.enabled)} (${key} ${on(key) ? 'on' : 'off'})`);
  }
  if (wrong.length > 0) fail('the site\'s switches and the attributes they gate as GetSite reports them', short(wrong.join('; '), 1500));
}

function schemaCase(id: string, title: string, run: (ctx: CaseContext) => Promise<void>, site?: CaseDef['site'], group: CaseDef['group'] = 'lifecycle'): CaseDef {
  return { id, group, title, required: true, needsControl: CONTROL, ...(site ? { site } : {}), run };
}

// Kills: discover-schema.ts L59-62 (flag(): `enabled` child, true/false tests), L72 (first candidate decides),
// L115 ConditionalExpression (a feature on read as unknown), L129 (feature.enabled dropped), L155 (ungated attributes
// without availability); reference.ts L67 (available mapping); the broken connector test/broken-connectors/
// ignores-pmr-feature.ts. With one feature on and every other off, and the reverse, a switch read from the wrong
// element or with the wrong value shows as a wrong switch or a wrongly (un)available attribute.
function featureCases(): CaseDef[] {
  return FEATURE_KEYS.flatMap((key) => [
    schemaCase(`schema.only-on.${key}`, `schema discovery with only ${key} on: its switch on, every other off; exactly the attributes of the features on available`, async (ctx) => {
      expectFeatures(await reportOf(ctx), (k) => k === key);
    }, { featuresOff: FEATURE_KEYS.filter((k) => k !== key) }, 'features'),
    schemaCase(`schema.only-off.${key}`, `schema discovery with only ${key} off: its switch off, every other on; all attributes but its own available`, async (ctx) => {
      expectFeatures(await reportOf(ctx), (k) => k !== key);
    }, { featuresOff: [key] }, 'features'),
  ]);
}

/** The session types of the case site after the case adds `extra` (known ids: the catalog has their names). */
const ADDED_SESSION_TYPE = KNOWN_SESSION_TYPES.find((t) => t.id !== DEFAULT_SESSION_TYPE && t.id !== SECOND_SESSION_TYPE && t.serviceType === 'TrainingCenter')!;

/** Enumerations a connector may leave to Webex: long reference tables Webex validates itself (language case-insensitively). */
const OPEN_LISTS = new Set(['timeZone', 'language']);

/** What Webex enforces per attribute, as the catalog has it, against what the adapter reports. */
function detailErrors(report: SchemaReport, sessionTypes: readonly number[]): string[] {
  const wrong: string[] = [];
  const attrs = byName(report);
  const same = (a: readonly unknown[] | undefined, b: readonly unknown[]) => a !== undefined && a.length === b.length && [...a].map(String).sort().join('|') === [...b].map(String).sort().join('|');
  for (const leaf of supportedAttributes()) {
    const d = leaf.def;
    const name = d.attribute!;
    const a = attrs.get(name);
    if (!a) continue; // schema-attributes reports a missing attribute
    if ((a.base ?? false) !== (d.base ?? false)) wrong.push(`${name}: base ${JSON.stringify(a.base)} (Okta's base profile: ${d.base ?? false})`);
    if (a.maxLength !== d.maxLength) wrong.push(`${name}: maxLength ${JSON.stringify(a.maxLength)} (Webex: ${d.maxLength ?? 'none'})`);
    const allowed = name === 'meetingTypes' ? sessionTypes : d.enumValues;
    if (allowed && !(OPEN_LISTS.has(name) && a.allowedValues === undefined) && !same(a.allowedValues, allowed)) wrong.push(`${name}: allowedValues ${JSON.stringify(a.allowedValues)} (Webex: ${allowed.join(', ')})`);
    if (!allowed && a.allowedValues !== undefined) wrong.push(`${name}: allowedValues ${JSON.stringify(a.allowedValues)} (Webex takes any ${d.type})`);
    // timeZoneID: -1 on create means the site's zone (catalog note), so a connector may accept it; its upper bound is
    // the time-zone table Webex checks itself (030071 "Can't set field timeZoneID"), so a connector may leave it out.
    const minOk = a.min === d.min || (name === 'timeZoneID' && a.min === -1);
    if (!minOk) wrong.push(`${name}: min ${JSON.stringify(a.min)} (Webex: ${d.min ?? 'none'})`);
    if (a.max !== d.max && !(name === 'timeZoneID' && a.max === undefined)) wrong.push(`${name}: max ${JSON.stringify(a.max)} (Webex: ${d.max ?? 'none'})`);
  }
  return wrong;
}

function factCases(): CaseDef[] {
  return [
    // Kills: discover-schema.ts L121 (every attribute base), L123 (enumValues dropped), L124-L126 (maxLength / min / max
    // dropped), and a connector whose table has a wrong limit: an IdP that validates with a too large maxLength or a
    // wrong "one of" list pushes values Webex refuses; a too small one refuses values Webex takes.
    schemaCase('schema.attributes.details', 'schema discovery gives each attribute Webex\'s constraints: base flag, maxLength, allowed values (meetingTypes: the site\'s session types), integer bounds', async (ctx) => {
      const wrong = detailErrors(await reportOf(ctx), [DEFAULT_SESSION_TYPE, SECOND_SESSION_TYPE]);
      if (wrong.length > 0) fail('each attribute with the constraints Webex enforces (catalog: XSD, element pages)', short(wrong.join('; '), 2000));
    }),
    // Kills: discover-schema.ts L82-84 (meetingTypes read from the wrong element, ids or names dropped, the filter),
    // and the meetingTypes allowedValues of the reference adapter: the site decides which session types a user may hold.
    schemaCase('schema.site.session-types', `schema discovery lists the site's session types (${DEFAULT_SESSION_TYPE}, ${SECOND_SESSION_TYPE} and an added ${ADDED_SESSION_TYPE.id} ${ADDED_SESSION_TYPE.shortName}) with their names, and offers exactly them for meetingTypes`, async (ctx) => {
      await ctx.control().configure({ sessionTypes: [{ id: ADDED_SESSION_TYPE.id }] });
      const report = await reportOf(ctx);
      const expected = [DEFAULT_SESSION_TYPE, SECOND_SESSION_TYPE, ADDED_SESSION_TYPE.id];
      const names = new Map(KNOWN_SESSION_TYPES.map((t) => [t.id, t.shortName]));
      const got = report.site.sessionTypes ?? [];
      const ids = got.map((t) => t.id).sort((a, b) => a - b);
      if (JSON.stringify(ids) !== JSON.stringify([...expected].sort((a, b) => a - b))) fail(`session types ${expected.join(', ')}`, `${JSON.stringify(got)}`);
      const misnamed = got.filter((t) => t.name !== names.get(t.id));
      if (misnamed.length > 0) fail('each session type with the name GetSite gives it (meetingTypeName)', JSON.stringify(misnamed));
      const allowed = byName(report).get('meetingTypes')?.allowedValues;
      if (!allowed || JSON.stringify([...allowed].map(Number).sort((a, b) => a - b)) !== JSON.stringify(ids)) fail(`meetingTypes allowedValues = the site's session types ${ids.join(', ')}`, JSON.stringify(allowed));
    }),
    // Kills: discover-schema.ts L89 (numberAt regex: a two-digit limit), L93/L95 (accountNumLimit/activeUserCount paths),
    // L96 (active dropped), L177 (hosts dropped).
    schemaCase('schema.site.host-licences', 'schema discovery reports the host licences: a limit of 25 and the active hosts as the site counts them', async (ctx) => {
      await ctx.control().configure({ hostLimit: 25 });
      const active = (await ctx.control().usage()).hosts.used;
      const hosts = (await reportOf(ctx)).site.hosts;
      if (hosts?.limit !== 25 || hosts.active !== active) fail(`hosts {limit: 25, active: ${active}} (GetSite accountNumLimit / activeUserCount)`, JSON.stringify(hosts));
    }),
    // Kills: discover-schema.ts L89 (the sign of -1), the reading of an unlimited site as a limit.
    schemaCase('schema.site.host-licences-unlimited', 'schema discovery reports an unlimited site as host limit -1', async (ctx) => {
      const active = (await ctx.control().usage()).hosts.used;
      const hosts = (await reportOf(ctx)).site.hosts;
      if (hosts?.limit !== -1 || hosts.active !== active) fail(`hosts {limit: -1, active: ${active}}`, JSON.stringify(hosts));
    }, { hostLimit: null }),
    // Kills: discover-schema.ts L89 `true` (a missing counter read as NaN) and L96 (active kept when absent): the real
    // capture of GetSite (FINDINGS-2026-12 §2) has no accountNumLimit / activeUserCount; what a site does not say is not reported.
    schemaCase('schema.site.host-licences-absent', 'GetSite without host counters (as the real capture): no host licences reported, nothing invented', async (ctx) => {
      ctx.control().faults.push(fault.rewrite('GetSite', 'GetSite without accountNumLimit / activeUserCount', (body) => body.replace(/<ns1:(accountNumLimit|activeUserCount)>[^<]*<\/ns1:\1>/g, '')));
      const hosts = (await reportOf(ctx)).site.hosts;
      if (hosts !== undefined) fail('no host licences (GetSite did not report them)', JSON.stringify(hosts));
    }),
    // Kills: discover-schema.ts L100-108 (accountPasswordCriteria path, each minimum, mixedCase), L177 (criteria dropped).
    schemaCase('schema.site.password-criteria', 'schema discovery reports the site\'s password criteria (10 long, 2 digits, 3 letters, 1 special, mixed case)', async (ctx) => {
      await ctx.control().configure({ passwordPolicy: { minLength: 10, minDigits: 2, minLetters: 3, minSpecial: 1, mixedCase: true } });
      const got = (await reportOf(ctx)).site.passwordCriteria;
      const expected = { minLength: 10, minNumeric: 2, minAlpha: 3, minSpecial: 1, mixedCase: true };
      const wrong = Object.entries(expected).filter(([k, v]) => (got as Record<string, unknown> | undefined)?.[k] !== v);
      if (wrong.length > 0) fail(`passwordCriteria ${JSON.stringify(expected)} (GetSite accountPasswordCriteria)`, JSON.stringify(got));
    }),
    // Kills: discover-schema.ts L170/L175 (samlSSO path, samlSSO dropped) and L171/L173/L175 (activateStatus path,
    // siteActive dropped or inverted): an ordinary site is active and not SAML SSO, and says so.
    schemaCase('schema.site.flags', 'schema discovery reports an ordinary site as active and without SAML SSO', async (ctx) => {
      const site = (await reportOf(ctx)).site;
      if (site.samlSSO !== false || site.active !== true) fail('samlSSO false, active true (GetSite samlSSO/enableSSO, metaData/activateStatus)', JSON.stringify({ samlSSO: site.samlSSO, active: site.active }));
    }),
    // Kills: discover-schema.ts L173/L175 (siteActive); a suspended site (API 42.6.0) still answers GetSite.
    schemaCase('schema.site.suspended', 'schema discovery on a suspended site reports it not active', async (ctx) => {
      const site = (await reportOf(ctx)).site;
      if (site.active !== false) fail('active false (metaData/activateStatus on a suspended site)', JSON.stringify(site.active));
    }, { suspended: true }, 'errors'),
    // Kills: discover-schema.ts L170/L175 on an SSO site (samlSSO true), reached with OAuth as a connector must.
    schemaCase('schema.site.saml-sso', 'schema discovery on a SAML SSO site (signed in with OAuth) reports samlSSO', async (ctx) => {
      const adapter = await ctx.adapter({ password: '', oauth: await authorize(ctx, ['all_read', 'user_modify']) });
      const site = (await reportOf(ctx, adapter)).site;
      if (site.samlSSO !== true) fail('samlSSO true (GetSite samlSSO/enableSSO)', JSON.stringify(site.samlSSO));
    }, { samlSSO: true }, 'oauth'),
    // Kills: discover-schema.ts L150 BlockStatement (a failed GetSite swallowed), L177 (siteError dropped) and reference.ts
    // L64 (the error not reported): a schema whose site facts could not be read must not pass for "all unknown".
    { ...schemaCase('schema.site.get-site-fails', 'GetSite failing on every attempt (HTTP 503): schema discovery reports transient, not a schema without the site', async (ctx) => {
      ctx.control().faults.push(fault.http('GetSite', 503, Infinity));
      const adapter = await ctx.adapter();
      expectError(await ctx.call('schema', () => adapter.schema()), ['transient'], 'schema while GetSite fails');
    }), group: 'errors' },
    // Kills: discover-schema.ts L72 ConditionalExpression `true` and L115 `true` (a switch GetSite does not report read as
    // off): sites older than a switch do not report it; the attributes it gates are then of unknown availability, not refused.
    schemaCase('schema.site.switch-absent', 'GetSite without the Personal Room switch (an older site): the switch not reported, its attributes not reported unavailable', async (ctx) => {
      ctx.control().faults.push(fault.rewrite('GetSite', 'GetSite without enablePersonalMeetingRoom', (body) => body.replace(/<ns1:enablePersonalMeetingRoom>[^<]*<\/ns1:enablePersonalMeetingRoom>/, '')));
      const report = await reportOf(ctx);
      const path = featurePath('personalMeetingRoom');
      const got = reportedFeatures(report);
      if (got.has(path) && got.get(path) !== undefined) fail(`switch ${path} not reported (GetSite did not say)`, JSON.stringify(got.get(path)));
      const refused = supportedAttributes().filter((l) => featureOf(l) === 'personalMeetingRoom').map((l) => byName(report).get(l.def.attribute!))
        .filter((a) => a?.available === false || a?.feature?.enabled !== undefined).map((a) => a!.name);
      if (refused.length > 0) fail('the Personal Room attributes without availability', `reported as decided: ${refused.join(', ')}`);
    }),
  ];
}

// ---- testConnection -----------------------------------------------------------------------------------------

async function connectionOutcome(ctx: CaseContext, override: Partial<AdapterConfig> = {}) {
  const adapter = await ctx.adapter(override);
  if (!adapter.testConnection) throw new CaseSkip('the adapter does not offer testConnection (an optional operation of the contract)');
  const test = adapter.testConnection.bind(adapter);
  return ctx.call<ConnectionInfo>('testConnection', () => test());
}

function connectionCase(id: string, title: string, run: (ctx: CaseContext) => Promise<void>, site?: CaseDef['site'], needsControl?: string): CaseDef {
  return { id, group: 'errors', title, required: true, ...(site ? { site } : {}), ...(needsControl ? { needsControl } : {}), run };
}

/** A connection test changes nothing: no write request reached the site. */
function expectNoWrites(ctx: CaseContext): void {
  const writes = ctx.exchanges().filter((e) => /^(Create|Set|Del)User$/.test(e.operation ?? ''));
  if (writes.length > 0) fail('a connection test that changes nothing', `it sent ${writes.map((e) => e.operation).join(', ')}`);
}

function expectConnected(info: ConnectionInfo, siteName: string): void {
  if (info.siteName !== undefined && info.siteName.toLowerCase() !== siteName.toLowerCase()) fail(`site ${siteName}`, `site ${info.siteName}`);
  const failed = (info.checks ?? []).filter((c) => c.ok !== true);
  if (failed.length > 0) fail('every check of a successful connection test passed', `failed checks: ${failed.map((c) => c.name).join(', ')}`);
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function connectionCases(): CaseDef[] {
  return [
    // Kills: test-connection.ts L57-58 (privilege read from the wrong element, the admin test inverted), L51-55/L76
    // (a passing check reported failed), reference.ts testConnection mapping.
    connectionCase('test-connection.ok', 'testConnection with good admin credentials: ok, the site named, every check passed, nothing written', async (ctx) => {
      const info = expectOk(await connectionOutcome(ctx), 'testConnection with good credentials');
      expectConnected(info, ctx.controlled ? ctx.control().siteName : info.siteName ?? '');
      expectNoWrites(ctx);
    }),
    // Kills: test-connection.ts L36 (the error dropped from a failed report) and a connector that reports sign-in
    // failures as anything but authentication.
    connectionCase('test-connection.wrong-password', 'testConnection with a wrong password → authentication', async (ctx) => {
      expectError(await connectionOutcome(ctx, { password: 'Wr0ng!password' }), ['authentication'], 'testConnection with a wrong password (030002)');
      expectNoWrites(ctx);
    }),
    connectionCase('test-connection.unknown-admin', 'testConnection as an admin the site does not have → authentication', async (ctx) => {
      expectError(await connectionOutcome(ctx, { admin: 'wmconf-nobody' }), ['authentication'], 'testConnection as an unknown admin');
    }),
    // A wrong site name is not ok: the XML service says the site is unknown (authentication); on the real service the
    // site's own host name (site.webex.com) may answer no XML API at all (transient).
    connectionCase('test-connection.wrong-site', 'testConnection with a site name the service does not host → not ok (authentication, or transient where no XML API answers)', async (ctx) => {
      expectError(await connectionOutcome(ctx, { siteName: 'wmconf-no-such-site' }), ['authentication', 'siteUnsupported', 'transient'], 'testConnection with a wrong site name');
    }),
    // Kills: test-connection.ts L58 BlockStatement / BooleanLiteral (a plain host passes as admin only through the list call).
    connectionCase('test-connection.not-admin', 'testConnection as a plain host (no admin rights) → accessDenied', async (ctx) => {
      expectError(await connectionOutcome(ctx, { admin: HOST.webExId, password: HOST.password }), ['accessDenied'], 'testConnection as a user without admin rights');
    }, undefined, 'signs in as the site\'s plain host'),
    // Kills: test-connection.ts L58 ConditionalExpression `false` / BlockStatement: a read-only admin may list users, so
    // only the privilege check tells that every create and update will be refused.
    connectionCase('test-connection.read-only-admin', 'testConnection as a read-only site admin → accessDenied (Webex refuses its writes)', async (ctx) => {
      const id = ctx.unique('ro');
      const password = 'R0admin!Conf';
      await ctx.users.create({ ...ctx.base(id), password, privilegeRoSiteAdmin: true });
      expectError(await connectionOutcome(ctx, { admin: id, password }), ['accessDenied'], 'testConnection as a read-only site admin');
    }, undefined, 'creates a read-only admin with a known password'),
    // Kills: test-connection.ts L70 / L72 BlockStatement and L74 EqualityOperator (an admin call that fails ignored):
    // the sign-in works but the site cannot serve the admin's list call; the test must not say the connector is ready.
    connectionCase('test-connection.admin-call-fails', 'testConnection when sign-in works but every LstsummaryUser fails (HTTP 503) → not ok (transient)', async (ctx) => {
      ctx.control().faults.push(fault.http('LstsummaryUser', 503, Infinity));
      expectError(await connectionOutcome(ctx), ['transient'], 'testConnection while the admin list call fails');
    }, undefined, 'injects faults'),
    connectionCase('test-connection.unreachable', 'testConnection against a loopback port nothing listens on → transient', async (ctx) => {
      const port = await closedPort();
      expectError(await connectionOutcome(ctx, { url: `http://127.0.0.1:${port}/WBXService/XMLService` }), ['transient'], 'testConnection against an unreachable endpoint');
    }),
    connectionCase('test-connection.html', 'testConnection against an endpoint that answers an HTML page (HTTP 200) → transient', async (ctx) => {
      const html: Fault = { ...fault.http('*', 200, Infinity), label: 'an HTML page instead of the XML API' };
      ctx.control().faults.push(html);
      expectError(await connectionOutcome(ctx), ['transient'], 'testConnection against an HTML page');
    }, undefined, 'injects faults'),
    connectionCase('test-connection.control-hub', 'testConnection on a Control Hub managed site (API 41.11.0): ok', async (ctx) => {
      const info = expectOk(await connectionOutcome(ctx, { controlHubManaged: true }), 'testConnection on a Control Hub managed site');
      expectConnected(info, ctx.control().siteName);
    }, { controlHubManaged: true }, 'a Control Hub managed site'),
    { ...connectionCase('test-connection.oauth', 'testConnection on a SAML SSO site signed in with OAuth: ok', async (ctx) => {
      const info = expectOk(await connectionOutcome(ctx, { password: '', oauth: await authorize(ctx, ['all_read', 'user_modify']) }), 'testConnection with OAuth');
      expectConnected(info, ctx.control().siteName);
    }, { samlSSO: true }, 'an SSO site of the emulator and its OAuth endpoints'), group: 'oauth' },
    connectionCase('test-connection.password-on-sso-site', 'testConnection with a password on a SAML SSO site → siteUnsupported (030082: configure OAuth)', async (ctx) => {
      expectError(await connectionOutcome(ctx), ['siteUnsupported', 'authentication'], 'testConnection with a password on a SAML SSO site');
    }, { samlSSO: true }, 'an SSO site'),
  ];
}

export function schemaCases(): CaseDef[] {
  return [...factCases(), ...featureCases(), ...connectionCases()];
}
