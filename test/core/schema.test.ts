/**
 * Responses validated with xmllint against the official 2011 schemas (test/fixtures/xsd, copied from
 * reference/webex-xml-api/xsd-2011 and extended with the newer elements SPEC lists, each marked "webex-mock EXTENSION").
 * The document root must validate against service.xsd with user.xsd providing the bodyContent types.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { allFeatures, catalog, createWebexMock } from '../../mock-server';
import type { CatalogLeaf } from '../../mock-server/catalog';
import { call, expectFailure, expectSuccess, type Answer } from './support/client';
import { elements, escapeText } from './support/xml';
import { addSite, adminOf } from './support/sites';
import { validateAll, validateFile, xmllintAvailable } from './support/xsd';

const EXAMPLES = resolve(__dirname, '../../reference/webex-xml-api/examples');
const ORIGINAL_XSD = resolve(__dirname, '../../reference/webex-xml-api/xsd-2011');

if (!xmllintAvailable()) {
  throw new Error('xmllint is required for the schema tests: apt-get install -y libxml2-utils (.ci/run installs it)');
}

const mock = createWebexMock({ setup: (r) => { addSite(r, { name: 'full', features: allFeatures(true) }); } });
const A = adminOf('full');

/** One value per writable scalar attribute: every leaf of the catalog that CreateUser takes gets a value. */
function fullValue(leaf: CatalogLeaf): string {
  const d = leaf.def;
  if (d.rule === 'email') return `${d.element}.full@example.com`;
  if (d.rule === 'pin') return '2580';
  if (d.rule === 'password') return 'Secr3t!pass';
  if (d.rule === 'language') return 'GERMAN';
  if (d.rule === 'timeZoneId') return '25';
  if (d.rule === 'sessionType') return '216';
  switch (d.type) {
    case 'boolean': return 'true';
    case 'integer': return String(d.max ?? (d.min ?? 0) + 7);
    case 'enum': return d.enumValues![d.enumValues!.length - 1];
    case 'datetime': return '06/15/2030 10:20:30';
    case 'string': return `v-${d.element}`.slice(0, d.maxLength ?? 64);
  }
}

/** CreateUser body that fills every scalar attribute, every list and the non-attribute containers. */
function fullyPopulatedUser(): string {
  const scalars: Record<string, string | string[]> = {};
  for (const leaf of catalog.ATTRIBUTES) {
    if (leaf.list || leaf.def.access.create !== 'yes' || leaf.path === 'timeZone' || leaf.path === 'languageID') continue;
    scalars[leaf.path] = fullValue(leaf);
  }
  scalars.webExId = 'full.user';
  scalars.email = 'full.user@example.com';
  scalars['meetingTypes/meetingType'] = ['214', '216'];
  const tsp = (i: number) => `<tspAccount><tollFreeCallInNumber>1800555000${i}</tollFreeCallInNumber><accountIndex>${i}</accountIndex><tollCallInNumber>1408555000${i}</tollCallInNumber><subscriberAccessCode>11${i}</subscriberAccessCode><participantAccessCode>22${i}</participantAccessCode><createOnBridge>true</createOnBridge><defaultFlag>${i === 1}</defaultFlag><custom1>a</custom1><custom2>b</custom2><custom3>c</custom3><tollFreeCallInData>d</tollFreeCallInData><tollCallInData>e</tollCallInData><nbrDialOut>TOLL</nbrDialOut></tspAccount>`;
  const lists = `<tspAccount>${tsp(1)}${tsp(2)}</tspAccount>
    <personalTeleconf><account><subscriberAccessCode>1</subscriberAccessCode><participantFullAccessCode>2</participantFullAccessCode><participantLimitedAccessCode>3</participantLimitedAccessCode><accountIndex>1</accountIndex><defaultFlag>true</defaultFlag><autoGenerate>false</autoGenerate><joinBeforeHost>true</joinBeforeHost></account><joinBeforeHost>true</joinBeforeHost></personalTeleconf>
    <videoSystems><videoCallback><systemName>Room 1</systemName><address>room1@video.example.com</address><defaultFlag>true</defaultFlag></videoCallback></videoSystems>
    <thirdPartyTeleconf><account><name>Bridge</name><confBridgeNum>18005550100</confBridgeNum><pause>2</pause><accessCode>1234</accessCode><accountIndex>1</accountIndex><defaultFlag>true</defaultFlag><tollFreeNum>18005550101</tollFreeNum><moderatorCode>99</moderatorCode><phoneName1>a</phoneName1><phoneName2>b</phoneName2></account></thirdPartyTeleconf>
    <supportCenter><orderTabs><tab>Tools</tab><tab>Desktop</tab><tab>Application</tab><tab>Session</tab></orderTabs><serviceDesk><enable>true</enable></serviceDesk></supportCenter>
    <remoteSupport><sharingView>FS</sharingView><sharingColor>16BIT</sharingColor><recording><enforce>true</enforce><type>NBR</type><location>x</location></recording><autoRequest><enable>true</enable><request>DESK_VIEW</request></autoRequest><defaultClient><type>MULTI_SESS</type><singleSessClient>NEW_CONSL</singleSessClient></defaultClient></remoteSupport>
    <remoteAccess><sharingView>WIN</sharingView><sharingColor>256</sharingColor><recording><enforce>false</enforce></recording></remoteAccess>
    <eventCenter><optimizeAttendeeBandwidthUsage>true</optimizeAttendeeBandwidthUsage></eventCenter>`;
  return elements(scalars) + lists;
}

