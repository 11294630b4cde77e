/** Broken: creates the user, then sets its personalUrl with a SetUser whose failure it ignores — the create is reported done. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  const inner = adapterFor(new WebexConnector(connectorConfig(config)));
  return {
    ...inner,
    async create({ personalUrl, ...rest }) {
      const o = await inner.create(rest);
      if (o.ok && personalUrl !== undefined) await inner.update(o.result.webExId, { personalUrl });
      return o;
    },
  };
};
