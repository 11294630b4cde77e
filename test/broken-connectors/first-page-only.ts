/** Broken: import reads one LstsummaryUser page and stops (ignores matchingRecords.total). */
import { WebexConnector, XmlClient, endpointUrl } from '../../connector';
import * as requests from '../../connector/operations/requests';
import { asArray, textOf } from '../../connector/xml/response';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, classify, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  const client = new XmlClient({ url: endpointUrl(config.url), security: { siteName: config.siteName, credentials: { webExId: config.admin, password: config.password } } });
  return {
    ...adapterFor(new WebexConnector(connectorConfig(config))),
    async import() {
      try {
        const { body } = await client.call(requests.lstsummaryUser(1, 100));
        return { ok: true, result: asArray(body.user).map((u) => ({ webExId: textOf((u as Record<string, never>).webExId) ?? '' })) };
      } catch (error) {
        return { ok: false, error: classify(error) };
      }
    },
  };
};