const answers: Record<string, Answer> = {};

beforeAll(async () => {
  const created = await call(mock, 'CreateUser', fullyPopulatedUser(), A);
  expectSuccess(created);
  answers.CreateUser = created;
  answers.SetUser = await call(mock, 'SetUser', elements({ webExId: 'full.user', personalUrl: 'full-user-room', 'personalMeetingRoom/hostPIN': '3691' }), A);
  expectSuccess(answers.SetUser);
  answers.GetUser = await call(mock, 'GetUser', '<webExId>full.user</webExId>', A);
  answers.AuthenticateUser = await call(mock, 'AuthenticateUser', '', A);
  answers.LstsummaryUser = await call(mock, 'LstsummaryUser', '<listControl><maximumNum>5</maximumNum></listControl>', A);
  answers.LstUser = await call(mock, 'LstUser', '', A);
  answers.GetloginTicket = await call(mock, 'GetloginTicket', '', A);
  answers.GetloginurlUser = await call(mock, 'GetloginurlUser', '<webExID>full.user</webExID><backURL>https://x.example.com/?a=1&amp;b=2</backURL>', A);
  answers.GetlogouturlUser = await call(mock, 'GetlogouturlUser', '<webExID>full.user</webExID>', A);
  answers.DelSessionTemplates = await call(mock, 'DelSessionTemplates', '<sessionTemplate><name>x</name><serviceType>MeetingCenter</serviceType></sessionTemplate>', A);
  answers.UploadPMRImage = await call(mock, 'UploadPMRImage', '<imageFor>Photo</imageFor><imageData>aGVsbG8=</imageData>', A);
  answers.DelUser = await call(mock, 'DelUser', '<webExId>full.user</webExId><webExId>nobody</webExId>', A);
  answers['FAILURE 030001'] = await call(mock, 'GetUser', '<webExId>nobody</webExId>', A);
  answers['FAILURE 110055 with serv:value'] = await (async () => {
    mock.registry.get('full')!.config.sessionTypes[1].limit = 0;
    return call(mock, 'CreateUser', elements({ webExId: 'x1', email: 'x1@example.com', 'meetingTypes/meetingType': ['216'] }), A);
  })();
  answers['FAILURE 030048 with subErrors'] = await call(mock, 'AuthenticateUser', '<accessToken>bad</accessToken>', { siteName: 'full', webExID: 'admin' });
  for (const [k, a] of Object.entries(answers)) if (k.startsWith('FAILURE')) expect(a.result).toBe('FAILURE');
});

