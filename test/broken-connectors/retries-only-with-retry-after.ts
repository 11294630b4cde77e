/** Broken: gives up on a rate limit (000045) that does not say how long to wait (no Retry-After header). */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  let throttledWithoutWait = false;
  const watching: typeof fetch = async (input, init) => {
    const res = await globalThis.fetch(input, init);
    const text = await res.text();
    throttledWithoutWait = /<(?:serv:)?exceptionID>000045</.test(text) && res.headers.get('retry-after') === null;
    return new Response(text, { status: res.status, headers: res.headers });
  };
  const sleep = async (ms: number) => {
    if (throttledWithoutWait) throw new Error('rate limited and the server did not say for how long: giving up');
    if (!config.fastRetries) await new Promise((resolve) => setTimeout(resolve, ms));
  };
  return adapterFor(new WebexConnector(connectorConfig(config, { fetch: watching, sleep })));
};
