/** Broken: schema discovery does not know the Personal Room feature — its attributes are always shown available. */
import { WebexConnector } from '../../connector';
import { schemaAttributes, type AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  const base = adapterFor(new WebexConnector(connectorConfig(config)));
  return {
    ...base,
    async schema() {
      const o = await base.schema();
      return o.ok ? { ok: true, result: schemaAttributes(o.result).map((a) => (a.name.startsWith('personalMeetingRoom') ? { ...a, available: true } : a)) } : o;
    },
  };
};
