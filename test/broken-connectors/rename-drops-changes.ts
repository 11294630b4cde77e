/** Broken: a rename is sent on its own — the other attributes of the same update are dropped. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  const inner = adapterFor(new WebexConnector(connectorConfig(config)));
  return {
    ...inner,
    update: (webExId, profile) => (profile.webExId !== undefined && profile.webExId !== webExId ? inner.update(webExId, { webExId: profile.webExId }) : inner.update(webExId, profile)),
  };
};
