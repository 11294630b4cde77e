/** Broken: reads boolean text case-sensitively, so "TRUE" (as IdPs send it) becomes false. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory, Profile } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

const BOOLEAN_VALUES = /^(true|false)$/i;
const coerce = (p: Profile): Profile => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' && BOOLEAN_VALUES.test(v) ? v === 'true' : v]));

export const createAdapter: AdapterFactory = (config) => {
  const inner = adapterFor(new WebexConnector(connectorConfig(config)));
  return { ...inner, create: (p) => inner.create(coerce(p)), update: (id, p) => inner.update(id, coerce(p)) };
};
