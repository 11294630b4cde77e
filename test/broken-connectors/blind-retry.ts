/** Broken: retries a failed CreateUser by sending it again, without checking whether the first one landed. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory, Outcome, UserRef } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  // No retries inside the connector: this adapter does its own, blindly.
  const inner = adapterFor(new WebexConnector(connectorConfig(config, { retry: { maxAttempts: 1 } })));
  return {
    ...inner,
    async create(profile) {
      let o: Outcome<UserRef> = await inner.create(profile);
      for (let attempt = 2; attempt <= 3 && !o.ok && o.error.class === 'transient'; attempt++) o = await inner.create(profile);
      return o;
    },
  };
};
