/** Broken: silently drops optionsEmailVisible from every profile it pushes (a missing row in its mapping). */
import { WebexConnector } from '../../connector';
import type { AdapterFactory, Profile } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

const without = ({ optionsEmailVisible: _dropped, ...rest }: Profile): Profile => rest;

export const createAdapter: AdapterFactory = (config) => {
  const inner = adapterFor(new WebexConnector(connectorConfig(config)));
  return { ...inner, create: (p) => inner.create(without(p)), update: (id, p) => inner.update(id, without(p)) };
};
