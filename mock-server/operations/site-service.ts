/**
 * Site service GetSite and ep service GetAPIVersion — what connectors use for schema discovery.
 * GetSite follows the real capture's block order (docs/notes/real-api-research.md §3.2), reduced to the blocks
 * that describe features, session types, the host limit and the password policy; feature flags come from
 * catalog/features getSitePath, so a new feature shows up here without code.
 */
import { FEATURES, SERVICE_TYPES, TIME_ZONES, TRAIN_RELEASE } from '../catalog';
import { childText } from '../wire';
import { NS } from '../wire';
import { element } from '../wire/escape';
import type { OperationContext, OperationResult } from './types';

const BLOCK_ORDER = ['metaData', 'myWebExConfig', 'telephonyConfig', 'tools', 'supportedServices', 'securityOptions', 'accountPasswordCriteria', 'video', 'siteCommonOptions'];
const SERVICE_LABEL: Record<string, string> = { MeetingCenter: 'Meeting Center', EventCenter: 'Event Center', TrainingCenter: 'Training Center', SupportCenter: 'Support Center', SalesCenter: 'Sales Center' };

/** Each center's `enabled` comes before its options (webACD, optimizeAttendeeBandwidthUsage), as in the capture. */
const FEATURES_ENABLED_FIRST = [...FEATURES].sort((a, b) => Number(b.getSitePath.at(-1) === 'enabled') - Number(a.getSitePath.at(-1) === 'enabled'));

/** Already-rendered XML for elements that repeat (a Map holds one value per name). */
interface Repeated { xml: string }
type Tree = Map<string, Tree | string | Repeated>;

function put(tree: Tree, path: readonly string[], value: string): void {
  let node = tree;
  for (const seg of path.slice(0, -1)) {
    let next = node.get(seg);
    if (!(next instanceof Map)) { next = new Map(); node.set(seg, next); }
    node = next;
  }
  node.set(path[path.length - 1], value);
}

function render(tree: Tree): string {
  let out = '';
  for (const [name, v] of tree) {
    out += v instanceof Map ? `<ns1:${name}>${render(v)}</ns1:${name}>` : typeof v === 'string' ? element('ns1', name, v) : v.xml;
  }
  return out;
}

export function getSite(ctx: OperationContext): OperationResult {
  const { config } = ctx.site;
  const usage = ctx.site.usage();
  const tree: Tree = new Map(BLOCK_ORDER.map((b) => [b, new Map()]));
  const meta = tree.get('metaData') as Tree;
  meta.set('isEnterprise', 'true');
  const services = SERVICE_TYPES.filter((t) => config.sessionTypes.some((s) => s.serviceType === t));
  // serviceType and meetingTypes repeat, right after isEnterprise as in the real capture.
  const repeated: Repeated = { xml: services.map((s) => element('ns1', 'serviceType', SERVICE_LABEL[s])).join('') +
    config.sessionTypes.map((t) => `<ns1:meetingTypes>${element('ns1', 'meetingTypeID', String(t.id))}${element('ns1', 'meetingTypeName', t.shortName)}${element('ns1', 'hideInScheduler', 'false')}</ns1:meetingTypes>`).join('') };
  meta.set('serviceType+meetingTypes', repeated);
  meta.set('siteName', config.name);
  meta.set('region', 'U.S.');
  meta.set('currency', 'US Dollars');
  meta.set('timeZoneID', String(config.timeZoneId));
  meta.set('timeZone', TIME_ZONES[config.timeZoneId] ?? '');
  meta.set('parterID', config.partnerId ?? ''); // sic: the real element is misspelt
  meta.set('webDomain', config.host);
  meta.set('pageVersion', TRAIN_RELEASE);
  meta.set('pageLanguage', 'ENGLISH');
  meta.set('activateStatus', 'true');
  meta.set('webPageType', 'J2EE');
  meta.set('accountNumLimit', config.hostLimit === null ? '-1' : String(config.hostLimit));
  meta.set('activeUserCount', String(usage.hosts.used));
  (tree.get('myWebExConfig') as Tree).set('myWebExProMaxHosts', '999999');
  for (const f of FEATURES_ENABLED_FIRST) put(tree, f.getSitePath, String(config.features[f.key]));
  const sec = tree.get('securityOptions') as Tree;
  sec.set('changePersonalURL', 'true');
  sec.set('strictUserPassword', 'true');
  const pw = tree.get('accountPasswordCriteria') as Tree;
  const p = config.passwordPolicy;
  pw.set('mixedCase', String(p.mixedCase));
  pw.set('minLength', String(p.minLength));
  pw.set('minNumeric', String(p.minDigits));
  pw.set('minAlpha', String(p.minLetters));
  pw.set('minSpecial', String(p.minSpecial));
  const inner = render(tree);
  return { body: `<ns1:siteInstance>${inner}</ns1:siteInstance>`, bodyNamespaces: { ns1: NS.site } };
}

/** The documented root of ep answers (serv, com, ep, meet), as the Control Hub UI captures show it too. */
const EP_ROOT = { serv: NS.serv, com: NS.com, ep: NS.ep, meet: NS.meet };

/**
 * Documented answer: apiVersion, release, apiVer (FINDINGS-2026-12 §2). The 2011 ep.xsd request flag
 * returnTrainReleaseVersion adds the train elements the 2016 captures show (T31L, order 400).
 */
export function getApiVersion(ctx: OperationContext): OperationResult {
  const v = ctx.site.config.apiVersion;
  const train = (childText(ctx.body, 'returnTrainReleaseVersion') ?? '').trim().toLowerCase() === 'true'
    ? `${element('ep', 'trainReleaseVersion', TRAIN_RELEASE)}${element('ep', 'trainReleaseOrder', '400')}` : '';
  return {
    body: `${element('ep', 'apiVersion', v.apiVersion)}${element('ep', 'release', v.release)}${train}${element('ep', 'apiVer', v.apiVer)}`,
    rootNamespaces: EP_ROOT,
  };
}
