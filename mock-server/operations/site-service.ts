/**
 * Site service GetSite and ep service GetAPIVersion — what connectors use for schema discovery.
 * GetSite serves the real capture's shape (catalog/site-instance.ts: every block, in order, with the captured
 * defaults); the site's own facts replace those defaults by path. Feature flags come from catalog/features
 * getSitePath, so a new feature shows up here without code.
 */
import { FEATURES, SERVICE_TYPES, SITE_INSTANCE, TIME_ZONES, TRAIN_RELEASE, type SiteNode } from '../catalog';
import { NS, childText } from '../wire';
import { element, escapeXml } from '../wire/escape';
import type { Site } from '../site/site';
import type { OperationContext, OperationResult } from './types';

const SERVICE_LABEL: Record<string, string> = { MeetingCenter: 'Meeting Center', EventCenter: 'Event Center', TrainingCenter: 'Training Center', SupportCenter: 'Support Center', SalesCenter: 'Sales Center' };

/** GetSite's root as captured: serv, com, ns1, event (bodyContent declares only xsi). */
const SITE_ROOT = { serv: NS.serv, com: NS.com, ns1: NS.site, event: NS.event };

/** Values the site decides, by slash path below siteInstance (first element of that name at each level). */
function siteValues(site: Site): Map<string, string> {
  const { config } = site;
  const v = new Map<string, string>([
    ['metaData/siteName', config.name],
    ['metaData/brandName', config.name],
    ['metaData/timeZoneID', String(config.timeZoneId)],
    ['metaData/timeZone', TIME_ZONES[config.timeZoneId] ?? ''],
    ['metaData/parterID', config.partnerId ?? ''],
    ['metaData/webDomain', config.host],
    ['metaData/pageVersion', TRAIN_RELEASE],
    // Inference: a suspended site (API 42.6) is not an activated one.
    ['metaData/activateStatus', String(!config.suspended)],
    ['samlSSO/enableSSO', String(config.samlSSO ?? false)],
  ]);
  for (const f of FEATURES) v.set(f.getSitePath.join('/'), String(config.features[f.key]));
  const p = config.passwordPolicy;
  v.set('accountPasswordCriteria/mixedCase', String(p.mixedCase));
  v.set('accountPasswordCriteria/minLength', String(p.minLength));
  v.set('accountPasswordCriteria/minNumeric', String(p.minDigits));
  v.set('accountPasswordCriteria/minAlpha', String(p.minLetters));
  v.set('accountPasswordCriteria/minSpecial', String(p.minSpecial));
  return v;
}

const tag = (name: string) => (name.includes(':') ? name : `ns1:${name}`);

function slot(site: Site, which: 'serviceTypes' | 'meetingTypes' | 'hostCounters'): string {
  const { config } = site;
  if (which === 'serviceTypes') {
    return SERVICE_TYPES.filter((t) => config.sessionTypes.some((s) => s.serviceType === t)).map((s) => element('ns1', 'serviceType', SERVICE_LABEL[s])).join('');
  }
  if (which === 'meetingTypes') {
    return config.sessionTypes.map((t) => `<ns1:meetingTypes>${element('ns1', 'meetingTypeID', String(t.id))}${element('ns1', 'meetingTypeName', t.shortName)}${element('ns1', 'hideInScheduler', 'false')}</ns1:meetingTypes>`).join('');
  }
  // Host-licence counters of the site XSD (after componentVersion); the capture's site did not report them.
  return element('ns1', 'accountNumLimit', config.hostLimit === null ? '-1' : String(config.hostLimit))
    + element('ns1', 'activeUserCount', String(site.usage().hosts.used));
}

function render(site: Site, nodes: readonly SiteNode[], prefix: string, values: Map<string, string>): string {
  let out = '';
  const seen = new Set<string>();
  for (const n of nodes) {
    if ('slot' in n) { out += slot(site, n.slot); continue; }
    const path = prefix ? `${prefix}/${n.name}` : n.name;
    const first = !seen.has(n.name);
    seen.add(n.name);
    const name = tag(n.name);
    if ('children' in n) {
      out += n.children.length === 0 ? `<${name}/>` : `<${name}>${render(site, n.children, first ? path : `${path}#`, values)}</${name}>`;
    } else {
      const text = first ? values.get(path) ?? n.text : n.text;
      out += `<${name}>${escapeXml(text)}</${name}>`;
    }
  }
  return out;
}

export function getSite(ctx: OperationContext): OperationResult {
  const inner = render(ctx.site, SITE_INSTANCE, '', siteValues(ctx.site));
  return { body: `<ns1:siteInstance>${inner}</ns1:siteInstance>`, rootNamespaces: SITE_ROOT };
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
