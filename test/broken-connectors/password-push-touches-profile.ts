/** Broken: a password push also "refreshes" the user's privileges — the host privilege is reset to the default. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig, outcome } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  const connector = new WebexConnector(connectorConfig(config));
  return {
    ...adapterFor(connector),
    setPassword: (webExId, password) => outcome(async () => {
      await connector.pushPassword(webExId, password);
      return { webExId: (await connector.pushProfileUpdate(webExId, { privilegeHost: false })).webExId };
    }),
  };
};
