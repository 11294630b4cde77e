/** Broken: reads "Retry-After: 0" as no header at all (0 is falsy), and so waits its own default delay (6 s) instead of retrying at once. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

const zeroDropped: typeof fetch = async (input, init) => {
  const res = await globalThis.fetch(input, init);
  if (res.headers.get('retry-after')?.trim() !== '0') return res;
  const headers = new Headers(res.headers);
  headers.delete('retry-after');
  return new Response(await res.arrayBuffer(), { status: res.status, headers });
};

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, { fetch: zeroDropped, retry: { rateLimitDelayMs: 6000 } })));
