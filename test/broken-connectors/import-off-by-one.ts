/** Broken: the next LstsummaryUser page starts at the last user of the previous one (startFrom off by one). */
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
        const users: { webExId: string }[] = [];
        for (let start = 1; ;) {
          const { body } = await client.call(requests.lstsummaryUser(start, 500));
          const page = asArray(body.user).map((u) => ({ webExId: textOf((u as Record<string, never>).webExId) ?? '' }));
          users.push(...page);
          const total = Number(textOf((body.matchingRecords as Record<string, never> | undefined)?.total) ?? 0);
          if (page.length < 500 || start + page.length > total) return { ok: true, result: users };
          start += page.length - 1;
        }
      } catch (error) {
        return { ok: false, error: classify(error) };
      }
    },
  };
};
