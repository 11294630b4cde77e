/** The adapter for the reference connector (connector/): a thin translation of its API and error classes. */
import { ConnectorError, WebexConnector, type ConnectorConfig, type ErrorClass as ConnectorErrorClass } from '../../connector';
import type { SchemaAttribute as ConnectorAttribute, SchemaReport as ConnectorSchemaReport } from '../../connector/operations/discover-schema';
import { FEATURES, type FeatureKey } from '../../connector/mapping/features';
import type { Adapter, AdapterConfig, AdapterFactory, ClassifiedError, ErrorClass, Outcome, SchemaAttribute, SchemaReport, SiteFacts } from '../adapter';

const CLASS_MAP: Readonly<Record<ConnectorErrorClass, ErrorClass>> = {
  sessionTypeLimit: 'licence',
  hostLimit: 'hostLimit',
  featureNotEnabled: 'featureNotEnabled',
  invalidValue: 'invalidValue',
  invalidPersonalUrl: 'invalidPersonalUrl',
  duplicateUser: 'duplicate',
  userNotFound: 'notFound',
  authentication: 'authentication',
  accessDenied: 'accessDenied',
  rateLimited: 'rateLimited',
  siteUnsupported: 'siteUnsupported',
  transient: 'transient',
  unknown: 'unknown',
};

export function classify(error: unknown): ClassifiedError {
  if (error instanceof ConnectorError) {
    return {
      class: CLASS_MAP[error.errorClass] ?? 'unknown',
      message: error.message,
      ...(error.attribute !== undefined ? { attribute: error.attribute } : {}),
      ...(error.sessionType !== undefined ? { sessionType: error.sessionType } : {}),
    };
  }
  return { class: 'unknown', message: error instanceof Error ? error.message : String(error) };
}

export async function outcome<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    return { ok: false, error: classify(error) };
  }
}

/** Connector options for a conformance run: injected sleep when the emulator is in-process. */
export function connectorConfig(config: AdapterConfig, extra: Partial<ConnectorConfig> = {}): ConnectorConfig {
  return {
    url: config.url, siteName: config.siteName, admin: config.admin,
    ...(config.oauth ? { oauth: { ...config.oauth } } : { password: config.password }),
    ...(config.fastRetries ? { sleep: async () => {} } : {}),
    ...(config.controlHubManaged ? { controlHub: true } : {}),
    ...extra,
  };
}

/** Adapter over any WebexConnector (broken variants in test/ pass their own). */
export function adapterFor(connector: WebexConnector): Adapter {
  return {
    create: (profile) => outcome(async () => ({ webExId: (await connector.pushNewUser(profile)).webExId })),
    update: (webExId, profile) => outcome(async () => ({ webExId: (await connector.pushProfileUpdate(webExId, profile)).webExId })),
    setPassword: (webExId, password) => outcome(async () => ({ webExId: (await connector.pushPassword(webExId, password)).webExId })),
    deactivate: (webExId) => outcome(async () => ({ webExId: (await connector.deactivate(webExId)).webExId })),
    reactivate: (webExId) => outcome(async () => ({ webExId: (await connector.reactivate(webExId)).webExId })),
    get: (webExId) => outcome(async () => (await connector.getUser(webExId)).profile),
    import: () => outcome(async () => (await connector.listUsers()).map((u) => ({ ...u }))),
    schema: () => outcome(async () => {
      const report = await connector.discoverSchema();
      if (report.siteError) throw report.siteError;
      return schemaReportOf(report);
    }),
    testConnection: () => outcome(async () => {
      const report = await connector.testConnection();
      if (!report.ok) throw report.error ?? new Error('connection test failed without an error');
      return { siteName: report.siteName, admin: report.admin, checks: report.checks.map((c) => ({ name: c.name, ok: c.ok, message: c.message })) };
    }),
  };
}

/** Where GetSite reports a connector feature (its first candidate path). */
const featurePath = (key: FeatureKey): string => FEATURES[key].getSitePaths[0].join('/');

function attributeOf(a: ConnectorAttribute, sessionTypes: readonly number[]): SchemaAttribute {
  const allowed = a.name === 'meetingTypes' ? sessionTypes : a.enumValues;
  return {
    name: a.name, type: a.type, base: a.base,
    ...(a.siteStatus === 'available' ? { available: true } : a.siteStatus === 'feature-off' ? { available: false } : {}),
    ...(allowed ? { allowedValues: [...allowed] } : {}),
    ...(a.maxLength !== undefined ? { maxLength: a.maxLength } : {}),
    ...(a.min !== undefined ? { min: a.min } : {}),
    ...(a.max !== undefined ? { max: a.max } : {}),
    ...(a.feature ? { feature: { path: featurePath(a.feature.key), ...(a.feature.enabled !== undefined ? { enabled: a.feature.enabled } : {}) } } : {}),
  };
}

/** The connector's schema report in the contract's report form (1.1). */
export function schemaReportOf(report: ConnectorSchemaReport): SchemaReport {
  const site: SiteFacts = {
    sessionTypes: report.sessionTypes.map((t) => ({ id: t.id, ...(t.name !== undefined ? { name: t.name } : {}) })),
    features: Object.fromEntries(Object.entries(report.features).map(([key, on]) => [featurePath(key as FeatureKey), on as boolean])),
    ...(report.hosts ? { hosts: { ...report.hosts } } : {}),
    ...(report.passwordCriteria ? { passwordCriteria: { ...report.passwordCriteria } } : {}),
    ...(report.samlSSO !== undefined ? { samlSSO: report.samlSSO } : {}),
    ...(report.siteActive !== undefined ? { active: report.siteActive } : {}),
  };
  const ids = report.sessionTypes.map((t) => t.id);
  return { attributes: report.attributes.map((a) => attributeOf(a, ids)), site };
}

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config)));
export default createAdapter;
