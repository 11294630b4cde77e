/** The adapter for the reference connector (connector/): a thin translation of its API and error classes. */
import { ConnectorError, WebexConnector, type ConnectorConfig, type ErrorClass as ConnectorErrorClass } from '../../connector';
import type { Adapter, AdapterConfig, AdapterFactory, ClassifiedError, ErrorClass, Outcome } from '../adapter';

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
      return report.attributes.map((a) => ({
        name: a.name, type: a.type,
        ...(a.siteStatus === 'available' ? { available: true } : a.siteStatus === 'feature-off' ? { available: false } : {}),
      }));
    }),
  };
}

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config)));
export default createAdapter;
