/**
 * Shared by the benchmarks and the hardening tests: XML requests for each measured operation, a bench site
 * without licence limits, and a fully populated user (every attribute (SPEC §4) a client may set on CreateUser,
 * each with a distinct, realistic-length value) so memory and scale figures are not flattered by empty users.
 */
import {
  LISTS, LEAVES, USER_TREE, type ContainerDef, type ElementDef, type LeafDef,
} from '../mock-server/catalog';
import { escapeXml } from '../mock-server/wire';
import { allFeatures, knownSessionType, siteConfig, type SiteConfig } from '../mock-server/site/site-config';
import type { Site } from '../mock-server/site/site';
import type { SiteRegistry } from '../mock-server/site/registry';
import { inputFromPaths, type InputValue, type ListInputItem } from '../mock-server/site/user-input';

export const BENCH_SITE = { name: 'bench', id: 424242, admin: 'benchadmin', password: 'Bench#Pass2026', token: 'bench-access-token' } as const;

/** A site that never refuses for licences, so throughput runs measure the operation and not the error path. */
export function benchSiteConfig(partial: Partial<SiteConfig> = {}): SiteConfig {
  return siteConfig({
    name: BENCH_SITE.name,
    id: BENCH_SITE.id,
    features: allFeatures(true),
    sessionTypes: [knownSessionType(214, null), knownSessionType(4, null), knownSessionType(216, null)],
    defaultSessionTypes: [214],
    hostLimit: null,
    accessTokens: [{ token: BENCH_SITE.token, webExId: BENCH_SITE.admin }],
    ...partial,
  });
}

/** Add the bench site with its admin and `users` fully populated users. */
export function addBenchSite(registry: SiteRegistry, users: number, partial: Partial<SiteConfig> = {}): Site {
  const site = registry.add(benchSiteConfig(partial), 7);
  const domain = `${site.name}.example.com`;
  site.createUser(inputFromPaths({
    webExId: BENCH_SITE.admin, email: `${BENCH_SITE.admin}@${domain}`, firstName: 'Bench', lastName: 'Admin',
    password: BENCH_SITE.password, 'privilege/siteAdmin': 'true',
  }), { at: Date.UTC(2024, 0, 1) });
  for (let i = 1; i <= users; i++) site.createUser(inputFromPaths(fullUserValues(i)), { at: Date.UTC(2024, 0, 2) + i * 1000, skipLicenceChecks: true });
  return site;
}

const PIN_CYCLE = ['2580', '1357', '9024', '4682', '7319'];

/** A valid value for one leaf, distinct per user where the type allows (strings carry the user number). */
function leafValue(def: LeafDef, path: string, i: number): InputValue | undefined {
  switch (def.rule) {
    case 'email': return `${path.includes('2') ? 'alt.' : ''}user${i}@bench.example.com`;
    case 'password': return `Pw${i}#secret`;
    case 'pin': return PIN_CYCLE[i % PIN_CYCLE.length];
    case 'sessionType': return '214';
    case 'timeZoneId': return String(i % 60);
    case 'language': return 'ENGLISH';
    case 'personalUrl': return undefined; // generated on create
    default: break;
  }
  switch (def.type) {
    case 'boolean': return 'true';
    case 'integer': {
      const min = def.min ?? 0;
      const max = def.max ?? min + 100;
      return String(min + (i % (max - min + 1)));
    }
    case 'enum': return def.enumValues![0];
    case 'datetime': return '12/31/2030 23:59:59';
    case 'string': {
      const text = `${def.element} ${i}`;
      return def.maxLength !== undefined ? text.slice(0, def.maxLength) : text;
    }
  }
}

/** Leaves a connector maps (a flat attribute name, SPEC §4) that CreateUser accepts. */
const creatable = (def: LeafDef) => def.access.create === 'yes' && !def.derived && def.attribute !== undefined;

/**
 * Every attribute CreateUser accepts, by catalog path; lists carry one item (meetingTypes two).
 * `webExId` is user{i}; values are valid on the bench site (all features on).
 */
