/** Broken: escapes & itself before its XML writer escapes again — "Smith & Co" is stored as "Smith &amp; Co". */
import { WebexConnector } from '../../connector';
import type { AdapterFactory, Profile } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

const preEscaped = (profile: Profile): Profile => Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/&/g, '&amp;') : v]));

export const createAdapter: AdapterFactory = (config) => {
  const base = adapterFor(new WebexConnector(connectorConfig(config)));
  return { ...base, create: (p) => base.create(preEscaped(p)), update: (id, p) => base.update(id, preEscaped(p)) };
};
