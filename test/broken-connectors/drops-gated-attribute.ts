/** Broken: when CreateUser is refused for a feature that is off, creates the user again without that attribute and reports success. */
import { WebexConnector } from '../../connector';
import type { Adapter, AdapterFactory, Outcome, UserRef } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config): Adapter => {
  const inner = adapterFor(new WebexConnector(connectorConfig(config)));
  return {
    ...inner,
    async create(profile) {
      const o: Outcome<UserRef> = await inner.create(profile);
      if (o.ok || o.error.class !== 'featureNotEnabled' || !o.error.attribute) return o;
      const { [o.error.attribute]: _dropped, ...rest } = profile;
      return inner.create(rest);
    },
  };
};