export function fullUserValues(i: number): Record<string, InputValue | ListInputItem[]> {
  const out: Record<string, InputValue | ListInputItem[]> = {};
  for (const leaf of LEAVES) {
    if (leaf.slot < 0 || !creatable(leaf.def)) continue;
    const v = leafValue(leaf.def, leaf.path, i);
    if (v !== undefined) out[leaf.path] = v;
  }
  out.webExId = `user${i}`;
  out.active = 'ACTIVATED';
  out.languageID = '1';
  for (const list of LISTS) {
    if (list.slot < 0 || list.def.access.create !== 'yes') continue;
    if (list.def.item.kind === 'container' && !(list.def.item as ContainerDef).children.some((c) => c.kind === 'leaf' && creatable(c))) continue;
    const item = list.def.item;
    if (item.kind === 'leaf') {
      out[list.path] = list.path === 'meetingTypes/meetingType' ? ['214', '4'] : [leafValue(item, list.path, i) ?? ''];
    } else {
      const record: Record<string, InputValue> = {};
      for (const c of (item as ContainerDef).children) {
        if (c.kind !== 'leaf' || !creatable(c) || c.element === 'delete') continue;
        const v = leafValue(c, `${list.path}/${c.element}`, i);
        if (v !== undefined) record[c.element] = v;
      }
      if (list.def.key) record[list.def.key] = '1';
      out[list.path] = [record];
    }
  }
  out['sessionOptions/defaultSessionType'] = '214';
  return out;
}

/** The same values as a CreateUser bodyContent, in catalog (schema) order. */
export function userElementsXml(values: Record<string, InputValue | ListInputItem[]>): string {
  const emit = (defs: readonly ElementDef[], prefix: string): string => defs.map((def) => {
    const path = prefix ? `${prefix}/${def.element}` : def.element;
    if (def.kind === 'leaf') {
      const v = values[path];
      return v === undefined || Array.isArray(v) ? '' : `<${def.element}>${escapeXml(String(v))}</${def.element}>`;
    }
    if (def.kind === 'container') {
      const inner = emit(def.children, path);
      return inner === '' ? '' : `<${def.element}>${inner}</${def.element}>`;
    }
    const items = values[path];
    if (!Array.isArray(items)) return '';
    return items.map((it) => (typeof it === 'object'
      ? `<${def.element}>${Object.entries(it).map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`).join('')}</${def.element}>`
      : `<${def.element}>${escapeXml(String(it))}</${def.element}>`)).join('');
  }).join('');
  return emit(USER_TREE, '');
}

export interface Credentials { siteName: string; webExID: string; password?: string; sessionTicket?: string; webExAccessToken?: string }

export const benchCredentials: Credentials = { siteName: BENCH_SITE.name, webExID: BENCH_SITE.admin, password: BENCH_SITE.password };
export const credentialsFor = (siteName: string): Credentials => ({ ...benchCredentials, siteName });

export function envelope(javaType: string, bodyXml: string, sc: Credentials = benchCredentials): string {
  const ctx = Object.entries(sc).filter(([, v]) => v !== undefined).map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<serv:message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:serv="http://www.webex.com/schemas/2002/06/service">
<header><securityContext>${ctx}</securityContext></header>
<body><bodyContent xsi:type="java:com.webex.service.binding.${javaType}">${bodyXml}</bodyContent></body></serv:message>`;
}

export const getUserXml = (webExId: string, sc?: Credentials) => envelope('user.GetUser', `<webExId>${escapeXml(webExId)}</webExId>`, sc);
export const createUserXml = (values: Record<string, InputValue | ListInputItem[]>, sc?: Credentials) => envelope('user.CreateUser', userElementsXml(values), sc);
export const setUserXml = (webExId: string, elements: string, sc?: Credentials) => envelope('user.SetUser', `<webExId>${escapeXml(webExId)}</webExId>${elements}`, sc);
export const lstsummaryXml = (startFrom: number, maximumNum: number, sc?: Credentials) => envelope('user.LstsummaryUser',
  `<listControl><startFrom>${startFrom}</startFrom><maximumNum>${maximumNum}</maximumNum><listMethod>AND</listMethod></listControl><order><orderBy>UID</orderBy><orderAD>ASC</orderAD></order>`, sc);

/** What a provisioning connector sends on CreateUser (Okta base attributes and a session type). */
export function connectorUserValues(i: number, prefix = 'new'): Record<string, InputValue | ListInputItem[]> {
  return {
    webExId: `${prefix}${i}`, email: `${prefix}${i}@bench.example.com`, firstName: `First${i}`, lastName: `Last${i}`,
    password: `Pw${i}#secret`, active: 'ACTIVATED', 'privilege/host': 'true', 'phones/phone': `1,408,555${String(i % 10000).padStart(4, '0')}`,
    'meetingTypes/meetingType': ['214'], timeZoneID: '4',
  };
}

/** Bodies that differ only by user number, built by splicing the number into a template (cheap for the load generator). */
export function numberedBodies(make: (i: number) => string, start: number): () => string {
  const MARK = 987654321;
  const parts = make(MARK).split(String(MARK));
  let n = start;
  return () => parts.join(String(n++));
}
