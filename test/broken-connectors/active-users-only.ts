/** Broken: import lists only ACTIVATED users, so deactivated ones look absent (and the IdP would create them again). */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  const inner = adapterFor(new WebexConnector(connectorConfig(config)));
  return {
    ...inner,
    async import() {
      const o = await inner.import();
      return o.ok ? { ok: true, result: o.result.filter((u) => u.active !== 'DEACTIVATED') } : o;
    },
  };
};
