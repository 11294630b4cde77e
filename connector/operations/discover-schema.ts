import { ConnectorError } from '../errors/connector-error';
import { ATTRIBUTES, type AttributeDef } from '../mapping/attributes';
import { FEATURES, type FeatureKey } from '../mapping/features';
import { asArray, at, isObject, textOf, type XmlNode, type XmlObject } from '../xml/response';
import type { ConnectorContext } from './context';
import * as requests from './requests';

/** Whether the site accepts an attribute now. `unknown` when GetSite did not say. */
export type SiteStatus = 'available' | 'feature-off' | 'unknown';

export interface SchemaAttribute {
  name: string;
  /** XML path below bodyContent, with the namespace prefix each element carries. */
  xmlPath: string;
  type: AttributeDef['type'];
  access: AttributeDef['access'];
  base: boolean;
  origin: AttributeDef['origin'];
  enumValues?: readonly string[];
  maxLength?: number;
  min?: number;
  max?: number;
  format?: string;
  note?: string;
  feature?: { key: FeatureKey; label: string; enabled?: boolean };
  siteStatus: SiteStatus;
}

export interface SessionType { id: number; name?: string }

/** Site password rules (GetSite accountPasswordCriteria), for the admin to compare with mapped passwords. */
export interface PasswordCriteria {
  minLength?: number;
  minNumeric?: number;
  minAlpha?: number;
  minSpecial?: number;
  mixedCase?: boolean;
}

export interface SchemaReport {
  attributes: SchemaAttribute[];
  /** Host licences (GetSite metaData accountNumLimit / activeUserCount), when the site reports them; -1 = unlimited. */
  hosts?: { limit: number; active?: number };
  passwordCriteria?: PasswordCriteria;
  /** Feature flags read from GetSite (undefined when GetSite does not report one). */
  features: Partial<Record<FeatureKey, boolean>>;
  sessionTypes: SessionType[];
  warnings: string[];
  /** Why site status is unknown, when GetSite failed. */
  siteError?: ConnectorError;
  /** GetSite samlSSO/enableSSO: a SAML SSO site, where only OAuth tokens sign in. */
  samlSSO?: boolean;
  /** GetSite metaData/activateStatus false: the site is not active (a suspended site refuses admins' writes). */
  siteActive?: boolean;
}

function flag(node: XmlNode | undefined): boolean | undefined {
  // A service element may be a plain boolean or, as in the XSD, carry an <enabled> child.
  const value = isObject(node) && 'enabled' in node ? textOf(node.enabled) : textOf(node);
  if (value === undefined) return undefined;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  return undefined;
}

/** Read every feature flag the connector knows from a GetSite siteInstance. */
export function featuresFromSite(siteInstance: XmlObject): Partial<Record<FeatureKey, boolean>> {
  const features: Partial<Record<FeatureKey, boolean>> = {};
  for (const def of Object.values(FEATURES)) {
    for (const path of def.getSitePaths) {
      const value = flag(at(siteInstance, path));
      if (value !== undefined) {
        features[def.key] = value;
        break;
      }
    }
  }
  return features;
}

function sessionTypesFromSite(siteInstance: XmlObject): SessionType[] {
  return asArray(at(siteInstance, ['metaData', 'meetingTypes']))
    .map((node) => ({ id: Number(textOf(at(node, ['meetingTypeID']))), name: textOf(at(node, ['meetingTypeName'])) }))
    .filter((t) => Number.isFinite(t.id));
}

