/** Broken: retries a failed SetUser by sending it again as it was — fine for a plain update, wrong for a rename that already landed. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory, Outcome, UserRef } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  // No retries inside the connector: this adapter does its own, blindly.
  const inner = adapterFor(new WebexConnector(connectorConfig(config, { retry: { maxAttempts: 1 } })));
  return {
    ...inner,
    async update(webExId, profile) {
      let o: Outcome<UserRef> = await inner.update(webExId, profile);
      for (let attempt = 2; attempt <= 3 && !o.ok && o.error.class === 'transient'; attempt++) o = await inner.update(webExId, profile);
      return o;
    },
  };
};