it('the fully populated GetUser fills every catalog container (so validation sees every element)', () => {
  const text = answers.GetUser.text;
  expectSuccess(answers.GetUser);
  for (const leaf of catalog.ATTRIBUTES) expect([leaf.path, text.includes(`:${leaf.def.element}>`)]).toEqual([leaf.path, true]);
  for (const el of ['use:tspAccount><use:tspAccount>', 'use:videoCallback>', 'use:thirdPartyTeleconf>', 'use:orderTabs>', 'use:remoteSupport>', 'use:remoteAccess>', 'use:PRNotifications>', 'use:account>']) expect(text).toContain(el);
  expect(text).toContain('<use:personalUrl>full-user-room</use:personalUrl>');
});

it.each(['CreateUser', 'SetUser', 'GetUser', 'AuthenticateUser', 'LstsummaryUser', 'LstUser', 'GetloginTicket', 'GetloginurlUser', 'GetlogouturlUser', 'DelSessionTemplates', 'UploadPMRImage', 'DelUser', 'FAILURE 030001', 'FAILURE 110055 with serv:value', 'FAILURE 030048 with subErrors'])('%s response validates', (name) => {
  const [v] = validateAll([answers[name].text]);
  expect([name, v.errors]).toEqual([name, '']);
  expect(v.valid).toBe(true);
});

it('the 000000 envelope is the one deliberate deviation: the real service omits bodyContent, which the XSD requires', async () => {
  const a = await call(mock, 'java:com.webex.service.binding.user.NoSuchOperation', '', A);
  expectFailure(a, '000000');
  const [v] = validateAll([a.text]);
  expect(v.valid).toBe(false);
  expect(v.errors).toMatch(/Missing child element\(s\). Expected is \( \{http:\/\/www.webex.com\/schemas\/2002\/06\/service\}bodyContent \)/);
});

it('the validator is strict: a response with children out of XSD order, or an unknown element, fails', () => {
  const text = answers.GetUser.text;
  const swapped = text.replace(/(<use:firstName>[^<]*<\/use:firstName>)(<use:lastName>[^<]*<\/use:lastName>)/, '$2$1');
  expect(swapped).not.toBe(text);
  const unknown = text.replace('<use:userId>', '<use:shoeSize>44</use:shoeSize><use:userId>');
  const [a, b] = validateAll([swapped, unknown]);
  expect(a.valid).toBe(false);
  expect(b.valid).toBe(false);
});

describe('the real captures', () => {
  it('examples/getuser-response-1.xml (2016) and -2 validate against the extended schemas', () => {
    for (const f of ['getuser-response-1.xml', 'getuser-response-2.xml']) {
      const v = validateFile(join(EXAMPLES, f));
      expect([f, v.valid, v.errors.includes('fails')]).toEqual([f, true, false]);
    }
  });

  it('the 2011 schemas alone reject the 2016 capture (the extensions are what make it valid)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xsd-2011-'));
    try {
      const entry = join(dir, 'entry.xsd');
      writeFileSync(entry, `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
<xsd:import namespace="http://www.webex.com/schemas/2002/06/service" schemaLocation="${escapeText(join(ORIGINAL_XSD, 'service/service.xsd'))}"/>
<xsd:import namespace="http://www.webex.com/schemas/2002/06/service/user" schemaLocation="${escapeText(join(ORIGINAL_XSD, 'service/user/user.xsd'))}"/></xsd:schema>`);
      const run = spawnSync('xmllint', ['--noout', '--schema', entry, join(EXAMPLES, 'getuser-response-1.xml')], { encoding: 'utf8' });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/allowExtAttendees|additionalRecordingStorage|joinBeforeHost/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

