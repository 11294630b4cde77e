/** Broken: reads gsbStatus BACKUP as a failure before looking at the result, so every answer during maintenance "fails". */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

/** Any answer served by the backup data center becomes a gateway error before the connector reads it. */
const backupIsFailure: typeof fetch = async (input, init) => {
  const res = await globalThis.fetch(input, init);
  const text = await res.text();
  const status = /<(?:serv:)?gsbStatus>BACKUP</.test(text) ? 503 : res.status;
  return new Response(text, { status, headers: res.headers });
};

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, { fetch: backupIsFailure })));
