/**
 * GetSite has the real shape (FINDINGS-2026-12 §2 GetSite, compared with the Control Hub web app's captured
 * GetSite answer): the 27 siteInstance blocks in the captured order, the metaData elements, the child orders
 * the findings name, the feature switches where the capture has them, and the captured namespaces.
 */
import { XMLParser } from 'fast-xml-parser';
import { createWebexMock } from '../../mock-server';
import { call, expectSuccess } from './support/client';

type Ordered = Record<string, unknown>[];
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false });
const nameOf = (n: Record<string, unknown>) => Object.keys(n).find((k) => k !== ':@')!;
function childrenAt(nodes: Ordered, path: string[]): Ordered {
  let cur = nodes;
  for (const seg of path) cur = (cur.find((n) => nameOf(n) === seg)![seg] as Ordered);
  return cur;
}
const names = (nodes: Ordered) => nodes.map(nameOf).filter((n) => n !== '#text').map((n) => n.replace(/^ns1:/, ''));

const mock = createWebexMock();
let text = '';
let inst: Ordered = [];
beforeAll(async () => {
  const a = await call(mock, 'GetSite');
  expectSuccess(a);
  text = a.text;
  inst = childrenAt(parser.parse(text) as Ordered, ['serv:message', 'serv:body', 'serv:bodyContent', 'ns1:siteInstance']);
});
const block = (...path: string[]) => names(childrenAt(inst, path.map((p) => `ns1:${p}`)));

it('declares serv, com, ns1 and event on the root, as captured', () => {
  expect(text).toContain('<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:com="http://www.webex.com/schemas/2002/06/common" xmlns:ns1="http://www.webex.com/schemas/2002/06/service/site" xmlns:event="http://www.webex.com/schemas/2002/06/service/event">');
  expect(text).toContain('<serv:bodyContent xsi:type="ns1:getSiteResponse" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">');
});

it('has the 27 siteInstance blocks in the real order', () => {
  expect(names(inst)).toEqual(`metaData, ucf, clientPlatforms, resourceRestrictions, supportAPI, myWebExConfig, telephonyConfig,
    commerceAndReporting, tools, custCommunications, trackingCodes, supportedServices, securityOptions, defaults,
    scheduleMeetingOptions, navBarTop, navMyWebEx, navAllServices, passwordCriteria, accountPasswordCriteria,
    productivityTools, meetingPlace, salesCenter, connectIntegration, video, siteCommonOptions, samlSSO`.split(/[\s,]+/));
});

it('metaData has the captured elements in order (plus the XSD host counters after componentVersion)', () => {
  const meta = block('metaData').filter((n, i, all) => all.indexOf(n) === i);
  expect(meta).toEqual(['isEnterprise', 'serviceType', 'meetingTypes', 'siteName', 'brandName', 'region', 'currency', 'timeZoneID',
    'timeZone', 'parterID', 'webDomain', 'meetingDomain', 'telephonyDomain', 'pageVersion', 'clientVersion', 'pageLanguage',
    'activateStatus', 'webPageType', 'iCalendar', 'myWebExDefaultPage', 'componentVersion', 'accountNumLimit', 'activeUserCount',
    'displayMeetingActualTime', 'displayOffset', 'supportWebEx11']);
});

it('orders myWebExConfig, telephonyConfig and siteCommonOptions as the capture does', () => {
  const my = block('myWebExConfig');
  expect(my.indexOf('enableMyWebExPro')).toBe(my.indexOf('myWebExProMaxHosts') - 1);
  expect(my.at(-1)).toBe('PMRheaderBranding');
  const tel = block('telephonyConfig');
  expect(tel[0]).toBe('isTSPUsingTelephonyAPI');
  expect(tel.indexOf('internetPhone')).toBeLessThan(tel.indexOf('callInTeleconferencing'));
  expect(tel.indexOf('intlCallBackTeleconferencing')).toBeGreaterThan(tel.indexOf('maxCallersNumber'));
  expect(tel.slice(-2)).toEqual(['teleCLIAuthEnabled', 'teleCLIPINEnabled']);
  expect(block('siteCommonOptions').slice(-2)).toEqual(['EnableCloudTelepresence', 'enablePersonalMeetingRoom']);
});

it('supportedServices, securityOptions, accountPasswordCriteria and samlSSO have the captured children', () => {
  expect(block('supportedServices', 'meetingCenter')).toEqual(['enabled', 'pageVersion', 'clientVersion']);
  expect(block('supportedServices', 'eventCenter')).toEqual(['enabled', 'pageVersion', 'clientVersion', 'marketingAddOn', 'optimizeAttendeeBandwidthUsage']);
  expect(block('securityOptions')).toHaveLength(19);
  const apc = block('accountPasswordCriteria');
  expect(apc.slice(0, 8)).toEqual(['mixedCase', 'minLength', 'minNumeric', 'minAlpha', 'minSpecial', 'disallow3XRepeatedChar', 'disallowWebTextAccounts', 'disallowList']);
  expect(apc.filter((n) => n === 'disallowValue')).toHaveLength(7);
  expect(block('samlSSO')).toEqual(['enableSSO', 'autoAccountCreation']);
  expect(text).toContain('<ns1:personalTeleconf><ns1:primaryLargeServer><serv:tollNum>'); // serv: children, as captured
  expect(text).toContain('<ns1:trackingCodes/>');
});

it('the site\'s own facts replace the captured defaults: SSO, suspension, password policy, features', async () => {
  const m = createWebexMock();
  expect(block('samlSSO', 'enableSSO')).toEqual([]);
  expect(text).toContain('<ns1:samlSSO><ns1:enableSSO>false</ns1:enableSSO>');
  m.control.patchSite('demo', { suspended: true, passwordPolicy: { minLength: 12 }, features: { hdVideo: true } });
  const a = await call(m, 'GetSite');
  expect(a.body!['ns1:siteInstance']['ns1:metaData']['ns1:activateStatus']).toBe('false');
  expect(a.body!['ns1:siteInstance']['ns1:accountPasswordCriteria']['ns1:minLength']).toBe('12');
  expect(a.body!['ns1:siteInstance']['ns1:video']['ns1:HDvideo']).toBe('true');
  expect(a.body!['ns1:siteInstance']['ns1:metaData']['ns1:siteName']).toBe('demo');
  // Nothing that would describe Cisco's own systems: no server address, no subscribe password.
  expect(a.text).not.toMatch(/173\.36\.|subscribePassword>pass</);
  // A SAML SSO site says so (signing in there takes an OAuth token: the site's GetSite read straight from the handler).
  m.control.patchSite('demo', { samlSSO: true });
  const { getSite } = await import('../../mock-server/operations/site-service');
  expect(getSite({ site: m.registry.get('demo')! } as never).body).toContain('<ns1:samlSSO><ns1:enableSSO>true</ns1:enableSSO>');
});
