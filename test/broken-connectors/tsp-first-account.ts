/** Broken: writes every telephony account as account 1 (ignores tspAccountAccountIndex), so account 2 overwrites account 1. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory, Profile } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

const firstAccount = (p: Profile): Profile => (p.tspAccountAccountIndex === undefined ? p : { ...p, tspAccountAccountIndex: 1 });

export const createAdapter: AdapterFactory = (config) => {
  const inner = adapterFor(new WebexConnector(connectorConfig(config)));
  return { ...inner, create: (p) => inner.create(firstAccount(p)), update: (id, p) => inner.update(id, firstAccount(p)) };
};