function numberAt(node: XmlNode | undefined, path: string[]): number | undefined {
  const text = textOf(at(node, path));
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

function hostsFromSite(siteInstance: XmlObject): SchemaReport['hosts'] {
  const limit = numberAt(siteInstance, ['metaData', 'accountNumLimit']);
  if (limit === undefined) return undefined;
  const active = numberAt(siteInstance, ['metaData', 'activeUserCount']);
  return { limit, ...(active !== undefined ? { active } : {}) };
}

function passwordCriteriaFromSite(siteInstance: XmlObject): PasswordCriteria | undefined {
  const node = at(siteInstance, ['accountPasswordCriteria']);
  if (!isObject(node)) return undefined;
  const criteria: PasswordCriteria = {};
  for (const key of ['minLength', 'minNumeric', 'minAlpha', 'minSpecial'] as const) {
    const n = numberAt(node, [key]);
    if (n !== undefined) criteria[key] = n;
  }
  const mixed = flag(node.mixedCase);
  if (mixed !== undefined) criteria.mixedCase = mixed;
  return criteria;
}

function describe(def: AttributeDef, features: Partial<Record<FeatureKey, boolean>>, siteKnown: boolean): SchemaAttribute {
  const enabled = def.feature ? features[def.feature] : undefined;
  const siteStatus: SiteStatus = !def.feature ? (siteKnown ? 'available' : 'unknown')
    : enabled === true ? 'available' : enabled === false ? 'feature-off' : 'unknown';
  return {
    name: def.name,
    xmlPath: def.path.map((segment, i) => `${def.ns[i]}:${segment}`).join('/'),
    type: def.type,
    access: def.access,
    base: def.base ?? false,
    origin: def.origin,
    ...(def.enumValues ? { enumValues: def.enumValues } : {}),
    ...(def.maxLength !== undefined ? { maxLength: def.maxLength } : {}),
    ...(def.min !== undefined ? { min: def.min } : {}),
    ...(def.max !== undefined ? { max: def.max } : {}),
    ...(def.patternText ? { format: def.patternText } : {}),
    ...(def.note ? { note: def.note } : {}),
    ...(def.feature ? { feature: { key: def.feature, label: FEATURES[def.feature].label, ...(enabled !== undefined ? { enabled } : {}) } } : {}),
    siteStatus,
  };
}

/** The attribute table without asking the site (offline schema). */
export function staticSchema(): SchemaAttribute[] {
  return ATTRIBUTES.map((def) => describe(def, {}, false));
}

/**
 * Every supported attribute with its type and constraints, and — from GetSite — whether the site accepts
 * it now. Attributes whose feature is off get a warning: mapping them would fail on provisioning.
 */
export async function discoverSchema(ctx: ConnectorContext): Promise<SchemaReport> {
  let siteInstance: XmlObject | undefined;
  let siteError: ConnectorError | undefined;
  try {
    const response = await ctx.client.call(requests.getSite());
    const node = at(response.body, ['siteInstance']);
    siteInstance = isObject(node) ? node : undefined;
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    siteError = error;
  }
  const features = siteInstance ? featuresFromSite(siteInstance) : {};
  const attributes = ATTRIBUTES.map((def) => describe(def, features, siteInstance !== undefined));
  const warnings: string[] = [];
  if (siteError) warnings.push(`GetSite failed, site features unknown: ${siteError.message}`);
  const off = new Map<FeatureKey, string[]>();
  for (const a of attributes) {
    if (a.siteStatus === 'feature-off' && a.feature) off.set(a.feature.key, [...(off.get(a.feature.key) ?? []), a.name]);
  }
  for (const [key, names] of off) {
    warnings.push(`${FEATURES[key].label} is off on this site: do not map ${names.join(', ')} (Webex refuses them)`);
  }
  const hosts = siteInstance ? hostsFromSite(siteInstance) : undefined;
  if (hosts && hosts.limit >= 0 && hosts.active !== undefined && hosts.active >= hosts.limit) {
    warnings.push(`The site host limit is reached (${hosts.active}/${hosts.limit} active hosts): creating or reactivating a user will fail`);
  }
  const passwordCriteria = siteInstance ? passwordCriteriaFromSite(siteInstance) : undefined;
  const samlSSO = siteInstance ? flag(at(siteInstance, ['samlSSO', 'enableSSO'])) : undefined;
  const siteActive = siteInstance ? flag(at(siteInstance, ['metaData', 'activateStatus'])) : undefined;
  if (samlSSO) warnings.push('The site uses SAML SSO: password authentication is not available, configure OAuth');
  if (siteActive === false) warnings.push('The site is not active (suspended): creating and updating users will fail (010107)');
  return {
    ...(samlSSO !== undefined ? { samlSSO } : {}), ...(siteActive !== undefined ? { siteActive } : {}),
    attributes, features, sessionTypes: siteInstance ? sessionTypesFromSite(siteInstance) : [], warnings,
    ...(hosts ? { hosts } : {}), ...(passwordCriteria ? { passwordCriteria } : {}), ...(siteError ? { siteError } : {}),
  };
}
