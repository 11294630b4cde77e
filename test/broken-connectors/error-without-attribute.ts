/** Broken: reports errors without the attribute Webex named ("Can't set field timeZoneID" → an invalid value, but which?). */
import { WebexConnector } from '../../connector';
import type { Adapter, AdapterFactory, Outcome } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

const anonymous = <T>(o: Outcome<T>): Outcome<T> => (o.ok ? o : { ok: false, error: { class: o.error.class, message: o.error.message, ...(o.error.sessionType ? { sessionType: o.error.sessionType } : {}) } });

export const createAdapter: AdapterFactory = (config): Adapter => {
  const inner = adapterFor(new WebexConnector(connectorConfig(config)));
  return {
    ...inner,
    create: async (p) => anonymous(await inner.create(p)),
    update: async (id, p) => anonymous(await inner.update(id, p)),
  };
};
